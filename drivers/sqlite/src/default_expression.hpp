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

}  // namespace schemadiff::sqlite::detail
