// Views and triggers — the schema objects kept as their stored CREATE statement.
//
// Both match by name (Dialect::identifier_key; a trigger within its table) and compare by their
// statement folded the way the database rewrites it on ALTER TABLE ... RENAME (whitespace,
// keyword case, redundant outer parentheses, quotes around identifiers the dialect would not
// quote). A change is a drop and a create: nothing ALTERs a view or a trigger in place.
//
// Order: the plan drops views and triggers before any table operation (a rename, DROP COLUMN or
// rebuild can fail on a view or trigger that names what changes) and creates them after the last
// one. A view that depends on a dropped or changed view is dropped and created again with it, so
// no view is left naming a missing one while the tables change. Views are created dependencies
// first and dropped dependents first. Triggers of created, dropped and rebuilt tables are not
// compared here: CreateTable, DropTable and RebuildTable carry them.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "diff_context.hpp"
#include "matching.hpp"
#include "schemadiff/core/operation.hpp"

namespace schemadiff::diff::detail {

// The form two stored statements are compared in.
[[nodiscard]] std::string fold_statement(std::string_view sql, const Dialect& dialect);

// The identifier keys a statement mentions (bare words and quoted identifiers; string literals
// skipped). Over-collects on purpose (keywords, aliases): callers intersect it with known names.
[[nodiscard]] std::unordered_set<std::string> mentioned_keys(std::string_view sql,
                                                             const DiffContext& context);

struct ViewChanges {
    std::vector<Operation> drops;    // DropView, dependents first
    std::vector<Operation> creates;  // CreateView, dependencies first
    std::vector<View> kept;          // current views the plan leaves alone, sorted by name
};

// REQUIRES: both view lists sorted by name (canonicalize).
[[nodiscard]] ViewChanges compare_views(const std::vector<View>& current,
                                        const std::vector<View>& target,
                                        const DiffContext& context);

struct TriggerChanges {
    std::vector<Operation> drops;    // DropTrigger, on the table's current name
    std::vector<Operation> creates;  // CreateTrigger, on the table's target name
};

// Triggers of the matched tables that are altered in place (or not at all); `is_rebuilt[i]`
// says whether match.matched[i] is rebuilt, whose rebuild recreates the target's triggers.
[[nodiscard]] TriggerChanges compare_triggers(const TableMatch& match,
                                              const std::vector<bool>& is_rebuilt,
                                              const DiffContext& context);

}  // namespace schemadiff::diff::detail
