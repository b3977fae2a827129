// Catalog comparison for the acceptance runner: two schemas read back from SQLite are compared as
// values, modulo what SQLite itself cannot preserve (README.md, "What the runner checks"):
// - the text of CHECK, index and generated-column expressions, partial-index predicates,
//   triggers and views is compared after folding whitespace, keyword case and the quoting of
//   plain identifiers, because SQLite rewrites that text on ALTER TABLE ... RENAME;
// - the column order of a table that received an in-place ADD COLUMN is ignored, because SQLite
//   can only append a column.
// Everything else (names, types, nullability, defaults, keys, indexes, constraints, collations,
// WITHOUT ROWID, STRICT, AUTOINCREMENT) must be equal exactly.
#pragma once

#include <set>
#include <string>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/plan.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::acceptance {

// Keys (Dialect::identifier_key) of the tables `plan` adds a column to in place.
[[nodiscard]] std::set<std::string> tables_with_appended_columns(const Plan& plan,
                                                                 const Dialect& dialect);

// The schema with every SQL text folded as described above, the columns of
// `free_column_order` tables sorted by name, and model-only hints cleared.
[[nodiscard]] Schema comparable(Schema schema, const Dialect& dialect,
                                const std::set<std::string>& free_column_order);

// A line diff of the two schemas' model JSON ("" when they are equal), for failure messages.
[[nodiscard]] std::string describe_difference(const Schema& expected, const Schema& actual);

// One line per operation (describe()), for failure messages.
[[nodiscard]] std::string describe_operations(const Plan& plan);

}  // namespace schemadiff::acceptance
