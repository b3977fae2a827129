// Matching — pairs up the tables, columns and named-or-unnamed items (indexes, constraints) of
// the current and the target schema.
//
// Tables and columns match by identifier key, or through a `renamed_from` hint naming a current
// table or column the target no longer has. Indexes and constraints match by name; an item
// without a name matches by its signature (what it is, regardless of name), so a name-only
// difference is not a change when either side has no name.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff_context.hpp"

namespace schemadiff::diff::detail {

struct TablePair {
    const Table* current = nullptr;
    const Table* target = nullptr;
    bool is_renamed = false;
};

struct TableMatch {
    std::vector<TablePair> matched;     // sorted by target name
    std::vector<const Table*> added;    // target tables, sorted by name
    std::vector<const Table*> dropped;  // current tables, sorted by name
};

// Fills the context's table indexes and table_renames.
[[nodiscard]] TableMatch match_tables(const Schema& current, const Schema& target,
                                      DiffContext& context);

struct ColumnMatch {
    // For each target column (declared order): the index of its current column, if any.
    std::vector<std::optional<std::size_t>> source;
    // For each target column: true when it matched through `renamed_from`.
    std::vector<bool> is_renamed;
    // Current columns no target column took (declared order).
    std::vector<std::size_t> dropped;
};

[[nodiscard]] ColumnMatch match_columns(const Table& current, const Table& target,
                                        const DiffContext& context);

// An index or constraint as the matcher sees it.
struct Item {
    std::optional<std::string> name_key;
    std::string signature;
};

struct ItemMatch {
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (current, target), unchanged
    std::vector<std::size_t> dropped;  // current items going away or changing, ascending
    std::vector<std::size_t> added;    // target items new or changed, ascending
};

[[nodiscard]] ItemMatch match_items(const std::vector<Item>& current,
                                    const std::vector<Item>& target);

}  // namespace schemadiff::diff::detail
