// Dialect — everything about a database's SQL that is pure string work: identifier quoting,
// type names (rendering portable types, normalising what the catalog reports), default-expression
// normalisation, what ALTER TABLE can do in place, and the SQL for each operation.
//
// Dialect provides portable (ANSI-ish) defaults; each database's dialect overrides only where it
// differs (the shape of SOCI's backend base). Dialects hold no connection and no state: every
// member is const and thread-safe. Emitters and the diff use them; drivers implement them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/column_type.hpp"
#include "schemadiff/core/operation.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff {

class Dialect {
public:
    virtual ~Dialect() = default;

    // "sqlite", "postgresql", "mysql".
    [[nodiscard]] virtual std::string_view name() const = 0;

    // --- Identifiers and literals -------------------------------------------------------------
    // Quotes only when needed: reserved words, characters outside [A-Za-z0-9_], a leading digit,
    // and whatever the dialect folds (PostgreSQL: upper case). Embedded quotes are doubled.
    [[nodiscard]] virtual std::string quote_identifier(std::string_view name) const;
    [[nodiscard]] virtual std::string quote_string(std::string_view value) const;
    [[nodiscard]] virtual bool is_reserved_word(std::string_view word) const;
    // The table a foreign key references, quoted; schema-qualified when it is in another schema.
    [[nodiscard]] std::string quote_referenced_table(const ForeignKey& key) const;
    // The key two names are matched by: the name as the database folds it (SQLite and MySQL
    // compare case-insensitively; PostgreSQL stores quoted names exactly).
    [[nodiscard]] virtual std::string identifier_key(std::string_view name) const;

    // --- Types and defaults -------------------------------------------------------------------
    [[nodiscard]] virtual std::string render_type(const ColumnType& type) const = 0;
    // Maps a type as the catalog spells it ("VARCHAR(20)", "int4", "character varying") to a
    // ColumnType. Unknown spellings become Raw, upper-cased and with normalised spacing.
    [[nodiscard]] virtual ColumnType normalize_type(std::string_view declared) const = 0;
    // The form two types are compared in: what the type becomes once created and read back.
    [[nodiscard]] virtual ColumnType canonical_type(const ColumnType& type) const;
    // The type a column is compared with: canonical_type(column.type) unless the dialect creates
    // this kind of column with another type (SQLite: an AUTOINCREMENT key is always INTEGER).
    [[nodiscard]] virtual ColumnType canonical_column_type(const Column& column) const;
    // The form an index is compared in: what the dialect creates from it and reads back.
    // Default: the index as it stands. SQLite drops what it has no syntax for (access method,
    // INCLUDE columns, NULLS placement, operator classes); PostgreSQL drops an operator class
    // that is the built-in default for the index's method ("jsonb_ops" on gin).
    [[nodiscard]] virtual Index canonical_index(const Index& index) const;
    // The form two default expressions are compared in ("(0)" and "0", "'a'::text" and "'a'",
    // "now()" and "CURRENT_TIMESTAMP" where equivalent). Applied to both sides of a comparison.
    [[nodiscard]] virtual std::string normalize_default(std::string_view expression,
                                                        const ColumnType& type) const;
    // The form two SQL expressions (CHECK, index predicates and expressions, generated columns)
    // are compared in: whitespace, case of keywords and redundant outer parentheses folded.
    [[nodiscard]] virtual std::string normalize_expression(std::string_view expression) const;

    // --- Capabilities ---------------------------------------------------------------------------
    // Whether `op`, applied to `table` (the table as it is before the op), can be done with ALTER
    // in place. When false, the diff replaces the table's operations with a RebuildTable.
    // `reason` receives one sentence for the reviewer.
    [[nodiscard]] virtual bool can_alter_in_place(const Operation& op, const Table& table,
                                                  std::string& reason) const;
    // Whether an operation must run outside a transaction (e.g. CREATE INDEX CONCURRENTLY).
    [[nodiscard]] virtual bool requires_no_transaction(const Operation& op) const;

    // --- SQL ------------------------------------------------------------------------------------
    // The statements (without trailing ';') that perform `op`. Default: dispatch to the members
    // below. A dialect that cannot perform an op throws Error(UnsupportedOperation).
    [[nodiscard]] virtual std::vector<std::string> render(const Operation& op) const;

    [[nodiscard]] virtual std::string column_definition(const Column& column,
                                                        const Table& table) const;
    // CREATE TABLE plus its CREATE INDEX and trigger statements.
    [[nodiscard]] virtual std::vector<std::string> create_table(const Table& table) const;
    [[nodiscard]] virtual std::vector<std::string> drop_table(const Table& table) const;
    [[nodiscard]] virtual std::vector<std::string> rename_table(const RenameTable& op) const;
    [[nodiscard]] virtual std::vector<std::string> add_column(const AddColumn& op) const;
    [[nodiscard]] virtual std::vector<std::string> drop_column(const DropColumn& op) const;
    [[nodiscard]] virtual std::vector<std::string> rename_column(const RenameColumn& op) const;
    [[nodiscard]] virtual std::vector<std::string> alter_column(const AlterColumn& op) const;
    [[nodiscard]] virtual std::string create_index(const std::string& table,
                                                   const Index& index) const;
    [[nodiscard]] virtual std::vector<std::string> drop_index(const DropIndex& op) const;
    [[nodiscard]] virtual std::vector<std::string> add_unique(const AddUniqueConstraint& op) const;
    [[nodiscard]] virtual std::vector<std::string> drop_unique(
        const DropUniqueConstraint& op) const;
    [[nodiscard]] virtual std::vector<std::string> add_foreign_key(const AddForeignKey& op) const;
    [[nodiscard]] virtual std::vector<std::string> drop_foreign_key(const DropForeignKey& op) const;
    [[nodiscard]] virtual std::vector<std::string> add_check(const AddCheckConstraint& op) const;
    [[nodiscard]] virtual std::vector<std::string> drop_check(const DropCheckConstraint& op) const;
    [[nodiscard]] virtual std::vector<std::string> alter_primary_key(
        const AlterPrimaryKey& op) const;
    [[nodiscard]] virtual std::vector<std::string> set_table_comment(
        const SetTableComment& op) const;
    [[nodiscard]] virtual std::vector<std::string> rebuild_table(const RebuildTable& op) const;
    // Views and triggers: created from their stored statement verbatim (without a trailing ';'),
    // dropped by quoted name (DROP VIEW v / DROP TRIGGER t; a dialect that scopes triggers to
    // their table overrides drop_trigger).
    [[nodiscard]] virtual std::vector<std::string> create_view(const CreateView& op) const;
    [[nodiscard]] virtual std::vector<std::string> drop_view(const DropView& op) const;
    [[nodiscard]] virtual std::vector<std::string> create_trigger(const CreateTrigger& op) const;
    [[nodiscard]] virtual std::vector<std::string> drop_trigger(const DropTrigger& op) const;
    // Named enum types. Default: Error(UnsupportedOperation); a dialect without named enums
    // never gets these operations (its canonical_type drops enum_name, so the diff makes none).
    [[nodiscard]] virtual std::vector<std::string> create_enum_type(const CreateEnumType& op) const;
    [[nodiscard]] virtual std::vector<std::string> drop_enum_type(const DropEnumType& op) const;
    [[nodiscard]] virtual std::vector<std::string> alter_enum_type(const AlterEnumType& op) const;

    // Statements that must surround a whole script run in one transaction (SQLite turns foreign
    // key enforcement off before BEGIN when a plan rebuilds a table, and checks it before COMMIT).
    [[nodiscard]] virtual std::vector<std::string> before_transaction(
        const std::vector<Operation>& ops) const;
    [[nodiscard]] virtual std::vector<std::string> before_commit(
        const std::vector<Operation>& ops) const;
    [[nodiscard]] virtual std::vector<std::string> after_transaction(
        const std::vector<Operation>& ops) const;
};

}  // namespace schemadiff
