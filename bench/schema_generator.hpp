// A deterministic generator of realistic schemas for the benchmarks, and of a "drifted" copy.
//
// generate_schema(N) yields N tables shaped like an application's: an INTEGER primary key `id`,
// 4-14 columns of mixed types (integer, bigint, text, varchar(n), numeric(p,s), boolean,
// timestamp, real, blob), NOT NULL and defaults, foreign keys to earlier tables (some ON DELETE
// CASCADE, some SET NULL), CHECK constraints, a few UNIQUE constraints and 1-3 indexes per table
// (unique, composite, partial). A few tables carry awkward identifiers (`order`, "Display Name")
// so quoting is exercised at scale. Foreign keys only point at earlier tables, so there are no
// cycles.
//
// drift_schema(schema) changes about 5% of the tables (added, dropped and altered columns, new and
// dropped indexes), drops one table nothing references and adds one new table. `expected_changes`
// counts those edits, a lower bound on the number of operations a diff should find.
//
// Same options, same bytes: everything comes from SplitMix64 with a fixed seed, and both schemas
// are canonicalised.
#pragma once

#include <cstddef>
#include <cstdint>

#include "schemadiff/core/schema.hpp"

namespace schemadiff::bench {

struct GeneratorOptions {
    std::size_t table_count = 100;
    std::uint64_t seed = 0x5C4E3AD1FFULL;
};

[[nodiscard]] Schema generate_schema(const GeneratorOptions& options);

struct DriftOptions {
    unsigned percent_changed = 5;  // share of tables that get one change
    std::uint64_t seed = 0xD21F7ULL;
};

struct DriftedSchema {
    Schema schema;
    std::size_t changed_tables = 0;    // tables altered in place (not counting drop and add)
    std::size_t expected_changes = 0;  // every edit made, including the dropped and added table
};

[[nodiscard]] DriftedSchema drift_schema(const Schema& schema, const DriftOptions& options);

}  // namespace schemadiff::bench
