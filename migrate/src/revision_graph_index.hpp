// The revision graph's private index: every revision as a node number, its edges as sorted
// node lists, and what is computed once at construction (heads, bases, orders, labels).
//
// Node numbers follow the sorted order of the ids, so comparing two node numbers compares their
// ids: a std::set<Node> is a ready list "ties broken by id" for free, and an id prefix is a
// contiguous range of node numbers. `position` is each node's place in a parents-first
// topological order; an ancestor always has a smaller position, which lets reachability
// searches stop early.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schemadiff/migrate/revision_graph.hpp"
#include "schemadiff/migrate/revision_script.hpp"

namespace schemadiff::migrate {

namespace detail {

using Node = std::size_t;
using NodeList = std::vector<Node>;
// "base": before every revision (resolves to the empty id).
inline constexpr Node kBase = static_cast<Node>(-1);

enum class Direction { ParentsFirst, ChildrenFirst };

struct GraphIndex {
    std::vector<std::string> ids;                     // node -> id, sorted
    std::vector<std::string> paths;                   // node -> script path (for error context)
    std::vector<NodeList> parents;                    // revises
    std::vector<NodeList> dependencies;               // depends_on, minus what is already a parent
    std::vector<NodeList> children;                   // reverse of parents
    std::vector<NodeList> dependents;                 // reverse of dependencies
    std::vector<std::size_t> position;                // in a parents-first topological order
    std::map<std::string, Node, std::less<>> labels;  // branch label -> labelled node
    NodeList heads;
    NodeList bases;
    NodeList branch_points;
    NodeList history;  // newest first

    [[nodiscard]] std::size_t size() const { return ids.size(); }
    // The node of an exact id, or kBase when there is none.
    [[nodiscard]] Node find(std::string_view id) const;
    // Nodes whose id starts with `prefix`, as a half-open range [first, second).
    [[nodiscard]] std::pair<Node, Node> prefix_range(std::string_view prefix) const;
    [[nodiscard]] std::vector<std::string> names(const NodeList& nodes) const;
    // "versions/x.sql", or "revision 'x'" for a script with no path.
    [[nodiscard]] std::string where(Node node) const;
};

using ScriptMap = std::map<std::string, RevisionScript, std::less<>>;

// Builds and validates the index (ids, labels, parents, dependencies, cycles); throws
// Error(Revision) whose context names the offending file. Duplicate ids are the caller's check:
// a map cannot hold them.
[[nodiscard]] GraphIndex build_index(const ScriptMap& scripts);

// Orders `members` so that every edge between two members points forward (ParentsFirst: a
// parent or dependency before its child) or backward (ChildrenFirst). Among the revisions ready
// next, one that the last emitted revision just made ready wins (a branch is walked to its end
// before another starts), then the smallest id. Members left out sit on a cycle.
[[nodiscard]] NodeList order_nodes(const GraphIndex& index, const NodeList& members,
                                   Direction direction);

// `starts` and everything they revise or depend on, transitively, as a mask by node.
[[nodiscard]] std::vector<char> ancestor_mask(const GraphIndex& index, const NodeList& starts);
// `starts` and everything revising them (and, with `with_dependents`, depending on them).
[[nodiscard]] std::vector<char> descendant_mask(const GraphIndex& index, const NodeList& starts,
                                                bool with_dependents);
// Whether `target` is one of `rows` or an ancestor of one; the search only visits nodes placed
// after `target`, so it is short when `target` is recent.
[[nodiscard]] bool is_applied(const GraphIndex& index, const NodeList& rows, Node target);
// The nodes of the ids in `current` (the version table's rows), sorted, without duplicates;
// an unknown id is Error(Revision).
[[nodiscard]] NodeList current_nodes(const GraphIndex& index,
                                     const std::vector<std::string>& current);
[[nodiscard]] NodeList mask_to_nodes(const std::vector<char>& mask);

}  // namespace detail

}  // namespace schemadiff::migrate
