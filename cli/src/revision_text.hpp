// How revisions read in `current`, `heads`, `branches`, `history` and `show` (Alembic's
// shapes): one line "3f2a9c1d8e7b (head) (billing), add email", or a verbose block.
#pragma once

#include <string>
#include <vector>

#include "schemadiff/migrate/revision_graph.hpp"

namespace schemadiff::cli {

// "<id> (head) (branchpoint) (label), <message>"
[[nodiscard]] std::string revision_line(const migrate::RevisionGraph& graph, const std::string& id);
// "<parents or <base>> -> " + revision_line
[[nodiscard]] std::string history_line(const migrate::RevisionGraph& graph, const std::string& id);
// Rev, Parent, Branch names, Depends on, Path, Create Date and the message, ending in '\n'.
[[nodiscard]] std::string revision_details(const migrate::RevisionGraph& graph,
                                           const std::string& id);
// Revisions that revise `id`, sorted.
[[nodiscard]] std::vector<std::string> children_of(const migrate::RevisionGraph& graph,
                                                   const std::string& id);

}  // namespace schemadiff::cli
