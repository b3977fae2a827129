// What SQLite 3.40's ALTER TABLE can do in place (https://www.sqlite.org/lang_altertable.html):
// RENAME TABLE, RENAME COLUMN, a restricted ADD COLUMN and DROP COLUMN. Everything else that
// changes a table's definition takes the 12-step rebuild.
#include <algorithm>

#include "schemadiff/core/text.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "sqlite_sql_text.hpp"

namespace schemadiff::sqlite {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

bool names_column(const std::vector<std::string>& columns, std::string_view column) {
    return std::any_of(columns.begin(), columns.end(),
                       [&](const std::string& name) { return text::iequals(name, column); });
}

// Why ADD COLUMN cannot add `column`, or "" when it can.
std::string add_column_obstacle(const Column& column) {
    if (column.is_autoincrement) return "SQLite cannot add a PRIMARY KEY column with ALTER TABLE.";
    if (column.generated) {
        return column.generated->is_stored
                   ? "SQLite cannot add a STORED generated column with ALTER TABLE."
                   : "";
    }
    const bool has_value_default =
        column.default_sql && !detail::is_null_literal(*column.default_sql);
    if (!column.is_nullable && !has_value_default) {
        return "SQLite cannot add a NOT NULL column without a non-NULL default with ALTER TABLE.";
    }
    if (column.default_sql && (detail::is_current_time_keyword(*column.default_sql) ||
                               !detail::is_bare_default(*column.default_sql))) {
        return "SQLite cannot add a column whose default is CURRENT_TIME, CURRENT_DATE, "
               "CURRENT_TIMESTAMP or an expression with ALTER TABLE.";
    }
    return "";
}

// Why DROP COLUMN cannot drop `column` from `table`, or "" when it can. Indexes on the column
// do not count: the plan drops them before the column.
std::string drop_column_obstacle(const Table& table, const std::string& column) {
    const std::string what = "SQLite cannot drop column " + table.name + "." + column;
    if (names_column(table.primary_key.columns, column))
        return what + ": it is in the primary key.";
    for (const auto& unique : table.unique_constraints) {
        if (names_column(unique.columns, column)) return what + ": it has a UNIQUE constraint.";
    }
    for (const auto& key : table.foreign_keys) {
        const bool is_self = text::iequals(key.referenced_table, table.name);
        if (names_column(key.columns, column) ||
            (is_self && names_column(key.referenced_columns, column))) {
            return what + ": it is used by a foreign key.";
        }
    }
    for (const auto& check : table.checks) {
        if (detail::mentions_identifier(check.expression, column)) {
            return what + ": a CHECK constraint uses it.";
        }
    }
    for (const auto& other : table.columns) {
        if (other.generated && !text::iequals(other.name, column) &&
            detail::mentions_identifier(other.generated->expression, column)) {
            return what + ": generated column " + other.name + " uses it.";
        }
    }
    for (const auto& trigger : table.triggers) {
        if (detail::mentions_identifier(trigger.sql, column)) {
            return what + ": trigger " + trigger.name + " mentions it.";
        }
    }
    return "";
}

}  // namespace

bool SqliteDialect::can_alter_in_place(const Operation& op, const Table& table,
                                       std::string& reason) const {
    reason = std::visit(
        Overloaded{
            [](const AddColumn& o) { return add_column_obstacle(o.column); },
            [&](const DropColumn& o) { return drop_column_obstacle(table, o.column.name); },
            [](const AlterColumn&) {
                return std::string(
                    "SQLite cannot change a column's type, nullability, default "
                    "or collation with ALTER TABLE.");
            },
            [](const AlterPrimaryKey&) {
                return std::string("SQLite cannot change a primary key with ALTER TABLE.");
            },
            [](const AddUniqueConstraint&) {
                return std::string("SQLite cannot add a UNIQUE constraint with ALTER TABLE.");
            },
            [](const DropUniqueConstraint&) {
                return std::string("SQLite cannot drop a UNIQUE constraint with ALTER TABLE.");
            },
            [](const AddForeignKey&) {
                return std::string("SQLite cannot add a foreign key with ALTER TABLE.");
            },
            [](const DropForeignKey&) {
                return std::string("SQLite cannot drop a foreign key with ALTER TABLE.");
            },
            [](const AddCheckConstraint&) {
                return std::string("SQLite cannot add a CHECK constraint with ALTER TABLE.");
            },
            [](const DropCheckConstraint&) {
                return std::string("SQLite cannot drop a CHECK constraint with ALTER TABLE.");
            },
            [](const auto&) { return std::string(); },
        },
        op);
    return reason.empty();
}

}  // namespace schemadiff::sqlite
