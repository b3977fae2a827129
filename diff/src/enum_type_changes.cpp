#include "enum_type_changes.hpp"

#include <algorithm>
#include <unordered_map>

#include "schemadiff/core/enum_types.hpp"

namespace schemadiff::diff::detail {

namespace {

bool uses_type(const Column& column, const std::string& type_key, const DiffContext& context) {
    return column.type.kind == TypeKind::Enum && !column.type.enum_name.empty() &&
           context.key(column.type.enum_name) == type_key;
}

// The current columns of a type, named as they are once the plan's renames have run.
std::vector<EnumTypeColumn> current_columns(const Schema& schema, const std::string& type_key,
                                            const DiffContext& context) {
    std::vector<EnumTypeColumn> out;
    for (const auto& table : schema.tables) {
        for (const auto& column : table.columns) {
            if (!uses_type(column, type_key, context)) continue;
            out.push_back({context.renamed_table(table.name),
                           context.renamed_column(table.name, column.name), column.default_sql});
        }
    }
    return out;
}

std::vector<EnumTypeColumn> target_columns(const Schema& schema, const std::string& type_key,
                                           const DiffContext& context) {
    std::vector<EnumTypeColumn> out;
    for (const auto& table : schema.tables) {
        for (const auto& column : table.columns) {
            if (!uses_type(column, type_key, context)) continue;
            out.push_back({table.name, column.name, column.default_sql});
        }
    }
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
    EnumTypeChanges changes;
    if (!has_named_enums(context.dialect())) return changes;
    const std::vector<EnumType> from = collect_enum_types(current);
    const std::vector<EnumType> to = collect_enum_types(target);
    std::unordered_map<std::string, const EnumType*> from_by_key;
    for (const auto& type : from) from_by_key.emplace(context.key(type.name), &type);
    std::unordered_map<std::string, const EnumType*> to_by_key;
    for (const auto& type : to) to_by_key.emplace(context.key(type.name), &type);

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
            additions.emplace_back(AlterEnumType{type.name, old_values, widened,
                                                 current_columns(current, key, context)});
        }
        if (widened != type.values) {
            swaps.emplace_back(AlterEnumType{type.name, widened, type.values,
                                             target_columns(target, key, context)});
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
