#include "order.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <unordered_map>
#include <utility>

namespace schemadiff::diff::detail {

namespace {

constexpr std::size_t kUnvisited = std::numeric_limits<std::size_t>::max();

using Graph = std::vector<std::vector<std::size_t>>;

// The table each foreign key references, as an index into `tables` (kUnvisited: outside the
// set or the table itself).
std::vector<std::vector<std::size_t>> referenced_indexes(const std::vector<Table>& tables,
                                                         const DiffContext& context) {
    std::unordered_map<std::string, std::size_t> by_key;
    for (std::size_t i = 0; i < tables.size(); ++i) by_key.emplace(context.key(tables[i].name), i);
    std::vector<std::vector<std::size_t>> out(tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i) {
        for (const auto& fk : tables[i].foreign_keys) {
            const auto found =
                fk.referenced_schema ? by_key.end() : by_key.find(context.key(fk.referenced_table));
            const bool is_other = found != by_key.end() && found->second != i;
            out[i].push_back(is_other ? found->second : kUnvisited);
        }
    }
    return out;
}

// Tarjan's algorithm, iterative (a long chain of references must not exhaust the stack).
// Returns the component of each node.
std::vector<std::size_t> components_of(const Graph& edges, std::size_t& count) {
    const std::size_t n = edges.size();
    std::vector<std::size_t> order(n, kUnvisited);
    std::vector<std::size_t> low(n, 0);
    std::vector<std::size_t> component(n, kUnvisited);
    std::vector<bool> on_stack(n, false);
    std::vector<std::size_t> stack;
    std::vector<std::pair<std::size_t, std::size_t>> calls;  // (node, next edge)
    std::size_t counter = 0;
    count = 0;
    auto visit = [&](std::size_t v) {
        order[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack[v] = true;
        calls.emplace_back(v, 0);
    };
    for (std::size_t start = 0; start < n; ++start) {
        if (order[start] != kUnvisited) continue;
        visit(start);
        while (!calls.empty()) {
            const std::size_t v = calls.back().first;
            const std::size_t edge = calls.back().second;
            if (edge < edges[v].size()) {
                ++calls.back().second;
                const std::size_t w = edges[v][edge];
                if (order[w] == kUnvisited) {
                    visit(w);
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], order[w]);
                }
                continue;
            }
            if (low[v] == order[v]) {
                std::size_t w = kUnvisited;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    component[w] = count;
                } while (w != v);
                ++count;
            }
            calls.pop_back();
            if (!calls.empty()) {
                const std::size_t parent = calls.back().first;
                low[parent] = std::min(low[parent], low[v]);
            }
        }
    }
    return component;
}

}  // namespace

DependencyOrder dependency_order(const std::vector<Table>& tables, const DiffContext& context) {
    const std::size_t n = tables.size();
    const auto referenced = referenced_indexes(tables, context);
    Graph edges(n);  // table -> tables it references
    for (std::size_t i = 0; i < n; ++i) {
        for (const std::size_t j : referenced[i]) {
            if (j != kUnvisited) edges[i].push_back(j);
        }
        std::sort(edges[i].begin(), edges[i].end());
        edges[i].erase(std::unique(edges[i].begin(), edges[i].end()), edges[i].end());
    }
    std::size_t count = 0;
    const auto component = components_of(edges, count);

    // Kahn's algorithm over the components; a component's rank is its first table by name.
    std::vector<std::vector<std::size_t>> members(count);
    for (std::size_t i = 0; i < n; ++i) members[component[i]].push_back(i);
    std::vector<std::pair<std::size_t, std::size_t>> links;  // (referenced, referencing)
    for (std::size_t i = 0; i < n; ++i) {
        for (const std::size_t j : edges[i]) {
            if (component[i] != component[j]) links.emplace_back(component[j], component[i]);
        }
    }
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    std::vector<std::vector<std::size_t>> dependents(count);
    std::vector<std::size_t> waiting(count, 0);
    for (const auto& [from, to] : links) {
        dependents[from].push_back(to);
        ++waiting[to];
    }
    using Ready = std::pair<std::size_t, std::size_t>;  // (first member, component)
    std::priority_queue<Ready, std::vector<Ready>, std::greater<>> ready;
    for (std::size_t c = 0; c < count; ++c) {
        if (waiting[c] == 0) ready.emplace(members[c].front(), c);
    }
    DependencyOrder result;
    result.tables.reserve(n);
    while (!ready.empty()) {
        const std::size_t c = ready.top().second;
        ready.pop();
        for (const std::size_t member : members[c]) result.tables.push_back(member);
        for (const std::size_t next : dependents[c]) {
            if (--waiting[next] == 0) ready.emplace(members[next].front(), next);
        }
    }

    std::vector<std::size_t> position(n, 0);
    for (std::size_t p = 0; p < n; ++p) position[result.tables[p]] = p;
    result.cut_foreign_keys.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < referenced[i].size(); ++k) {
            const std::size_t j = referenced[i][k];
            if (j != kUnvisited && component[j] == component[i] && position[j] > position[i]) {
                result.cut_foreign_keys[i].push_back(k);
            }
        }
    }
    return result;
}

namespace {

// The cut foreign keys, removed from their tables; `ops` receives Add- or DropForeignKey per
// key the dialect can handle on its own, the rest stays inline.
template <typename ForeignKeyOp>
std::vector<ForeignKeyOp> cut_foreign_keys(std::vector<Table>& tables, const DependencyOrder& order,
                                           const DiffContext& context) {
    std::vector<ForeignKeyOp> cut;
    for (const std::size_t i : order.tables) {
        Table& table = tables[i];
        const auto& indexes = order.cut_foreign_keys[i];
        if (indexes.empty()) continue;
        std::vector<ForeignKey> kept;
        for (std::size_t k = 0; k < table.foreign_keys.size(); ++k) {
            const bool is_cut = std::find(indexes.begin(), indexes.end(), k) != indexes.end();
            std::string reason;
            if (is_cut && context.dialect().can_alter_in_place(
                              ForeignKeyOp{table.name, table.foreign_keys[k]}, table, reason)) {
                cut.push_back(ForeignKeyOp{table.name, table.foreign_keys[k]});
            } else {
                kept.push_back(table.foreign_keys[k]);
            }
        }
        table.foreign_keys = std::move(kept);
    }
    return cut;
}

}  // namespace

std::vector<Operation> create_tables(std::vector<Table> tables, const DiffContext& context) {
    const DependencyOrder order = dependency_order(tables, context);
    const auto added_later = cut_foreign_keys<AddForeignKey>(tables, order, context);
    std::vector<Operation> ops;
    ops.reserve(tables.size() + added_later.size());
    for (const std::size_t i : order.tables) ops.emplace_back(CreateTable{std::move(tables[i])});
    for (const auto& op : added_later) ops.emplace_back(op);
    return ops;
}

std::vector<Operation> drop_tables(std::vector<Table> tables, const DiffContext& context) {
    const DependencyOrder order = dependency_order(tables, context);
    const auto dropped_first = cut_foreign_keys<DropForeignKey>(tables, order, context);
    std::vector<Operation> ops;
    ops.reserve(tables.size() + dropped_first.size());
    for (auto it = dropped_first.rbegin(); it != dropped_first.rend(); ++it) ops.emplace_back(*it);
    for (auto it = order.tables.rbegin(); it != order.tables.rend(); ++it) {
        ops.emplace_back(DropTable{std::move(tables[*it])});
    }
    return ops;
}

}  // namespace schemadiff::diff::detail
