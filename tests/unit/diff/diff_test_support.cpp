#include "diff_test_support.hpp"

#include <type_traits>

#include "schemadiff/core/text.hpp"

namespace schemadiff::diff::test {

std::string TestDialect::identifier_key(std::string_view name) const {
    return text::to_lower(name);
}

std::string TestDialect::render_type(const ColumnType& type) const {
    return text::to_upper(to_string(type));
}

ColumnType TestDialect::normalize_type(std::string_view declared) const {
    const std::string upper = text::to_upper(text::trim(declared));
    if (upper == "INT" || upper == "INT4") return ColumnType::of(TypeKind::Integer);
    if (upper == "VARCHAR") return ColumnType::of(TypeKind::Text);
    return parse_column_type(declared);
}

ColumnType TestDialect::canonical_type(const ColumnType& type) const {
    if (type.kind == TypeKind::Raw) return normalize_type(type.raw);
    if (type.kind == TypeKind::String && !type.length) return ColumnType::of(TypeKind::Text);
    return type;
}

std::string TestDialect::normalize_default(std::string_view expression, const ColumnType&) const {
    return text::normalize_sql_expression(expression);
}

std::string TestDialect::normalize_expression(std::string_view expression) const {
    return text::normalize_sql_expression(expression);
}

bool TestDialect::can_alter_in_place(const Operation& op, const Table& table,
                                     std::string& reason) const {
    const std::string name(operation_name(op));
    if (refused.count(name) == 0) return true;
    if (!refused_tables.empty() && refused_tables.count(table.name) == 0) return true;
    reason = "the test dialect cannot " + name + " on " + table.name;
    return false;
}

Column column(std::string name, std::string_view type, bool is_nullable) {
    Column out;
    out.name = std::move(name);
    out.type = parse_column_type(type);
    out.is_nullable = is_nullable;
    return out;
}

Column not_null(std::string name, std::string_view type) {
    return column(std::move(name), type, false);
}

Table table(std::string name, std::vector<Column> columns) {
    Table out;
    out.name = std::move(name);
    out.columns = std::move(columns);
    return out;
}

Table keyed_table(std::string name, std::vector<Column> columns) {
    columns.insert(columns.begin(), not_null("id"));
    Table out = table(std::move(name), std::move(columns));
    out.primary_key.columns = {"id"};
    return out;
}

ForeignKey foreign_key(std::vector<std::string> columns, std::string referenced,
                       std::vector<std::string> referenced_columns) {
    ForeignKey fk;
    fk.columns = std::move(columns);
    fk.referenced_table = std::move(referenced);
    fk.referenced_columns = std::move(referenced_columns);
    return fk;
}

Index index(std::string name, std::vector<std::string> columns, bool is_unique) {
    Index out;
    out.name = std::move(name);
    for (auto& column_name : columns) out.parts.push_back(column_part(std::move(column_name)));
    out.is_unique = is_unique;
    return out;
}

IndexPart column_part(std::string column_name) {
    IndexPart part;
    part.column = std::move(column_name);
    return part;
}

IndexPart expression_part(std::string expression) {
    IndexPart part;
    part.expression = std::move(expression);
    return part;
}

Plan diff(const Schema& current, const Schema& target) {
    static const TestDialect dialect;
    return diff(current, target, dialect);
}

Plan diff(const Schema& current, const Schema& target, const Dialect& dialect) {
    DiffOptions options;
    options.dialect = &dialect;
    return diff_schemas(current, target, options);
}

std::string summary(const Operation& op) {
    const std::string head =
        std::string(operation_name(op)) + " " + std::string(operation_table(op));
    return std::visit(
        [&](const auto& o) -> std::string {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, RenameTable>) {
                return head + " from " + o.from;
            } else if constexpr (std::is_same_v<T, RenameColumn>) {
                return head + "." + o.to + " from " + o.from;
            } else if constexpr (std::is_same_v<T, AddColumn> || std::is_same_v<T, DropColumn>) {
                return head + "." + o.column.name;
            } else if constexpr (std::is_same_v<T, AlterColumn>) {
                return head + "." + o.to.name;
            } else if constexpr (std::is_same_v<T, CreateIndex> || std::is_same_v<T, DropIndex>) {
                return head + "." + o.index.name;
            } else if constexpr (std::is_same_v<T, AddForeignKey> ||
                                 std::is_same_v<T, DropForeignKey>) {
                return head + "(" + text::join(o.foreign_key.columns, ",") + ")->" +
                       o.foreign_key.referenced_table;
            } else if constexpr (std::is_same_v<T, AddUniqueConstraint> ||
                                 std::is_same_v<T, DropUniqueConstraint>) {
                return head + "(" + text::join(o.constraint.columns, ",") + ")";
            } else if constexpr (std::is_same_v<T, CreateTrigger> ||
                                 std::is_same_v<T, DropTrigger>) {
                return head + "." + o.trigger.name;
            } else if constexpr (std::is_same_v<T, AddCheckConstraint> ||
                                 std::is_same_v<T, DropCheckConstraint>) {
                return head + " " + o.check.expression;
            } else {
                return head;
            }
        },
        op);
}

std::vector<std::string> summaries(const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& op : plan.operations) out.push_back(summary(op));
    return out;
}

std::vector<std::string> finding_summaries(const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& finding : plan.findings) {
        std::string line = std::string(to_string(finding.kind)) + " " + finding.table;
        if (!finding.column.empty()) line += "." + finding.column;
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace schemadiff::diff::test
