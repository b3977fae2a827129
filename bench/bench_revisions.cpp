// bench_revisions — times the revision workflow of the real `schemadiff` binary at scale.
//
// Writes a temporary project with --scripts N (2,000) small scripts in one linear chain
// (revision_project.hpp), then runs the binary as a child process (revision_process.hpp):
// `--version` 50 times, `heads`, `history` and `current` 10 times each, `upgrade head` 3 times
// (each on a new SQLite file) and `downgrade base` once, and reports the wall time of each
// (median, min, p95) and the child's CPU time (wait4), which the machine's load inflates less.
// It also times, in-process, reading and parsing every script and building the graph.
//
// Each command's output is checked: heads is the last revision, history lists every revision
// newest first, current after the upgrade is the last revision and after the downgrade nothing.
// Exit status: 0 when every command succeeded and every check held, 1 otherwise. The issue-3
// goals are reported, not enforced (the machine is shared; see docs/performance.md).
#include <fmt/format.h>
#include <sys/utsname.h>
#include <time.h>  // clock_gettime

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "revision_load.hpp"
#include "revision_process.hpp"
#include "revision_project.hpp"

#ifndef SCHEMADIFF_TOOL_PATH
#define SCHEMADIFF_TOOL_PATH "schemadiff"
#endif

namespace {

namespace fs = std::filesystem;
using schemadiff::bench::ProcessResult;
using schemadiff::bench::TimingSummary;

struct Settings {
    std::size_t script_count = 2000;
    std::string tool = SCHEMADIFF_TOOL_PATH;
    std::string directory;  // empty: a new folder under $TMPDIR
    bool keep = false;
    bool once = false;  // every command once (the CTest smoke run)
};

// Wall clock and CPU time of the same runs.
struct Measurement {
    TimingSummary wall;
    TimingSummary cpu;
};

struct Row {
    std::string what;
    Measurement timing;
    std::string goal;  // empty: no goal
    double goal_ms = 0.0;
};

// Runs and checks commands; the first failure is remembered and ends the run.
class Session {
public:
    Session(Settings settings, schemadiff::bench::RevisionProject project)
        : settings_(std::move(settings)), project_(std::move(project)) {}

    // Runs `args` `runs` times; `check` returns an error text for a bad output ("" when fine).
    template <typename Check>
    std::optional<Measurement> time(const std::string& name, std::vector<std::string> args,
                                    std::size_t runs, Check check) {
        args.insert(args.begin(), settings_.tool);
        std::vector<double> walls;
        std::vector<double> cpus;
        for (std::size_t run = 0; run < (settings_.once ? 1 : runs); ++run) {
            const fs::path log = project_.root / fmt::format("stderr-{}.log", slug(name));
            const ProcessResult result = schemadiff::bench::run_timed(args, log);
            if (result.exit_code != 0) {
                return failed(
                    fmt::format("`{}` exited {}: {}", name, result.exit_code, last_line(log)));
            }
            const std::string problem = check(result.out);
            if (!problem.empty()) return failed(fmt::format("`{}`: {}", name, problem));
            walls.push_back(result.wall_ms);
            cpus.push_back(result.cpu_ms);
        }
        return Measurement{schemadiff::bench::summarize(walls), schemadiff::bench::summarize(cpus)};
    }

    [[nodiscard]] const std::string& error() const { return error_; }
    [[nodiscard]] const std::vector<std::string>& ids() const { return project_.revision_ids; }

private:
    static std::string slug(const std::string& name) {
        std::string text;
        for (const char c : name) text += (c == ' ' || c == '-') ? '_' : c;
        return text;
    }

    static std::string last_line(const fs::path& log) {
        std::ifstream in(log);
        std::string line;
        std::string last;
        while (std::getline(in, line)) {
            if (!line.empty()) last = line;
        }
        return last.empty() ? "(nothing on stderr)" : last;
    }

    std::optional<Measurement> failed(std::string message) {
        error_ = std::move(message);
        return std::nullopt;
    }

    Settings settings_;
    schemadiff::bench::RevisionProject project_;
    std::string error_;
};

std::string first_word(const std::string& text) {
    return text.substr(0, text.find_first_of(" \n"));
}

std::size_t line_count(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string make_directory(const std::string& requested) {
    if (!requested.empty()) {
        fs::create_directories(requested);
        if (!fs::is_empty(requested)) throw std::runtime_error(requested + " is not empty");
        return fs::absolute(requested).string();
    }
    const char* tmp = std::getenv("TMPDIR");
    const fs::path base = (tmp != nullptr && *tmp != '\0') ? tmp : "/tmp";
    std::string pattern = (base / "schemadiff-revisions-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("mkdtemp failed in " + base.string());
    return pattern;
}

// Medians decide the goals: on wall clock (what the user waits) and on CPU time (what the
// command costs, whatever else the machine is doing).
std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    std::string five;
    in >> one >> five;
    return in ? fmt::format("{} (1 min), {} (5 min)", one, five) : "unknown";
}

std::string kernel_release() {
    utsname names{};
    return uname(&names) == 0 ? std::string(names.release) : "unknown";
}

double process_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
}

void print_table(const std::vector<Row>& rows) {
    fmt::print(
        "| what | runs | wall median | wall min | wall p95 | CPU median | CPU min | goal "
        "| met (wall / CPU) |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (const Row& row : rows) {
        const Measurement& t = row.timing;
        const auto verdict = [&](double ms) { return ms < row.goal_ms ? "yes" : "NO"; };
        const std::string met = row.goal.empty() ? ""
                                                 : fmt::format("{} / {}", verdict(t.wall.median_ms),
                                                               verdict(t.cpu.median_ms));
        fmt::print("| {} | {} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {:.1f} | {} | {} |\n", row.what,
                   t.wall.runs, t.wall.median_ms, t.wall.min_ms, t.wall.p95_ms, t.cpu.median_ms,
                   t.cpu.min_ms, row.goal, met);
    }
}

Row goal_row(std::string what, const Measurement& timing, double goal_ms, std::string goal) {
    return Row{std::move(what), timing, std::move(goal), goal_ms};
}

// The measurements, in order; returns false (with the session's error) on the first failure.
bool run_all(const Settings& settings, Session& session, std::vector<Row>& rows) {
    const std::string& last = session.ids().back();
    const std::size_t n = session.ids().size();
    const std::string previous = n > 1 ? session.ids()[n - 2] : "<base>";
    const auto none = [](const std::string&) { return std::string(); };
    const auto at_last = [&](const std::string& out) {
        return first_word(out) == last && line_count(out) == 1
                   ? std::string()
                   : fmt::format("expected {}, got '{}'", last, out.substr(0, 80));
    };

    auto version = session.time("--version", {"--version"}, 50, [](const std::string& out) {
        return out.rfind("schemadiff ", 0) == 0 ? std::string() : "no version line";
    });
    if (!version) return false;
    rows.push_back(goal_row("`schemadiff --version` (cold start)", *version, 10.0, "< 10 ms"));

    auto heads = session.time("heads", {"heads"}, 10, at_last);
    if (!heads) return false;
    rows.push_back(goal_row("`heads`", *heads, 100.0, "< 100 ms"));

    auto history = session.time("history", {"history"}, 10, [&](const std::string& out) {
        const std::string expected_start = fmt::format("{} -> {}", previous, last);
        if (line_count(out) != n) return fmt::format("{} lines, expected {}", line_count(out), n);
        return out.rfind(expected_start, 0) == 0 ? std::string() : "newest revision not first";
    });
    if (!history) return false;
    rows.push_back(goal_row("`history`", *history, 100.0, "< 100 ms"));

    std::vector<double> upgrade_walls;
    std::vector<double> upgrade_cpus;
    std::string url;
    for (int attempt = 1; attempt <= (settings.once ? 1 : 3); ++attempt) {
        const std::string file = fmt::format("upgrade-{}.db", attempt);
        fs::remove(file);
        url = "sqlite:///" + file;
        auto upgrade = session.time("upgrade head", {"upgrade", "head", "--url", url}, 1, none);
        if (!upgrade) return false;
        upgrade_walls.push_back(upgrade->wall.median_ms);
        upgrade_cpus.push_back(upgrade->cpu.median_ms);
    }
    const Measurement upgrade{schemadiff::bench::summarize(upgrade_walls),
                              schemadiff::bench::summarize(upgrade_cpus)};
    rows.push_back(goal_row(fmt::format("`upgrade head` ({} scripts, new SQLite file)", n), upgrade,
                            5000.0, "a few s (< 5 s)"));

    auto current = session.time("current", {"current", "--url", url}, 10, at_last);
    if (!current) return false;
    rows.push_back(Row{"`current` (at head)", *current, "", 0.0});

    auto downgrade = session.time("downgrade base", {"downgrade", "base", "--url", url}, 1, none);
    if (!downgrade) return false;
    rows.push_back(Row{fmt::format("`downgrade base` ({} scripts)", n), *downgrade, "", 0.0});

    auto at_base = session.time("current after downgrade", {"current", "--url", url}, 1,
                                [](const std::string& out) {
                                    return out.empty() ? std::string() : "expected no revision";
                                });
    return at_base.has_value();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times the revision commands of the schemadiff binary on a generated project."};
    Settings settings;
    app.add_option("--scripts", settings.script_count, "Revision scripts in the chain")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    app.add_option("--schemadiff", settings.tool, "The schemadiff binary to run")
        ->capture_default_str();
    app.add_option("--dir", settings.directory,
                   "Project folder (must be empty; default: a new "
                   "temporary folder)");
    app.add_flag("--keep", settings.keep, "Keep the project folder afterwards");
    app.add_flag("--once", settings.once, "Run every command once (a correctness smoke run)");
    CLI11_PARSE(app, argc, argv);

    std::string root;
    try {
        settings.tool = fs::absolute(settings.tool).string();
        if (!fs::is_regular_file(settings.tool)) {
            throw std::runtime_error("no schemadiff binary at " + settings.tool);
        }
        root = make_directory(settings.directory);
        const auto project = schemadiff::bench::write_revision_project(root, settings.script_count);
        fs::current_path(root);

        std::vector<double> loads;
        std::vector<double> load_cpus;
        schemadiff::bench::LoadTiming load;
        for (int run = 0; run < (settings.once ? 1 : 5); ++run) {
            const double cpu_before = process_cpu_ms();
            load = schemadiff::bench::load_revisions_timed(project.versions);
            load_cpus.push_back(process_cpu_ms() - cpu_before);
            loads.push_back(load.total_ms());
        }
        if (load.heads != std::vector<std::string>{project.revision_ids.back()}) {
            throw std::runtime_error("the graph's head is not the last revision");
        }
        std::vector<Row> rows;
        rows.push_back(Row{fmt::format("in-process: read + parse {} scripts, build graph, "
                                       "heads + history (last run: {:.1f} + {:.1f} + {:.1f} + "
                                       "{:.1f})",
                                       load.script_count, load.read_ms, load.parse_ms,
                                       load.graph_ms, load.query_ms),
                           Measurement{schemadiff::bench::summarize(loads),
                                       schemadiff::bench::summarize(load_cpus)},
                           "", 0.0});

        fmt::print(
            "Revision workflow benchmark: {} scripts in {}\nbinary: {}\n"
            "{} core(s), Linux {}, load average {}\nTimes in ms.\n\n",
            settings.script_count, root, settings.tool, std::thread::hardware_concurrency(),
            kernel_release(), load_average());
        Session session(settings, project);
        const bool is_ok = run_all(settings, session, rows);
        print_table(rows);
        fmt::print("\nload average at the end: {}\n", load_average());
        if (!is_ok) {
            fmt::print(stderr, "bench_revisions: {} (project kept in {})\n", session.error(), root);
            return 1;
        }
        if (!settings.keep) {
            fs::current_path("/");
            fs::remove_all(root);
        }
        return 0;
    } catch (const std::exception& error) {
        fmt::print(stderr, "bench_revisions: {}{}\n", error.what(),
                   root.empty() ? "" : fmt::format(" (project in {})", root));
        return 1;
    }
}
