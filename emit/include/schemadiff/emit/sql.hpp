// SQL emission: a Plan becomes statements in a dialect, each with the reviewer comments that
// belong to it (findings: data loss, renames, rebuilds), and then a script text.
//
// Statements come in three groups so a runner can honour what must stay outside a transaction:
// `before_transaction` (e.g. SQLite's PRAGMA foreign_keys=OFF for a rebuild, PostgreSQL's
// ALTER TYPE ... ADD VALUE, whose values the body may use only once committed), `transactional`
// (the body, in plan order, then the dialect's pre-commit checks), and `after_transaction`.
// Same plan, same dialect: same bytes.
#pragma once

#include <string>
#include <vector>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/plan.hpp"

namespace schemadiff::emit {

struct SqlStatement {
    std::string sql;                    // without the trailing ';'
    std::vector<std::string> comments;  // printed as "-- " lines before the statement
};

struct SqlScript {
    std::vector<SqlStatement> before_transaction;
    std::vector<SqlStatement> transactional;
    std::vector<SqlStatement> after_transaction;
    std::vector<std::string> header_comments;  // the plan's findings, summarised

    [[nodiscard]] bool empty() const;
};

[[nodiscard]] SqlScript emit_sql(const Plan& plan, const Dialect& dialect);

struct RenderOptions {
    // Wrap `transactional` in BEGIN/COMMIT (for `diff --format sql`, runnable by the database's
    // own client). Revision scripts leave this to the runner.
    bool wrap_in_transaction = true;
};

// Script text: header comments, then each statement followed by ";" and a newline.
[[nodiscard]] std::string render_sql(const SqlScript& script, const RenderOptions& options);

}  // namespace schemadiff::emit
