// Rebuild folding — when the dialect cannot ALTER a table in place, all of that table's changes
// become one RebuildTable.
//
// Each operation is put to Dialect::can_alter_in_place against the table as it stands just
// before it (the operations before it applied in turn). One refusal folds everything but the
// table rename: column renames become column_sources, and index changes are dropped since the
// rebuild recreates the indexes of the target table.
#pragma once

#include <vector>

#include "table_changes.hpp"

namespace schemadiff::diff::detail {

// Applies `op` to `table`, the way the database would: the table's state after the op.
void apply_to_table(Table& table, const Operation& op, const DiffContext& context);

struct FoldedTable {
    std::vector<Operation> rename_columns;  // empty when the table is rebuilt
    std::vector<Operation> alterations;     // the alter operations, or one RebuildTable
};

// `views` are the current schema's views; those naming the table go into the rebuild.
[[nodiscard]] FoldedTable fold_rebuild(const TableChanges& changes, const std::vector<View>& views,
                                       const DiffContext& context);

}  // namespace schemadiff::diff::detail
