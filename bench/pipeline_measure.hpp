// One benchmark run of the SQLite pipeline for one table count: read the catalog of the current
// database, diff it against the drifted database's schema, emit the SQL.
//
// The databases are created on first use (see bench_database.hpp) and reused afterwards. Each
// stage is timed with std::chrono::steady_clock; the best of `repeat` runs is kept. Memory is the
// resident-set peak over the measured runs only (see peak_memory.hpp). After the timing, the run
// checks its own result: the current database read back against the generated schema must give an
// empty plan (no false positives), and the plan must hold at least the edits the drift made.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace schemadiff::bench {

struct PipelineOptions {
    std::size_t table_count = 100;
    std::string directory;  // where the databases live
    int repeat = 3;
    bool is_fresh = false;  // recreate the databases even if present
};

// The best (smallest) time of a stage over the runs, on the wall clock (std::chrono::steady_clock)
// and in CPU time of the process.
struct StageTime {
    double wall_ms = 1e300;
    double cpu_ms = 1e300;
};

// Trivially copyable: a forked child hands it to its parent through a pipe.
struct PipelineResult {
    std::size_t table_count = 0;
    std::size_t column_count = 0;  // in the current schema
    std::size_t index_count = 0;
    double create_seconds = 0;         // both databases; 0 when reused
    StageTime read;                    // open a connection and read_schema
    StageTime diff;                    // diff_schemas(current as read, drifted database's schema)
    StageTime emit;                    // emit_sql and render_sql
    std::size_t catalog_queries = 0;   // issued by one read_schema call
    std::size_t operations = 0;        // in the plan current -> drifted
    std::size_t statements = 0;        // emitted
    std::size_t sql_bytes = 0;         // rendered script
    std::size_t expected_changes = 0;  // edits made by the drift
    std::size_t false_positives = 0;   // operations between the database and its own model
    long baseline_rss_kib = 0;
    long peak_rss_kib = 0;
    bool is_memory_windowed = false;
};

[[nodiscard]] PipelineResult measure_pipeline(const PipelineOptions& options);

}  // namespace schemadiff::bench
