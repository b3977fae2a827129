// Plan — the ordered list of operations that turns one schema into another, plus the findings a
// human must see before running it.
//
// A Finding is a value, not an exception: the diff cannot know whether a dropped and an added
// column are a rename, or whether a column about to become NOT NULL holds NULLs. Each finding
// points at the operation it concerns (by index into `operations`), and emitters print it as a
// comment the reviewer cannot miss, next to that statement and in the script header.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "schemadiff/core/operation.hpp"

namespace schemadiff {

enum class FindingKind {
    DataLoss,          // the operation destroys data (drop table/column, narrowing, rebuild drop)
    ProbableRename,    // a dropped and an added table/column look alike: maybe a rename
    LossyTypeChange,   // a type change that may truncate or fail on existing values
    NotNullNoDefault,  // NOT NULL added (or a NOT NULL column added) with no default
    TableRebuild,      // the table is rebuilt (copy, drop, rename) instead of altered
};

struct Finding {
    FindingKind kind = FindingKind::DataLoss;
    std::size_t operation_index = 0;
    std::string table;
    std::string column;   // empty when the finding is about the whole table
    std::string message;  // one sentence for the reviewer

    friend bool operator==(const Finding&, const Finding&) = default;
};

struct Plan {
    std::vector<Operation> operations;
    std::vector<Finding> findings;  // sorted by operation_index, then kind

    [[nodiscard]] bool empty() const { return operations.empty(); }
    // Findings attached to one operation.
    [[nodiscard]] std::vector<const Finding*> findings_for(std::size_t operation_index) const;
};

[[nodiscard]] std::string_view to_string(FindingKind kind);  // "data-loss", "probable-rename", ...

}  // namespace schemadiff
