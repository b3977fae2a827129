// RenameCandidates — spots dropped tables and columns that look like an added one, so the
// reviewer can turn a drop-and-add (which loses data) into a rename with a `renamed_from` hint.
//
// A column looks like another when both are in the same table with the same canonical type and
// nullability; a table looks like another when both have the same column names and types.
// Lookups are hash maps keyed by those signatures: linear in the number of operations.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/plan.hpp"

namespace schemadiff::diff::detail {

class RenameCandidates {
public:
    explicit RenameCandidates(const Dialect& dialect) : dialect_(dialect) {}

    // `index` is the operation that drops; findings attach to it.
    void dropped_column(std::size_t index, const std::string& table, const Column& column);
    void added_column(const std::string& table, const Column& column);
    void dropped_table(std::size_t index, const Table& table);
    void added_table(const Table& table);

    // One ProbableRename per dropped table or column that has look-alikes, in drop order.
    [[nodiscard]] std::vector<Finding> findings() const;

private:
    struct Dropped {
        std::size_t index = 0;
        std::string table;
        std::string column;  // empty for a table
        std::string signature;
    };

    [[nodiscard]] std::string column_signature(const std::string& table,
                                               const Column& column) const;
    [[nodiscard]] std::string table_signature(const Table& table) const;

    const Dialect& dialect_;
    std::vector<Dropped> dropped_;
    std::unordered_map<std::string, std::vector<std::string>> added_;  // signature -> names
};

}  // namespace schemadiff::diff::detail
