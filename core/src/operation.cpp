#include "schemadiff/core/operation.hpp"

#include <fmt/format.h>

#include "schemadiff/core/text.hpp"

namespace schemadiff {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

std::string column_summary(const Column& column) {
    std::string out = to_string(column.type);
    if (!column.is_nullable) out += " NOT NULL";
    if (column.default_sql) out += " DEFAULT " + *column.default_sql;
    return out;
}

std::string columns_list(const std::vector<std::string>& columns) {
    return "(" + text::join(columns, ", ") + ")";
}

std::string index_parts(const Index& index) {
    std::vector<std::string> parts;
    for (const auto& part : index.parts) {
        std::string item = part.expression ? "(" + *part.expression + ")" : part.column;
        if (part.operator_class) item += " " + *part.operator_class;
        if (part.is_descending) item += " DESC";
        parts.push_back(std::move(item));
    }
    return columns_list(parts);
}

std::string named(const std::optional<std::string>& name) { return name ? " " + *name : ""; }

std::string schema_prefix(const ForeignKey& key) {
    return key.referenced_schema ? *key.referenced_schema + "." : "";
}

std::string enum_values(const std::vector<std::string>& values) {
    std::vector<std::string> quoted;
    quoted.reserve(values.size());
    for (const auto& value : values) quoted.push_back("'" + value + "'");
    return columns_list(quoted);
}

}  // namespace

bool is_enum_addition(const AlterEnumType& op) {
    std::size_t kept = 0;  // values of `from` found in `to`, in order
    for (const auto& value : op.to) {
        if (kept < op.from.size() && op.from[kept] == value) ++kept;
    }
    return kept == op.from.size();
}

std::string_view operation_name(const Operation& op) {
    return std::visit(Overloaded{
                          [](const CreateTable&) { return "create_table"; },
                          [](const DropTable&) { return "drop_table"; },
                          [](const RenameTable&) { return "rename_table"; },
                          [](const AddColumn&) { return "add_column"; },
                          [](const DropColumn&) { return "drop_column"; },
                          [](const RenameColumn&) { return "rename_column"; },
                          [](const AlterColumn&) { return "alter_column"; },
                          [](const CreateIndex&) { return "create_index"; },
                          [](const DropIndex&) { return "drop_index"; },
                          [](const AddUniqueConstraint&) { return "add_unique"; },
                          [](const DropUniqueConstraint&) { return "drop_unique"; },
                          [](const AddForeignKey&) { return "add_foreign_key"; },
                          [](const DropForeignKey&) { return "drop_foreign_key"; },
                          [](const AddCheckConstraint&) { return "add_check"; },
                          [](const DropCheckConstraint&) { return "drop_check"; },
                          [](const AlterPrimaryKey&) { return "alter_primary_key"; },
                          [](const SetTableComment&) { return "set_table_comment"; },
                          [](const RebuildTable&) { return "rebuild_table"; },
                          [](const CreateView&) { return "create_view"; },
                          [](const DropView&) { return "drop_view"; },
                          [](const CreateTrigger&) { return "create_trigger"; },
                          [](const DropTrigger&) { return "drop_trigger"; },
                          [](const CreateEnumType&) { return "create_enum_type"; },
                          [](const DropEnumType&) { return "drop_enum_type"; },
                          [](const AlterEnumType&) { return "alter_enum_type"; },
                      },
                      op);
}

const std::string& operation_table(const Operation& op) {
    return std::visit(Overloaded{
                          [](const CreateTable& o) -> const std::string& { return o.table.name; },
                          [](const DropTable& o) -> const std::string& { return o.table.name; },
                          [](const RenameTable& o) -> const std::string& { return o.to; },
                          [](const RebuildTable& o) -> const std::string& { return o.to.name; },
                          [](const CreateView& o) -> const std::string& { return o.view.name; },
                          [](const DropView& o) -> const std::string& { return o.view.name; },
                          [](const CreateEnumType& o) -> const std::string& { return o.type.name; },
                          [](const DropEnumType& o) -> const std::string& { return o.type.name; },
                          [](const AlterEnumType& o) -> const std::string& { return o.name; },
                          [](const auto& o) -> const std::string& { return o.table; },
                      },
                      op);
}

std::string describe(const Operation& op) {
    return std::visit(
        Overloaded{
            [](const CreateTable& o) { return fmt::format("create table {}", o.table.name); },
            [](const DropTable& o) { return fmt::format("drop table {}", o.table.name); },
            [](const RenameTable& o) { return fmt::format("rename table {} to {}", o.from, o.to); },
            [](const AddColumn& o) {
                return fmt::format("add column {}.{} {}", o.table, o.column.name,
                                   column_summary(o.column));
            },
            [](const DropColumn& o) {
                return fmt::format("drop column {}.{}", o.table, o.column.name);
            },
            [](const RenameColumn& o) {
                return fmt::format("rename column {}.{} to {}", o.table, o.from, o.to);
            },
            [](const AlterColumn& o) {
                return fmt::format("alter column {}.{}: {} -> {}", o.table, o.to.name,
                                   column_summary(o.from), column_summary(o.to));
            },
            [](const CreateIndex& o) {
                return fmt::format("create {}index {} on {} {}", o.index.is_unique ? "unique " : "",
                                   o.index.name, o.table, index_parts(o.index));
            },
            [](const DropIndex& o) {
                return fmt::format("drop index {} on {}", o.index.name, o.table);
            },
            [](const AddUniqueConstraint& o) {
                return fmt::format("add unique constraint{} on {} {}", named(o.constraint.name),
                                   o.table, columns_list(o.constraint.columns));
            },
            [](const DropUniqueConstraint& o) {
                return fmt::format("drop unique constraint{} on {} {}", named(o.constraint.name),
                                   o.table, columns_list(o.constraint.columns));
            },
            [](const AddForeignKey& o) {
                return fmt::format(
                    "add foreign key{} on {} {} -> {}{} {}", named(o.foreign_key.name), o.table,
                    columns_list(o.foreign_key.columns), schema_prefix(o.foreign_key),
                    o.foreign_key.referenced_table, columns_list(o.foreign_key.referenced_columns));
            },
            [](const DropForeignKey& o) {
                return fmt::format("drop foreign key{} on {} {} -> {}{}", named(o.foreign_key.name),
                                   o.table, columns_list(o.foreign_key.columns),
                                   schema_prefix(o.foreign_key), o.foreign_key.referenced_table);
            },
            [](const AddCheckConstraint& o) {
                return fmt::format("add check constraint{} on {} ({})", named(o.check.name),
                                   o.table, o.check.expression);
            },
            [](const DropCheckConstraint& o) {
                return fmt::format("drop check constraint{} on {} ({})", named(o.check.name),
                                   o.table, o.check.expression);
            },
            [](const AlterPrimaryKey& o) {
                return fmt::format("alter primary key of {}: {} -> {}", o.table,
                                   columns_list(o.from.columns), columns_list(o.to.columns));
            },
            [](const SetTableComment& o) {
                return fmt::format("set comment on table {}", o.table);
            },
            [](const RebuildTable& o) {
                return fmt::format("rebuild table {} ({})", o.to.name, text::join(o.reasons, "; "));
            },
            [](const CreateView& o) { return fmt::format("create view {}", o.view.name); },
            [](const DropView& o) { return fmt::format("drop view {}", o.view.name); },
            [](const CreateTrigger& o) {
                return fmt::format("create trigger {} on {}", o.trigger.name, o.table);
            },
            [](const DropTrigger& o) {
                return fmt::format("drop trigger {} on {}", o.trigger.name, o.table);
            },
            [](const CreateEnumType& o) {
                return fmt::format("create enum type {} {}", o.type.name,
                                   enum_values(o.type.values));
            },
            [](const DropEnumType& o) { return fmt::format("drop enum type {}", o.type.name); },
            [](const AlterEnumType& o) {
                return fmt::format("alter enum type {}: {} -> {}{}", o.name, enum_values(o.from),
                                   enum_values(o.to),
                                   is_enum_addition(o) ? "" : " (new type, columns cast)");
            },
        },
        op);
}

}  // namespace schemadiff
