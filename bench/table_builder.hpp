// TableBuilder — assembles one generated benchmark table piece by piece, drawing every choice
// from the caller's SplitMix64 so the result depends only on the seed.
//
// Invariants it keeps: column names are unique within the table; every constraint and index name
// embeds the table name, so names are unique across the schema (SQLite requires that of
// indexes); CHECK and partial-index expressions only mention plain, unquoted column names.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "prng.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::bench {

class TableBuilder {
public:
    // Starts the table with its `id INTEGER NOT NULL` primary key.
    TableBuilder(SplitMix64& rng, std::string name);

    // A column `<referenced_table>_id` referencing `referenced_table(id)`; a second reference to
    // the same table is skipped.
    void add_foreign_key(const std::string& referenced_table, bool is_nullable,
                         ForeignKeyAction on_delete);
    // A column of a randomly weighted type with a realistic name, nullability and default.
    void add_random_column();
    // A column with an awkward name that needs quoting; never used in expressions.
    void add_special_column(const std::string& name, ColumnType type);
    void add_checks();
    void add_unique_constraint();
    // Up to `count` indexes of different shapes (foreign key, unique, composite, partial, single).
    void add_indexes(std::size_t count);

    [[nodiscard]] Table finish() { return std::move(table_); }

private:
    struct ColumnInfo {
        bool is_plain = true;  // a vocabulary name, safe to write into an expression
        bool is_foreign_key = false;
        bool is_unique = false;  // already covered by a unique index or constraint
    };

    std::string pick_column_name(const std::vector<std::string>& names);
    void push_column(Column column, ColumnInfo info);
    // Indexes (into table_.columns) of columns matching the filter, `id` excluded.
    template <typename Filter>
    std::vector<std::size_t> columns_where(Filter filter) const;
    bool try_add_index(std::size_t shape);
    bool push_index(Index index);

    SplitMix64& rng_;
    Table table_;
    std::vector<ColumnInfo> info_;  // parallel to table_.columns
};

// A name fragment safe inside an index or constraint name: lower case, [a-z0-9_] only.
[[nodiscard]] std::string name_fragment(const std::string& column_name);

}  // namespace schemadiff::bench
