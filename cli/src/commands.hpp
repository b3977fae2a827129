// The setup function of each command (see command.hpp); one file per command under commands/.
#pragma once

#include "command.hpp"

namespace schemadiff::cli {

[[nodiscard]] CommandAction setup_diff_command(CLI::App& command);
[[nodiscard]] CommandAction setup_dump_command(CLI::App& command);
[[nodiscard]] CommandAction setup_init_command(CLI::App& command);
[[nodiscard]] CommandAction setup_autogenerate_command(CLI::App& command);
[[nodiscard]] CommandAction setup_revision_command(CLI::App& command);
[[nodiscard]] CommandAction setup_upgrade_command(CLI::App& command);
[[nodiscard]] CommandAction setup_downgrade_command(CLI::App& command);
[[nodiscard]] CommandAction setup_current_command(CLI::App& command);
[[nodiscard]] CommandAction setup_heads_command(CLI::App& command);
[[nodiscard]] CommandAction setup_branches_command(CLI::App& command);
[[nodiscard]] CommandAction setup_history_command(CLI::App& command);
[[nodiscard]] CommandAction setup_show_command(CLI::App& command);
[[nodiscard]] CommandAction setup_merge_command(CLI::App& command);
[[nodiscard]] CommandAction setup_stamp_command(CLI::App& command);
[[nodiscard]] CommandAction setup_check_command(CLI::App& command);

}  // namespace schemadiff::cli
