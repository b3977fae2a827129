// `schemadiff merge -m MSG REV REV…` — writes a merge revision joining heads ("heads" names
// every head). The merge has no SQL of its own until one is written by hand.
#include <fmt/format.h>

#include <CLI/App.hpp>
#include <algorithm>
#include <memory>
#include <ostream>

#include "commands.hpp"
#include "errors.hpp"
#include "script_writer.hpp"

namespace schemadiff::cli {

namespace {

struct MergeArguments {
    ProjectOptions project;
    std::string message;
    std::string rev_id;
    std::vector<std::string> branch_labels;
    std::vector<std::string> revisions;
};

int run_merge(const MergeArguments& args, const Streams& streams) {
    if (args.message.empty()) {
        throw usage_error("a message is required", "pass -m \"what this merge joins\"");
    }
    const Config config = load_project_config(args.project);
    const migrate::RevisionGraph graph = load_graph(config);
    std::vector<std::string> parents;
    for (const std::string& word : args.revisions) {
        for (const std::string& id : graph.resolve_targets(word, {})) {
            if (id.empty()) throw usage_error("cannot merge base", word);
            if (std::find(parents.begin(), parents.end(), id) == parents.end()) {
                parents.push_back(id);
            }
        }
    }
    std::sort(parents.begin(), parents.end());
    if (parents.size() < 2) {
        throw usage_error("merge needs at least two revisions",
                          fmt::format("got {}; e.g. `schemadiff merge -m MSG heads`",
                                      parents.empty() ? "none" : join(parents)));
    }
    migrate::RevisionScript script;
    script.message = args.message;
    script.revision = args.rev_id;
    script.revises = parents;
    script.branch_labels = args.branch_labels;
    const auto path = write_revision(config, project_dialect(config), std::move(script));
    streams.out << path.string() << '\n';
    return 0;
}

}  // namespace

CommandAction setup_merge_command(CLI::App& command) {
    auto args = std::make_shared<MergeArguments>();
    command.add_option("REV", args->revisions, "Revisions to join (\"heads\": every head)")
        ->required();
    command.add_option("-m,--message", args->message, "What the merge does")->type_name("MSG");
    command.add_option("--rev-id", args->rev_id, "Revision id to use instead of a random one")
        ->type_name("ID");
    command.add_option("--branch-label", args->branch_labels, "A label for the merge")
        ->type_name("LABEL");
    add_project_options(command, args->project);
    return [args](const Streams& streams) { return run_merge(*args, streams); };
}

}  // namespace schemadiff::cli
