// execute_section / check_foreign_keys: a section run statement by statement, each failure
// translated into an error that names the script file and line.
#include "script_execution.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::migrate::detail {

namespace {

constexpr std::size_t kShownViolations = 3;

// "row 3 of posts has no parent in users; row 4 of ... (and 5 more)".
std::string summarise(const std::vector<std::string>& violations) {
    std::vector<std::string> shown(violations.begin(),
                                   violations.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                            violations.size(), kShownViolations)));
    std::string out = text::join(shown, "; ");
    if (violations.size() > kShownViolations) {
        out += fmt::format(" (and {} more)", violations.size() - kShownViolations);
    }
    return out;
}

std::string describe_rows(const std::vector<Connection::Row>& rows) {
    std::vector<std::string> lines;
    for (const auto& row : rows) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(cell.value_or("NULL"));
        lines.push_back("(" + text::join(cells, ", ") + ")");
    }
    return summarise(lines);
}

Error statement_error(const RevisionScript& script, const SectionStatement& statement,
                      const Error& error) {
    return Error(ErrorKind::Execution,
                 fmt::format("script {} failed at line {}: {}", script_name(script), statement.line,
                             error.message()),
                 error.context(), error.sqlstate());
}

void run_check(Connection& connection, const RevisionScript& script,
               const SectionStatement& statement) {
    std::vector<Connection::Row> rows;
    std::vector<std::string> violations;
    try {
        rows = connection.query(statement.sql);
        if (rows.empty()) return;
        violations = connection.foreign_key_violations();
    } catch (const Error& error) {
        throw statement_error(script, statement, error);
    }
    throw Error(ErrorKind::Execution,
                fmt::format("script {} failed at line {}: foreign key check found {} row(s) "
                            "without a parent: {}",
                            script_name(script), statement.line, rows.size(),
                            violations.empty() ? describe_rows(rows) : summarise(violations)));
}

}  // namespace

std::string script_name(const RevisionScript& script) {
    return script.path.empty() ? "revision " + script.revision : script.path;
}

void execute_section(Connection& connection, const RevisionScript& script,
                     const ScriptSection& section, bool in_transaction) {
    for (const SectionStatement& statement : section.statements) {
        const bool is_switch = statement.role == StatementRole::ForeignKeysOff ||
                               statement.role == StatementRole::ForeignKeysOn;
        if (in_transaction && is_switch) continue;
        if (statement.role == StatementRole::ForeignKeyCheck) {
            run_check(connection, script, statement);
            continue;
        }
        try {
            connection.execute(statement.sql);
        } catch (const Error& error) {
            throw statement_error(script, statement, error);
        }
    }
}

void check_foreign_keys(Connection& connection, const RevisionScript& script) {
    const std::vector<std::string> violations = connection.foreign_key_violations();
    if (violations.empty()) return;
    throw Error(ErrorKind::Execution,
                fmt::format("script {} leaves foreign keys broken, so it was rolled back: {}",
                            script_name(script), summarise(violations)));
}

}  // namespace schemadiff::migrate::detail
