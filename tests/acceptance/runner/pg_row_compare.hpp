// Row comparison for the PostgreSQL acceptance runner: the rows of the tables a migration keeps
// must be the same after it, in the columns it keeps, and so must the counters of the sequences
// behind serial and identity columns kept on both sides. Migrations run in place, so the rows
// are read into a snapshot (through libpq, sorted as multisets of tuples) before the script and
// compared with a snapshot taken after it. Values are compared as PostgreSQL prints them; a column
// whose type changed is compared loosely: numbers canonical (12 = '12' = 12.0), booleans as 1/0,
// dates and timestamps as their instant.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pg_database.hpp"
#include "row_compare.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::acceptance {

enum class Side { Before, After };

// The rows of one KeptTable on one side, and the next value of its sequences, one per kept
// column (nullopt where the column has no sequence).
struct TableRows {
    std::vector<PgRow> rows;
    std::vector<std::optional<std::string>> sequences;
};

// Reads `tables` on `side` (their `before` or `after` names) from `db`, whose catalog is `schema`.
[[nodiscard]] std::vector<TableRows> snapshot_rows(PgDatabase& db, const Schema& schema,
                                                   const std::vector<KeptTable>& tables, Side side);

// One message per difference; empty when the snapshots match.
[[nodiscard]] std::vector<std::string> compare_snapshots(const std::vector<KeptTable>& tables,
                                                         const std::vector<TableRows>& before,
                                                         const std::vector<TableRows>& after);

}  // namespace schemadiff::acceptance
