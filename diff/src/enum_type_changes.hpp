// Enum type changes — the named enum types of both schemas (collect_enum_types) compared by
// name: a type only in the target is created, one only in the current schema dropped, one whose
// values differ altered.
//
// A value change splits in two so each half runs where it can: the values the target adds are
// added (AlterEnumType that is_enum_addition) before every table operation, which may use them;
// the values it removes or moves are dealt with after the last one (a type swap, casting the
// target's columns), once dropped tables and columns and changed defaults no longer hold them.
// Creates come before the table operations, drops after them (a dropped table or column, or a
// column moved to another type, must let go of the type first). Each AlterEnumType lists the
// columns using the type at its point: before the tables, the current columns under their names
// after the plan's renames; after them, the target's. Column types of a named enum compare
// without their values, so a value change is never an AlterColumn. A dialect without named enums
// (its canonical type drops enum_name: SQLite) gets no enum type operations at all.
#pragma once

#include <vector>

#include "diff_context.hpp"
#include "schemadiff/core/operation.hpp"

namespace schemadiff::diff::detail {

struct EnumTypeChanges {
    std::vector<Operation> before_tables;  // CreateEnumType, then values added, by name
    std::vector<Operation> after_tables;   // type swaps, then DropEnumType, by name
};

// Throws Error(InvalidModel) when either schema gives one type name two value lists.
// `kept_views` are the current views the plan leaves in place (ViewChanges::kept): a swap drops
// and recreates those that select a column of its type. Columns of an array of the type (a Raw
// "mood[]") are among its users; indexes and CHECKs naming a user column ride along the swap.
[[nodiscard]] EnumTypeChanges compare_enum_types(const Schema& current, const Schema& target,
                                                 const std::vector<View>& kept_views,
                                                 const DiffContext& context);
// The same with no kept views.
[[nodiscard]] EnumTypeChanges compare_enum_types(const Schema& current, const Schema& target,
                                                 const DiffContext& context);

// Whether the dialect keeps a named enum's name (PostgreSQL) rather than inlining its values.
[[nodiscard]] bool has_named_enums(const Dialect& dialect);

}  // namespace schemadiff::diff::detail
