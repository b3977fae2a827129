#include "project.hpp"

#include <fmt/format.h>

#include <CLI/App.hpp>
#include <algorithm>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

#include "errors.hpp"
#include "schemadiff/core/database_url.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/migrate/revision_script.hpp"
#include "schemadiff/migrate/version_store.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace schemadiff::cli {

namespace fs = std::filesystem;

void add_project_options(CLI::App& command, ProjectOptions& options, bool with_checksums) {
    command.add_option("-c,--config", options.config_file, "Configuration file")->type_name("FILE");
    command
        .add_option("--url", options.url, "Database URL (overrides the config and SCHEMADIFF_URL)")
        ->type_name("URL");
    command.add_flag("-q,--quiet", options.quiet, "No progress on stderr");
    if (with_checksums) {
        command.add_flag("--ignore-checksums", options.ignore_checksums,
                         "Run even when applied scripts changed since (noted in the history)");
    }
}

Config load_project_config(const ProjectOptions& options) {
    return load_config(options.config_file, options.url);
}

migrate::RevisionGraph load_graph(const Config& config) {
    const fs::path versions = config.versions_dir();
    std::error_code ec;
    if (!fs::is_directory(versions, ec)) {
        throw Error(ErrorKind::Io, "migrations folder not found",
                    fmt::format("{} (from {}); run `schemadiff init` or fix [migrations] directory",
                                versions.string(), config.file.string()));
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(versions)) {
        if (entry.is_regular_file() && entry.path().extension() == ".sql") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<migrate::RevisionScript> scripts;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) throw Error(ErrorKind::Io, "cannot read revision script", file.string());
        scripts.push_back(migrate::parse_script(text.str(), file.string()));
    }
    return migrate::RevisionGraph(std::move(scripts));
}

const Dialect& project_dialect(const Config& config) {
    if (config.url.empty()) return drivers::dialect_for("sqlite");
    const std::string scheme = parse_database_url(config.url).scheme;
    if (scheme == "postgresql" && config.postgresql_concurrent_indexes) {
        static const postgresql::PostgresqlDialect kConcurrent(
            postgresql::PostgresqlOptions{.is_index_concurrent = true});
        return kConcurrent;
    }
    return drivers::dialect_for(scheme);
}

std::unique_ptr<Connection> open_project_database(const Config& config, drivers::Access access) {
    if (config.url.empty()) {
        throw usage_error(
            "no database URL",
            fmt::format("set [database] url in {}, SCHEMADIFF_URL or --url", config.file.string()));
    }
    const DatabaseUrl url = parse_database_url(config.url);
    if (access == drivers::Access::ReadOnly && url.scheme == "sqlite" && !url.is_sqlite_memory()) {
        std::error_code ec;
        if (!fs::exists(url.database, ec)) return nullptr;
    }
    return drivers::open_database(url, access);
}

std::vector<std::string> current_heads(Connection* connection, const Config& config) {
    if (connection == nullptr) return {};
    migrate::VersionStore store(*connection, config.version_table);
    return store.heads();
}

Schema filter_tables(Schema schema, const Config& config) {
    // A named enum type that a left-out table uses is left out too (dropping it would fail).
    std::set<std::string> left_out_types;
    for (const Table& table : schema.tables) {
        if (is_table_included(config, table.name)) continue;
        for (const Column& column : table.columns) {
            if (!column.type.enum_name.empty()) left_out_types.insert(column.type.enum_name);
        }
    }
    std::erase_if(schema.tables,
                  [&](const Table& table) { return !is_table_included(config, table.name); });
    std::erase_if(schema.enum_types,
                  [&](const EnumType& type) { return left_out_types.count(type.name) > 0; });
    return schema;
}

Schema read_database_schema(Connection* connection, const Config& config) {
    if (connection == nullptr) return {};
    ReadOptions options;
    options.version_table = config.version_table;
    return filter_tables(connection->read_schema(options), config);
}

void require_up_to_date(const migrate::RevisionGraph& graph,
                        const std::vector<std::string>& current) {
    std::vector<std::string> sorted = current;
    std::sort(sorted.begin(), sorted.end());
    if (sorted == graph.heads()) return;
    throw Error(ErrorKind::Revision, "database is not up to date: run `schemadiff upgrade head`",
                fmt::format("database at {}, heads {}",
                            current.empty() ? std::string("base") : join(current),
                            graph.heads().empty() ? std::string("base") : join(graph.heads())));
}

migrate::RunnerOptions runner_options(const Config& config, const ProjectOptions& options,
                                      std::ostream& err) {
    migrate::RunnerOptions runner;
    runner.version_table = config.version_table;
    runner.ignore_checksums = options.ignore_checksums;
    runner.commit_each_script = config.transaction_per_migration;
    if (!options.quiet) {
        runner.on_progress = [&err](const migrate::ScriptProgress& progress) {
            if (progress.stage != migrate::ScriptProgress::Stage::Finished) return;
            const char* verb =
                progress.direction == migrate::MigrationDirection::Downgrade ? "revert " : "";
            err << fmt::format("[{}/{}] {}{} {} ({} ms)\n", progress.index, progress.total, verb,
                               progress.script->revision, progress.script->message,
                               progress.duration.count());
            err.flush();
        };
    }
    return runner;
}

std::string join(const std::vector<std::string>& words, std::string_view sep) {
    std::string text;
    for (const std::string& word : words) {
        if (!text.empty()) text += sep;
        text += word;
    }
    return text;
}

}  // namespace schemadiff::cli
