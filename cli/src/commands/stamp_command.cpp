// `schemadiff stamp REV [--purge]` — sets the version table to REV without running scripts.
#include <fmt/format.h>

#include <CLI/App.hpp>
#include <memory>
#include <ostream>

#include "commands.hpp"
#include "project.hpp"

namespace schemadiff::cli {

namespace {

struct StampArguments {
    ProjectOptions project;
    std::string target;
    bool purge = false;
};

int run_stamp(const StampArguments& args, const Streams& streams) {
    const Config config = load_project_config(args.project);
    const migrate::RevisionGraph graph = load_graph(config);
    const auto connection = open_project_database(config, drivers::Access::Create);
    migrate::Runner runner(*connection, graph, runner_options(config, args.project, streams.err));
    const migrate::RunResult result = runner.stamp(args.target, args.purge);
    if (!args.project.quiet) {
        streams.err << fmt::format("Stamped: the database is at {}\n",
                                   result.heads.empty() ? "base" : join(result.heads));
    }
    return 0;
}

}  // namespace

CommandAction setup_stamp_command(CLI::App& command) {
    auto args = std::make_shared<StampArguments>();
    command.add_option("REV", args->target, "The revision to record: head, an id, base")
        ->required();
    command.add_flag("--purge", args->purge, "Empty the version table first");
    add_project_options(command, args->project);
    return [args](const Streams& streams) { return run_stamp(*args, streams); };
}

}  // namespace schemadiff::cli
