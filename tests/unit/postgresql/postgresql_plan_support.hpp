// Helpers for the PostgreSQL tests that diff schemas and run the plans on the test server: the
// PostgreSQL dialect's diff options, a diff with them, and apply(), which runs a plan's SQL script
// in the way the test names (ApplyMode).
#pragma once

#include <doctest/doctest.h>

#include <vector>

#include "postgresql_test_support.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/emit/sql.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace schemadiff::testing {

// Diff options for the PostgreSQL dialect, everything else as default.
inline diff::DiffOptions options() {
    diff::DiffOptions out;
    out.dialect = &postgresql::postgresql_dialect();
    return out;
}

// The plan that takes `current` to `target` on PostgreSQL.
inline Plan diff_of(const Schema& current, const Schema& target) {
    return diff::diff_schemas(current, target, options());
}

// How apply() runs a plan's script.
enum class ApplyMode {
    // The transactional part in one transaction; the parts before and after it are not run.
    Transaction,
    // The transactional part statement by statement, each committed on its own.
    Autocommit,
    // As a migration runs it: the part before the transaction, then the transactional part in
    // one transaction; a part after the transaction fails the test (REQUIRE).
    Script,
};

// Runs the statements in order, each named in the failure message of the one that fails.
inline void execute_each(Connection& connection,
                         const std::vector<emit::SqlStatement>& statements) {
    for (const auto& statement : statements) {
        CAPTURE(statement.sql);
        connection.execute(statement.sql);
    }
}

// Renders `plan` for PostgreSQL and runs it on `connection`. A failing statement rolls back the
// transaction it runs in (if any), and its Error propagates.
inline void apply(Connection& connection, const Plan& plan,
                  ApplyMode mode = ApplyMode::Transaction) {
    const emit::SqlScript script = emit::emit_sql(plan, postgresql::postgresql_dialect());
    if (mode == ApplyMode::Autocommit) {
        execute_each(connection, script.transactional);
        return;
    }
    if (mode == ApplyMode::Script) execute_each(connection, script.before_transaction);
    connection.begin();
    try {
        execute_each(connection, script.transactional);
    } catch (const Error&) {
        connection.rollback();
        throw;
    }
    connection.commit();
    if (mode == ApplyMode::Script) REQUIRE(script.after_transaction.empty());
}

}  // namespace schemadiff::testing
