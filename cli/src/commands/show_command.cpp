// `schemadiff show REV` — one revision's details and its script.
#include <CLI/App.hpp>
#include <fstream>
#include <memory>
#include <ostream>

#include "commands.hpp"
#include "project.hpp"
#include "revision_text.hpp"

namespace schemadiff::cli {

namespace {

struct ShowArguments {
    ProjectOptions project;
    std::string revision;
};

int run_show(const ShowArguments& args, const Streams& streams) {
    const Config config = load_project_config(args.project);
    const migrate::RevisionGraph graph = load_graph(config);
    std::vector<std::string> current;
    const bool is_relative = args.revision.starts_with('+') || args.revision.starts_with('-');
    if (is_relative) {
        const auto connection = open_project_database(config, drivers::Access::ReadOnly);
        current = current_heads(connection.get(), config);
    }
    const std::vector<std::string> ids = graph.resolve_targets(args.revision, current);
    for (const std::string& id : ids) {
        std::ifstream file(graph.get(id).path, std::ios::binary);
        streams.out << revision_details(graph, id) << '\n' << file.rdbuf();
    }
    return 0;
}

}  // namespace

CommandAction setup_show_command(CLI::App& command) {
    auto args = std::make_shared<ShowArguments>();
    command.add_option("REV", args->revision, "The revision: an id or prefix, head, LABEL@head")
        ->required();
    add_project_options(command, args->project);
    return [args](const Streams& streams) { return run_show(*args, streams); };
}

}  // namespace schemadiff::cli
