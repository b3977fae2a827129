#include "command.hpp"
#include "commands.hpp"

namespace schemadiff::cli {

std::span<const CommandSpec> command_table() {
    // The later commands of the contract (init, autogenerate, revision, upgrade, downgrade,
    // current, history, heads, branches, merge, stamp, check, show) are one row each.
    static constexpr CommandSpec kCommands[] = {
        {"diff", "Compare two schema sources and print what turns SRC into DST",
         &setup_diff_command},
        {"dump", "Print a schema source as model JSON or as CREATE statements",
         &setup_dump_command},
    };
    return kCommands;
}

}  // namespace schemadiff::cli
