// Command — one `schemadiff` subcommand, as a row of the command table.
//
// Each command lives in its own file under commands/ and exposes one `setup_<name>_command`
// function: given its (already created) CLI11 subcommand, it declares the options and returns the
// action to run once parsing succeeded. The action returns an exit code and throws Error for
// anything that aborts the run; run() owns the catching. Adding a command is one file, one line in
// commands.hpp, one row in command_table.cpp and one source in cli/CMakeLists.txt.
#pragma once

#include <functional>
#include <iosfwd>
#include <span>

namespace CLI {
class App;
}

namespace schemadiff::cli {

// Where a command writes: data to `out`, progress and diagnostics to `err`.
struct Streams {
    std::ostream& out;
    std::ostream& err;
};

using CommandAction = std::function<int(const Streams&)>;
using CommandSetup = CommandAction (*)(CLI::App& command);

struct CommandSpec {
    const char* name;
    const char* summary;  // one line, shown by `schemadiff --help`
    CommandSetup setup;
};

// Every command, in the order `schemadiff --help` lists them.
[[nodiscard]] std::span<const CommandSpec> command_table();

}  // namespace schemadiff::cli
