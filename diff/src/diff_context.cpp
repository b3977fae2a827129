#include "diff_context.hpp"

#include <cctype>

namespace schemadiff::diff::detail {

namespace {

bool is_identifier_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '_' || c == '$' || u >= 0x80;
}

char fold(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool is_word_start(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) != 0 || c == '_' || u >= 0x80;
}

// Rewrites the column names an expression mentions (bare or quoted; string literals untouched)
// the way RENAME COLUMN rewrites them in the database.
std::string rename_identifiers(std::string_view expression, const NameMap& renames,
                               const DiffContext& context) {
    std::string out;
    out.reserve(expression.size());
    std::size_t i = 0;
    auto emit = [&](std::string_view word, char open, char close) {
        const auto found = renames.find(context.key(word));
        if (found == renames.end()) {
            if (open != '\0') out += open;
            out.append(word);
            if (close != '\0') out += close;
            return;
        }
        if (open != '\0') out += open;
        for (char c : found->second) {
            out += c;
            if (close != '\0' && close != ']' && c == close) out += c;
        }
        if (close != '\0') out += close;
    };
    while (i < expression.size()) {
        const char c = expression[i];
        if (c == '\'') {
            const std::size_t start = i++;
            while (i < expression.size()) {
                if (expression[i] == '\'' &&
                    (i + 1 >= expression.size() || expression[i + 1] != '\'')) {
                    ++i;
                    break;
                }
                i += expression[i] == '\'' ? std::size_t{2} : std::size_t{1};
            }
            out.append(expression.substr(start, i - start));
        } else if (c == '"' || c == '`' || c == '[') {
            const char close = c == '[' ? ']' : c;
            std::string word;
            std::size_t j = i + 1;
            while (j < expression.size()) {
                if (expression[j] == close) {
                    if (close != ']' && j + 1 < expression.size() && expression[j + 1] == close) {
                        word += close;
                        j += 2;
                        continue;
                    }
                    break;
                }
                word += expression[j++];
            }
            if (j >= expression.size()) {  // unterminated: leave the rest as it is
                out.append(expression.substr(i));
                break;
            }
            emit(word, c, close);
            i = j + 1;
        } else if (is_word_start(c) && (i == 0 || !is_identifier_char(expression[i - 1]))) {
            std::size_t j = i;
            while (j < expression.size() && is_identifier_char(expression[j])) ++j;
            const bool is_call = j < expression.size() && expression[j] == '(';
            if (is_call) {
                out.append(expression.substr(i, j - i));
            } else {
                emit(expression.substr(i, j - i), '\0', '\0');
            }
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

}  // namespace

std::string DiffContext::renamed_table(const std::string& current_table) const {
    if (table_renames.empty()) return current_table;
    const auto renamed = table_renames.find(key(current_table));
    return renamed == table_renames.end() ? current_table : renamed->second;
}

std::string DiffContext::renamed_column(const std::string& current_table,
                                        const std::string& column) const {
    if (column_renames.empty()) return column;
    const auto table = column_renames.find(key(current_table));
    if (table == column_renames.end()) return column;
    const auto renamed = table->second.find(key(column));
    return renamed == table->second.end() ? column : renamed->second;
}

Table DiffContext::renamed_current(const Table& current) const {
    Table table = without_hints(current);
    const std::string& old_name = current.name;
    table.name = renamed_table(old_name);
    auto rename_all = [&](std::vector<std::string>& columns, const std::string& owner) {
        for (auto& column : columns) column = renamed_column(owner, column);
    };
    const auto own_renames = column_renames.find(key(old_name));
    const bool has_column_renames = own_renames != column_renames.end();
    auto rewrite = [&](std::string& expression) {
        if (has_column_renames) {
            expression = rename_identifiers(expression, own_renames->second, *this);
        }
    };
    for (auto& column : table.columns) {
        column.name = renamed_column(old_name, column.name);
        if (column.generated) rewrite(column.generated->expression);
    }
    rename_all(table.primary_key.columns, old_name);
    for (auto& index : table.indexes) {
        for (auto& part : index.parts) {
            if (!part.column.empty()) part.column = renamed_column(old_name, part.column);
            if (part.expression) rewrite(*part.expression);
        }
        if (index.where) rewrite(*index.where);
    }
    for (auto& check : table.checks) rewrite(check.expression);
    for (auto& unique : table.unique_constraints) rename_all(unique.columns, old_name);
    for (auto& fk : table.foreign_keys) {
        rename_all(fk.columns, old_name);
        if (fk.referenced_schema) continue;  // a table of another schema: not renamed here
        if (fk.referenced_columns.empty()) {
            const auto referenced = current_tables.find(key(fk.referenced_table));
            if (referenced != current_tables.end()) {
                fk.referenced_columns = referenced->second->primary_key.columns;
            }
        }
        rename_all(fk.referenced_columns, fk.referenced_table);
        fk.referenced_table = renamed_table(fk.referenced_table);
    }
    return table;
}

bool DiffContext::renames_nothing_in(const Table& current) const {
    if (!table_renames.empty() || !column_renames.empty() || current.renamed_from) return false;
    for (const auto& column : current.columns) {
        if (column.renamed_from) return false;
    }
    for (const auto& fk : current.foreign_keys) {
        if (fk.referenced_columns.empty()) return false;
    }
    return true;
}

std::vector<std::string> DiffContext::target_referenced_columns(const ForeignKey& fk) const {
    if (!fk.referenced_columns.empty() || fk.referenced_schema) return fk.referenced_columns;
    const auto table = target_tables.find(key(fk.referenced_table));
    if (table == target_tables.end()) return {};
    return table->second->primary_key.columns;
}

Column without_hints(Column column) {
    column.renamed_from.reset();
    return column;
}

Table without_hints(Table table) {
    table.renamed_from.reset();
    for (auto& column : table.columns) column.renamed_from.reset();
    return table;
}

bool mentions_word(std::string_view sql, std::string_view name) {
    if (name.empty() || name.size() > sql.size()) return false;
    for (std::size_t i = 0; i + name.size() <= sql.size(); ++i) {
        std::size_t j = 0;
        while (j < name.size() && fold(sql[i + j]) == fold(name[j])) ++j;
        if (j != name.size()) continue;
        const bool starts_word = i == 0 || !is_identifier_char(sql[i - 1]);
        const std::size_t end = i + name.size();
        const bool ends_word = end == sql.size() || !is_identifier_char(sql[end]);
        if (starts_word && ends_word) return true;
    }
    return false;
}

}  // namespace schemadiff::diff::detail
