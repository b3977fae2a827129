// Runner::stamp: the version table set to a revision without running any script.
#include <algorithm>
#include <iterator>

#include "runner_support.hpp"
#include "schemadiff/migrate/runner.hpp"

namespace schemadiff::migrate {

namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Alembic's stamp: heads on a target's line (the target itself, its ancestors and its
// descendants) give way to the target; heads of other branches stay. Stamping base clears all.
std::vector<std::string> stamped_heads(const RevisionGraph& graph,
                                       const std::vector<std::string>& heads,
                                       const std::vector<std::string>& targets) {
    std::vector<std::string> wanted;
    for (const auto& target : targets) {
        if (!target.empty()) wanted.push_back(target);
    }
    if (wanted.empty()) return {};
    std::vector<std::string> out;
    for (const auto& head : heads) {
        const std::vector<std::string> head_ancestors = graph.ancestors(head);
        const bool on_a_line = std::any_of(wanted.begin(), wanted.end(), [&](const auto& t) {
            return t == head || contains(head_ancestors, t) || contains(graph.ancestors(t), head);
        });
        if (!on_a_line) out.push_back(head);
    }
    out.insert(out.end(), wanted.begin(), wanted.end());
    // A head that another head descends from is not a head.
    std::vector<std::string> reduced;
    for (const auto& head : out) {
        const bool is_below = std::any_of(out.begin(), out.end(), [&](const auto& other) {
            return other != head && contains(graph.ancestors(other), head);
        });
        if (!is_below && !contains(reduced, head)) reduced.push_back(head);
    }
    std::sort(reduced.begin(), reduced.end());
    return reduced;
}

}  // namespace

RunResult Runner::stamp(std::string_view target, bool purge) {
    detail::MigrationLock lock(*connection_, options_.lock_timeout, options_.version_table);
    detail::WriteTransaction transaction(*connection_);
    const std::vector<std::string> heads = purge ? store_.heads() : known_heads();
    std::vector<std::string> known;
    std::copy_if(heads.begin(), heads.end(), std::back_inserter(known),
                 [this](const std::string& head) { return graph_->contains(head); });
    const std::vector<std::string> targets = graph_->resolve_targets(target, known);
    const std::vector<std::string> after =
        stamped_heads(*graph_, purge ? std::vector<std::string>{} : heads, targets);

    store_.create_tables();
    if (purge) {
        store_.delete_all_heads();
        store_.move_heads({}, after);
    } else {
        store_.move_heads(heads, after);
    }
    RunResult result;
    for (const auto& revision : targets) {
        HistoryEntry entry;
        entry.revision = revision;
        entry.direction = MigrationDirection::Stamp;
        entry.applied_at = detail::utc_now_iso8601();
        entry.note = purge ? "purged the version table first" : "";
        if (!revision.empty()) {
            const RevisionScript& script = graph_->get(revision);
            entry.checksum = checksum_of(script);
            entry.message = script.message;
            result.revisions.push_back(revision);
        } else {
            entry.message = "base";
        }
        store_.add_history(entry);
    }
    transaction.commit();
    result.heads = after;
    return result;
}

}  // namespace schemadiff::migrate
