// Schema — the metadata every stage hands on: tables with their columns, keys, indexes and
// constraints, plus the views and triggers a table rebuild must keep.
//
// Plain value types with public fields. Names are stored as the database (or model) spells them;
// expressions (defaults, CHECK, partial-index predicates, generated columns, index expressions)
// are SQL text in the dialect of their source. Readers produce tables sorted by name and keep
// columns in their declared order; everything else is kept sorted by name (or by signature when
// unnamed) so that equal schemas are equal values and serialise to the same bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schemadiff/core/column_type.hpp"

namespace schemadiff {

struct GeneratedColumn {
    std::string expression;
    bool is_stored = false;  // STORED vs VIRTUAL

    friend bool operator==(const GeneratedColumn&, const GeneratedColumn&) = default;
};

enum class IdentityKind { None, Always, ByDefault };

struct Column {
    std::string name;
    ColumnType type;
    bool is_nullable = true;
    std::optional<std::string>
        default_sql;  // SQL expression text, e.g. "'x'", "0", "CURRENT_TIMESTAMP"
    std::optional<GeneratedColumn> generated;
    std::optional<std::string> collation;
    bool is_autoincrement = false;  // SQLite AUTOINCREMENT, PostgreSQL serial / identity
    // PostgreSQL / SQL-standard identity columns: GENERATED ALWAYS / BY DEFAULT AS IDENTITY
    // (then is_autoincrement is true as well). None: a serial or plain column.
    IdentityKind identity = IdentityKind::None;
    std::optional<std::string> comment;
    std::optional<std::string> renamed_from;  // model-only hint: the column's previous name

    friend bool operator==(const Column&, const Column&) = default;
};

struct PrimaryKey {
    std::optional<std::string> name;   // constraint name, when the database keeps one
    std::vector<std::string> columns;  // empty: no primary key

    [[nodiscard]] bool empty() const { return columns.empty(); }
    friend bool operator==(const PrimaryKey&, const PrimaryKey&) = default;
};

// One key part of an index: a column or an expression.
struct IndexPart {
    std::string column;                     // set for a column part
    std::optional<std::string> expression;  // set (and `column` empty) for an expression part
    bool is_descending = false;
    std::optional<std::string> collation;
    // Set only when it differs from the database's default for the direction (PostgreSQL:
    // NULLS LAST for ASC, NULLS FIRST for DESC); readers normalise the default away.
    std::optional<bool> nulls_first;
    // PostgreSQL operator class ("jsonb_path_ops", "text_pattern_ops"), "schema.name" when not
    // on the search path. Readers set it only when it is not the default for the column's type
    // and the index's method; a model may spell the default (Dialect::canonical_index drops it).
    std::optional<std::string> operator_class;

    friend bool operator==(const IndexPart&, const IndexPart&) = default;
};

struct Index {
    std::string name;
    std::vector<IndexPart> parts;
    bool is_unique = false;
    std::optional<std::string> where;  // partial-index predicate
    std::string method;                // access method (PostgreSQL "gin", ...); empty: default
    std::vector<std::string> include;  // INCLUDE (non-key) columns, PostgreSQL

    friend bool operator==(const Index&, const Index&) = default;
};

struct UniqueConstraint {
    std::optional<std::string> name;
    std::vector<std::string> columns;

    friend bool operator==(const UniqueConstraint&, const UniqueConstraint&) = default;
};

enum class ForeignKeyAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

struct ForeignKey {
    std::optional<std::string> name;
    std::vector<std::string> columns;
    std::string referenced_table;
    // Set only for a table outside the schema being compared (PostgreSQL): a name no lookup in
    // this schema resolves, written schema-qualified.
    std::optional<std::string> referenced_schema;
    std::vector<std::string> referenced_columns;  // empty: the referenced table's primary key
    ForeignKeyAction on_delete = ForeignKeyAction::NoAction;
    ForeignKeyAction on_update = ForeignKeyAction::NoAction;
    bool is_deferrable = false;
    bool is_initially_deferred = false;
    bool is_match_full = false;  // MATCH FULL (PostgreSQL); default MATCH SIMPLE

    friend bool operator==(const ForeignKey&, const ForeignKey&) = default;
};

struct CheckConstraint {
    std::optional<std::string> name;
    std::string expression;  // without the CHECK keyword and outer parentheses

    friend bool operator==(const CheckConstraint&, const CheckConstraint&) = default;
};

// A trigger or view kept verbatim so a table rebuild can recreate it.
struct Trigger {
    std::string name;
    std::string sql;  // the full CREATE TRIGGER statement

    friend bool operator==(const Trigger&, const Trigger&) = default;
};

struct View {
    std::string name;
    std::string sql;  // the full CREATE VIEW statement

    friend bool operator==(const View&, const View&) = default;
};

struct Table {
    std::string name;
    std::vector<Column> columns;  // declared order
    PrimaryKey primary_key;
    std::vector<Index> indexes;
    std::vector<UniqueConstraint> unique_constraints;
    std::vector<ForeignKey> foreign_keys;
    std::vector<CheckConstraint> checks;
    std::vector<Trigger> triggers;  // triggers on this table
    bool is_without_rowid = false;  // SQLite WITHOUT ROWID
    bool is_strict = false;         // SQLite STRICT
    std::optional<std::string> comment;
    std::optional<std::string> renamed_from;  // model-only hint: the table's previous name

    [[nodiscard]] const Column* find_column(std::string_view column_name) const;
    friend bool operator==(const Table&, const Table&) = default;
};

// A named enum type (PostgreSQL CREATE TYPE ... AS ENUM), its values in declaration order.
// Columns name it through ColumnType::enum_name; see collect_enum_types (enum_types.hpp).
struct EnumType {
    std::string name;
    std::vector<std::string> values;

    friend bool operator==(const EnumType&, const EnumType&) = default;
};

struct Schema {
    std::vector<Table> tables;  // sorted by name
    std::vector<View> views;    // sorted by name
    // Named enum types, sorted by name: a catalog lists every one of the schema (used or not);
    // a model may list them, or leave them to its columns' enum_name (collect_enum_types).
    std::vector<EnumType> enum_types;

    [[nodiscard]] const Table* find_table(std::string_view table_name) const;
    friend bool operator==(const Schema&, const Schema&) = default;
};

[[nodiscard]] std::string_view to_string(ForeignKeyAction action);  // "NO ACTION", "CASCADE", ...
// Parses "cascade", "SET NULL", "no action" (any case, spaces or underscores); nullopt otherwise.
[[nodiscard]] std::optional<ForeignKeyAction> parse_foreign_key_action(std::string_view text);

// Sorts tables, views, and each table's indexes, uniques, foreign keys, checks and triggers into
// the canonical order described above. Readers and the JSON loader call it.
void canonicalize(Schema& schema);
// Whether the view's statement is CREATE MATERIALIZED VIEW (PostgreSQL).
[[nodiscard]] bool is_materialized_view(const View& view);
// Whether `schema` is already in that order (canonicalize would change nothing).
[[nodiscard]] bool is_canonical(const Schema& schema);

}  // namespace schemadiff
