// The runner's advisory lock on a real PostgreSQL server: two processes upgrading at once apply
// each script exactly once, a lock held past the timeout is one clear error, and projects with
// different version tables in one database do not wait for each other.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "postgresql_runner_support.hpp"
#include "schemadiff/migrate/runner.hpp"
#include "schemadiff/postgresql/postgresql_connection.hpp"

using namespace schemadiff;
using namespace schemadiff::migrate;
using testing::add_pg;
using testing::pg_heads;
using testing::query;
using testing::Rows;
using testing::RunnerProject;
using testing::ScratchDatabase;

namespace {

constexpr int kScripts = 6;

// Each script sleeps a little so the two runs overlap.
void add_slow_chain(RunnerProject& project) {
    std::string parent;
    for (int i = 0; i < kScripts; ++i) {
        const std::string id = "r" + std::to_string(i);
        const std::string table = "t" + std::to_string(i);
        add_pg(project, id, parent,
               "CREATE TABLE " + table + " (n INTEGER);\nSELECT pg_sleep(0.1);\nINSERT INTO " +
                   table + " SELECT generate_series(1, 1000);\n",
               "DROP TABLE " + table + ";\n");
        parent = id;
    }
}

// In a child process: upgrade head on a connection of its own; the exit status is the number
// of scripts it applied, or 100 on failure. Never returns.
[[noreturn]] void upgrade_in_child(const ScratchDatabase& db, const RevisionGraph& graph) {
    int status = 100;
    try {
        auto connection = db.open();
        RunnerOptions options;
        options.lock_timeout = std::chrono::milliseconds(30000);
        const RunResult result = Runner(*connection, graph, options).upgrade("head");
        status = static_cast<int>(result.revisions.size());
    } catch (...) {
        status = 100;
    }
    ::_exit(status);
}

std::string lock_error(Connection& connection, const RevisionGraph& graph,
                       const std::string& version_table) {
    RunnerOptions options;
    options.version_table = version_table;
    options.lock_timeout = std::chrono::milliseconds(300);
    try {
        Runner(connection, graph, options).upgrade("head");
    } catch (const Error& error) {
        return std::string(error.what());
    }
    return {};
}

}  // namespace

TEST_CASE("on PostgreSQL two processes upgrading at once apply each script exactly once") {
    const auto server = testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    RunnerProject project;
    add_slow_chain(project);
    const RevisionGraph graph = project.graph();

    std::vector<pid_t> children;
    for (int i = 0; i < 2; ++i) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) upgrade_in_child(db, graph);
        children.push_back(pid);
    }
    int applied = 0;
    for (const pid_t pid : children) {
        int status = 0;
        REQUIRE(::waitpid(pid, &status, 0) == pid);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) != 100);
        applied += WEXITSTATUS(status);
    }
    CHECK(applied == kScripts);
    auto observer = db.open();
    CHECK(query(*observer,
                "SELECT count(*), count(DISTINCT revision) FROM "
                "schemadiff_version_history") ==
          Rows{{std::to_string(kScripts), std::to_string(kScripts)}});
    CHECK(pg_heads(*observer) == Rows{{"r" + std::to_string(kScripts - 1)}});
    CHECK(query(*observer, "SELECT count(*) FROM t0") == Rows{{"1000"}});
}

TEST_CASE("on PostgreSQL a migration lock held past the timeout is one clear error") {
    const auto server = testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    RunnerProject project;
    add_slow_chain(project);
    const RevisionGraph graph = project.graph();
    auto holder = db.open();
    holder->acquire_migration_lock(std::chrono::milliseconds(1000));

    auto connection = db.open();
    const std::string message = lock_error(*connection, graph, "schemadiff_version");
    CHECK(message.find("database is locked by another schemadiff run (waited 300 ms)") !=
          std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
    CHECK(pg_heads(*connection).empty());
    CHECK_FALSE(connection->has_table("t0"));
    // The failed wait left the session's lock_timeout as it was.
    CHECK(query(*connection, "SHOW lock_timeout") == Rows{{"0"}});

    holder->release_migration_lock();
    RunnerOptions options;
    const RunResult result = Runner(*connection, graph, options).upgrade("head");
    CHECK(result.revisions.size() == static_cast<std::size_t>(kScripts));
}

TEST_CASE("on PostgreSQL projects with different version tables do not block each other") {
    const auto server = testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    RunnerProject project;
    // Both projects run the same script; each records it in its own version table.
    add_pg(project, "a1", "", "CREATE TABLE IF NOT EXISTS a (n INTEGER);\n",
           "DROP TABLE IF EXISTS a;\n");
    const RevisionGraph graph = project.graph();
    CHECK(postgresql::migration_lock_key("schemadiff_version") !=
          postgresql::migration_lock_key("billing_version"));

    auto holder = db.open();  // a run of the project whose version table is billing_version
    holder->set_migration_lock_name("billing_version");
    holder->acquire_migration_lock(std::chrono::milliseconds(1000));

    auto connection = db.open();
    CHECK(lock_error(*connection, graph, "schemadiff_version") == "");
    CHECK(pg_heads(*connection) == Rows{{"a1"}});
    const std::string blocked = lock_error(*connection, graph, "billing_version");
    CHECK(blocked.find("database is locked by another schemadiff run") != std::string::npos);
    holder->release_migration_lock();
    CHECK(lock_error(*connection, graph, "billing_version") == "");
    CHECK(pg_heads(*connection, "billing_version") == Rows{{"a1"}});
}
