#include "command.hpp"
#include "commands.hpp"

namespace schemadiff::cli {

std::span<const CommandSpec> command_table() {
    static constexpr CommandSpec kCommands[] = {
        {"init", "Scaffold schemadiff.toml, migrations/versions/ and a model program in DIR",
         &setup_init_command},
        {"autogenerate", "Write a revision script from the difference between models and database",
         &setup_autogenerate_command},
        {"revision", "Write an empty revision script to fill by hand", &setup_revision_command},
        {"upgrade", "Apply revision scripts up to REV (--sql: print the SQL instead)",
         &setup_upgrade_command},
        {"downgrade", "Revert revision scripts down to REV (--sql: print the SQL instead)",
         &setup_downgrade_command},
        {"current", "Print the revision the database is at", &setup_current_command},
        {"heads", "Print the head revisions", &setup_heads_command},
        {"branches", "Print the branch points", &setup_branches_command},
        {"history", "Print the revisions, newest first", &setup_history_command},
        {"show", "Print one revision and its script", &setup_show_command},
        {"merge", "Write a merge revision joining heads", &setup_merge_command},
        {"stamp", "Set the version table to REV without running scripts", &setup_stamp_command},
        {"check", "Exit 1 when the models and the database (at head) differ", &setup_check_command},
        {"diff", "Compare two schema sources and print what turns SRC into DST",
         &setup_diff_command},
        {"dump", "Print a schema source as model JSON or as CREATE statements",
         &setup_dump_command},
    };
    return kCommands;
}

}  // namespace schemadiff::cli
