// The setup function of each command (see command.hpp); one file per command under commands/.
#pragma once

#include "command.hpp"

namespace schemadiff::cli {

[[nodiscard]] CommandAction setup_diff_command(CLI::App& command);
[[nodiscard]] CommandAction setup_dump_command(CLI::App& command);

}  // namespace schemadiff::cli
