// apply_to_table — replays an operation on a Table value, so that each operation of a table can
// be judged (Dialect::can_alter_in_place) against the table exactly as it is when it runs.
#include <algorithm>
#include <type_traits>

#include "rebuild.hpp"

namespace schemadiff::diff::detail {

namespace {

template <typename T>
void erase_value(std::vector<T>& items, const T& value) {
    const auto found = std::find(items.begin(), items.end(), value);
    if (found != items.end()) items.erase(found);
}

void rename_in(std::vector<std::string>& names, const std::string& from_key, const std::string& to,
               const DiffContext& context) {
    for (auto& name : names) {
        if (context.key(name) == from_key) name = to;
    }
}

void rename_column(Table& table, const RenameColumn& op, const DiffContext& context) {
    const std::string from_key = context.key(op.from);
    for (auto& column : table.columns) {
        if (context.key(column.name) == from_key) column.name = op.to;
    }
    rename_in(table.primary_key.columns, from_key, op.to, context);
    for (auto& index : table.indexes) {
        for (auto& part : index.parts) {
            if (!part.column.empty() && context.key(part.column) == from_key) part.column = op.to;
        }
    }
    for (auto& unique : table.unique_constraints) {
        rename_in(unique.columns, from_key, op.to, context);
    }
    for (auto& fk : table.foreign_keys) rename_in(fk.columns, from_key, op.to, context);
}

std::vector<Column>::iterator find_column(Table& table, const std::string& name,
                                          const DiffContext& context) {
    const std::string key = context.key(name);
    return std::find_if(table.columns.begin(), table.columns.end(),
                        [&](const Column& column) { return context.key(column.name) == key; });
}

}  // namespace

void apply_to_table(Table& table, const Operation& op, const DiffContext& context) {
    std::visit(
        [&](const auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, RenameTable>) {
                table.name = o.to;
            } else if constexpr (std::is_same_v<T, RenameColumn>) {
                rename_column(table, o, context);
            } else if constexpr (std::is_same_v<T, AddColumn>) {
                table.columns.push_back(o.column);
            } else if constexpr (std::is_same_v<T, DropColumn>) {
                const auto found = find_column(table, o.column.name, context);
                if (found != table.columns.end()) table.columns.erase(found);
            } else if constexpr (std::is_same_v<T, AlterColumn>) {
                const auto found = find_column(table, o.from.name, context);
                if (found != table.columns.end()) *found = o.to;
            } else if constexpr (std::is_same_v<T, CreateIndex>) {
                table.indexes.push_back(o.index);
            } else if constexpr (std::is_same_v<T, DropIndex>) {
                erase_value(table.indexes, o.index);
            } else if constexpr (std::is_same_v<T, AddUniqueConstraint>) {
                table.unique_constraints.push_back(o.constraint);
            } else if constexpr (std::is_same_v<T, DropUniqueConstraint>) {
                erase_value(table.unique_constraints, o.constraint);
            } else if constexpr (std::is_same_v<T, AddForeignKey>) {
                table.foreign_keys.push_back(o.foreign_key);
            } else if constexpr (std::is_same_v<T, DropForeignKey>) {
                erase_value(table.foreign_keys, o.foreign_key);
            } else if constexpr (std::is_same_v<T, AddCheckConstraint>) {
                table.checks.push_back(o.check);
            } else if constexpr (std::is_same_v<T, DropCheckConstraint>) {
                erase_value(table.checks, o.check);
            } else if constexpr (std::is_same_v<T, AlterPrimaryKey>) {
                table.primary_key = o.to;
            } else if constexpr (std::is_same_v<T, SetTableComment>) {
                table.comment = o.to;
            } else if constexpr (std::is_same_v<T, RebuildTable>) {
                table = o.to;
            } else if constexpr (std::is_same_v<T, CreateTrigger>) {
                table.triggers.push_back(o.trigger);
            } else if constexpr (std::is_same_v<T, DropTrigger>) {
                erase_value(table.triggers, o.trigger);
            }
            // CreateTable and DropTable concern whole tables, views none: this table's state
            // stays as it is.
        },
        op);
}

}  // namespace schemadiff::diff::detail
