#include "enum_type_changes.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "schemadiff/core/enum_types.hpp"
#include "schemadiff/core/text.hpp"
#include "views_triggers.hpp"

namespace schemadiff::diff::detail {

namespace {

// The element type of an array type spelled "elem[]" ("elem[][]", "elem[3]"); empty otherwise.
std::string_view array_element(std::string_view raw) {
    bool is_array = false;
    while (!raw.empty() && raw.back() == ']') {
        const auto open = raw.rfind('[');
        if (open == std::string_view::npos) return {};
        raw = raw.substr(0, open);
        while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
        is_array = true;
    }
    return is_array ? raw : std::string_view{};
}

// Whether a column holds the type, or an array of it (a Raw type "mood[]" or "\"Mood\"[]").
std::optional<bool> type_use(const Column& column, const std::string& type_key,
                             const std::string& quoted_type, const DiffContext& context) {
    if (column.type.kind == TypeKind::Enum) {
        if (column.type.enum_name.empty() || context.key(column.type.enum_name) != type_key) {
            return std::nullopt;
        }
        return false;
    }
    if (column.type.kind != TypeKind::Raw) return std::nullopt;
    const std::string_view element = array_element(column.type.raw);
    if (element.empty()) return std::nullopt;
    if (element == quoted_type || context.key(text::to_lower(element)) == type_key) return true;
    return std::nullopt;
}

// The columns of `table` using the type, under the table's and columns' names as given.
void add_columns(const Table& table, const std::string& type_key, const std::string& quoted_type,
                 const DiffContext& context, std::vector<EnumTypeColumn>& out) {
    for (const auto& column : table.columns) {
        const auto is_array = type_use(column, type_key, quoted_type, context);
        if (!is_array) continue;
        out.push_back({table.name, column.name, column.default_sql, *is_array});
    }
}

bool names_any(const std::string& sql, const std::vector<std::string>& column_keys,
               const DiffContext& context) {
    const auto keys = mentioned_keys(sql, context);
    return std::any_of(column_keys.begin(), column_keys.end(),
                       [&](const std::string& key) { return keys.count(key) > 0; });
}

// The indexes and CHECKs of `table` whose expression or predicate names a column of the type:
// PostgreSQL rebuilds them by parsing their text again, which finds no operator between the
// new type and a constant of the old one, so the swap drops them first and creates them after.
void add_table_dependents(const Table& table, const std::vector<std::string>& column_keys,
                          const DiffContext& context, AlterEnumType& op) {
    for (const auto& index : table.indexes) {
        bool is_dependent = index.where && names_any(*index.where, column_keys, context);
        for (const auto& part : index.parts) {
            if (part.expression && names_any(*part.expression, column_keys, context)) {
                is_dependent = true;
            }
        }
        if (is_dependent) op.indexes.push_back(CreateIndex{table.name, index});
    }
    for (const auto& check : table.checks) {
        if (names_any(check.expression, column_keys, context)) {
            op.checks.push_back(AddCheckConstraint{table.name, check});
        }
    }
}

// The views (of those the plan keeps in place) that select a column of the type, and those
// selecting from them, dependents first: ALTER COLUMN ... TYPE is refused while a view uses the
// column, so the swap drops them before the casts and creates them again after.
std::vector<View> dependent_views(const std::vector<View>& kept, const AlterEnumType& op,
                                  const DiffContext& context) {
    std::vector<std::unordered_set<std::string>> mentions;
    mentions.reserve(kept.size());
    for (const auto& view : kept) mentions.push_back(mentioned_keys(view.sql, context));
    std::vector<bool> is_dependent(kept.size(), false);
    for (std::size_t i = 0; i < kept.size(); ++i) {
        for (const auto& use : op.columns) {
            if (mentions[i].count(context.key(use.table)) > 0 &&
                mentions[i].count(context.key(use.column)) > 0) {
                is_dependent[i] = true;
            }
        }
    }
    for (bool grew = true; grew;) {  // and the views selecting from those, transitively
        grew = false;
        for (std::size_t i = 0; i < kept.size(); ++i) {
            for (std::size_t j = 0; j < kept.size() && !is_dependent[i]; ++j) {
                if (is_dependent[j] && mentions[i].count(context.key(kept[j].name)) > 0) {
                    is_dependent[i] = grew = true;
                }
            }
        }
    }
    // Dependents first: a view is placed once no unplaced dependent view mentions it (a cycle,
    // which no database accepts, is placed in name order).
    std::vector<View> out;
    std::vector<bool> is_placed(kept.size(), false);
    std::size_t remaining =
        static_cast<std::size_t>(std::count(is_dependent.begin(), is_dependent.end(), true));
    while (remaining > 0) {
        std::optional<std::size_t> next;
        for (std::size_t i = 0; i < kept.size() && !next; ++i) {
            if (!is_dependent[i] || is_placed[i]) continue;
            bool is_used = false;
            for (std::size_t j = 0; j < kept.size(); ++j) {
                if (j != i && is_dependent[j] && !is_placed[j] &&
                    mentions[j].count(context.key(kept[i].name)) > 0) {
                    is_used = true;
                }
            }
            if (!is_used) next = i;
        }
        if (!next) {
            for (std::size_t i = 0; i < kept.size() && !next; ++i) {
                if (is_dependent[i] && !is_placed[i]) next = i;
            }
        }
        is_placed[*next] = true;
        out.push_back(kept[*next]);
        --remaining;
    }
    return out;
}

// The columns of a type, and what a swap of it takes off and puts back, over `tables` as they
// stand where the operation runs.
void add_uses(const std::vector<Table>& tables, const std::string& type_key,
              const std::vector<View>& kept_views, const DiffContext& context, AlterEnumType& op) {
    const std::string quoted_type = context.dialect().quote_identifier(op.name);
    for (const auto& table : tables) {
        const std::size_t first = op.columns.size();
        add_columns(table, type_key, quoted_type, context, op.columns);
        if (op.columns.size() == first) continue;
        std::vector<std::string> column_keys;
        for (std::size_t i = first; i < op.columns.size(); ++i) {
            column_keys.push_back(context.key(op.columns[i].column));
        }
        add_table_dependents(table, column_keys, context, op);
    }
    op.views = dependent_views(kept_views, op, context);
}

// The current tables once the plan's renames have run (where values are added).
std::vector<Table> renamed_tables(const Schema& schema, const DiffContext& context) {
    std::vector<Table> out;
    out.reserve(schema.tables.size());
    for (const auto& table : schema.tables) out.push_back(context.renamed_current(table));
    return out;
}

// `from` with the values only `to` has, each placed after its predecessor in `to` (the first
// one before everything): what ALTER TYPE ... ADD VALUE reaches from `from`.
std::vector<std::string> with_added_values(const std::vector<std::string>& from,
                                           const std::vector<std::string>& to) {
    std::vector<std::string> out = from;
    for (std::size_t i = 0; i < to.size(); ++i) {
        if (std::find(out.begin(), out.end(), to[i]) != out.end()) continue;
        const auto after = i == 0 ? out.begin() : std::find(out.begin(), out.end(), to[i - 1]) + 1;
        out.insert(after, to[i]);
    }
    return out;
}

}  // namespace

bool has_named_enums(const Dialect& dialect) {
    static const ColumnType kProbe = [] {
        ColumnType type;
        type.kind = TypeKind::Enum;
        type.enum_values.emplace_back("a");
        type.enum_name.append("t");
        return type;
    }();
    return !dialect.canonical_type(kProbe).enum_name.empty();
}

EnumTypeChanges compare_enum_types(const Schema& current, const Schema& target,
                                   const DiffContext& context) {
    return compare_enum_types(current, target, {}, context);
}

EnumTypeChanges compare_enum_types(const Schema& current, const Schema& target,
                                   const std::vector<View>& kept_views,
                                   const DiffContext& context) {
    EnumTypeChanges changes;
    if (!has_named_enums(context.dialect())) return changes;
    const std::vector<EnumType> from = collect_enum_types(current);
    const std::vector<EnumType> to = collect_enum_types(target);
    std::unordered_map<std::string, const EnumType*> from_by_key;
    for (const auto& type : from) from_by_key.emplace(context.key(type.name), &type);
    std::unordered_map<std::string, const EnumType*> to_by_key;
    for (const auto& type : to) to_by_key.emplace(context.key(type.name), &type);

    std::vector<Table> renamed_current;  // computed once, when a type gains values
    std::vector<Operation> additions;
    std::vector<Operation> swaps;
    for (const auto& type : to) {
        const std::string key = context.key(type.name);
        const auto found = from_by_key.find(key);
        if (found == from_by_key.end()) {
            changes.before_tables.emplace_back(CreateEnumType{type});
            continue;
        }
        const std::vector<std::string>& old_values = found->second->values;
        if (old_values == type.values) continue;
        const std::vector<std::string> widened = with_added_values(old_values, type.values);
        if (widened != old_values) {
            AlterEnumType op{type.name, old_values, widened, {}};
            if (renamed_current.empty()) renamed_current = renamed_tables(current, context);
            add_uses(renamed_current, key, kept_views, context, op);
            additions.emplace_back(std::move(op));
        }
        if (widened != type.values) {
            AlterEnumType op{type.name, widened, type.values, {}};
            add_uses(target.tables, key, kept_views, context, op);
            swaps.emplace_back(std::move(op));
        }
    }
    for (auto& op : additions) changes.before_tables.push_back(std::move(op));
    for (auto& op : swaps) changes.after_tables.push_back(std::move(op));
    for (const auto& type : from) {
        if (to_by_key.count(context.key(type.name)) == 0) {
            changes.after_tables.emplace_back(DropEnumType{type});
        }
    }
    return changes;
}

}  // namespace schemadiff::diff::detail
