#include "pipeline_measure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>

#include "bench_database.hpp"
#include "peak_memory.hpp"
#include "schema_generator.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/emit/sql.hpp"
#include "schemadiff/sqlite/sqlite_connection.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"

namespace schemadiff::bench {
namespace {

// Bump when the generator changes, so stale databases from an older generator are not reused.
constexpr int kGeneratorVersion = 1;

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this process (user + system), in milliseconds: on a shared machine the wall clock
// also counts the time other processes held the core.
double cpu_milliseconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// Times one stage on both clocks and keeps the best of each.
class StageTimer {
public:
    explicit StageTimer(StageTime& best) : best_(best) {}
    ~StageTimer() {
        best_.wall_ms = std::min(best_.wall_ms, milliseconds_since(wall_start_));
        best_.cpu_ms = std::min(best_.cpu_ms, cpu_milliseconds() - cpu_start_);
    }
    StageTimer(const StageTimer&) = delete;
    StageTimer& operator=(const StageTimer&) = delete;

private:
    StageTime& best_;
    Clock::time_point wall_start_ = Clock::now();
    double cpu_start_ = cpu_milliseconds();
};

std::string database_path(const PipelineOptions& options, const char* kind) {
    return (std::filesystem::path(options.directory) /
            fmt::format("{}-{}-v{}.db", kind, options.table_count, kGeneratorVersion))
        .string();
}

struct Paths {
    std::string current;
    std::string drifted;
};

// Generates both schemas and creates whichever database is missing; fills the schema counts.
Paths prepare_databases(const PipelineOptions& options, const Dialect& dialect,
                        PipelineResult& result) {
    namespace fs = std::filesystem;
    fs::create_directories(options.directory);
    const Paths paths{database_path(options, "current"), database_path(options, "drifted")};
    const Schema current = generate_schema({.table_count = options.table_count});
    const DriftedSchema drifted = drift_schema(current, {});
    result.expected_changes = drifted.expected_changes;
    for (const auto& table : current.tables) {
        result.column_count += table.columns.size();
        result.index_count += table.indexes.size();
    }
    const auto start = Clock::now();
    bool is_created = false;
    if (options.is_fresh || !fs::exists(paths.current)) {
        create_database(paths.current, current, dialect);
        is_created = true;
    }
    if (options.is_fresh || !fs::exists(paths.drifted)) {
        create_database(paths.drifted, drifted.schema, dialect);
        is_created = true;
    }
    if (is_created) result.create_seconds = milliseconds_since(start) / 1000.0;
    return paths;
}

}  // namespace

PipelineResult measure_pipeline(const PipelineOptions& options) {
    const sqlite::SqliteDialect dialect;
    const diff::DiffOptions diff_options{.dialect = &dialect};
    PipelineResult result;
    result.table_count = options.table_count;
    const Paths paths = prepare_databases(options, dialect, result);

    const MemoryWindow window = start_memory_window();
    result.baseline_rss_kib = window.baseline_kib;
    result.is_memory_windowed = window.is_windowed;
    {
        const Schema drifted =
            sqlite::open_sqlite(paths.drifted, sqlite::OpenMode::ReadOnly)->read_schema({});
        for (int run = 0; run < std::max(1, options.repeat); ++run) {
            // A fresh connection each run: SQLite parses the whole schema when a connection first
            // touches it, and a real run of the tool pays that too.
            std::optional<Schema> schema;
            {
                const StageTimer timer(result.read);
                auto connection = sqlite::open_sqlite(paths.current, sqlite::OpenMode::ReadOnly);
                schema = connection->read_schema({});
                result.catalog_queries = connection->catalog_query_count();
            }
            std::optional<Plan> plan;
            {
                const StageTimer timer(result.diff);
                plan = diff::diff_schemas(*schema, drifted, diff_options);
            }
            std::string sql;
            std::size_t statements = 0;
            {
                const StageTimer timer(result.emit);
                const emit::SqlScript script = emit::emit_sql(*plan, dialect);
                sql = emit::render_sql(script, {});
                statements = script.before_transaction.size() + script.transactional.size() +
                             script.after_transaction.size();
            }
            result.operations = plan->operations.size();
            result.statements = statements;
            result.sql_bytes = sql.size();
        }
    }
    result.peak_rss_kib = peak_rss_kib();

    // Self-check, outside the timing: the database read back must match its own model.
    const Schema model = generate_schema({.table_count = options.table_count});
    const Schema read =
        sqlite::open_sqlite(paths.current, sqlite::OpenMode::ReadOnly)->read_schema({});
    const Plan spurious = diff::diff_schemas(read, model, diff_options);
    result.false_positives = spurious.operations.size();
    for (std::size_t i = 0; i < std::min<std::size_t>(spurious.operations.size(), 5); ++i) {
        fmt::print(stderr, "  false positive at {} tables: {}\n", options.table_count,
                   describe(spurious.operations[i]));
    }
    return result;
}

}  // namespace schemadiff::bench
