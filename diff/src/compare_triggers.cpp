// Triggers of the tables the plan keeps and alters in place: matched by name within their table,
// compared by folded statement; see views_triggers.hpp.
#include <unordered_map>

#include "views_triggers.hpp"

namespace schemadiff::diff::detail {

TriggerChanges compare_triggers(const TableMatch& match, const std::vector<bool>& is_rebuilt,
                                const DiffContext& context) {
    const Dialect& dialect = context.dialect();
    TriggerChanges changes;
    for (std::size_t t = 0; t < match.matched.size(); ++t) {
        if (is_rebuilt[t]) continue;  // the rebuild drops the old triggers and creates the new
        const Table& current = *match.matched[t].current;
        const Table& target = *match.matched[t].target;
        if (current.triggers.empty() && target.triggers.empty()) continue;

        std::unordered_map<std::string, const Trigger*> current_by_key;
        for (const auto& trigger : current.triggers) {
            current_by_key.emplace(context.key(trigger.name), &trigger);
        }
        std::unordered_map<std::string, bool> is_kept;  // key -> unchanged
        for (const auto& trigger : target.triggers) {
            const std::string key = context.key(trigger.name);
            const auto found = current_by_key.find(key);
            const bool is_same =
                found != current_by_key.end() &&
                (found->second->sql == trigger.sql || fold_statement(found->second->sql, dialect) ==
                                                          fold_statement(trigger.sql, dialect));
            is_kept.emplace(key, is_same);
            if (!is_same) changes.creates.emplace_back(CreateTrigger{target.name, trigger});
        }
        for (const auto& trigger : current.triggers) {
            const auto kept = is_kept.find(context.key(trigger.name));
            if (kept == is_kept.end() || !kept->second) {
                changes.drops.emplace_back(DropTrigger{current.name, trigger});
            }
        }
    }
    return changes;
}

}  // namespace schemadiff::diff::detail
