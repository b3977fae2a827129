// bench_sqlite_pipeline — times the SQLite pipeline at scale: catalog read, diff, SQL emission.
//
// For each table count it builds (once) a current and a drifted database from the generated
// schemas, then measures, best of --repeat runs, reading the current catalog, diffing it against
// the drifted database's schema and emitting the SQL, plus the catalog query count and the peak
// resident memory. Each table count runs in its own forked process so its memory peak is its own.
// Prints a Markdown table (the one in docs/performance.md) and whether reading plus diffing 5,000
// tables stays under one second. Exit status: 0 when every run succeeded with no false positive,
// 1 otherwise.
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "pipeline_measure.hpp"

namespace {

using schemadiff::bench::PipelineOptions;
using schemadiff::bench::PipelineResult;

constexpr std::size_t kGoalTables = 5000;
constexpr double kGoalMilliseconds = 1000.0;

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

std::optional<PipelineResult> run_guarded(const PipelineOptions& options) {
    try {
        return schemadiff::bench::measure_pipeline(options);
    } catch (const std::exception& error) {
        fmt::print(stderr, "bench_sqlite_pipeline: {} tables: {}\n", options.table_count,
                   error.what());
        return std::nullopt;
    }
}

// Runs one measurement in a forked child, so the memory peak is that table count's alone.
std::optional<PipelineResult> run_in_child(const PipelineOptions& options) {
    int fds[2];
    if (pipe(fds) != 0) return std::nullopt;
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = fork();
    if (pid < 0) return std::nullopt;
    if (pid == 0) {
        close(fds[0]);
        const auto result = run_guarded(options);
        if (!result) _exit(2);
        const bool is_written = write(fds[1], &*result, sizeof(PipelineResult)) ==
                                static_cast<ssize_t>(sizeof(PipelineResult));
        _exit(is_written ? 0 : 2);
    }
    close(fds[1]);
    PipelineResult result;
    const ssize_t got = read(fds[0], &result, sizeof(PipelineResult));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    const bool is_ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
                       got == static_cast<ssize_t>(sizeof(PipelineResult));
    if (!is_ok) return std::nullopt;
    return result;
}

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

std::string wall_cpu(double wall_ms, double cpu_ms) {
    return fmt::format("{:.1f} / {:.1f}", wall_ms, cpu_ms);
}

void print_header() {
    fmt::print(
        "Times are the best of the runs, in ms, as wall clock / CPU time.\n\n"
        "| tables | columns | indexes | read | queries | diff | emit | read + diff "
        "| ops (drift edits) | false pos. | SQL KiB | peak RSS MiB | RSS before MiB |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: |\n");
}

void print_row(const PipelineResult& r) {
    fmt::print(
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} ({}) | {} | {:.0f} | {:.1f} | {:.1f} |\n",
        r.table_count, r.column_count, r.index_count, wall_cpu(r.read.wall_ms, r.read.cpu_ms),
        r.catalog_queries, wall_cpu(r.diff.wall_ms, r.diff.cpu_ms),
        wall_cpu(r.emit.wall_ms, r.emit.cpu_ms),
        wall_cpu(r.read.wall_ms + r.diff.wall_ms, r.read.cpu_ms + r.diff.cpu_ms), r.operations,
        r.expected_changes, r.false_positives, static_cast<double>(r.sql_bytes) / 1024.0,
        mib(r.peak_rss_kib), mib(r.baseline_rss_kib));
    std::fflush(stdout);
}

std::string default_directory() {
    const char* tmp = std::getenv("TMPDIR");
    const std::filesystem::path base = (tmp != nullptr && *tmp != '\0') ? tmp : "/tmp";
    return (base / "schemadiff-bench").string();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times catalog reading, diffing and SQL emission on generated SQLite databases."};
    std::vector<std::size_t> table_counts = {100, 500, 1000, 2000, 5000, 10000};
    PipelineOptions base{.directory = default_directory()};
    bool is_in_process = false;
    app.add_option("--tables", table_counts, "Table counts to run (comma-separated or repeated)")
        ->delimiter(',');
    app.add_option("--dir", base.directory, "Where the generated databases are kept")
        ->capture_default_str();
    app.add_option("--repeat", base.repeat, "Runs per stage; the best is kept")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_flag("--fresh", base.is_fresh, "Recreate the databases even if they exist");
    app.add_flag("--in-process", is_in_process,
                 "Run every table count in this process (for perf and callgrind)");
    CLI11_PARSE(app, argc, argv);

    fmt::print(
        "SQLite pipeline benchmark: {} core(s), {}, SQLite {}, best of {}\n"
        "databases in {} (created once, then reused)\n\n",
        std::thread::hardware_concurrency(), cpu_model(), sqlite3_libversion(), base.repeat,
        base.directory);
    print_header();
    bool is_all_ok = true;
    std::optional<PipelineResult> goal;
    for (const std::size_t count : table_counts) {
        PipelineOptions options = base;
        options.table_count = count;
        const auto result = is_in_process ? run_guarded(options) : run_in_child(options);
        if (!result) {
            is_all_ok = false;
            fmt::print("| {} | failed (see stderr) |\n", count);
            continue;
        }
        print_row(*result);
        if (result->create_seconds > 0) {
            fmt::print(stderr, "  created the {}-table databases in {:.1f} s\n", count,
                       result->create_seconds);
        }
        if (result->false_positives > 0 || result->operations < result->expected_changes) {
            is_all_ok = false;
        }
        if (count == kGoalTables) goal = result;
    }
    if (goal) {
        // On one core, CPU time is what the work costs; the wall clock adds whatever else ran.
        const double cpu = goal->read.cpu_ms + goal->diff.cpu_ms;
        const double wall = goal->read.wall_ms + goal->diff.wall_ms;
        fmt::print(
            "\nGoal: read + diff of {} tables under {:.0f} ms on one core: {:.1f} ms CPU "
            "({:.1f} ms wall), {}\n",
            kGoalTables, kGoalMilliseconds, cpu, wall, cpu < kGoalMilliseconds ? "met" : "NOT met");
    }
    return is_all_ok ? 0 : 1;
}
