// Resolving a user's revision identifier (Alembic's grammar) to a revision of the graph:
//   head | heads | base | <id> | <id prefix> | <label> | +N | -N | REV+N | REV-N
//   | BRANCH@head | BRANCH@+N | BRANCH@-N      (BRANCH: a label or a revision of the branch)
// Relative steps follow `revises` only (never depends_on) and refuse to guess: stepping up from
// a branch point or down from a merge point is an error that says which revision is ambiguous.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <iterator>

#include "revision_graph_index.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/migrate/revision_graph.hpp"

namespace schemadiff::migrate {

using detail::GraphIndex;
using detail::kBase;
using detail::Node;
using detail::NodeList;

namespace {

constexpr std::size_t kMaxCandidatesShown = 10;

[[noreturn]] void fail(std::string message) {
    throw Error(ErrorKind::Revision, std::move(message));
}

bool is_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Resolver {
public:
    Resolver(const GraphIndex& index, const std::vector<std::string>& current)
        : index_(index), current_(current) {}

    Node resolve(std::string_view identifier) {
        if (identifier.empty()) {
            fail("empty revision identifier");
        }
        if (const Node node = exact(identifier); node != kBase) {
            return node;
        }
        if (identifier == "base") {
            return kBase;
        }
        if (identifier == "head") {
            return only_head(index_.heads, "multiple heads: {}; name one or use heads");
        }
        if (identifier == "heads") {
            fail("'heads' names every head, not one revision; name one");
        }
        if (const auto at = identifier.find('@'); at != std::string_view::npos) {
            return on_branch(identifier, identifier.substr(0, at), identifier.substr(at + 1));
        }
        if (identifier.front() == '+' || identifier.front() == '-') {
            return from_current(identifier, rows(), identifier);
        }
        const auto sign = identifier.find_last_of("+-");
        if (sign != std::string_view::npos &&
            (is_digits(identifier.substr(sign + 1)) || identifier[sign] == '+')) {
            const std::size_t steps = parse_steps(identifier, identifier.substr(sign + 1));
            const Node start = resolve(identifier.substr(0, sign));
            return walk(identifier, start, identifier[sign], steps);
        }
        return by_prefix(identifier);
    }

private:
    // An exact id, then an exact branch label (labels never equal an id).
    Node exact(std::string_view name) const {
        if (const Node node = index_.find(name); node != kBase) {
            return node;
        }
        const auto label = index_.labels.find(name);
        return label == index_.labels.end() ? kBase : label->second;
    }

    Node by_prefix(std::string_view prefix) const {
        const auto [first, last] = index_.prefix_range(prefix);
        if (first == last) {
            fail(fmt::format("unknown revision '{}'", prefix));
        }
        if (last - first > 1) {
            std::vector<std::string> shown;
            for (Node node = first; node < last && shown.size() < kMaxCandidatesShown; ++node) {
                shown.push_back(index_.ids[node]);
            }
            const std::size_t hidden = last - first - shown.size();
            fail(fmt::format("ambiguous revision '{}': matches {}{}", prefix,
                             fmt::join(shown, ", "),
                             hidden == 0 ? std::string() : fmt::format(" and {} more", hidden)));
        }
        return first;
    }

    Node only_head(const NodeList& heads, std::string_view several) const {
        if (heads.size() > 1) {
            fail(fmt::format(fmt::runtime(several), fmt::join(index_.names(heads), ", ")));
        }
        return heads.empty() ? kBase : heads.front();
    }

    const NodeList& rows() {
        if (!rows_loaded_) {
            rows_ = detail::current_nodes(index_, current_);
            rows_loaded_ = true;
        }
        return rows_;
    }

    // "+N" / "-N" from the one row of `rows` (or from base when there is none).
    Node from_current(std::string_view identifier, const NodeList& from, std::string_view step) {
        const std::size_t steps = parse_steps(identifier, step.substr(1));
        if (from.size() > 1) {
            fail(fmt::format(
                "'{}' is ambiguous: there are several current heads ({}); name a branch "
                "(BRANCH@{}) or a revision (REV{})",
                identifier, fmt::join(index_.names(from), ", "), step, step));
        }
        if (from.empty() && step.front() == '-') {
            fail(fmt::format("'{}' steps below base: no revision is applied", identifier));
        }
        return walk(identifier, from.empty() ? kBase : from.front(), step.front(), steps);
    }

    // BRANCH@head, BRANCH@+N, BRANCH@-N. The branch is the labelled (or named) revision and
    // every revision revising it, directly or not.
    Node on_branch(std::string_view identifier, std::string_view branch, std::string_view what) {
        if (branch.empty()) {
            fail(fmt::format("'{}' names no branch before '@'", identifier));
        }
        Node root = exact(branch);
        if (root == kBase) {
            root = by_prefix(branch);
        }
        const std::vector<char> members = detail::descendant_mask(index_, {root}, false);
        auto keep_members = [&](const NodeList& nodes) {
            NodeList out;
            std::copy_if(nodes.begin(), nodes.end(), std::back_inserter(out),
                         [&](Node node) { return members[node] != 0; });
            return out;
        };
        if (what == "head") {
            return only_head(keep_members(index_.heads),
                             fmt::format("branch '{}' has multiple heads: {{}}; name one", branch));
        }
        if (what.empty() || (what.front() != '+' && what.front() != '-')) {
            fail(fmt::format("unknown revision '{}': expected {}@head, {}@+N or {}@-N", identifier,
                             branch, branch, branch));
        }
        const NodeList on_branch_rows = keep_members(rows());
        if (on_branch_rows.empty() && what.front() == '-') {
            (void)parse_steps(identifier, what.substr(1));
            fail(fmt::format("'{}' steps below base: no revision of branch '{}' is applied",
                             identifier, branch));
        }
        if (on_branch_rows.empty()) {
            // Nothing of the branch is applied yet: its first step is the branch's own revision.
            const std::size_t steps = parse_steps(identifier, what.substr(1));
            return steps == 1 ? root : walk_up(identifier, root, steps - 1);
        }
        return from_current(identifier, on_branch_rows, what);
    }

    static std::size_t parse_steps(std::string_view identifier, std::string_view digits) {
        std::size_t steps = 0;
        const auto* end = digits.data() + digits.size();
        const auto [stop, error] = std::from_chars(digits.data(), end, steps);
        if (!is_digits(digits) || error != std::errc() || stop != end || steps == 0) {
            fail(fmt::format("invalid relative revision '{}': N must be a positive integer",
                             identifier));
        }
        return steps;
    }

    Node walk(std::string_view identifier, Node start, char sign, std::size_t steps) const {
        return sign == '+' ? walk_up(identifier, start, steps)
                           : walk_down(identifier, start, steps);
    }

    Node walk_up(std::string_view identifier, Node node, std::size_t steps) const {
        for (std::size_t taken = 0; taken < steps; ++taken) {
            const NodeList& next = node == kBase ? index_.bases : index_.children[node];
            if (next.empty() && node == kBase) {
                fail(fmt::format("'{}' steps past head: there are no revisions", identifier));
            }
            if (next.empty()) {
                fail(fmt::format("'{}' steps past head '{}'", identifier, index_.ids[node]));
            }
            if (next.size() > 1 && node == kBase) {
                fail(
                    fmt::format("'{}' is ambiguous: there are several bases ({}); name a revision "
                                "or a branch (BRANCH@+N)",
                                identifier, fmt::join(index_.names(next), ", ")));
            }
            if (next.size() > 1) {
                fail(
                    fmt::format("'{}' is ambiguous: '{}' is a branch point (children: {}); name "
                                "a revision or a branch (BRANCH@+N)",
                                identifier, index_.ids[node], fmt::join(index_.names(next), ", ")));
            }
            node = next.front();
        }
        return node;
    }

    Node walk_down(std::string_view identifier, Node node, std::size_t steps) const {
        for (std::size_t taken = 0; taken < steps; ++taken) {
            if (node == kBase) {
                fail(fmt::format("'{}' steps below base", identifier));
            }
            const NodeList& previous = index_.parents[node];
            if (previous.size() > 1) {
                fail(fmt::format(
                    "'{}' is ambiguous: '{}' is a merge point (parents: {}); name a revision",
                    identifier, index_.ids[node], fmt::join(index_.names(previous), ", ")));
            }
            node = previous.empty() ? kBase : previous.front();
        }
        return node;
    }

    const GraphIndex& index_;
    const std::vector<std::string>& current_;
    NodeList rows_;
    bool rows_loaded_ = false;
};

}  // namespace

std::string RevisionGraph::resolve(std::string_view identifier,
                                   const std::vector<std::string>& current) const {
    const Node node = Resolver(*index_, current).resolve(identifier);
    return node == kBase ? std::string() : index_->ids[node];
}

std::vector<std::string> RevisionGraph::resolve_targets(
    std::string_view identifier, const std::vector<std::string>& current) const {
    if (identifier == "heads") {
        return heads();
    }
    return {resolve(identifier, current)};
}

}  // namespace schemadiff::migrate
