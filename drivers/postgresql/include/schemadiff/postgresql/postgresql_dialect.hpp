// PostgresqlDialect — PostgreSQL 15's SQL: type names and their normalisation (what
// format_type() reports back), quoting (lower-case folding: an identifier is quoted unless it is
// lower-case, non-reserved and plain — exactly PostgreSQL's quote_ident), defaults as
// pg_get_expr() prints them (casts such as 'x'::text, nextval(...) of a serial's owned sequence,
// now() vs CURRENT_TIMESTAMP), transactional DDL, ALTER COLUMN ... TYPE ... USING for casts
// PostgreSQL does not do implicitly, SET/DROP NOT NULL and DEFAULT, constraints added and dropped
// by name, COMMENT ON, identity columns and serials. No table rebuilds: PostgreSQL alters
// everything in place.
//
// Type mapping (render_type / normalize_type round-trip every portable type):
//   smallint SMALLINT, integer INTEGER, bigint BIGINT, boolean BOOLEAN, real REAL,
//   double DOUBLE PRECISION, numeric(p,s) NUMERIC(p,s) (numeric(p) is numeric(p,0)),
//   string(n) VARCHAR(n), text TEXT, binary BYTEA (no length), date DATE, time TIME,
//   timetz TIME WITH TIME ZONE, timestamp TIMESTAMP, timestamptz TIMESTAMP WITH TIME ZONE,
//   uuid UUID, json JSONB (raw "json" stays JSON), enum(...) its enum_name when set (a type the
//   plan creates with CreateEnumType), else TEXT with an inline CHECK (col IN (...)).
//   Everything else is Raw in one canonical spelling, so a model's spelling and
//   format_type()'s compare equal: aliases resolved (int4 -> INTEGER, varchar(20)[] ->
//   VARCHAR(20)[]), words upper-cased, quoted names kept exactly, precision kept (timestamp(3)
//   is Raw "TIMESTAMP(3)", never silently the plain Timestamp).
//
// Identifiers match exactly (identifier_key is the name itself): every name is rendered through
// quote_identifier, so a model's "Users" is created quoted and read back as "Users".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schemadiff/core/dialect.hpp"

namespace schemadiff::postgresql {

struct PostgresqlOptions {
    // CREATE / DROP INDEX CONCURRENTLY: no write lock on the table, but the statement cannot run
    // in a transaction, so the emitter moves it after the script's transaction.
    bool is_index_concurrent = false;
};

class PostgresqlDialect final : public Dialect {
public:
    PostgresqlDialect() = default;
    explicit PostgresqlDialect(PostgresqlOptions options) : options_(options) {}

    [[nodiscard]] std::string_view name() const override { return "postgresql"; }
    [[nodiscard]] const PostgresqlOptions& options() const { return options_; }

    // postgresql_types.cpp
    [[nodiscard]] std::string quote_identifier(std::string_view name) const override;
    [[nodiscard]] bool is_reserved_word(std::string_view word) const override;
    [[nodiscard]] std::string identifier_key(std::string_view name) const override;
    [[nodiscard]] std::string render_type(const ColumnType& type) const override;
    [[nodiscard]] ColumnType normalize_type(std::string_view declared) const override;
    [[nodiscard]] ColumnType canonical_type(const ColumnType& type) const override;

    // postgresql_operator_classes.cpp: an index part's operator class that is the built-in
    // default for the index's method ("jsonb_ops" on gin, "text_ops" on btree) is dropped, and a
    // "pg_catalog." prefix with it, as the catalog reader reports neither.
    [[nodiscard]] Index canonical_index(const Index& index) const override;

    // postgresql_defaults.cpp
    [[nodiscard]] std::string normalize_default(std::string_view expression,
                                                const ColumnType& type) const override;
    [[nodiscard]] std::string normalize_expression(std::string_view expression) const override;

    // postgresql_dialect.cpp
    [[nodiscard]] bool can_alter_in_place(const Operation& op, const Table& table,
                                          std::string& reason) const override;
    [[nodiscard]] bool requires_no_transaction(const Operation& op) const override;
    [[nodiscard]] std::string column_definition(const Column& column,
                                                const Table& table) const override;
    [[nodiscard]] std::vector<std::string> create_table(const Table& table) const override;
    [[nodiscard]] std::vector<std::string> add_column(const AddColumn& op) const override;
    [[nodiscard]] std::vector<std::string> drop_trigger(const DropTrigger& op) const override;

    // postgresql_alter_column.cpp
    [[nodiscard]] std::vector<std::string> alter_column(const AlterColumn& op) const override;

    // postgresql_enum_types.cpp: CREATE TYPE ... AS ENUM, DROP TYPE, values added in place
    // (ALTER TYPE ... ADD VALUE, outside the transaction: see requires_no_transaction) or, when
    // one is removed or moved, a type swap that casts every column using the type.
    [[nodiscard]] std::vector<std::string> create_enum_type(
        const CreateEnumType& op) const override;
    [[nodiscard]] std::vector<std::string> drop_enum_type(const DropEnumType& op) const override;
    [[nodiscard]] std::vector<std::string> alter_enum_type(const AlterEnumType& op) const override;

    // postgresql_constraints.cpp: unnamed constraints are dropped by the name PostgreSQL gives
    // them (t_pkey, t_a_b_key, t_a_fkey); an unnamed CHECK cannot be, and throws.
    [[nodiscard]] std::string create_index(const std::string& table,
                                           const Index& index) const override;
    [[nodiscard]] std::vector<std::string> drop_index(const DropIndex& op) const override;
    [[nodiscard]] std::vector<std::string> add_unique(const AddUniqueConstraint& op) const override;
    [[nodiscard]] std::vector<std::string> drop_unique(
        const DropUniqueConstraint& op) const override;
    [[nodiscard]] std::vector<std::string> add_foreign_key(const AddForeignKey& op) const override;
    [[nodiscard]] std::vector<std::string> drop_foreign_key(
        const DropForeignKey& op) const override;
    [[nodiscard]] std::vector<std::string> add_check(const AddCheckConstraint& op) const override;
    [[nodiscard]] std::vector<std::string> drop_check(const DropCheckConstraint& op) const override;
    [[nodiscard]] std::vector<std::string> alter_primary_key(
        const AlterPrimaryKey& op) const override;

private:
    PostgresqlOptions options_;
};

// The one default-options instance drivers::dialect_for("postgresql") hands out.
[[nodiscard]] const PostgresqlDialect& postgresql_dialect();

// PostgreSQL's name for an object it names itself (makeObjectName): "<table>_<column>_<suffix>"
// cut to 63 bytes by shortening the longer of table and column first, on UTF-8 boundaries.
// `column` may be empty ("<table>_<suffix>").
[[nodiscard]] std::string default_object_name(std::string_view table, std::string_view column,
                                              std::string_view suffix);

// For the catalog reader: the values of an enum-as-text CHECK on `column`, as PostgreSQL prints
// what this dialect renders for an Enum without enum_name (pg_get_constraintdef's
// "CHECK ((col = ANY (ARRAY['a'::text, 'b'::text])))", with casts on both sides for a varchar
// column, or "(col = 'a'::text)" for one value; "col IN ('a', 'b')" is accepted too). nullopt
// when the expression is anything else or constrains another column.
[[nodiscard]] std::optional<std::vector<std::string>> enum_check_values(
    std::string_view check_expression, std::string_view column);

}  // namespace schemadiff::postgresql
