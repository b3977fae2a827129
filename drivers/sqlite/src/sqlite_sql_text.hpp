// Private helpers of the SQLite dialect's SQL: reading just enough of an SQL text to decide what
// ALTER TABLE can do (does a CHECK or trigger mention a column? is a default a literal?) and the
// type affinity rules (https://www.sqlite.org/datatype3.html#determination_of_column_affinity).
#pragma once

#include <string>
#include <string_view>

#include "schemadiff/core/schema.hpp"

namespace schemadiff::sqlite::detail {

// The prefix of the temporary table a rebuild copies rows into.
inline constexpr std::string_view kRebuildPrefix = "_schemadiff_new_";

// Whether `sql` names the identifier `name` (bare, "quoted", `quoted` or [quoted]; ASCII case
// folded as SQLite does). String literals are skipped. Over-matching is safe: callers only use
// it to refuse an in-place ALTER.
[[nodiscard]] bool mentions_identifier(std::string_view sql, std::string_view name);

// A default SQLite accepts without parentheses: a string, blob or numeric literal (signed),
// NULL, TRUE, FALSE, CURRENT_TIME, CURRENT_DATE or CURRENT_TIMESTAMP.
[[nodiscard]] bool is_bare_default(std::string_view expression);
[[nodiscard]] bool is_current_time_keyword(std::string_view expression);
[[nodiscard]] bool is_null_literal(std::string_view expression);
// The expression with parentheses added when SQLite requires them (function calls, operators).
[[nodiscard]] std::string default_clause_value(std::string_view expression);

// "INTEGER", "TEXT", "BLOB", "REAL" or "NUMERIC" for a declared type name.
[[nodiscard]] std::string_view type_affinity(std::string_view declared_type);

// What a rebuild CASTs a copied value to when it moves from a column declared `from_type` into
// one declared `to_type` ("" : copy the value as it is). Only across affinities, and only to
// INTEGER, REAL or TEXT (BLOB in a STRICT table, which refuses other storage classes there):
// the affinity name, never the declared name, since a CAST to a name SQLite does not know
// (GEOMETRY, JSONB, ...) converts with NUMERIC affinity and turns text into 0. A NUMERIC or
// non-STRICT BLOB target gets no CAST: the column's affinity converts on insert what is a number
// and keeps the rest.
[[nodiscard]] std::string_view copy_cast(std::string_view from_type, std::string_view to_type,
                                         bool is_strict);

// The column that carries the primary key inline: the key is that one autoincrement column
// (SQLite allows AUTOINCREMENT only on an inline INTEGER PRIMARY KEY). nullptr otherwise.
[[nodiscard]] const Column* inline_primary_key_column(const Table& table);

}  // namespace schemadiff::sqlite::detail
