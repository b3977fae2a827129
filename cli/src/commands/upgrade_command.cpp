// `schemadiff upgrade REV [--sql]` and `schemadiff downgrade REV [--sql]` — apply or revert
// revision scripts; with --sql, print the SQL (offline mode) and touch no database at all.
#include <fmt/format.h>

#include <CLI/App.hpp>
#include <memory>
#include <ostream>
#include <string>

#include "commands.hpp"
#include "errors.hpp"
#include "project.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/migrate/offline.hpp"

namespace schemadiff::cli {

namespace {

struct MigrateArguments {
    ProjectOptions project;
    std::string target;
    bool sql = false;
};

int run_offline(const MigrateArguments& args, migrate::MigrationDirection direction,
                const Streams& streams) {
    const Config config = load_project_config(args.project);
    const migrate::RevisionGraph graph = load_graph(config);
    const migrate::OfflineOptions options{.version_table = config.version_table};
    const Dialect& dialect = project_dialect(config);
    if (direction == migrate::MigrationDirection::Upgrade) {
        streams.out << migrate::offline_upgrade_sql(graph, dialect, args.target, options);
    } else {
        if (args.target.find(':') == std::string::npos) {
            throw usage_error(
                "downgrade --sql needs a range FROM:TO",
                fmt::format("e.g. `schemadiff downgrade --sql head:{}`", args.target));
        }
        streams.out << migrate::offline_downgrade_sql(graph, dialect, args.target, options);
    }
    streams.out.flush();
    return 0;
}

int run_migrate(const MigrateArguments& args, migrate::MigrationDirection direction,
                const Streams& streams) {
    if (args.sql) return run_offline(args, direction, streams);
    if (args.target.find(':') != std::string::npos) {
        throw usage_error(fmt::format("a range ({}) needs --sql", args.target),
                          "online runs go from the database's current revision");
    }
    const Config config = load_project_config(args.project);
    const migrate::RevisionGraph graph = load_graph(config);
    const bool upgrading = direction == migrate::MigrationDirection::Upgrade;
    // An unknown or ambiguous revision stops here, before a database file is created.
    if (!args.target.starts_with('+') && !args.target.starts_with('-')) {
        try {
            static_cast<void>(graph.resolve_targets(args.target, {}));
        } catch (const Error& error) {
            if (!error.context().empty()) throw;
            throw Error(error.kind(), error.message(),
                        fmt::format("revisions in {}; see `schemadiff history`",
                                    config.versions_dir().string()));
        }
    }
    const auto connection = open_project_database(
        config, upgrading ? drivers::Access::Create : drivers::Access::ReadWrite);
    migrate::Runner runner(*connection, graph, runner_options(config, args.project, streams.err));
    const migrate::RunResult result =
        upgrading ? runner.upgrade(args.target) : runner.downgrade(args.target);
    if (!args.project.quiet) {
        const std::string at = result.heads.empty() ? "base" : join(result.heads);
        if (result.revisions.empty()) {
            streams.err << fmt::format("Nothing to do: the database is at {}\n", at);
        } else {
            streams.err << fmt::format("{} {} revision(s); the database is at {}\n",
                                       upgrading ? "Applied" : "Reverted", result.revisions.size(),
                                       at);
        }
    }
    return 0;
}

CommandAction setup_migrate(CLI::App& command, migrate::MigrationDirection direction) {
    auto args = std::make_shared<MigrateArguments>();
    const bool upgrading = direction == migrate::MigrationDirection::Upgrade;
    command
        .add_option("REV", args->target,
                    upgrading ? "Target: head, heads, an id or prefix, +N, REV+N, LABEL@head; "
                                "with --sql also FROM:TO"
                              : "Target: base, an id or prefix, -N, REV-N; with --sql FROM:TO")
        ->required();
    command.add_flag("--sql", args->sql,
                     "Print the SQL instead of running it (no database is touched)");
    add_project_options(command, args->project, /*with_checksums=*/true);
    return [args, direction](const Streams& streams) {
        return run_migrate(*args, direction, streams);
    };
}

}  // namespace

CommandAction setup_upgrade_command(CLI::App& command) {
    return setup_migrate(command, migrate::MigrationDirection::Upgrade);
}

CommandAction setup_downgrade_command(CLI::App& command) {
    return setup_migrate(command, migrate::MigrationDirection::Downgrade);
}

}  // namespace schemadiff::cli
