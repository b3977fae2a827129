// Runner — applies and reverts revision scripts on a live database and keeps its version table
// and history (version_store.hpp) in step.
//
// Atomicity: where the database has transactional DDL (SQLite, PostgreSQL), each script is
// atomic together with its version-table update and its history row; a failing statement rolls
// all of it back and throws Error(Execution) naming the script file, the statement's line in it
// and the database's message. Scripts before it stay applied.
//
// Commits: consecutive scripts share one write transaction, each inside its own SAVEPOINT, and
// the run commits once (a failure rolls back to the failing script's savepoint and commits the
// ones before it). One commit costs a few fsyncs — 20 ms on a disk — so 2,000 scripts take
// seconds instead of minutes. A script that switches foreign keys off or runs outside a
// transaction ends the shared transaction and gets its own. `commit_each_script` commits after
// every script instead (Alembic's transaction_per_migration): slower, but a crash mid-run keeps
// every script finished before it. Either way a run interrupted by a crash leaves the database
// at a revision the version table names correctly.
//
// Concurrency: each step takes the write lock (Connection::begin_write; SQLite: BEGIN
// IMMEDIATE, waiting at most `lock_timeout`) and re-reads the version table inside the
// transaction before applying; what another run applied meanwhile is skipped. So two processes
// running `upgrade head` at once apply each script exactly once. Where the database has a session
// lock (PostgreSQL's advisory lock) the whole run holds it, named after `version_table`, so
// projects with different version tables in one database do not wait for each other.
//
// PostgreSQL: a failed statement aborts the whole transaction; the runner's ROLLBACK TO SAVEPOINT
// recovers it, so the scripts before the failing one still commit.
//
// Foreign keys: a script that turns foreign keys off (SQLite rebuilds: `PRAGMA
// foreign_keys=OFF` before the body) gets them switched off BEFORE its transaction (inside one
// the pragma does nothing); its own switch lines are skipped, every `PRAGMA foreign_key_check`
// in it fails the script when it reports rows, the check runs again before COMMIT, and the
// previous setting is restored afterwards.
//
// `-- Transactional: false` scripts (for statements a transaction cannot hold, like VACUUM or
// CREATE INDEX CONCURRENTLY) run statement by statement, then the version update commits on its
// own. RISK: a failure midway leaves the statements before it applied and the version table
// unchanged, and on SQLite another run is not locked out while such a script runs. Keep such
// scripts to one statement each.
//
// Checksums: before anything runs, the recorded checksum of every applied revision is compared
// with its file; a changed file is Error(Revision) unless `ignore_checksums` (then every history
// row of the run carries a note naming the changed scripts).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/migrate/revision_graph.hpp"
#include "schemadiff/migrate/version_store.hpp"

namespace schemadiff::migrate {

namespace detail {
class WriteTransaction;
}

// One script starting or finishing, for the CLI to print on stderr.
struct ScriptProgress {
    enum class Stage { Starting, Finished };
    Stage stage = Stage::Starting;
    std::size_t index = 0;  // 1-based
    std::size_t total = 0;  // scripts planned when the run started
    MigrationDirection direction = MigrationDirection::Upgrade;
    const RevisionScript* script = nullptr;
    std::chrono::milliseconds duration{0};  // Finished only
};

struct RunnerOptions {
    std::string version_table = "schemadiff_version";
    bool ignore_checksums = false;
    // How long to wait for another run's lock before failing.
    std::chrono::milliseconds lock_timeout{5000};
    // Commit after every script instead of once per run (see "Commits" above).
    bool commit_each_script = false;
    std::function<void(const ScriptProgress&)> on_progress;
};

struct RunResult {
    std::vector<std::string> revisions;  // applied or reverted by this run, in order
    std::vector<std::string> heads;      // the version table afterwards, sorted
};

// An applied revision whose script file changed after it was applied.
struct ChangedScript {
    std::string revision;
    std::string path;
    std::string recorded_checksum;
    std::string current_checksum;
};

// SHA-256 (lower-case hex) of a script's file as it is now, what the history records; of its
// rendered text when it has no file. Error(Io) when the file cannot be read.
[[nodiscard]] std::string script_checksum(const RevisionScript& script);

class Runner {
public:
    // `connection` and `graph` must outlive the runner.
    Runner(Connection& connection, const RevisionGraph& graph, RunnerOptions options = {});

    // The database's current heads, sorted (empty: base). Read-only: never creates a table.
    [[nodiscard]] std::vector<std::string> current_heads();
    // Applied revisions whose file no longer matches the checksum the history recorded.
    [[nodiscard]] std::vector<ChangedScript> changed_scripts();

    // `target` is any identifier RevisionGraph accepts ("head", "heads", "+1", an id, ...).
    RunResult upgrade(std::string_view target);
    // `target` resolves to one revision or base ("-1", "base", an id).
    RunResult downgrade(std::string_view target);
    // Sets the version table to `target` without running scripts. Heads on the target's
    // lines are replaced, other branches kept; `purge` empties the table first (also needed
    // when it holds revisions the migrations folder does not know).
    RunResult stamp(std::string_view target, bool purge = false);

private:
    // One script being applied or reverted.
    struct Step {
        MigrationDirection direction = MigrationDirection::Upgrade;
        const RevisionScript* script = nullptr;
        std::vector<std::string> heads_before;
        std::vector<std::string> heads_after;
        std::size_t index = 0;
        std::size_t total = 0;
    };
    enum class StepOutcome { Done, Applied, Retry };
    // Applied scripts are appended to `result.revisions`.
    StepOutcome run_step(const std::vector<std::string>& targets, Step& step, RunResult& result);
    // Scripts that can share the transaction, one savepoint each, until the path ends or
    // reaches one that cannot.
    StepOutcome run_shared(const std::vector<std::string>& targets, Step& step, RunResult& result);
    // Commits what ran before the failing script of a shared transaction, then rethrows.
    [[noreturn]] void keep_before_failure(detail::WriteTransaction& transaction, const Error& error,
                                          std::size_t kept);

    // The current heads, each checked to be a revision of the graph.
    [[nodiscard]] std::vector<std::string> known_heads();
    [[nodiscard]] std::vector<std::string> path_from(MigrationDirection direction,
                                                     const std::vector<std::string>& heads,
                                                     const std::vector<std::string>& targets) const;
    [[nodiscard]] std::string checksum_of(const RevisionScript& script);
    void check_checksums();
    RunResult run(MigrationDirection direction, const std::vector<std::string>& targets);
    StepOutcome run_in_transaction(const std::vector<std::string>& targets, Step& step);
    StepOutcome run_outside_transaction(const std::vector<std::string>& targets, Step& step);
    // Inside the caller's write transaction: the version-table change and the history row.
    void record(const Step& step, std::chrono::milliseconds duration, const std::string& note);
    void report(ScriptProgress::Stage stage, const Step& step,
                std::chrono::milliseconds duration) const;

    Connection* connection_;
    const RevisionGraph* graph_;
    RunnerOptions options_;
    VersionStore store_;
    std::map<std::string, std::string, std::less<>> checksums_;  // by revision
    std::string note_;  // for every history row of the current run (ignored checksums)
};

}  // namespace schemadiff::migrate
