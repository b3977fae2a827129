// Running the real `schemadiff` binary as a child process and timing it, for the revision
// benchmark.
//
// run_timed spawns the program with posix_spawn (no shell in between, so the time is the tool's
// own: exec, dynamic loading, static initialisation, the command, exit), in the current working
// directory, with stdout captured through a pipe and stderr written to a file. The wall time runs
// on std::chrono::steady_clock from just before the spawn to the child's exit status being
// collected, the pipe drained (as any shell pipeline would) included. On a loaded machine the
// wall time includes waiting for a core; the child's CPU time does not.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace schemadiff::bench {

struct ProcessResult {
    int exit_code = -1;  // -1 when the child did not exit normally (signal, spawn failure)
    double wall_ms = 0.0;
    double cpu_ms = 0.0;  // the child's user + system time (wait4), which the load does not inflate
    std::string out;      // everything the child wrote on stdout
};

// `argv[0]` is the program's path. stderr goes to `stderr_file` (truncated).
// Throws std::runtime_error when the process cannot be spawned or its output not read.
[[nodiscard]] ProcessResult run_timed(const std::vector<std::string>& argv,
                                      const std::filesystem::path& stderr_file);

// Sample statistics over wall times (milliseconds). REQUIRES: a non-empty sample.
struct TimingSummary {
    std::size_t runs = 0;
    double median_ms = 0.0;
    double min_ms = 0.0;
    double p95_ms = 0.0;  // nearest rank: the ceil(0.95 * runs)-th smallest
    double max_ms = 0.0;
};
[[nodiscard]] TimingSummary summarize(std::vector<double> samples_ms);

}  // namespace schemadiff::bench
