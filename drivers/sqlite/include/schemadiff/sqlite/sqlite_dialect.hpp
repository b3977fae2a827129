// SqliteDialect — SQLite's SQL: type names and affinities, quoting, what ALTER TABLE can do
// (ADD COLUMN with restrictions, RENAME, DROP COLUMN since 3.35) and the 12-step table rebuild
// (https://www.sqlite.org/lang_altertable.html#otheralter) for everything else.
//
// Type mapping (render_type / normalize_type round-trip every portable type):
//   smallint SMALLINT, integer INTEGER, bigint BIGINT, boolean BOOLEAN, real REAL, double DOUBLE,
//   numeric(p,s) NUMERIC(p,s), string(n) VARCHAR(n), text TEXT, binary BLOB, date DATE,
//   time TIME, timestamp DATETIME, timestamptz TIMESTAMP WITH TIME ZONE, uuid UUID, json JSON,
//   enum(...) TEXT with an inline CHECK (col IN (...)) that the reader recognises.
#pragma once

#include "schemadiff/core/dialect.hpp"

namespace schemadiff::sqlite {

class SqliteDialect final : public Dialect {
public:
    [[nodiscard]] std::string_view name() const override { return "sqlite"; }

    // sqlite_types.cpp
    [[nodiscard]] bool is_reserved_word(std::string_view word) const override;
    [[nodiscard]] std::string identifier_key(std::string_view name) const override;
    [[nodiscard]] std::string render_type(const ColumnType& type) const override;
    [[nodiscard]] ColumnType normalize_type(std::string_view declared) const override;
    // An AUTOINCREMENT key of any integer type is created as INTEGER (the rowid's alias).
    [[nodiscard]] ColumnType canonical_column_type(const Column& column) const override;
    [[nodiscard]] std::string normalize_default(std::string_view expression,
                                                const ColumnType& type) const override;

    // sqlite_dialect.cpp
    // Without the access method, INCLUDE columns, NULLS placement and operator classes, which
    // SQLite has no syntax for: create_index leaves them out, so comparing them would show a
    // change that never goes away.
    [[nodiscard]] Index canonical_index(const Index& index) const override;
    // Refuses (Error(UnsupportedOperation)) what only a rebuild can do: constraint changes,
    // primary key and column alterations. Comments render to nothing: SQLite has none.
    [[nodiscard]] std::vector<std::string> render(const Operation& op) const override;
    [[nodiscard]] bool can_alter_in_place(const Operation& op, const Table& table,
                                          std::string& reason) const override;
    [[nodiscard]] std::string column_definition(const Column& column,
                                                const Table& table) const override;
    [[nodiscard]] std::vector<std::string> create_table(const Table& table) const override;
    [[nodiscard]] std::vector<std::string> alter_column(const AlterColumn& op) const override;
    [[nodiscard]] std::vector<std::string> rebuild_table(const RebuildTable& op) const override;
    [[nodiscard]] std::vector<std::string> before_transaction(
        const std::vector<Operation>& ops) const override;
    [[nodiscard]] std::vector<std::string> before_commit(
        const std::vector<Operation>& ops) const override;
    [[nodiscard]] std::vector<std::string> after_transaction(
        const std::vector<Operation>& ops) const override;
};

}  // namespace schemadiff::sqlite
