// RevisionGraph: construction, the graph's shape, and Alembic's version-table semantics for
// upgrade and downgrade (identifier resolution lives in revision_graph_resolve.cpp).
#include "schemadiff/migrate/revision_graph.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "revision_graph_index.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::migrate {

using detail::Direction;
using detail::GraphIndex;
using detail::kBase;
using detail::Node;
using detail::NodeList;

namespace {

std::string where(const RevisionScript& script) {
    return script.path.empty() ? fmt::format("revision '{}'", script.revision) : script.path;
}

Node require(const GraphIndex& index, std::string_view id) {
    const Node node = index.find(id);
    if (node == kBase) {
        throw Error(ErrorKind::Revision, fmt::format("unknown revision '{}'", id));
    }
    return node;
}

bool has(const NodeList& nodes, Node node) {
    return std::find(nodes.begin(), nodes.end(), node) != nodes.end();
}

std::vector<std::string> sorted_names(const GraphIndex& index, NodeList nodes) {
    std::sort(nodes.begin(), nodes.end());
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    return index.names(nodes);
}

}  // namespace

RevisionGraph::RevisionGraph(std::vector<RevisionScript> scripts) {
    for (RevisionScript& script : scripts) {
        const auto found = scripts_.find(script.revision);
        if (found != scripts_.end()) {
            throw Error(ErrorKind::Revision,
                        fmt::format("duplicate revision id '{}': also in {}", script.revision,
                                    where(found->second)),
                        where(script));
        }
        std::string id = script.revision;
        scripts_.emplace(std::move(id), std::move(script));
    }
    auto index = std::make_shared<GraphIndex>(detail::build_index(scripts_));
    for (Node node = 0; node < index->size(); ++node) {
        children_[index->ids[node]] = index->names(index->children[node]);
    }
    index_ = std::move(index);
}

const RevisionScript& RevisionGraph::get(std::string_view id) const {
    const auto found = scripts_.find(id);
    if (found == scripts_.end()) {
        throw Error(ErrorKind::Revision, fmt::format("unknown revision '{}'", id));
    }
    return found->second;
}

bool RevisionGraph::contains(std::string_view id) const {
    return scripts_.find(id) != scripts_.end();
}

std::vector<std::string> RevisionGraph::heads() const { return index_->names(index_->heads); }

std::vector<std::string> RevisionGraph::bases() const { return index_->names(index_->bases); }

std::vector<std::string> RevisionGraph::branch_points() const {
    return index_->names(index_->branch_points);
}

std::vector<std::string> RevisionGraph::history() const { return index_->names(index_->history); }

std::vector<std::string> RevisionGraph::ancestors(std::string_view id) const {
    const Node node = require(*index_, id);
    std::vector<char> mask = detail::ancestor_mask(*index_, {node});
    mask[node] = 0;
    return index_->names(detail::mask_to_nodes(mask));
}

std::vector<std::string> RevisionGraph::upgrade_path(
    const std::vector<std::string>& current, const std::vector<std::string>& targets) const {
    const NodeList rows = detail::current_nodes(*index_, current);
    NodeList wanted;
    for (const std::string& target : targets) {
        if (!target.empty()) {
            wanted.push_back(require(*index_, target));
        }
    }
    std::vector<char> needed = detail::ancestor_mask(*index_, wanted);
    const std::vector<char> applied = detail::ancestor_mask(*index_, rows);
    for (Node node = 0; node < needed.size(); ++node) {
        needed[node] = static_cast<char>(needed[node] != 0 && applied[node] == 0);
    }
    return index_->names(
        detail::order_nodes(*index_, detail::mask_to_nodes(needed), Direction::ParentsFirst));
}

std::vector<std::string> RevisionGraph::downgrade_path(const std::vector<std::string>& current,
                                                       std::string_view target) const {
    const NodeList rows = detail::current_nodes(*index_, current);
    std::vector<char> reverted = detail::ancestor_mask(*index_, rows);
    if (!target.empty()) {
        // Alembic: revert what was applied on top of the target (its descendants and whatever
        // depends on them); branches that do not descend from it stay as they are.
        const Node node = require(*index_, target);
        if (reverted[node] == 0) {
            throw Error(ErrorKind::Revision,
                        fmt::format("cannot downgrade to '{}': it is not applied", target));
        }
        const std::vector<char> above = detail::descendant_mask(*index_, {node}, true);
        for (Node each = 0; each < reverted.size(); ++each) {
            reverted[each] = static_cast<char>(reverted[each] != 0 && above[each] != 0);
        }
        reverted[node] = 0;
    }
    return index_->names(
        detail::order_nodes(*index_, detail::mask_to_nodes(reverted), Direction::ChildrenFirst));
}

std::vector<std::string> RevisionGraph::heads_after_upgrade(const std::vector<std::string>& current,
                                                            std::string_view applied) const {
    const GraphIndex& index = *index_;
    const NodeList rows = detail::current_nodes(index, current);
    const Node node = require(index, applied);
    if (detail::is_applied(index, rows, node)) {
        throw Error(ErrorKind::Revision,
                    fmt::format("cannot apply '{}': it is already applied", applied));
    }
    for (Node dependency : index.dependencies[node]) {
        if (!detail::is_applied(index, rows, dependency)) {
            throw Error(ErrorKind::Revision,
                        fmt::format("cannot apply '{}': it depends on '{}', which is not applied",
                                    applied, index.ids[dependency]));
        }
    }
    NodeList after;
    for (Node row : rows) {
        if (!has(index.parents[node], row)) {
            after.push_back(row);
        }
    }
    for (Node parent : index.parents[node]) {
        // A parent that is not a row is applied only if another row descends from it.
        if (!has(rows, parent) && !detail::is_applied(index, rows, parent)) {
            throw Error(ErrorKind::Revision,
                        fmt::format("cannot apply '{}': its parent '{}' is not applied", applied,
                                    index.ids[parent]));
        }
    }
    after.push_back(node);
    return sorted_names(index, std::move(after));
}

std::vector<std::string> RevisionGraph::heads_after_downgrade(
    const std::vector<std::string>& current, std::string_view reverted) const {
    const GraphIndex& index = *index_;
    const NodeList rows = detail::current_nodes(index, current);
    const Node node = require(index, reverted);
    if (!has(rows, node)) {
        throw Error(ErrorKind::Revision,
                    fmt::format("cannot revert '{}': it is not a current head", reverted));
    }
    NodeList after;
    for (Node row : rows) {
        if (row != node) {
            after.push_back(row);
        }
    }
    for (Node dependent : index.dependents[node]) {
        if (detail::is_applied(index, after, dependent)) {
            throw Error(ErrorKind::Revision,
                        fmt::format("cannot revert '{}': '{}' depends on it and is applied",
                                    reverted, index.ids[dependent]));
        }
    }
    // A parent becomes a row again unless one of its other children is still applied.
    for (Node parent : index.parents[node]) {
        const NodeList& siblings = index.children[parent];
        const bool covered = std::any_of(siblings.begin(), siblings.end(), [&](Node sibling) {
            return sibling != node && detail::is_applied(index, after, sibling);
        });
        if (!covered) {
            after.push_back(parent);
        }
    }
    return sorted_names(index, std::move(after));
}

}  // namespace schemadiff::migrate
