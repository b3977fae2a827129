#include "rebuild.hpp"

#include <algorithm>
#include <type_traits>

namespace schemadiff::diff::detail {

namespace {

bool is_index_op(const Operation& op) {
    return std::holds_alternative<CreateIndex>(op) || std::holds_alternative<DropIndex>(op);
}

void add_reason(std::vector<std::string>& reasons, std::string reason) {
    if (reason.empty()) reason = "the database cannot make this change with ALTER TABLE";
    if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end()) {
        reasons.push_back(std::move(reason));
    }
}

// The current table once the table renames ran (its own column renames are folded into the
// rebuild, so its columns keep their current names).
Table rebuild_source(const Table& current, const DiffContext& context) {
    Table table = without_hints(current);
    const std::string self_key = context.key(current.name);
    table.name = context.renamed_table(current.name);
    for (auto& fk : table.foreign_keys) {
        if (fk.referenced_schema) continue;  // a table of another schema: not renamed here
        if (context.key(fk.referenced_table) != self_key) {
            for (auto& column : fk.referenced_columns) {
                column = context.renamed_column(fk.referenced_table, column);
            }
        }
        fk.referenced_table = context.renamed_table(fk.referenced_table);
    }
    return table;
}

std::vector<ColumnSource> column_sources(const TableChanges& changes) {
    std::vector<ColumnSource> sources;
    const auto& target_columns = changes.target->columns;
    for (std::size_t i = 0; i < target_columns.size(); ++i) {
        const auto source = changes.columns.source[i];
        // A generated column computes its values; it cannot be copied into.
        if (!source || target_columns[i].generated) continue;
        sources.push_back({target_columns[i].name, changes.current->columns[*source].name});
    }
    return sources;
}

std::vector<View> dependent_views(const std::vector<View>& views, const Table& current,
                                  const Table& target) {
    std::vector<View> out;
    for (const auto& view : views) {
        if (mentions_word(view.sql, current.name) || mentions_word(view.sql, target.name)) {
            out.push_back(view);
        }
    }
    return out;
}

}  // namespace

FoldedTable fold_rebuild(const TableChanges& changes, const std::vector<View>& views,
                         const DiffContext& context) {
    FoldedTable folded{changes.rename_columns, changes.alter_operations()};
    std::vector<std::string> reasons = changes.rebuild_reasons;

    const Table source = rebuild_source(*changes.current, context);
    Table state = source;
    std::string reason;
    for (const auto& op : changes.rename_columns) {
        if (!context.dialect().can_alter_in_place(op, state, reason)) {
            add_reason(reasons, std::move(reason));
        }
        reason.clear();
        apply_to_table(state, op, context);
    }
    for (const auto& op : folded.alterations) {
        if (!is_index_op(op) && !context.dialect().can_alter_in_place(op, state, reason)) {
            add_reason(reasons, std::move(reason));
        }
        reason.clear();
        apply_to_table(state, op, context);
    }
    if (reasons.empty()) return folded;

    RebuildTable rebuild{source, without_hints(*changes.target), column_sources(changes),
                         dependent_views(views, *changes.current, *changes.target),
                         std::move(reasons)};
    folded.rename_columns.clear();
    folded.alterations.clear();
    folded.alterations.emplace_back(std::move(rebuild));
    return folded;
}

}  // namespace schemadiff::diff::detail
