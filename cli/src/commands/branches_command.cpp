// `schemadiff branches` — the branch points: revisions more than one revision revises.
#include <fmt/format.h>

#include <CLI/App.hpp>
#include <memory>
#include <ostream>

#include "commands.hpp"
#include "project.hpp"
#include "revision_text.hpp"

namespace schemadiff::cli {

namespace {

int run_branches(const ProjectOptions& options, const Streams& streams) {
    const Config config = load_project_config(options);
    const migrate::RevisionGraph graph = load_graph(config);
    for (const std::string& id : graph.branch_points()) {
        streams.out << revision_line(graph, id) << '\n';
        for (const std::string& child : children_of(graph, id)) {
            streams.out << fmt::format("    -> {}\n", revision_line(graph, child));
        }
    }
    return 0;
}

}  // namespace

CommandAction setup_branches_command(CLI::App& command) {
    auto options = std::make_shared<ProjectOptions>();
    add_project_options(command, *options);
    return [options](const Streams& streams) { return run_branches(*options, streams); };
}

}  // namespace schemadiff::cli
