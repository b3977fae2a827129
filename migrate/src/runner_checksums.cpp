// Runner: the checksum of each script file, and the check that no applied script changed.
#include <fmt/format.h>

#include <set>

#include "runner_support.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"
#include "schemadiff/migrate/runner.hpp"
#include "script_execution.hpp"

namespace schemadiff::migrate {

namespace {

constexpr std::size_t kShortChecksum = 12;

std::string short_checksum(const std::string& checksum) {
    return checksum.substr(0, kShortChecksum);
}

}  // namespace

std::string Runner::checksum_of(const RevisionScript& script) {
    const auto found = checksums_.find(script.revision);
    if (found != checksums_.end()) return found->second;
    return checksums_.emplace(script.revision, script_checksum(script)).first->second;
}

std::vector<ChangedScript> Runner::changed_scripts() {
    std::set<std::string> applied;
    for (const auto& head : known_heads()) {
        applied.insert(head);
        for (auto& ancestor : graph_->ancestors(head)) applied.insert(std::move(ancestor));
    }
    // The latest checksum recorded for each revision by an upgrade or a stamp.
    std::map<std::string, std::string, std::less<>> recorded;
    for (auto& entry : store_.history()) {
        if (entry.direction == MigrationDirection::Downgrade || entry.checksum.empty()) continue;
        recorded[entry.revision] = std::move(entry.checksum);
    }
    std::vector<ChangedScript> out;
    for (const auto& revision : applied) {
        const auto found = recorded.find(revision);
        if (found == recorded.end()) continue;
        const RevisionScript& script = graph_->get(revision);
        std::string current = checksum_of(script);
        if (current == found->second) continue;
        out.push_back({revision, detail::script_name(script), found->second, std::move(current)});
    }
    return out;
}

void Runner::check_checksums() {
    const std::vector<ChangedScript> changed = changed_scripts();
    if (changed.empty()) return;
    if (!options_.ignore_checksums) {
        const ChangedScript& first = changed.front();
        std::string message = fmt::format(
            "script {} was changed after it was applied (checksum {} recorded, {} now)", first.path,
            short_checksum(first.recorded_checksum), short_checksum(first.current_checksum));
        if (changed.size() > 1) {
            message += fmt::format("; {} more changed script(s)", changed.size() - 1);
        }
        throw Error(ErrorKind::Revision, message,
                    "restore the applied text, or pass --ignore-checksums to run anyway");
    }
    std::vector<std::string> names;
    for (const auto& script : changed) {
        names.push_back(fmt::format("{} (recorded {}, now {})", script.path,
                                    short_checksum(script.recorded_checksum),
                                    short_checksum(script.current_checksum)));
    }
    note_ = "checksum ignored for changed script(s): " + text::join(names, ", ");
}

}  // namespace schemadiff::migrate
