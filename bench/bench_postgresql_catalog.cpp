// bench_postgresql_catalog — times reading a large PostgreSQL catalog: open + read_schema.
//
// For each table count it generates the benchmark schema (schema_generator.hpp, made valid for
// PostgreSQL by postgresql_schema.hpp), creates it in a fresh database on the server of --url
// (one transaction), runs ANALYZE as autovacuum would on a live database, then times --repeat
// runs of opening a new connection and reading the whole catalog, and reports the median wall
// clock (the server's work included), the client's CPU time, and catalog_query_count(). It then
// checks the result: the catalog read back, diffed against the model it was created from, must
// give an empty plan. The database is dropped afterwards unless --keep.
// Exit status: 0 when every run succeeded with no false positive, 1 otherwise.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "postgresql_schema.hpp"
#include "postgresql_scratch_database.hpp"
#include "schema_generator.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/postgresql/postgresql_connection.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace {

namespace sd = schemadiff;

constexpr std::size_t kGoalTables = 5000;
constexpr double kGoalMilliseconds = 2000.0;
constexpr std::size_t kGoalQueries = 10;

using Clock = std::chrono::steady_clock;

double cpu_milliseconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// CPU time (user + system) of a process on this machine, in ms; negative when it cannot be read
// (the server runs elsewhere). Resolution: one clock tick (10 ms on Linux).
double process_cpu_milliseconds(const std::string& pid) {
    std::ifstream file("/proc/" + pid + "/stat");
    std::string stat;
    if (!std::getline(file, stat)) return -1;
    const auto close = stat.rfind(')');  // the command name may hold spaces
    if (close == std::string::npos) return -1;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && fields >> field; ++i) {
        if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime
    }
    return ticks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

struct Shape {
    std::size_t columns = 0;
    std::size_t indexes = 0;
    std::size_t foreign_keys = 0;
    std::size_t uniques = 0;
    std::size_t checks = 0;
    std::size_t defaults = 0;
};

Shape shape_of(const sd::Schema& schema) {
    Shape shape;
    for (const auto& table : schema.tables) {
        shape.columns += table.columns.size();
        shape.indexes += table.indexes.size();
        shape.foreign_keys += table.foreign_keys.size();
        shape.uniques += table.unique_constraints.size();
        shape.checks += table.checks.size();
        for (const auto& column : table.columns) shape.defaults += column.default_sql ? 1U : 0U;
    }
    return shape;
}

struct CatalogResult {
    std::size_t table_count = 0;
    Shape shape;
    double create_seconds = 0;
    std::vector<double> wall_ms;  // one per run: open + read_schema
    std::vector<double> cpu_ms;
    std::vector<double> server_cpu_ms;  // the connection's backend process, start to end
    std::size_t queries = 0;            // catalog queries of one read
    std::size_t tables_read = 0;
    std::size_t false_positives = 0;
};

struct Options {
    sd::DatabaseUrl server;
    int repeat = 3;
    bool is_kept = false;
    bool is_analyzed = true;
};

CatalogResult measure(const Options& options, std::size_t table_count) {
    CatalogResult result{.table_count = table_count};
    const sd::Schema model =
        sd::bench::for_postgresql(sd::bench::generate_schema({.table_count = table_count}));
    result.shape = shape_of(model);
    const sd::bench::ScratchDatabase database(
        options.server, fmt::format("schemadiff_bench_catalog_{}", table_count), options.is_kept);
    const auto start = Clock::now();
    const std::size_t statements = sd::bench::create_schema(database.url(), model);
    if (options.is_analyzed) {
        sd::postgresql::open_postgresql(database.url(), sd::postgresql::OpenMode::ReadWrite)
            ->execute("ANALYZE");
    }
    result.create_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    fmt::print(stderr, "  {} tables: created {} ({} statements) in {:.1f} s\n", table_count,
               database.name(), statements, result.create_seconds);

    std::optional<sd::Schema> read;
    for (int run = 0; run < std::max(1, options.repeat); ++run) {
        const auto wall_start = Clock::now();
        const double cpu_start = cpu_milliseconds();
        auto connection =
            sd::postgresql::open_postgresql(database.url(), sd::postgresql::OpenMode::ReadOnly);
        read = connection->read_schema({});
        result.wall_ms.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - wall_start).count());
        result.cpu_ms.push_back(cpu_milliseconds() - cpu_start);
        result.queries = connection->catalog_query_count();
        // Not a catalog query, and after the timing: which backend served the read.
        const auto rows = connection->query("SELECT pg_catalog.pg_backend_pid()");
        result.server_cpu_ms.push_back(process_cpu_milliseconds(*rows.at(0).at(0)));
    }
    result.tables_read = read->tables.size();

    // Outside the timing: the catalog must read back as the model it was created from.
    const sd::Dialect& dialect = sd::postgresql::postgresql_dialect();
    const sd::Plan spurious = sd::diff::diff_schemas(*read, model, {.dialect = &dialect});
    result.false_positives = spurious.operations.size();
    for (std::size_t i = 0; i < std::min<std::size_t>(spurious.operations.size(), 5); ++i) {
        fmt::print(stderr, "  false positive at {} tables: {}\n", table_count,
                   sd::describe(spurious.operations[i]));
    }
    return result;
}

std::optional<CatalogResult> measure_guarded(const Options& options, std::size_t count) {
    try {
        return measure(options, count);
    } catch (const std::exception& error) {
        fmt::print(stderr, "bench_postgresql_catalog: {} tables: {}\n", count, error.what());
        return std::nullopt;
    }
}

std::string cpu_model() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    }
    return "unknown CPU";
}

std::string server_version(const sd::DatabaseUrl& server) {
    auto connection = sd::postgresql::open_postgresql(server, sd::postgresql::OpenMode::ReadOnly);
    const auto rows = connection->query("SHOW server_version");
    return rows.empty() || rows.front().empty() || !rows.front().front() ? "unknown"
                                                                         : *rows.front().front();
}

void print_row(const CatalogResult& r) {
    const auto [min_wall, max_wall] = std::minmax_element(r.wall_ms.begin(), r.wall_ms.end());
    const double server = median(r.server_cpu_ms);
    const std::string server_cpu = server < 0 ? "n/a" : fmt::format("{:.0f}", server);
    fmt::print(
        "| {} | {} | {} | {} | {} | {} | {} | {:.1f} | {:.1f} ({:.1f}-{:.1f}) | {:.1f} | {} | {} | "
        "{} |\n",
        r.table_count, r.shape.columns, r.shape.indexes, r.shape.foreign_keys,
        r.shape.uniques + r.shape.checks, r.shape.defaults, r.tables_read, r.create_seconds,
        median(r.wall_ms), *min_wall, *max_wall, median(r.cpu_ms), server_cpu, r.queries,
        r.false_positives);
    std::fflush(stdout);
}

std::string default_url() {
    const char* url = std::getenv("SCHEMADIFF_TEST_POSTGRES_URL");
    return url != nullptr ? url : "";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times open + read_schema of generated PostgreSQL catalogs."};
    std::string url = default_url();
    std::vector<std::size_t> table_counts = {1000, 5000};
    Options options;
    bool is_not_analyzed = false;
    app.add_option(
        "--url", url,
        "postgresql:// URL of the server (its database is the maintenance database "
        "used to create and drop the benchmark's); default $SCHEMADIFF_TEST_POSTGRES_URL");
    app.add_option("--tables", table_counts, "Table counts to run (comma-separated or repeated)")
        ->delimiter(',');
    app.add_option("--repeat", options.repeat, "Timed reads per table count; the median is kept")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_flag("--keep", options.is_kept, "Keep the databases (schemadiff_bench_catalog_N)");
    app.add_flag("--no-analyze", is_not_analyzed, "Do not ANALYZE after creating the schema");
    CLI11_PARSE(app, argc, argv);
    options.is_analyzed = !is_not_analyzed;
    try {
        if (url.empty()) throw sd::Error(sd::ErrorKind::Usage, "no server: pass --url");
        options.server = sd::parse_database_url(url);
        fmt::print(
            "PostgreSQL catalog benchmark: {} core(s), {}, PostgreSQL {} at {}, median of "
            "{}{}\n\n",
            std::thread::hardware_concurrency(), cpu_model(), server_version(options.server),
            options.server.redacted(), options.repeat, options.is_analyzed ? "" : ", no ANALYZE");
    } catch (const std::exception& error) {
        fmt::print(stderr, "bench_postgresql_catalog: {}\n", error.what());
        return 2;
    }
    fmt::print(
        "Read = open a connection + read_schema, wall clock in ms (server included): median "
        "(min-max); client CPU is this process's, server CPU that of the connection's backend\n"
        "process (medians; needs the server on this machine, 10 ms resolution).\n\n"
        "| tables | columns | indexes | FKs | uniques + checks | defaults | tables read "
        "| create s | read ms | client CPU ms | server CPU ms | queries | false pos. |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: |\n");
    bool is_all_ok = true;
    std::optional<CatalogResult> goal;
    for (const std::size_t count : table_counts) {
        const auto result = measure_guarded(options, count);
        if (!result) {
            is_all_ok = false;
            fmt::print("| {} | failed (see stderr) |\n", count);
            continue;
        }
        print_row(*result);
        if (result->false_positives > 0 || result->tables_read != count) is_all_ok = false;
        if (count == kGoalTables) goal = result;
    }
    if (goal) {
        const double wall = median(goal->wall_ms);
        const bool is_met = wall < kGoalMilliseconds && goal->queries <= kGoalQueries;
        fmt::print(
            "\nGoal: {} tables read in at most {} queries and under {:.0f} ms: {} queries, "
            "{:.1f} ms (median wall clock), {}\n",
            kGoalTables, kGoalQueries, kGoalMilliseconds, goal->queries, wall,
            is_met ? "met" : "NOT met");
    }
    return is_all_ok ? 0 : 1;
}
