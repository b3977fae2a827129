// `schemadiff heads [--verbose]` — the revisions nothing revises yet.
#include <CLI/App.hpp>
#include <memory>
#include <ostream>

#include "commands.hpp"
#include "project.hpp"
#include "revision_text.hpp"

namespace schemadiff::cli {

namespace {

struct HeadsArguments {
    ProjectOptions project;
    bool verbose = false;
};

int run_heads(const HeadsArguments& args, const Streams& streams) {
    const Config config = load_project_config(args.project);
    const migrate::RevisionGraph graph = load_graph(config);
    for (const std::string& id : graph.heads()) {
        streams.out << (args.verbose ? revision_details(graph, id)
                                     : revision_line(graph, id) + "\n");
    }
    return 0;
}

}  // namespace

CommandAction setup_heads_command(CLI::App& command) {
    auto args = std::make_shared<HeadsArguments>();
    add_project_options(command, args->project);
    command.add_flag("-v,--verbose", args->verbose, "Show each revision's details");
    return [args](const Streams& streams) { return run_heads(*args, streams); };
}

}  // namespace schemadiff::cli
