// Running one section of a revision script on a connection, with errors that name the script
// file and the statement's line.
#pragma once

#include <string>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/migrate/revision_script.hpp"
#include "script_section.hpp"

namespace schemadiff::migrate::detail {

// The script's file, or "revision <id>" for a script that has none.
[[nodiscard]] std::string script_name(const RevisionScript& script);

// Runs the statements in order. `in_transaction`: the runner already switched foreign keys
// around its transaction, so the section's own switches are skipped (outside a transaction
// they run as written). A `PRAGMA foreign_key_check` that returns rows fails the script.
// Any failure: Error(Execution) "script PATH failed at line N: <database message>", keeping
// the database's context and SQLSTATE.
void execute_section(Connection& connection, const RevisionScript& script,
                     const ScriptSection& section, bool in_transaction);

// Error(Execution) "script PATH leaves foreign keys broken: ..." when any row breaks one.
void check_foreign_keys(Connection& connection, const RevisionScript& script);

}  // namespace schemadiff::migrate::detail
