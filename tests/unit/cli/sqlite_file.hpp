// Test support: real SQLite files built and changed through the sqlite3 C API, independent of
// schemadiff's own driver (so a driver bug cannot hide a CLI bug).
#pragma once

#include <filesystem>
#include <string>

namespace schemadiff::cli::testing {

// Runs `sql` (any number of statements) on the database at `file`, creating it if needed.
void execute_sql(const std::filesystem::path& file, const std::string& sql);
// Runs a query and returns the first column of the first row as text ("" when no row).
[[nodiscard]] std::string query_text(const std::filesystem::path& file, const std::string& sql);

}  // namespace schemadiff::cli::testing
