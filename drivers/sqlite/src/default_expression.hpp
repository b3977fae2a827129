// Normalisation of SQLite column defaults into the one form two defaults are compared in
// (SqliteDialect::normalize_default). Equivalent spellings map to one text:
//   (0) ((0)) 0 00 0.0 -> "0" on a numeric column;  1.50 -> "1.5";  1e2 -> "100";  0x10 -> "16"
//   TRUE 1 (1) -> "TRUE" on a boolean column;  current_timestamp -> "CURRENT_TIMESTAMP"
//   datetime('now') -> "CURRENT_TIMESTAMP";  "abc" (legacy double-quoted string) -> 'abc'
//   'Text' -> 'Text' (string literals are kept byte for byte);  x'ab' -> X'AB'
// Anything else goes through text::normalize_sql_expression. The result is idempotent.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schemadiff/core/column_type.hpp"

namespace schemadiff::sqlite::detail {

// The canonical spelling of a numeric literal (optionally signed): no '+', no leading zeros,
// no trailing fractional zeros. With `as_value`, 1.0 and 1 are the same ("1"); without it, a
// real literal keeps its ".0" (on a TEXT column 1.0 and 1 store different strings).
// nullopt when `literal` is not a number.
[[nodiscard]] std::optional<std::string> canonical_number(std::string_view literal, bool as_value);

[[nodiscard]] std::string normalize_default_expression(std::string_view expression,
                                                       const ColumnType& type);

// A column default as the catalog reports it (pragma table_xinfo's dflt_value: the text as
// written), as an expression that means the same wherever it is written back. SQLite reads a
// default that is a bare identifier — DEFAULT "dq", DEFAULT [x], DEFAULT `x`, DEFAULT word —
// as that string; written back in parentheses or on another database it would be a column
// reference, so it comes back as the string literal ('dq'). Everything else is kept as is.
[[nodiscard]] std::string catalog_default(std::string_view dflt_value);

}  // namespace schemadiff::sqlite::detail
