// Runner: upgrade and downgrade, one script per step, each step re-reading the version table
// under the write lock (checksums in runner_checksums.cpp, stamp in runner_stamp.cpp).
#include "schemadiff/migrate/runner.hpp"

#include <fmt/format.h>

#include <utility>

#include "runner_support.hpp"
#include "schemadiff/core/error.hpp"
#include "script_execution.hpp"
#include "script_section.hpp"

namespace schemadiff::migrate {

using Clock = std::chrono::steady_clock;

Runner::Runner(Connection& connection, const RevisionGraph& graph, RunnerOptions options)
    : connection_(&connection),
      graph_(&graph),
      options_(std::move(options)),
      store_(connection, options_.version_table) {}

std::vector<std::string> Runner::current_heads() { return store_.heads(); }

std::vector<std::string> Runner::known_heads() {
    std::vector<std::string> heads = store_.heads();
    for (const auto& head : heads) {
        if (graph_->contains(head)) continue;
        throw Error(
            ErrorKind::Revision,
            fmt::format("the database is at revision '{}', which no script in the "
                        "migrations folder defines",
                        head),
            "version table " + store_.sql().version_table() + "; use stamp --purge to reset it");
    }
    return heads;
}

std::vector<std::string> Runner::path_from(MigrationDirection direction,
                                           const std::vector<std::string>& heads,
                                           const std::vector<std::string>& targets) const {
    if (direction == MigrationDirection::Upgrade) return graph_->upgrade_path(heads, targets);
    return graph_->downgrade_path(heads, targets.front());
}

RunResult Runner::upgrade(std::string_view target) {
    detail::MigrationLock lock(*connection_, options_.lock_timeout, options_.version_table);
    const std::vector<std::string> heads = known_heads();
    return run(MigrationDirection::Upgrade, graph_->resolve_targets(target, heads));
}

RunResult Runner::downgrade(std::string_view target) {
    detail::MigrationLock lock(*connection_, options_.lock_timeout, options_.version_table);
    const std::vector<std::string> heads = known_heads();
    return run(MigrationDirection::Downgrade, {graph_->resolve(target, heads)});
}

RunResult Runner::run(MigrationDirection direction, const std::vector<std::string>& targets) {
    RunResult result;
    const std::vector<std::string> planned = path_from(direction, known_heads(), targets);
    const std::size_t total = planned.size();
    if (total > 0) check_checksums();
    // A script the runner cannot run here is refused before anything runs.
    for (const auto& revision : planned) {
        const RevisionScript& script = graph_->get(revision);
        detail::check_dialect(script, connection_->dialect().name());
        static_cast<void>(detail::prepare_section(script, direction));
    }
    Step step;
    step.direction = direction;
    step.total = total;
    while (run_step(targets, step, result) != StepOutcome::Done) {
    }
    result.heads = store_.heads();
    return result;
}

Runner::StepOutcome Runner::run_step(const std::vector<std::string>& targets, Step& step,
                                     RunResult& result) {
    const std::vector<std::string> path = path_from(step.direction, known_heads(), targets);
    if (path.empty()) return StepOutcome::Done;
    step.script = &graph_->get(path.front());
    step.index = result.revisions.size() + 1;
    StepOutcome outcome = StepOutcome::Retry;
    if (!step.script->is_transactional || !connection_->supports_transactional_ddl()) {
        outcome = run_outside_transaction(targets, step);
    } else if (options_.commit_each_script ||
               detail::prepare_section(*step.script, step.direction).turns_foreign_keys_off) {
        outcome = run_in_transaction(targets, step);
    } else {
        return run_shared(targets, step, result);
    }
    if (outcome == StepOutcome::Applied) result.revisions.push_back(step.script->revision);
    return outcome;
}

Runner::StepOutcome Runner::run_shared(const std::vector<std::string>& targets, Step& step,
                                       RunResult& result) {
    detail::WriteTransaction transaction(*connection_);
    std::size_t kept = 0;
    StepOutcome outcome = StepOutcome::Retry;
    while (true) {
        // Re-read under the lock: another run may have applied scripts meanwhile.
        step.heads_before = known_heads();
        const std::vector<std::string> path = path_from(step.direction, step.heads_before, targets);
        if (path.empty()) {
            outcome = StepOutcome::Done;
            break;
        }
        const RevisionScript& script = graph_->get(path.front());
        const detail::ScriptSection section = detail::prepare_section(script, step.direction);
        if (!script.is_transactional || section.turns_foreign_keys_off) break;
        step.script = &script;
        step.index = result.revisions.size() + 1;
        step.heads_after =
            detail::heads_after(*graph_, step.direction, step.heads_before, script.revision);
        report(ScriptProgress::Stage::Starting, step, {});
        const auto start = Clock::now();
        connection_->execute("SAVEPOINT schemadiff_script");
        try {
            detail::execute_section(*connection_, script, section, true);
            const auto duration = detail::elapsed_ms(start);
            record(step, duration, note_);
            connection_->execute("RELEASE SAVEPOINT schemadiff_script");
            report(ScriptProgress::Stage::Finished, step, duration);
        } catch (const Error& error) {
            keep_before_failure(transaction, error, kept);
        }
        result.revisions.push_back(script.revision);
        ++kept;
    }
    transaction.commit();
    return outcome;
}

void Runner::keep_before_failure(detail::WriteTransaction& transaction, const Error& error,
                                 std::size_t kept) {
    try {
        connection_->execute("ROLLBACK TO SAVEPOINT schemadiff_script");
        connection_->execute("RELEASE SAVEPOINT schemadiff_script");
        transaction.commit();
    } catch (const Error&) {
        if (kept == 0) throw error;
        throw Error(error.kind(),
                    fmt::format("{}; the database ended the run's transaction, so the {} "
                                "script(s) applied before it in this run were rolled back too",
                                error.message(), kept),
                    error.context(), error.sqlstate());
    }
    throw error;
}

Runner::StepOutcome Runner::run_in_transaction(const std::vector<std::string>& targets,
                                               Step& step) {
    const RevisionScript& script = *step.script;
    const detail::ScriptSection section = detail::prepare_section(script, step.direction);
    // Switched before BEGIN: inside a transaction SQLite ignores the pragma.
    detail::ForeignKeysOff foreign_keys(*connection_, section.turns_foreign_keys_off);
    detail::WriteTransaction transaction(*connection_);
    // Re-read under the lock: another run may have applied this script meanwhile.
    step.heads_before = known_heads();
    const std::vector<std::string> path = path_from(step.direction, step.heads_before, targets);
    if (path.empty() || path.front() != script.revision) {
        transaction.rollback();
        return path.empty() ? StepOutcome::Done : StepOutcome::Retry;
    }
    step.heads_after =
        detail::heads_after(*graph_, step.direction, step.heads_before, script.revision);
    report(ScriptProgress::Stage::Starting, step, {});
    const auto start = Clock::now();
    detail::execute_section(*connection_, script, section, true);
    if (section.turns_foreign_keys_off) detail::check_foreign_keys(*connection_, script);
    const auto duration = detail::elapsed_ms(start);
    record(step, duration, note_);
    transaction.commit();
    foreign_keys.restore();
    report(ScriptProgress::Stage::Finished, step, duration);
    return StepOutcome::Applied;
}

namespace {

// Whether the section runs in a transaction of its own (its first statement is BEGIN or START
// TRANSACTION) although the script runs outside the runner's.
bool opens_own_transaction(const detail::ScriptSection& section) {
    return !section.statements.empty() &&
           section.statements.front().role == detail::StatementRole::BeginTransaction;
}

}  // namespace

// RISK (see runner.hpp): nothing holds the lock while the statements run, and a failure leaves
// the statements before it applied.
Runner::StepOutcome Runner::run_outside_transaction(const std::vector<std::string>& targets,
                                                    Step& step) {
    const RevisionScript& script = *step.script;
    const detail::ScriptSection section = detail::prepare_section(script, step.direction);
    step.heads_before = known_heads();
    step.heads_after =
        detail::heads_after(*graph_, step.direction, step.heads_before, script.revision);
    report(ScriptProgress::Stage::Starting, step, {});
    const auto start = Clock::now();
    try {
        detail::execute_section(*connection_, script, section, false);
    } catch (const Error& error) {
        if (opens_own_transaction(section)) {
            // A section wrapped in its own BEGIN ... COMMIT (an enum-values downgrade): the
            // failure left that block open and aborted; closing it undoes the whole section.
            try {
                connection_->rollback();
            } catch (const Error&) {
                // Already closed (the failing statement was the COMMIT): nothing to undo.
            }
            throw Error(error.kind(),
                        error.message() +
                            "; the script's own transaction was rolled back, so nothing of it "
                            "stays applied and the version table is unchanged",
                        error.context(), error.sqlstate());
        }
        throw Error(error.kind(),
                    error.message() +
                        "; it ran outside a transaction, so the statements before this one "
                        "stay applied and the version table is unchanged",
                    error.context(), error.sqlstate());
    }
    const auto duration = detail::elapsed_ms(start);
    detail::WriteTransaction transaction(*connection_);
    const std::vector<std::string> now = known_heads();
    if (path_from(step.direction, now, targets).empty()) {
        transaction.rollback();  // another run recorded it meanwhile
        return StepOutcome::Done;
    }
    step.heads_before = now;
    step.heads_after = detail::heads_after(*graph_, step.direction, now, script.revision);
    const std::string note =
        note_.empty() ? "ran outside a transaction" : note_ + "; ran outside a transaction";
    record(step, duration, note);
    transaction.commit();
    report(ScriptProgress::Stage::Finished, step, duration);
    return StepOutcome::Applied;
}

void Runner::record(const Step& step, std::chrono::milliseconds duration, const std::string& note) {
    store_.create_tables();
    store_.move_heads(step.heads_before, step.heads_after);
    HistoryEntry entry;
    entry.revision = step.script->revision;
    entry.direction = step.direction;
    entry.checksum = checksum_of(*step.script);
    entry.applied_at = detail::utc_now_iso8601();
    entry.duration_ms = duration.count();
    entry.message = step.script->message;
    entry.note = note;
    store_.add_history(entry);
}

void Runner::report(ScriptProgress::Stage stage, const Step& step,
                    std::chrono::milliseconds duration) const {
    if (!options_.on_progress) return;
    ScriptProgress progress;
    progress.stage = stage;
    progress.index = step.index;
    progress.total = std::max(step.total, step.index);
    progress.direction = step.direction;
    progress.script = step.script;
    progress.duration = duration;
    options_.on_progress(progress);
}

}  // namespace schemadiff::migrate
