// Test support for the revision workflow on PostgreSQL: a scratch project (schemadiff.toml, a
// model JSON) whose database is a scratch database of the test server, driven through the real
// binary, with rows checked through a connection of the test's own.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "postgresql_test_support.hpp"
#include "workflow_support.hpp"

namespace schemadiff::cli::testing {

using Rows = std::vector<std::vector<std::string>>;

// The URL as a user would write it (no password on the test server: it trusts local users).
[[nodiscard]] std::string url_text(const DatabaseUrl& url);

class PostgresqlProject {
public:
    // Writes schemadiff.toml pointing at `db` with `extra_toml` appended.
    explicit PostgresqlProject(const schemadiff::testing::ScratchDatabase& db,
                               const std::string& extra_toml = "");

    [[nodiscard]] CliResult run(const std::vector<std::string>& args) const {
        return project_.run(args);
    }
    void write_models(const std::string& tables_json) const { project_.write_models(tables_json); }
    [[nodiscard]] std::vector<std::filesystem::path> scripts() const { return project_.scripts(); }
    [[nodiscard]] const std::filesystem::path& dir() const { return project_.dir(); }
    // Every row of `sql` on a connection of its own, NULL as "NULL".
    [[nodiscard]] Rows query(const std::string& sql) const;
    void execute(const std::string& sql) const;
    [[nodiscard]] Connection& connection() const { return *connection_; }

private:
    WorkflowProject project_;
    std::unique_ptr<Connection> connection_;
};

}  // namespace schemadiff::cli::testing
