// Test support: the quickstart sample's "app" schemas (samples/quickstart/app_v1.sql, app_v2.sql)
// as real SQLite files, so the tests exercise exactly what the README shows.
#pragma once

#include <filesystem>
#include <string>

namespace schemadiff::cli::testing {

// The text of samples/quickstart/<name>.
[[nodiscard]] std::string quickstart_sql(const std::string& name);

// Creates `file` from samples/quickstart/app_v1.sql or app_v2.sql.
void create_app_v1(const std::filesystem::path& file);
void create_app_v2(const std::filesystem::path& file);

}  // namespace schemadiff::cli::testing
