// `schemadiff autogenerate -m MSG` — compares the models with the database (which must be at
// every head) and writes a reviewable revision script; prints its path.
#include <CLI/App.hpp>
#include <memory>

#include "commands.hpp"
#include "script_writer.hpp"

namespace schemadiff::cli {

void add_revision_options(CLI::App& command, RevisionArguments& args) {
    add_project_options(command, args.project);
    command.add_option("-m,--message", args.message, "What the revision does")->type_name("MSG");
    command.add_option("--rev-id", args.rev_id, "Revision id to use instead of a random one")
        ->type_name("ID");
    command.add_option("--head", args.head, "The head to extend (needed when there are several)")
        ->type_name("REV");
    command.add_option("--branch-label", args.branch_labels, "A label for the new branch")
        ->type_name("LABEL");
    command.add_option("--depends-on", args.depends_on, "Revisions this one depends on")
        ->type_name("REV");
    command.add_flag("--splice", args.splice, "Allow --head to name a revision that is not a head");
}

CommandAction setup_autogenerate_command(CLI::App& command) {
    auto args = std::make_shared<RevisionArguments>();
    add_revision_options(command, *args);
    command.add_flag("--allow-empty", args->allow_empty,
                     "Write a script even when nothing changed");
    command.footer("Exit status: 0 written (or nothing to write), 2 error.");
    return [args](const Streams& streams) {
        return run_autogenerate(*args, streams.out, streams.err);
    };
}

}  // namespace schemadiff::cli
