// Walks over the revision graph's index: orders, ancestor and descendant sets, reachability.
// Every walk is linear in the nodes it visits; nothing here compares all pairs.
#include "revision_graph_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_set>

#include "schemadiff/core/error.hpp"

namespace schemadiff::migrate {

namespace detail {

Node GraphIndex::find(std::string_view id) const {
    const auto it = std::lower_bound(
        ids.begin(), ids.end(), id,
        [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
    if (it == ids.end() || *it != id) {
        return kBase;
    }
    return static_cast<Node>(it - ids.begin());
}

std::pair<Node, Node> GraphIndex::prefix_range(std::string_view prefix) const {
    const auto it = std::lower_bound(
        ids.begin(), ids.end(), prefix,
        [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
    auto first = static_cast<Node>(it - ids.begin());
    Node last = first;
    while (last < ids.size() && std::string_view(ids[last]).starts_with(prefix)) {
        ++last;
    }
    return {first, last};
}

std::vector<std::string> GraphIndex::names(const NodeList& nodes) const {
    std::vector<std::string> out;
    out.reserve(nodes.size());
    for (Node node : nodes) {
        out.push_back(node == kBase ? std::string() : ids[node]);
    }
    return out;
}

std::string GraphIndex::where(Node node) const {
    return paths[node].empty() ? fmt::format("revision '{}'", ids[node]) : paths[node];
}

namespace {

// The edges a walk follows "backwards" (towards what must come first) in a direction.
struct Edges {
    const std::vector<NodeList>& first;
    const std::vector<NodeList>& second;

    template <typename Fn>
    void each(Node node, Fn&& fn) const {
        for (Node other : first[node]) {
            fn(other);
        }
        for (Node other : second[node]) {
            fn(other);
        }
    }
};

Edges older(const GraphIndex& index) { return {index.parents, index.dependencies}; }

Edges newer(const GraphIndex& index) { return {index.children, index.dependents}; }

}  // namespace

NodeList order_nodes(const GraphIndex& index, const NodeList& members, Direction direction) {
    const bool parents_first = direction == Direction::ParentsFirst;
    const Edges before = parents_first ? older(index) : newer(index);
    const Edges after = parents_first ? newer(index) : older(index);

    std::vector<char> is_member(index.size(), 0);
    for (Node node : members) {
        is_member[node] = 1;
    }
    std::vector<std::size_t> waiting(index.size(), 0);  // members still to come before a node
    std::set<Node> ready;
    for (Node node : members) {
        before.each(node, [&](Node other) { waiting[node] += is_member[other] != 0 ? 1U : 0U; });
        if (waiting[node] == 0) {
            ready.insert(node);
        }
    }

    NodeList out;
    out.reserve(members.size());
    Node preferred = kBase;
    while (!ready.empty()) {
        const Node next = preferred != kBase ? preferred : *ready.begin();
        ready.erase(next);
        out.push_back(next);
        preferred = kBase;
        after.each(next, [&](Node other) {
            if (is_member[other] != 0 && --waiting[other] == 0) {
                ready.insert(other);
                preferred = std::min(preferred, other);
            }
        });
    }
    return out;
}

namespace {

std::vector<char> reach(const GraphIndex& index, const NodeList& starts, const Edges& edges,
                        bool follow_second) {
    std::vector<char> mask(index.size(), 0);
    NodeList stack;
    for (Node node : starts) {
        if (node != kBase && mask[node] == 0) {
            mask[node] = 1;
            stack.push_back(node);
        }
    }
    auto visit = [&](Node other) {
        if (mask[other] == 0) {
            mask[other] = 1;
            stack.push_back(other);
        }
    };
    while (!stack.empty()) {
        const Node node = stack.back();
        stack.pop_back();
        for (Node other : edges.first[node]) {
            visit(other);
        }
        if (follow_second) {
            for (Node other : edges.second[node]) {
                visit(other);
            }
        }
    }
    return mask;
}

}  // namespace

std::vector<char> ancestor_mask(const GraphIndex& index, const NodeList& starts) {
    return reach(index, starts, older(index), true);
}

std::vector<char> descendant_mask(const GraphIndex& index, const NodeList& starts,
                                  bool with_dependents) {
    return reach(index, starts, newer(index), with_dependents);
}

bool is_applied(const GraphIndex& index, const NodeList& rows, Node target) {
    if (target == kBase) {
        return true;
    }
    const std::size_t floor = index.position[target];
    std::unordered_set<Node> seen;
    NodeList stack;
    bool found = false;
    auto visit = [&](Node node) {
        if (node == target) {
            found = true;
        } else if (index.position[node] > floor && seen.insert(node).second) {
            stack.push_back(node);
        }
    };
    for (Node row : rows) {
        visit(row);
    }
    while (!found && !stack.empty()) {
        const Node node = stack.back();
        stack.pop_back();
        older(index).each(node, visit);
    }
    return found;
}

NodeList current_nodes(const GraphIndex& index, const std::vector<std::string>& current) {
    NodeList out;
    out.reserve(current.size());
    for (const std::string& id : current) {
        const Node node = index.find(id);
        if (node == kBase) {
            throw Error(ErrorKind::Revision,
                        fmt::format("unknown revision '{}' in the current heads", id));
        }
        out.push_back(node);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

NodeList mask_to_nodes(const std::vector<char>& mask) {
    NodeList out;
    for (Node node = 0; node < mask.size(); ++node) {
        if (mask[node] != 0) {
            out.push_back(node);
        }
    }
    return out;
}

}  // namespace detail

}  // namespace schemadiff::migrate
