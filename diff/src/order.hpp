// Order — the foreign-key dependency order of tables created or dropped together.
//
// Kahn's algorithm over the strongly connected components of the "references" graph, ties
// broken by table name, so the order is deterministic. Inside a cycle, tables come in name
// order and each foreign key pointing at a table of the cycle not yet created is cut out: the
// table is created without it and the key added afterwards (AddForeignKey). A self-reference
// stays inline. Dropping is the mirror image: the cut keys are dropped first, then the tables,
// dependents first.
#pragma once

#include <vector>

#include "diff_context.hpp"
#include "schemadiff/core/operation.hpp"

namespace schemadiff::diff::detail {

struct DependencyOrder {
    std::vector<std::size_t> tables;  // indexes into the input, referenced tables first
    // Per input table: indexes of its foreign keys that close a cycle.
    std::vector<std::vector<std::size_t>> cut_foreign_keys;
};

// REQUIRES: `tables` sorted by name.
[[nodiscard]] DependencyOrder dependency_order(const std::vector<Table>& tables,
                                               const DiffContext& context);

// CreateTable for each table in dependency order, then AddForeignKey for the keys cut from
// cycles (kept inline instead when the dialect cannot add a foreign key afterwards: such a
// dialect does not check references at creation either).
[[nodiscard]] std::vector<Operation> create_tables(std::vector<Table> tables,
                                                   const DiffContext& context);
// The inverse of create_tables: DropForeignKey for the cut keys, then DropTable, dependents
// first.
[[nodiscard]] std::vector<Operation> drop_tables(std::vector<Table> tables,
                                                 const DiffContext& context);

}  // namespace schemadiff::diff::detail
