// Building the revision graph's index from parsed scripts, and every check a folder of scripts
// must pass: well-formed ids and labels, known parents and dependencies, no cycle.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <numeric>

#include "revision_graph_index.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::migrate::detail {

namespace {

constexpr std::array<std::string_view, 3> kReserved = {"base", "head", "heads"};

[[noreturn]] void fail(const GraphIndex& index, Node node, std::string message) {
    throw Error(ErrorKind::Revision, std::move(message), index.where(node));
}

bool is_reserved(std::string_view name) {
    return std::find(kReserved.begin(), kReserved.end(), name) != kReserved.end();
}

// Characters the identifier grammar gives a meaning: label@head, REV+N, REV-N, A:B ranges.
char special_character(std::string_view name, std::string_view specials) {
    for (char c : name) {
        if (specials.find(c) != std::string_view::npos || c == ' ' || c == '\t') {
            return c;
        }
    }
    return '\0';
}

void check_id(const GraphIndex& index, Node node) {
    const std::string& id = index.ids[node];
    if (id.empty()) {
        fail(index, node, "empty revision id");
    }
    if (is_reserved(id)) {
        fail(index, node, fmt::format("revision id '{}' is a reserved word", id));
    }
    if (const char c = special_character(id, "@+-:"); c != '\0') {
        fail(index, node, fmt::format("revision id '{}' contains '{}'", id, c));
    }
}

void add_labels(GraphIndex& index, Node node, const RevisionScript& script) {
    for (const std::string& label : script.branch_labels) {
        if (label.empty()) {
            fail(index, node,
                 fmt::format("revision '{}' has an empty branch label", script.revision));
        }
        if (is_reserved(label)) {
            fail(index, node, fmt::format("branch label '{}' is a reserved word", label));
        }
        if (const char c = special_character(label, "@:"); c != '\0') {
            fail(index, node, fmt::format("branch label '{}' contains '{}'", label, c));
        }
        if (index.find(label) != kBase) {
            fail(index, node,
                 fmt::format("branch label '{}' of revision '{}' is also a revision id", label,
                             script.revision));
        }
        const auto [it, inserted] = index.labels.emplace(label, node);
        if (!inserted) {
            fail(index, node,
                 fmt::format("branch label '{}' of revision '{}' is already used by revision "
                             "'{}' ({})",
                             label, script.revision, index.ids[it->second],
                             index.where(it->second)));
        }
    }
}

void add_edges(GraphIndex& index, Node node, const RevisionScript& script) {
    NodeList& parents = index.parents[node];
    for (const std::string& parent : script.revises) {
        const Node other = index.find(parent);
        if (other == kBase) {
            fail(index, node,
                 fmt::format("revision '{}' revises unknown revision '{}'", script.revision,
                             parent));
        }
        if (std::find(parents.begin(), parents.end(), other) != parents.end()) {
            fail(index, node,
                 fmt::format("revision '{}' revises '{}' twice", script.revision, parent));
        }
        parents.push_back(other);
    }
    NodeList& dependencies = index.dependencies[node];
    for (const std::string& dependency : script.depends_on) {
        Node other = index.find(dependency);
        if (other == kBase) {  // Alembic also accepts a branch label here
            const auto label = index.labels.find(dependency);
            if (label == index.labels.end()) {
                fail(index, node,
                     fmt::format("revision '{}' depends on unknown revision '{}'", script.revision,
                                 dependency));
            }
            other = label->second;
        }
        // A dependency that is also a parent adds nothing; one listed twice is one edge.
        if (std::find(parents.begin(), parents.end(), other) == parents.end() &&
            std::find(dependencies.begin(), dependencies.end(), other) == dependencies.end()) {
            dependencies.push_back(other);
        }
    }
    std::sort(parents.begin(), parents.end());
    std::sort(dependencies.begin(), dependencies.end());
}

// REQUIRES: `ordered` misses some nodes (they sit on or behind a cycle). Names the cycle reached
// from the smallest missing id, rotated to start at its smallest id.
[[noreturn]] void fail_cycle(const GraphIndex& index, const NodeList& ordered) {
    std::vector<char> is_ordered(index.size(), 0);
    for (Node node : ordered) {
        is_ordered[node] = 1;
    }
    auto first_missing = [&](const NodeList& nodes) {
        for (Node node : nodes) {
            if (is_ordered[node] == 0) {
                return node;
            }
        }
        return kBase;
    };
    Node node = 0;
    while (is_ordered[node] != 0) {
        ++node;
    }
    // Every node left out waits on another node left out, so this walk must loop.
    std::vector<std::size_t> step_of(index.size(), kBase);
    NodeList walk;
    while (step_of[node] == kBase) {
        step_of[node] = walk.size();
        walk.push_back(node);
        const Node parent = first_missing(index.parents[node]);
        const Node dependency = first_missing(index.dependencies[node]);
        node = std::min(parent, dependency);
    }
    NodeList cycle(walk.begin() + static_cast<std::ptrdiff_t>(step_of[node]), walk.end());
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    std::vector<std::string> names = index.names(cycle);
    names.push_back(names.front());
    fail(index, cycle.front(),
         fmt::format("revision '{}' is on a cycle: {} (each revises or depends on the next)",
                     names.front(), fmt::join(names, " -> ")));
}

}  // namespace

GraphIndex build_index(const ScriptMap& scripts) {
    GraphIndex index;
    for (const auto& [id, script] : scripts) {
        index.ids.push_back(id);
        index.paths.push_back(script.path);
    }
    const std::size_t size = index.size();
    index.parents.resize(size);
    index.dependencies.resize(size);
    index.children.resize(size);
    index.dependents.resize(size);
    index.position.resize(size);

    for (Node node = 0; node < size; ++node) {
        check_id(index, node);
    }
    Node node = 0;
    for (const auto& entry : scripts) {
        add_labels(index, node++, entry.second);
    }
    node = 0;
    for (const auto& entry : scripts) {
        add_edges(index, node++, entry.second);
    }
    for (Node child = 0; child < size; ++child) {  // ascending, so these lists come out sorted
        for (Node parent : index.parents[child]) {
            index.children[parent].push_back(child);
        }
        for (Node dependency : index.dependencies[child]) {
            index.dependents[dependency].push_back(child);
        }
    }

    NodeList all(size);
    std::iota(all.begin(), all.end(), Node{0});
    const NodeList ordered = order_nodes(index, all, Direction::ParentsFirst);
    if (ordered.size() != size) {
        fail_cycle(index, ordered);
    }
    for (std::size_t i = 0; i < size; ++i) {
        index.position[ordered[i]] = i;
    }
    for (Node each = 0; each < size; ++each) {
        if (index.children[each].empty()) {
            index.heads.push_back(each);
        }
        if (index.parents[each].empty()) {
            index.bases.push_back(each);
        }
        if (index.children[each].size() > 1) {
            index.branch_points.push_back(each);
        }
    }
    index.history = order_nodes(index, all, Direction::ChildrenFirst);
    return index;
}

}  // namespace schemadiff::migrate::detail
