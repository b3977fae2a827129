// Project — what the revision commands share: the options every one of them takes (-c, --url,
// -q, --ignore-checksums), the configuration, the revision graph of the migrations folder, and
// the database (opened with exactly the access a command needs).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config.hpp"
#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/dialect.hpp"
#include "schemadiff/drivers/registry.hpp"
#include "schemadiff/migrate/revision_graph.hpp"
#include "schemadiff/migrate/runner.hpp"

namespace CLI {
class App;
}

namespace schemadiff::cli {

struct ProjectOptions {
    std::string config_file;
    std::string url;
    bool quiet = false;
    bool ignore_checksums = false;
};

// Declares -c/--config, --url, -q/--quiet and (when asked) --ignore-checksums.
void add_project_options(CLI::App& command, ProjectOptions& options, bool with_checksums = false);

[[nodiscard]] Config load_project_config(const ProjectOptions& options);

// Every script under <migrations>/versions/*.sql. A missing folder is Error naming it.
[[nodiscard]] migrate::RevisionGraph load_graph(const Config& config);

// The dialect of the configured database (SQLite when no URL is configured), with the options
// of its [postgresql] section.
[[nodiscard]] const Dialect& project_dialect(const Config& config);

// Opens the configured database. ReadOnly on a SQLite file that does not exist returns nullptr
// (an empty database at base) rather than creating it. No URL configured is Error(Usage).
[[nodiscard]] std::unique_ptr<Connection> open_project_database(const Config& config,
                                                                drivers::Access access);

// The database's current heads, sorted; empty for a missing database.
[[nodiscard]] std::vector<std::string> current_heads(Connection* connection, const Config& config);

// The database's schema without the tool's tables and the tables autogenerate leaves out.
[[nodiscard]] Schema read_database_schema(Connection* connection, const Config& config);
// Drops the tables [autogenerate] include/exclude leave out.
[[nodiscard]] Schema filter_tables(Schema schema, const Config& config);

// Error unless the database is at every head of the graph.
void require_up_to_date(const migrate::RevisionGraph& graph,
                        const std::vector<std::string>& current);

[[nodiscard]] migrate::RunnerOptions runner_options(const Config& config,
                                                    const ProjectOptions& options,
                                                    std::ostream& err);

// "a, b, c"
[[nodiscard]] std::string join(const std::vector<std::string>& words, std::string_view sep = ", ");

}  // namespace schemadiff::cli
