// `schemadiff current [--verbose]` — the revisions the database is at (read-only: never creates
// a database file or table).
#include <fmt/format.h>

#include <CLI/App.hpp>
#include <memory>
#include <ostream>

#include "commands.hpp"
#include "project.hpp"
#include "revision_text.hpp"

namespace schemadiff::cli {

namespace {

struct CurrentArguments {
    ProjectOptions project;
    bool verbose = false;
};

int run_current(const CurrentArguments& args, const Streams& streams) {
    const Config config = load_project_config(args.project);
    const migrate::RevisionGraph graph = load_graph(config);
    const auto connection = open_project_database(config, drivers::Access::ReadOnly);
    const std::vector<std::string> heads = current_heads(connection.get(), config);
    if (heads.empty() && args.verbose) streams.out << "base (no revision applied)\n";
    const std::vector<std::string> graph_heads = graph.heads();
    for (const std::string& id : heads) {
        if (!graph.contains(id)) {
            streams.out << fmt::format("{} (unknown: not in {})\n", id,
                                       config.versions_dir().string());
            continue;
        }
        streams.out << (args.verbose ? revision_details(graph, id)
                                     : revision_line(graph, id) + "\n");
    }
    return 0;
}

}  // namespace

CommandAction setup_current_command(CLI::App& command) {
    auto args = std::make_shared<CurrentArguments>();
    add_project_options(command, args->project);
    command.add_flag("-v,--verbose", args->verbose, "Show each revision's details");
    return [args](const Streams& streams) { return run_current(*args, streams); };
}

}  // namespace schemadiff::cli
