#include "revision_text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "project.hpp"

namespace schemadiff::cli {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

std::string tags(const migrate::RevisionGraph& graph, const std::string& id) {
    const migrate::RevisionScript& script = graph.get(id);
    std::string text;
    if (contains(graph.heads(), id)) text += " (head)";
    if (contains(graph.branch_points(), id)) text += " (branchpoint)";
    if (script.revises.size() > 1) text += " (mergepoint)";
    if (!script.branch_labels.empty()) text += fmt::format(" ({})", join(script.branch_labels));
    return text;
}

}  // namespace

std::string revision_line(const migrate::RevisionGraph& graph, const std::string& id) {
    return fmt::format("{}{}, {}", id, tags(graph, id), graph.get(id).message);
}

std::string history_line(const migrate::RevisionGraph& graph, const std::string& id) {
    const migrate::RevisionScript& script = graph.get(id);
    const std::string parents = script.revises.empty() ? "<base>" : join(script.revises);
    return fmt::format("{} -> {}", parents, revision_line(graph, id));
}

std::string revision_details(const migrate::RevisionGraph& graph, const std::string& id) {
    const migrate::RevisionScript& script = graph.get(id);
    std::string text = fmt::format("Rev: {}{}\n", id, tags(graph, id));
    text += fmt::format("Parent: {}\n", script.revises.empty() ? "<base>" : join(script.revises));
    if (!script.branch_labels.empty()) {
        text += fmt::format("Branch names: {}\n", join(script.branch_labels));
    }
    if (!script.depends_on.empty()) {
        text += fmt::format("Depends on: {}\n", join(script.depends_on));
    }
    const std::vector<std::string> children = children_of(graph, id);
    if (!children.empty()) text += fmt::format("Children: {}\n", join(children));
    text += fmt::format("Path: {}\nCreate Date: {}\n\n    {}\n", script.path, script.create_date,
                        script.message);
    return text;
}

std::vector<std::string> children_of(const migrate::RevisionGraph& graph, const std::string& id) {
    std::vector<std::string> children;
    for (const std::string& other : graph.history()) {
        if (contains(graph.get(other).revises, id)) children.push_back(other);
    }
    std::sort(children.begin(), children.end());
    return children;
}

}  // namespace schemadiff::cli
