// The canonical form PostgreSQL expressions are compared in. pg_get_expr() and
// pg_get_constraintdef() print what the server stored, not what the user wrote: casts on every
// literal ('x'::text, (0)::numeric), parentheses around every operator, "= ANY (ARRAY[...])" for
// IN, "~~" for LIKE, BETWEEN expanded. Both sides of a comparison are folded the same way:
//   - casts (::type) are dropped;
//   - parentheses that do not change the meaning under PostgreSQL's precedence are dropped;
//   - x = ANY (ARRAY[a, b]) becomes x IN (a, b), x <> ALL (...) NOT IN, and a one-item IN "=";
//   - x BETWEEN a AND b (simple operands) becomes x >= a AND x <= b; ~~ LIKE, != <>;
//   - unquoted words are upper-cased, needlessly quoted names unquoted, strings re-quoted.
// The result is for comparison only, never executed. Dropping casts can only hide a change,
// never invent one. Private to the dialect.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "postgresql_sql_tokens.hpp"

namespace schemadiff::postgresql::detail {

// `sql` lexed and folded as described above.
[[nodiscard]] std::vector<Token> canonical_tokens(std::string_view sql);
// The tokens printed with canonical spacing.
[[nodiscard]] std::string render_tokens(const std::vector<Token>& tokens);

}  // namespace schemadiff::postgresql::detail
