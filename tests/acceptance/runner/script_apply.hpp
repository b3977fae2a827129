// Applying an emitted script to a real SQLite file the way a migration runner does: the
// before-transaction statements, BEGIN, the transactional statements, COMMIT, the
// after-transaction statements — each statement prepared on its own, so a statement that is
// really two, or that fails, is reported with its text. `PRAGMA foreign_key_check` must return no
// rows, wherever the script runs it, and once more after the script; so must integrity_check.
#pragma once

#include <filesystem>
#include <string>

#include "schemadiff/emit/sql.hpp"

namespace schemadiff::acceptance {

// Throws std::runtime_error naming the script (`label`), the failing statement and SQLite's
// message.
void apply_script(const std::filesystem::path& database, const emit::SqlScript& script,
                  const std::string& label);

// Runs the rendered script text as the sqlite3 shell would (one sqlite3_exec of the whole text).
void apply_script_text(const std::filesystem::path& database, const std::string& text);

// Reads a database file through the driver under test (drivers::open_database, read-only).
[[nodiscard]] Schema read_database(const std::filesystem::path& database);

}  // namespace schemadiff::acceptance
