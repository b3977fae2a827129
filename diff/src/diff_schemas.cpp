// diff_schemas — the pipeline: match tables and columns, compare each matched table, fold what
// the dialect cannot ALTER into rebuilds, order everything, attach the findings.
//
// Plan order: dropped or changed triggers and views, table renames, column renames (so every
// later operation names tables and columns as the target does), new enum types and added enum
// values, new tables in dependency order, the changes of each existing table (sorted by name),
// dropped tables (dependents first), enum values removed or moved and dropped enum types, and
// last the new or changed views and triggers.
#include <optional>

#include "enum_type_changes.hpp"
#include "findings.hpp"
#include "matching.hpp"
#include "order.hpp"
#include "rebuild.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/diff/diff.hpp"
#include "table_changes.hpp"
#include "views_triggers.hpp"

namespace schemadiff::diff {

namespace {

using detail::DiffContext;
using detail::TableChanges;

std::vector<TableChanges> compare_tables(const detail::TableMatch& match, DiffContext& context) {
    std::vector<TableChanges> tables(match.matched.size());
    // Column renames of every table first: constraints elsewhere may reference them.
    for (std::size_t i = 0; i < match.matched.size(); ++i) {
        TableChanges& changes = tables[i];
        changes.current = match.matched[i].current;
        changes.target = match.matched[i].target;
        changes.columns = detail::match_columns(*changes.current, *changes.target, context);
        for (std::size_t c = 0; c < changes.target->columns.size(); ++c) {
            if (!changes.columns.is_renamed[c]) continue;
            const Column& old_column = changes.current->columns[*changes.columns.source[c]];
            context.column_renames[context.key(changes.current->name)].emplace(
                context.key(old_column.name), changes.target->columns[c].name);
        }
        if (match.matched[i].is_renamed) {
            changes.rename_table.emplace_back(
                RenameTable{changes.current->name, changes.target->name});
        }
    }
    for (auto& changes : tables) {
        if (context.renames_nothing_in(*changes.current)) {
            changes.renamed = changes.current;
        } else {
            changes.renamed =
                &changes.renamed_copy.emplace(context.renamed_current(*changes.current));
        }
        detail::compare_columns(context, changes);
        detail::compare_constraints(context, changes);
    }
    return tables;
}

// Whether the dialect keeps comments at all (SQLite has nowhere to store them: it renders a
// comment change as no statement). Where it does not, comparing them would report a change on
// every run.
bool stores_comments(const Dialect& dialect) {
    try {
        return !dialect.render(SetTableComment{"t", std::nullopt, "comment"}).empty();
    } catch (const Error&) {
        return false;
    }
}

// `schema` in canonical order: itself, or a sorted copy kept in `copy`.
const Schema& canonical(const Schema& schema, std::optional<Schema>& copy) {
    if (is_canonical(schema)) return schema;
    canonicalize(copy.emplace(schema));
    return *copy;
}

template <typename Ops>
void append(std::vector<Operation>& out, Ops&& ops) {
    for (auto& op : ops) out.push_back(std::move(op));
}

}  // namespace

Plan diff_schemas(const Schema& current, const Schema& target, const DiffOptions& options) {
    if (options.dialect == nullptr) {
        throw Error(ErrorKind::Internal, "diff_schemas needs a dialect",
                    "DiffOptions::dialect is null");
    }
    // Readers and the JSON loader hand over canonical schemas: copied only when they are not.
    std::optional<Schema> current_copy;
    std::optional<Schema> target_copy;
    const Schema& current_sorted = canonical(current, current_copy);
    const Schema& target_sorted = canonical(target, target_copy);

    DiffOptions effective = options;
    effective.compare_comments = options.compare_comments && stores_comments(*options.dialect);
    DiffContext context(*options.dialect, effective);
    const detail::TableMatch match = detail::match_tables(current_sorted, target_sorted, context);
    std::vector<TableChanges> tables = compare_tables(match, context);

    // A rebuild recreates the views over its table, except those the plan drops anyway.
    detail::ViewChanges views =
        detail::compare_views(current_sorted.views, target_sorted.views, context);
    std::vector<detail::FoldedTable> folded;
    folded.reserve(tables.size());
    std::vector<bool> is_rebuilt;
    is_rebuilt.reserve(tables.size());
    for (const auto& changes : tables) {
        folded.push_back(changes.has_changes() ? detail::fold_rebuild(changes, views.kept, context)
                                               : detail::FoldedTable{});
        const auto& alterations = folded.back().alterations;
        is_rebuilt.push_back(alterations.size() == 1 &&
                             std::holds_alternative<RebuildTable>(alterations.front()));
    }
    detail::TriggerChanges triggers = detail::compare_triggers(match, is_rebuilt, context);

    Plan plan;
    append(plan.operations, triggers.drops);
    append(plan.operations, views.drops);
    for (auto& changes : tables) append(plan.operations, changes.rename_table);
    for (auto& table : folded) append(plan.operations, table.rename_columns);
    // Enum types after the renames (their columns carry the new names): types created and
    // values added before the tables that may use them, values removed or moved and types
    // dropped after the last table operation.
    detail::EnumTypeChanges enum_types =
        detail::compare_enum_types(current_sorted, target_sorted, views.kept, context);
    append(plan.operations, enum_types.before_tables);

    std::vector<Table> created;
    created.reserve(match.added.size());
    for (const Table* table : match.added) created.push_back(detail::without_hints(*table));
    append(plan.operations, detail::create_tables(std::move(created), context));

    for (auto& table : folded) append(plan.operations, table.alterations);

    std::vector<Table> dropped;
    dropped.reserve(match.dropped.size());
    for (const Table* table : match.dropped) dropped.push_back(context.renamed_current(*table));
    append(plan.operations, detail::drop_tables(std::move(dropped), context));
    append(plan.operations, enum_types.after_tables);
    append(plan.operations, views.creates);
    append(plan.operations, triggers.creates);

    plan.findings = detail::compute_findings(plan.operations, *options.dialect);
    return plan;
}

}  // namespace schemadiff::diff
