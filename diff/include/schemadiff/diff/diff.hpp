// diff_schemas — compares two schemas and yields the ordered, invertible Plan that turns
// `current` into `target`.
//
// Matching: tables and columns by name as the dialect folds it (Dialect::identifier_key), or by
// `renamed_from` hints in the target; indexes and unique constraints by name, unnamed ones by
// their columns; foreign keys by signature (columns, referenced table and columns, actions,
// deferrability); checks by name, unnamed ones by normalised expression.
// Comparison: types through Dialect::canonical_type, defaults through normalize_default and
// expressions through normalize_expression, so a schema created from a model and read back
// shows no change.
// Order (byte-stable): every RenameTable, then every RenameColumn (so later operations use target
// names only); new named enum types and added enum values; new tables in foreign-key dependency
// order (cycles broken with separate AddForeignKey where the dialect can add one); then per
// existing table sorted by name: dropped or changed indexes and constraints, added columns,
// altered columns, primary key, new indexes and constraints, column drops; dropped tables last,
// dependents first; then enum values removed or moved (a type swap) and dropped enum types.
// Changes the dialect cannot ALTER in place (Dialect::can_alter_in_place) are folded into one
// RebuildTable per table. Findings (renames, data loss, lossy types, NOT NULL, rebuilds) are
// attached to the operations they concern.
#pragma once

#include <string>
#include <vector>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/plan.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::diff {

struct DiffOptions {
    // The dialect of the database the plan will run on. Required.
    const Dialect* dialect = nullptr;
    bool compare_types = true;
    bool compare_defaults = true;
    bool compare_comments = true;
};

// REQUIRES: options.dialect != nullptr.
[[nodiscard]] Plan diff_schemas(const Schema& current, const Schema& target,
                                const DiffOptions& options);

// The plan that undoes `plan`: each operation inverted, in reverse order, with its own findings
// (the inverse of an added column is a drop, which loses data).
[[nodiscard]] Plan invert(const Plan& plan, const Dialect& dialect);

}  // namespace schemadiff::diff
