// Findings — what a reviewer must decide before running a plan, computed from the operations
// alone so that a plan and its inverse get their findings the same way.
//
// DataLoss: dropped tables and columns, columns a rebuild leaves behind (a generated column the
// rebuilt table keeps is computed again: no loss), values removed from an enum type (a type
// swap; the finding's table is the type's name). ProbableRename: a dropped and an added column
// (same table, same canonical type and nullability) or table (same column names and types).
// LossyTypeChange: narrowing conversions (see is_lossy_change). NotNullNoDefault: NOT NULL added
// to a column (a rebuild copies NULLs as the column's default, and the message says so; in place
// the change fails on NULLs), or a NOT NULL column without default added to an existing table.
// Views and triggers hold no data: their drops have no finding.
// TableRebuild: every RebuildTable, with its reasons. Sorted by operation index, then kind.
#pragma once

#include <vector>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/plan.hpp"

namespace schemadiff::diff::detail {

[[nodiscard]] std::vector<Finding> compute_findings(const std::vector<Operation>& operations,
                                                    const Dialect& dialect);

// Whether converting values of `from` to `to` (both canonical) may truncate, round or fail.
[[nodiscard]] bool is_lossy_change(const ColumnType& from, const ColumnType& to);

}  // namespace schemadiff::diff::detail
