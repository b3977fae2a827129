#include "case_checks.hpp"

#include <algorithm>
#include <stdexcept>

#include "catalog_compare.hpp"

namespace schemadiff::acceptance {

namespace {

Column* find_column(Table& table, const std::string& name, const Dialect& dialect) {
    for (auto& column : table.columns) {
        if (dialect.identifier_key(column.name) == dialect.identifier_key(name)) return &column;
    }
    return nullptr;
}

Table* find_table(Schema& schema, const std::string& name, const Dialect& dialect) {
    for (auto& table : schema.tables) {
        if (dialect.identifier_key(table.name) == dialect.identifier_key(name)) return &table;
    }
    return nullptr;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += "\n    " + line;
    return lines.empty() ? " (none)" : out;
}

std::string trimmed_end(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

// The first line where two texts differ, for a readable failure next to the full texts.
std::string first_difference(const std::string& expected, const std::string& actual) {
    std::size_t line = 1;
    std::size_t i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
        if (expected[i] == '\n') ++line;
        ++i;
    }
    return "first difference at line " + std::to_string(line);
}

}  // namespace

void apply_renames(Schema& target, const std::vector<RenameHint>& renames, const Dialect& dialect) {
    for (const auto& hint : renames) {
        auto* table = find_table(target, hint.table, dialect);
        if (table == nullptr)
            throw std::runtime_error("rename hint: no target table " + hint.table);
        if (hint.column.empty()) {
            table->renamed_from = hint.from;
            continue;
        }
        auto* column = find_column(*table, hint.column, dialect);
        if (column == nullptr) {
            throw std::runtime_error("rename hint: no target column " + hint.table + "." +
                                     hint.column);
        }
        column->renamed_from = hint.from;
    }
}

std::vector<std::string> finding_lines(const Plan& plan) {
    std::vector<std::string> lines;
    for (const auto& finding : plan.findings) {
        lines.push_back(std::string(to_string(finding.kind)) + " " + finding.table +
                        (finding.column.empty() ? "" : "." + finding.column));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::vector<std::string> check_plan(const AcceptanceCase& acceptance_case, const Plan& plan,
                                    const std::vector<std::string>& findings,
                                    const std::string& upgrade_sql,
                                    const PlanExpectations& expected) {
    std::vector<std::string> failures;
    const bool loses_data =
        std::any_of(plan.findings.begin(), plan.findings.end(),
                    [](const Finding& f) { return f.kind == FindingKind::DataLoss; });
    if (loses_data && !acceptance_case.is_lossy) {
        failures.push_back("the plan reports data loss but the case does not declare `-- lossy`:" +
                           joined(findings));
    }
    if (acceptance_case.is_equivalent && !plan.empty()) {
        failures.push_back("the case declares `-- equivalent` but the plan is not empty:\n" +
                           describe_operations(plan));
    }
    if (expected.findings && *expected.findings != findings) {
        failures.push_back("findings differ:\n  expected" + joined(*expected.findings) +
                           "\n  actual" + joined(findings));
    }
    if (expected.sql) {
        const auto actual = trimmed_end(upgrade_sql);
        if (*expected.sql != actual) {
            failures.push_back("upgrade SQL differs (" + first_difference(*expected.sql, actual) +
                               "):\n--- expected\n" + *expected.sql + "\n--- actual\n" + actual);
        }
    }
    return failures;
}

}  // namespace schemadiff::acceptance
