// TableChanges — the operations one existing table needs, grouped by the phase they run in.
//
// The plan runs every rename first (so later operations name tables and columns as the target
// does), then per table: indexes and constraints going away or changing (so a column they cover
// can change), added columns, altered columns, the primary key, new indexes and constraints, the
// table comment, and last the dropped columns.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff_context.hpp"
#include "matching.hpp"
#include "schemadiff/core/operation.hpp"

namespace schemadiff::diff::detail {

struct TableChanges {
    TableChanges() = default;
    // `renamed` may point into the object itself.
    TableChanges(const TableChanges&) = delete;
    TableChanges& operator=(const TableChanges&) = delete;

    const Table* current = nullptr;  // as read, before any rename
    const Table* target = nullptr;
    // `current` once the renames have run: `current` itself when they change nothing in it,
    // else `renamed_copy`.
    const Table* renamed = nullptr;
    std::optional<Table> renamed_copy;
    ColumnMatch columns;

    std::vector<Operation> rename_table;
    std::vector<Operation> rename_columns;
    std::vector<Operation> drop_constraints;
    std::vector<Operation> add_columns;
    std::vector<Operation> alter_columns;
    std::vector<Operation> primary_key;
    std::vector<Operation> create_constraints;
    std::vector<Operation> comment;
    std::vector<Operation> drop_columns;
    // Differences no ALTER expresses (SQLite STRICT, WITHOUT ROWID): the table must be rebuilt.
    std::vector<std::string> rebuild_reasons;

    // Everything after the renames, in the order it runs.
    [[nodiscard]] std::vector<Operation> alter_operations() const;
    [[nodiscard]] bool has_changes() const;
};

// Column renames, additions, alterations and drops.
void compare_columns(const DiffContext& context, TableChanges& changes);
// Primary key, indexes, unique constraints, foreign keys, checks, table comment and options.
void compare_constraints(const DiffContext& context, TableChanges& changes);

}  // namespace schemadiff::diff::detail
