// Views: matched by name, compared by folded statement, changed ones dropped and created again
// together with the views that depend on them; see views_triggers.hpp.
#include <algorithm>
#include <functional>
#include <queue>
#include <unordered_map>

#include "views_triggers.hpp"

namespace schemadiff::diff::detail {

namespace {

using Graph = std::vector<std::vector<std::size_t>>;

// For each view, the other views of the list its statement mentions.
Graph dependencies(const std::vector<const View*>& views, const DiffContext& context) {
    std::unordered_map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < views.size(); ++i) by_key.emplace(context.key(views[i]->name), i);
    Graph uses(views.size());
    for (std::size_t i = 0; i < views.size(); ++i) {
        for (const auto& key : mentioned_keys(views[i]->sql, context)) {
            const auto found = by_key.find(key);
            if (found != by_key.end() && found->second != i) uses[i].push_back(found->second);
        }
        std::sort(uses[i].begin(), uses[i].end());
    }
    return uses;
}

// The views, dependencies first; ties (and a cycle, which no database accepts) in list order.
// REQUIRES: `views` sorted by name.
std::vector<const View*> dependency_order(const std::vector<const View*>& views,
                                          const DiffContext& context) {
    const Graph uses = dependencies(views, context);
    Graph used_by(views.size());
    std::vector<std::size_t> waiting(views.size(), 0);
    for (std::size_t i = 0; i < views.size(); ++i) {
        waiting[i] = uses[i].size();
        for (const std::size_t j : uses[i]) used_by[j].push_back(i);
    }
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
    for (std::size_t i = 0; i < views.size(); ++i) {
        if (waiting[i] == 0) ready.push(i);
    }
    std::vector<const View*> out;
    std::vector<bool> is_placed(views.size(), false);
    out.reserve(views.size());
    while (out.size() < views.size()) {
        if (ready.empty()) {  // a cycle: place its first view and carry on
            const auto first = std::find(is_placed.begin(), is_placed.end(), false);
            ready.push(static_cast<std::size_t>(first - is_placed.begin()));
        }
        const std::size_t i = ready.top();
        ready.pop();
        if (is_placed[i]) continue;
        is_placed[i] = true;
        out.push_back(views[i]);
        for (const std::size_t dependent : used_by[i]) {
            if (--waiting[dependent] == 0 && !is_placed[dependent]) ready.push(dependent);
        }
    }
    return out;
}

}  // namespace

ViewChanges compare_views(const std::vector<View>& current, const std::vector<View>& target,
                          const DiffContext& context) {
    const Dialect& dialect = context.dialect();
    std::unordered_map<std::string, std::size_t> target_index;
    for (std::size_t i = 0; i < target.size(); ++i) {
        target_index.emplace(context.key(target[i].name), i);
    }

    // Current views going away or changing; a target view is created unless it stays as it is.
    std::vector<bool> is_dropped(current.size(), false);
    std::vector<bool> is_created(target.size(), true);
    std::vector<std::size_t> match(current.size(), target.size());
    for (std::size_t i = 0; i < current.size(); ++i) {
        const auto found = target_index.find(context.key(current[i].name));
        if (found == target_index.end()) {
            is_dropped[i] = true;
            continue;
        }
        match[i] = found->second;
        const bool is_same = current[i].sql == target[found->second].sql ||
                             fold_statement(current[i].sql, dialect) ==
                                 fold_statement(target[found->second].sql, dialect);
        is_dropped[i] = !is_same;
        is_created[found->second] = !is_same;
    }

    // A view over a dropped view goes with it (and comes back once its dependency is back).
    std::vector<const View*> all_current;
    all_current.reserve(current.size());
    for (const auto& view : current) all_current.push_back(&view);
    const Graph uses = dependencies(all_current, context);
    Graph used_by(current.size());
    for (std::size_t i = 0; i < current.size(); ++i) {
        for (const std::size_t j : uses[i]) used_by[j].push_back(i);
    }
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < current.size(); ++i) {
        if (is_dropped[i]) pending.push_back(i);
    }
    while (!pending.empty()) {
        const std::size_t i = pending.back();
        pending.pop_back();
        for (const std::size_t dependent : used_by[i]) {
            if (is_dropped[dependent]) continue;
            is_dropped[dependent] = true;
            if (match[dependent] < target.size()) is_created[match[dependent]] = true;
            pending.push_back(dependent);
        }
    }

    ViewChanges changes;
    std::vector<const View*> dropped;
    for (std::size_t i = 0; i < current.size(); ++i) {
        if (is_dropped[i]) {
            dropped.push_back(&current[i]);
        } else {
            changes.kept.push_back(current[i]);
        }
    }
    std::vector<const View*> created;
    for (std::size_t i = 0; i < target.size(); ++i) {
        if (is_created[i]) created.push_back(&target[i]);
    }
    const auto drop_order = dependency_order(dropped, context);
    for (auto it = drop_order.rbegin(); it != drop_order.rend(); ++it) {
        changes.drops.emplace_back(DropView{**it});
    }
    for (const View* view : dependency_order(created, context)) {
        changes.creates.emplace_back(CreateView{*view});
    }
    return changes;
}

}  // namespace schemadiff::diff::detail
