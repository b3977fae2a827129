// Small string helpers shared by every module: ASCII case folding, trimming, joining, and the
// SQL-expression normaliser that dialects build on. ASCII only on purpose: SQL keywords and the
// case folding of SQLite and MySQL identifiers are ASCII.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace schemadiff::text {

[[nodiscard]] std::string to_lower(std::string_view s);
[[nodiscard]] std::string to_upper(std::string_view s);
[[nodiscard]] bool iequals(std::string_view a, std::string_view b);
[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] bool starts_with_icase(std::string_view s, std::string_view prefix);
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view separator);
// Index one past the quoted run ('..', "..", `..`, [..]) that opens at `open`; a doubled closing
// quote stays inside (not for brackets). The unescaped content is appended to `content` when
// given. An unterminated run ends at the end of `s`.
[[nodiscard]] std::size_t skip_quoted(std::string_view s, std::size_t open,
                                      std::string* content = nullptr);
// Collapses runs of whitespace outside quotes to one space and trims the ends.
[[nodiscard]] std::string collapse_whitespace(std::string_view s);
// Removes parentheses that wrap the whole expression: "((a > 0))" -> "a > 0".
[[nodiscard]] std::string strip_outer_parentheses(std::string_view s);
// Canonical form of an SQL expression for comparison: whitespace collapsed outside quotes (and
// removed next to parentheses and commas), unquoted words upper-cased, outer parentheses
// stripped. Quoted strings and quoted identifiers are kept exactly.
[[nodiscard]] std::string normalize_sql_expression(std::string_view s);

}  // namespace schemadiff::text
