#include "revision_load.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "schemadiff/migrate/revision_graph.hpp"
#include "schemadiff/migrate/revision_script.hpp"

namespace schemadiff::bench {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

}  // namespace

LoadTiming load_revisions_timed(const fs::path& versions) {
    LoadTiming timing;
    auto start = Clock::now();
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(versions)) {
        if (entry.is_regular_file() && entry.path().extension() == ".sql") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    texts.reserve(files.size());
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) throw std::runtime_error("cannot read " + file.string());
        texts.push_back(std::move(text).str());
    }
    timing.read_ms = elapsed_ms(start);

    start = Clock::now();
    std::vector<migrate::RevisionScript> scripts;
    scripts.reserve(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        scripts.push_back(migrate::parse_script(texts[i], files[i].string()));
    }
    timing.parse_ms = elapsed_ms(start);
    timing.script_count = scripts.size();

    start = Clock::now();
    const migrate::RevisionGraph graph(std::move(scripts));
    timing.graph_ms = elapsed_ms(start);

    start = Clock::now();
    timing.heads = graph.heads();
    const std::vector<std::string> history = graph.history();
    timing.query_ms = elapsed_ms(start);
    if (history.size() != timing.script_count) {
        throw std::runtime_error("history does not list every revision");
    }
    return timing;
}

}  // namespace schemadiff::bench
