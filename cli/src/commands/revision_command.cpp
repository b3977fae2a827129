// `schemadiff revision -m MSG` — writes an empty revision script to fill by hand;
// `revision --autogenerate -m MSG` is `autogenerate`.
#include <fmt/format.h>

#include <CLI/App.hpp>
#include <memory>
#include <ostream>

#include "commands.hpp"
#include "errors.hpp"
#include "script_writer.hpp"

namespace schemadiff::cli {

namespace {

struct RevisionCommandArguments {
    RevisionArguments revision;
    bool autogenerate = false;
};

int run_revision(const RevisionCommandArguments& args, const Streams& streams) {
    if (args.autogenerate) return run_autogenerate(args.revision, streams.out, streams.err);
    const RevisionArguments& rev = args.revision;
    if (rev.message.empty()) {
        throw usage_error("a message is required", "pass -m \"what this revision does\"");
    }
    const Config config = load_project_config(rev.project);
    const migrate::RevisionGraph graph = load_graph(config);
    if (!rev.rev_id.empty() && graph.contains(rev.rev_id)) {
        throw usage_error(fmt::format("revision {} already exists", rev.rev_id),
                          graph.get(rev.rev_id).path);
    }
    migrate::RevisionScript script;
    script.message = rev.message;
    script.revision = rev.rev_id;
    script.revises = new_revision_parents(graph, rev.head, rev.splice);
    for (const std::string& dependency : rev.depends_on) {
        script.depends_on.push_back(graph.resolve(dependency, {}));
    }
    script.branch_labels = rev.branch_labels;
    const auto path = write_revision(config, project_dialect(config), std::move(script));
    streams.out << path.string() << '\n';
    return 0;
}

}  // namespace

CommandAction setup_revision_command(CLI::App& command) {
    auto args = std::make_shared<RevisionCommandArguments>();
    add_revision_options(command, args->revision);
    command.add_flag("--autogenerate", args->autogenerate,
                     "Fill the script from the difference between models and database");
    command.add_flag("--allow-empty", args->revision.allow_empty,
                     "With --autogenerate: write a script even when nothing changed");
    return [args](const Streams& streams) { return run_revision(*args, streams); };
}

}  // namespace schemadiff::cli
