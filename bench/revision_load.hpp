// Loading a migrations folder in-process, timed: what every revision command does before its own
// work (read each script file, parse it, build the RevisionGraph), followed by the two queries
// `heads` and `history` answer from the graph.
//
// It mirrors the CLI's load_graph (cli/src/project.cpp, private to the CLI): the *.sql files of
// the folder in name order, each read whole and parsed with migrate::parse_script.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace schemadiff::bench {

struct LoadTiming {
    double read_ms = 0.0;   // listing the folder and reading every file
    double parse_ms = 0.0;  // migrate::parse_script on each
    double graph_ms = 0.0;  // the RevisionGraph constructor
    double query_ms = 0.0;  // heads() and history()
    std::size_t script_count = 0;
    std::vector<std::string> heads;

    [[nodiscard]] double total_ms() const { return read_ms + parse_ms + graph_ms + query_ms; }
};

// Throws std::runtime_error (I/O) or schemadiff::Error (a malformed script or graph).
[[nodiscard]] LoadTiming load_revisions_timed(const std::filesystem::path& versions);

}  // namespace schemadiff::bench
