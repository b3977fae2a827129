#include "catalog_compare.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <variant>
#include <vector>

#include "schemadiff/core/schema_json.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::acceptance {

namespace {

bool is_plain_identifier(std::string_view word) {
    if (word.empty()) return false;
    const auto head = static_cast<unsigned char>(word.front());
    if (!(std::isalpha(head) != 0 || head == '_')) return false;
    return std::all_of(word.begin(), word.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return std::isalnum(u) != 0 || u == '_';
    });
}

// Removes the double quotes around plain, non-reserved identifiers (`"name"` -> `name`); leaves
// string literals and every other quoted text alone.
std::string unquote_plain_identifiers(std::string_view sql, const Dialect& dialect) {
    std::string out;
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            std::size_t j = i + 1;
            while (j < sql.size()) {
                if (sql[j] == c) {
                    if (j + 1 < sql.size() && sql[j + 1] == c) {
                        j += 2;
                        continue;
                    }
                    break;
                }
                ++j;
            }
            const auto end = std::min(j + 1, sql.size());
            const auto inner = sql.substr(i + 1, j > i ? j - i - 1 : 0);
            if (c == '"' && is_plain_identifier(inner) && !dialect.is_reserved_word(inner)) {
                out += inner;
            } else {
                out += sql.substr(i, end - i);
            }
            i = end;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

std::string fold(std::string_view sql, const Dialect& dialect) {
    return text::normalize_sql_expression(unquote_plain_identifiers(sql, dialect));
}

void fold(std::optional<std::string>& sql, const Dialect& dialect) {
    if (sql) *sql = fold(*sql, dialect);
}

}  // namespace

std::set<std::string> tables_with_appended_columns(const Plan& plan, const Dialect& dialect) {
    std::set<std::string> tables;
    for (const auto& op : plan.operations) {
        if (const auto* add = std::get_if<AddColumn>(&op)) {
            tables.insert(dialect.identifier_key(add->table));
        }
    }
    return tables;
}

Schema comparable(Schema schema, const Dialect& dialect,
                  const std::set<std::string>& free_column_order) {
    for (auto& table : schema.tables) {
        table.renamed_from.reset();
        for (auto& column : table.columns) {
            column.renamed_from.reset();
            if (column.generated)
                column.generated->expression = fold(column.generated->expression, dialect);
        }
        if (free_column_order.count(dialect.identifier_key(table.name)) != 0) {
            std::sort(table.columns.begin(), table.columns.end(),
                      [](const Column& a, const Column& b) { return a.name < b.name; });
        }
        for (auto& index : table.indexes) {
            fold(index.where, dialect);
            for (auto& part : index.parts) fold(part.expression, dialect);
        }
        for (auto& check : table.checks) check.expression = fold(check.expression, dialect);
        for (auto& trigger : table.triggers) trigger.sql = fold(trigger.sql, dialect);
    }
    for (auto& view : schema.views) view.sql = fold(view.sql, dialect);
    canonicalize(schema);
    return schema;
}

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

std::string describe_difference(const Schema& expected, const Schema& actual) {
    if (expected == actual) return {};
    const auto a = lines_of(schema_to_json(expected));
    const auto b = lines_of(schema_to_json(actual));
    // Longest common subsequence on lines; schemas in cases are small.
    std::vector<std::vector<std::size_t>> lcs(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = a.size(); i-- > 0;) {
        for (std::size_t j = b.size(); j-- > 0;) {
            lcs[i][j] =
                a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    std::ostringstream out;
    out << "--- expected\n+++ actual\n";
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            out << "  " << a[i] << '\n';
            ++i;
            ++j;
        } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
            out << "+ " << b[j++] << '\n';
        } else {
            out << "- " << a[i++] << '\n';
        }
    }
    if (a == b) out << "(the JSON forms are equal: the difference is in a field JSON omits)\n";
    return out.str();
}

std::string describe_operations(const Plan& plan) {
    std::string out;
    for (const auto& op : plan.operations) out += "  " + describe(op) + "\n";
    for (const auto& finding : plan.findings) {
        out += "  ! " + std::string(to_string(finding.kind)) + " " + finding.table +
               (finding.column.empty() ? "" : "." + finding.column) + ": " + finding.message + "\n";
    }
    return out;
}

}  // namespace schemadiff::acceptance
