// Test fixture for the runner: a migrations folder and a SQLite file in a fresh temporary
// directory, scripts written to real files (so checksums and line numbers are the real ones),
// and connections opened through the driver registry, as the CLI does.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/migrate/revision_graph.hpp"
#include "schemadiff/migrate/revision_script.hpp"

namespace schemadiff::testing {

using Rows = std::vector<std::vector<std::string>>;

class RunnerProject {
public:
    RunnerProject();
    ~RunnerProject();
    RunnerProject(const RunnerProject&) = delete;
    RunnerProject& operator=(const RunnerProject&) = delete;

    // Writes <dir>/versions/<id>.sql revising `parent` ("" for a base) and keeps it parsed.
    const migrate::RevisionScript& add(const std::string& id, const std::string& parent,
                                       const std::string& upgrade_sql,
                                       const std::string& downgrade_sql,
                                       bool is_transactional = true,
                                       const std::string& dialect = "sqlite");
    // Rewrites a script's file with `text` appended to its upgrade section (and re-parses).
    void edit(const std::string& id, const std::string& extra_upgrade_sql);

    [[nodiscard]] migrate::RevisionGraph graph() const;
    [[nodiscard]] std::unique_ptr<Connection> open() const;
    [[nodiscard]] const std::string& database_path() const { return database_path_; }
    [[nodiscard]] bool database_exists() const;

private:
    std::filesystem::path dir_;
    std::string database_path_;
    std::vector<migrate::RevisionScript> scripts_;
};

// Every row of `sql`, NULL as "NULL".
[[nodiscard]] Rows query(Connection& connection, const std::string& sql);
// The tables of the main schema (sqlite_schema), sorted, sqlite_* left out.
[[nodiscard]] std::vector<std::string> table_names(Connection& connection);
// The whole observable state: every table's and index's SQL, then every table's rows.
[[nodiscard]] std::string snapshot(Connection& connection);

}  // namespace schemadiff::testing
