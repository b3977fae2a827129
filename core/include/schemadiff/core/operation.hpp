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

using Operation =
    std::variant<CreateTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn,
                 AlterColumn, CreateIndex, DropIndex, AddUniqueConstraint, DropUniqueConstraint,
                 AddForeignKey, DropForeignKey, AddCheckConstraint, DropCheckConstraint,
                 AlterPrimaryKey, SetTableComment, RebuildTable, CreateView, DropView,
                 CreateTrigger, DropTrigger>;

// "create_table", "add_column", ... — the stable name used in JSON reports.
[[nodiscard]] std::string_view operation_name(const Operation& op);
// The table an operation applies to (for RenameTable: the new name; for a view op: the view).
[[nodiscard]] const std::string& operation_table(const Operation& op);
// A one-line human description: "add column users.email VARCHAR(255) NOT NULL".
[[nodiscard]] std::string describe(const Operation& op);

}  // namespace schemadiff
