// Clauses shared by the PostgreSQL dialect's DDL files: constraint clauses as CREATE TABLE and
// ALTER TABLE ... ADD both write them, and the enum-as-text CHECK. Private to the dialect.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace schemadiff::postgresql::detail {

[[nodiscard]] std::string alter_table(const PostgresqlDialect& dialect, const std::string& table);
[[nodiscard]] std::string column_list(const PostgresqlDialect& dialect,
                                      const std::vector<std::string>& columns);

[[nodiscard]] std::string primary_key_clause(const PostgresqlDialect& dialect,
                                             const PrimaryKey& key);
[[nodiscard]] std::string unique_clause(const PostgresqlDialect& dialect,
                                        const UniqueConstraint& unique);
[[nodiscard]] std::string foreign_key_clause(const PostgresqlDialect& dialect,
                                             const ForeignKey& key);
[[nodiscard]] std::string check_clause(const PostgresqlDialect& dialect,
                                       const CheckConstraint& check);

// CREATE [UNIQUE] INDEX [CONCURRENTLY] ... USING method (...) INCLUDE (...) WHERE ...
[[nodiscard]] std::string create_index_sql(const PostgresqlDialect& dialect,
                                           const std::string& table, const Index& index,
                                           bool is_concurrent);
// An index part's operator class as CREATE INDEX names it: each of "schema.name" quoted.
[[nodiscard]] std::string operator_class_sql(const PostgresqlDialect& dialect,
                                             std::string_view operator_class);
// COMMENT ON COLUMN t.c IS '...' (IS NULL when the column has none).
[[nodiscard]] std::string column_comment_sql(const PostgresqlDialect& dialect,
                                             const std::string& table, const Column& column);

// The name PostgreSQL would give the enum-as-text CHECK of `column`; it is written explicitly so
// a later change of the values can drop it by name.
[[nodiscard]] std::string enum_check_name(const std::string& table, const std::string& column);
// "CONSTRAINT t_c_check CHECK (c IN ('a', 'b'))" for an Enum column without enum_name; "".
[[nodiscard]] std::string enum_check_clause(const PostgresqlDialect& dialect,
                                            const std::string& table, const Column& column);

}  // namespace schemadiff::postgresql::detail
