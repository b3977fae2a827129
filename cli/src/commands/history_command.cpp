// `schemadiff history [-r A:B] [--verbose]` — revisions newest first, optionally only those
// after A (inclusive) up to B (inclusive); either end may be left out ("A:", ":B").
#include <fmt/format.h>

#include <CLI/App.hpp>
#include <algorithm>
#include <memory>
#include <ostream>
#include <set>

#include "commands.hpp"
#include "errors.hpp"
#include "project.hpp"
#include "revision_text.hpp"

namespace schemadiff::cli {

namespace {

struct HistoryArguments {
    ProjectOptions project;
    std::string range;
    bool verbose = false;
};

// The ids `end` resolves to with their ancestors ("" or "heads": everything).
std::set<std::string> up_to(const migrate::RevisionGraph& graph, const std::string& end,
                            const std::vector<std::string>& current) {
    std::set<std::string> ids;
    const std::vector<std::string> targets =
        end.empty() ? graph.heads() : graph.resolve_targets(end, current);
    for (const std::string& id : targets) {
        if (id.empty()) continue;
        ids.insert(id);
        for (const std::string& ancestor : graph.ancestors(id)) ids.insert(ancestor);
    }
    return ids;
}

std::vector<std::string> current_if_needed(const Config& config, const std::string& range) {
    if (range.find("current") == std::string::npos && range.find('+') == std::string::npos &&
        range.find('-') == std::string::npos) {
        return {};
    }
    const auto connection = open_project_database(config, drivers::Access::ReadOnly);
    return current_heads(connection.get(), config);
}

int run_history(const HistoryArguments& args, const Streams& streams) {
    const Config config = load_project_config(args.project);
    const migrate::RevisionGraph graph = load_graph(config);
    std::vector<std::string> ids = graph.history();
    if (!args.range.empty()) {
        const std::size_t colon = args.range.find(':');
        if (colon == std::string::npos) {
            throw usage_error(fmt::format("bad range '{}'", args.range),
                              "use -r A:B, -r A: or -r :B (e.g. -r base:head)");
        }
        std::vector<std::string> current = current_if_needed(config, args.range);
        auto word = [&](std::string text) {
            if (text == "current") return current.empty() ? std::string("base") : current.front();
            return text;
        };
        const std::string from = word(args.range.substr(0, colon));
        const std::string to = word(args.range.substr(colon + 1));
        const std::set<std::string> upper = up_to(graph, to == "base" ? "" : to, current);
        std::set<std::string> below;
        if (!from.empty() && from != "base") {
            const std::string start = graph.resolve(from, current);
            if (!start.empty()) {
                for (const std::string& ancestor : graph.ancestors(start)) below.insert(ancestor);
            }
        }
        std::erase_if(ids, [&](const std::string& id) {
            return (to == "base") || !upper.contains(id) || below.contains(id);
        });
    }
    for (const std::string& id : ids) {
        streams.out << (args.verbose ? revision_details(graph, id) + "\n"
                                     : history_line(graph, id) + "\n");
    }
    return 0;
}

}  // namespace

CommandAction setup_history_command(CLI::App& command) {
    auto args = std::make_shared<HistoryArguments>();
    command.add_option("-r,--rev-range", args->range, "Only revisions in A:B (inclusive)")
        ->type_name("A:B");
    command.add_flag("-v,--verbose", args->verbose, "Show each revision's details");
    add_project_options(command, args->project);
    return [args](const Streams& streams) { return run_history(*args, streams); };
}

}  // namespace schemadiff::cli
