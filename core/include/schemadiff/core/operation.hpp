// Operation — one schema change, as a closed std::variant of plain structs.
//
// Every operation carries what is needed to invert it: a dropped table or column keeps its full
// definition, an altered column keeps its old definition, a rebuild keeps both table shapes. So the
// downgrade of a plan is the inverse of each operation in reverse order (see diff/inverse.hpp).
// Operations name their table; dialects turn each into SQL (see Dialect).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "schemadiff/core/schema.hpp"

namespace schemadiff {

struct CreateTable {
    Table table;  // with its indexes, constraints and triggers
};

struct DropTable {
    Table table;  // full definition, for the inverse
};

struct RenameTable {
    std::string from;
    std::string to;
};

struct AddColumn {
    std::string table;
    Column column;
};

struct DropColumn {
    std::string table;
    Column column;  // full definition, for the inverse
};

struct RenameColumn {
    std::string table;
    std::string from;
    std::string to;
};

// A change to a column's type, nullability, default, collation or comment (any subset).
struct AlterColumn {
    std::string table;
    Column from;
    Column to;  // same name as `from`
};

struct CreateIndex {
    std::string table;
    Index index;
};

struct DropIndex {
    std::string table;
    Index index;
};

struct AddUniqueConstraint {
    std::string table;
    UniqueConstraint constraint;
};

struct DropUniqueConstraint {
    std::string table;
    UniqueConstraint constraint;
};

struct AddForeignKey {
    std::string table;
    ForeignKey foreign_key;
};

struct DropForeignKey {
    std::string table;
    ForeignKey foreign_key;
};

struct AddCheckConstraint {
    std::string table;
    CheckConstraint check;
};

struct DropCheckConstraint {
    std::string table;
    CheckConstraint check;
};

struct AlterPrimaryKey {
    std::string table;
    PrimaryKey from;
    PrimaryKey to;
};

struct SetTableComment {
    std::string table;
    std::optional<std::string> from;
    std::optional<std::string> to;
};

// Whole-table rebuild, for changes a dialect cannot ALTER in place (SQLite's 12-step procedure).
// `column_sources` maps each column of `to` that takes data from `from` to its source column
// (they differ for a renamed column); columns of `to` absent from the map take their default.
// `views` are the views that must be dropped before and recreated after the rebuild.
struct ColumnSource {
    std::string to_column;
    std::string from_column;

    friend bool operator==(const ColumnSource&, const ColumnSource&) = default;
};

struct RebuildTable {
    Table from;
    Table to;  // same name as `from`
    std::vector<ColumnSource> column_sources;
    std::vector<View> views;
    std::vector<std::string> reasons;  // why ALTER was not enough, for the reviewer
};

// Views and triggers are kept as their stored CREATE statements: created verbatim, dropped by
// name. A changed one is dropped and created again. A plan drops views and triggers before any
// table operation and creates them after the last one (a view or trigger naming a table or
// column can make a rename, DROP COLUMN or rebuild fail). Triggers of created, dropped and rebuilt
// tables travel with their table (CreateTable, DropTable, RebuildTable), never as these ops.
struct CreateView {
    View view;
};

struct DropView {
    View view;  // full definition, for the inverse
};

struct CreateTrigger {
    std::string table;  // the table the trigger is on
    Trigger trigger;
};

struct DropTrigger {
    std::string table;
    Trigger trigger;  // full definition, for the inverse
};

// Named enum types (PostgreSQL CREATE TYPE ... AS ENUM). A plan creates types and adds values
// before any table operation (which may use them); it removes or reorders values and drops types
// after the last one (a dropped table or column, or a column moved off the type or off a removed
// value, must let go first). The inverse of each runs at the same point of the downgrade.
struct CreateEnumType {
    EnumType type;
};

struct DropEnumType {
    EnumType type;  // full definition, for the inverse
};

// A column of a named enum type, with its default (a type swap drops and sets it again).
struct EnumTypeColumn {
    std::string table;
    std::string column;
    std::optional<std::string> default_sql;
    bool is_array = false;  // an array of the type (mood[]): cast through TEXT[]

    friend bool operator==(const EnumTypeColumn&, const EnumTypeColumn&) = default;
};

// The values of a named enum type change. When `to` keeps every value of `from` in order
// (is_enum_addition) the values are added in place; otherwise a new type replaces the old one
// and every column in `columns` is cast to it (a type swap), which fails on a row holding a
// removed value. `columns` are the columns using the type where the operation runs, as they are
// named and defaulted there; an operation and its inverse run at the same point between the
// same table states, so inverting keeps them.
// A swap also takes off, before the casts, what PostgreSQL cannot carry across the type change,
// and puts it back after them: `indexes` and `checks` whose expression or predicate names a
// column of the type, and `views` selecting one (dependents first; created in reverse order).
struct AlterEnumType {
    std::string name;
    std::vector<std::string> from;
    std::vector<std::string> to;
    std::vector<EnumTypeColumn> columns;
    std::vector<CreateIndex> indexes{};
    std::vector<AddCheckConstraint> checks{};
    std::vector<View> views{};
};

// Whether `to` keeps every value of `from` in the same relative order (ALTER TYPE ... ADD VALUE
// can reach it); false when a value is removed or moved (a type swap).
[[nodiscard]] bool is_enum_addition(const AlterEnumType& op);

using Operation =
    std::variant<CreateTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn,
                 AlterColumn, CreateIndex, DropIndex, AddUniqueConstraint, DropUniqueConstraint,
                 AddForeignKey, DropForeignKey, AddCheckConstraint, DropCheckConstraint,
                 AlterPrimaryKey, SetTableComment, RebuildTable, CreateView, DropView,
                 CreateTrigger, DropTrigger, CreateEnumType, DropEnumType, AlterEnumType>;

// "create_table", "add_column", ... — the stable name used in JSON reports.
[[nodiscard]] std::string_view operation_name(const Operation& op);
// The table an operation applies to (for RenameTable: the new name; for a view op: the view;
// for an enum type op: the type).
[[nodiscard]] const std::string& operation_table(const Operation& op);
// A one-line human description: "add column users.email VARCHAR(255) NOT NULL".
[[nodiscard]] std::string describe(const Operation& op);

}  // namespace schemadiff
