// Row comparison for the acceptance runner: the rows of the tables a migration keeps must be the
// same after it, in the columns it keeps (read through the sqlite3 C API, compared as sorted
// multisets of tuples so a rebuild may renumber hidden rowids), and so must the AUTOINCREMENT
// counters in sqlite_sequence.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::acceptance {

// A column kept by a migration, under its name before and after.
struct KeptColumn {
    std::string before;
    std::string after;
    bool is_exact = true;  // false when its type changed: values compared loosely (5 == '5')
};

struct KeptTable {
    std::string before;
    std::string after;
    std::vector<KeptColumn> columns;
    bool has_sequence = false;  // AUTOINCREMENT before and after: sqlite_sequence must match
};

// Tables and columns of `before` that `after` still has, following the `renamed_from` hints of
// `after` (a target schema); a column is exact when its canonical type did not change.
[[nodiscard]] std::vector<KeptTable> kept_tables(const Schema& before, const Schema& after,
                                                 const Dialect& dialect);

// Every table and column of `schema`, unchanged, all exact.
[[nodiscard]] std::vector<KeptTable> all_tables(const Schema& schema);

// One message per difference ("" entries never appear); empty when the rows match.
[[nodiscard]] std::vector<std::string> compare_rows(const std::filesystem::path& before_db,
                                                    const std::filesystem::path& after_db,
                                                    const std::vector<KeptTable>& tables);

}  // namespace schemadiff::acceptance
