// RevisionGraph — the revisions of a migrations folder as a directed acyclic graph, with
// Alembic's semantics: heads (revisions no other revision revises), bases (revising nothing),
// branch points, merge points, branch labels, and depends_on edges (a dependency must be applied
// first but is not a parent).
//
// Built from parsed scripts; construction checks the graph: two scripts with the same id, a
// parent or dependency that does not exist, a cycle, a label on two branches — each an
// Error(Revision) naming the file(s).
//
// Identifiers (resolve / upgrade_path / downgrade_path), per the contract:
//   head, heads, base, a full id, an unambiguous id prefix (an ambiguous prefix is an error
//   listing the candidates), +N / -N (relative to the current revisions), REV+N / REV-N,
//   label@head, label (a branch label names its labelled revision).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/migrate/revision_script.hpp"

namespace schemadiff::migrate {

namespace detail {
struct GraphIndex;  // private: src/revision_graph_index.hpp
}  // namespace detail

class RevisionGraph {
public:
    explicit RevisionGraph(std::vector<RevisionScript> scripts);

    [[nodiscard]] const RevisionScript& get(std::string_view id) const;
    [[nodiscard]] bool contains(std::string_view id) const;
    [[nodiscard]] std::vector<std::string> heads() const;  // sorted
    [[nodiscard]] std::vector<std::string> bases() const;  // sorted
    // Revisions with more than one child, sorted.
    [[nodiscard]] std::vector<std::string> branch_points() const;
    [[nodiscard]] std::size_t size() const { return scripts_.size(); }
    // All revisions, newest first (a topological order, ties broken by id): what `history` prints.
    [[nodiscard]] std::vector<std::string> history() const;

    // A full id from a user's identifier, relative to `current` (the database's current heads,
    // for +N/-N). "base" resolves to "" and "heads" is not accepted here (use resolve_targets).
    [[nodiscard]] std::string resolve(std::string_view identifier,
                                      const std::vector<std::string>& current) const;
    // Like resolve, but "heads" (and "head" when there is exactly one) expand to every head.
    [[nodiscard]] std::vector<std::string> resolve_targets(
        std::string_view identifier, const std::vector<std::string>& current) const;

    // Revisions to apply, in order, to go from `current` (heads applied so far) to `targets`:
    // every ancestor and dependency of a target not already applied, parents first.
    [[nodiscard]] std::vector<std::string> upgrade_path(
        const std::vector<std::string>& current, const std::vector<std::string>& targets) const;
    // Revisions to revert, in order, to go from `current` down to `target` ("" = base), as
    // Alembic does: what was applied on top of `target` (its applied descendants and whatever
    // depends on them), children first. Other branches stay applied.
    [[nodiscard]] std::vector<std::string> downgrade_path(const std::vector<std::string>& current,
                                                          std::string_view target) const;
    // The version-table heads after applying (or reverting) one revision to `current`.
    [[nodiscard]] std::vector<std::string> heads_after_upgrade(
        const std::vector<std::string>& current, std::string_view applied) const;
    [[nodiscard]] std::vector<std::string> heads_after_downgrade(
        const std::vector<std::string>& current, std::string_view reverted) const;

    [[nodiscard]] std::vector<std::string> ancestors(std::string_view id) const;  // incl. deps

private:
    std::map<std::string, RevisionScript, std::less<>> scripts_;
    std::map<std::string, std::vector<std::string>, std::less<>> children_;
    // Adjacency by node number, labels, and the orders computed once at construction;
    // shared between copies because it is immutable.
    std::shared_ptr<const detail::GraphIndex> index_;
};

}  // namespace schemadiff::migrate
