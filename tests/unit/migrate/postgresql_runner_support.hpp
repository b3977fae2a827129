// Test support for the runner on PostgreSQL: revision scripts written to a real migrations folder
// (RunnerProject, dialect "postgresql") and applied to a scratch database of the test server
// (SCHEMADIFF_TEST_POSTGRES_URL; skipped visibly without it, failed without it under CI=true).
#pragma once

#include <string>
#include <vector>

#include "postgresql_test_support.hpp"
#include "runner_fixture.hpp"
#include "schemadiff/core/connection.hpp"

namespace schemadiff::testing {

// Writes a PostgreSQL revision script revising `parent` ("" for a base).
inline const migrate::RevisionScript& add_pg(RunnerProject& project, const std::string& id,
                                             const std::string& parent, const std::string& up,
                                             const std::string& down,
                                             bool is_transactional = true) {
    return project.add(id, parent, up, down, is_transactional, "postgresql");
}

// The columns of the tables in the public schema, "table.column type", sorted; the tool's own
// tables (schemadiff_version*) left out.
inline Rows pg_columns(Connection& connection) {
    return query(connection,
                 "SELECT table_name || '.' || column_name || ' ' || data_type FROM "
                 "information_schema.columns WHERE table_schema = 'public' AND table_name NOT "
                 "LIKE 'schemadiff\\_version%' ORDER BY 1");
}

// The head rows of a version table, sorted; empty when the table does not exist.
inline Rows pg_heads(Connection& connection, const std::string& table = "schemadiff_version") {
    if (!connection.has_table(table)) return {};
    return query(connection, "SELECT version_num FROM " +
                                 connection.dialect().quote_identifier(table) + " ORDER BY 1");
}

// revision and direction of every history row, oldest first.
inline Rows pg_history(Connection& connection, const std::string& table = "schemadiff_version") {
    const std::string history = table + "_history";
    if (!connection.has_table(history)) return {};
    return query(connection, "SELECT revision, direction FROM " +
                                 connection.dialect().quote_identifier(history) + " ORDER BY id");
}

}  // namespace schemadiff::testing
