// Runner: two runs upgrading one database at once apply each script exactly once, and a lock
// held past the timeout is a clear error.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "runner_fixture.hpp"
#include "schemadiff/migrate/runner.hpp"

using namespace schemadiff;
using namespace schemadiff::migrate;
using testing::query;
using testing::Rows;
using testing::RunnerProject;

namespace {

constexpr int kScripts = 8;

// Each script does enough work (20,000 rows) for the two runs to overlap.
void add_slow_chain(RunnerProject& project) {
    std::string parent;
    for (int i = 0; i < kScripts; ++i) {
        const std::string id = "r" + std::to_string(i);
        const std::string table = "t" + std::to_string(i);
        project.add(id, parent,
                    "CREATE TABLE " + table + " (n INTEGER);\n" +
                        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c "
                        "WHERE n < 20000)\nINSERT INTO " +
                        table + " SELECT n FROM c;\n",
                    "DROP TABLE " + table + ";\n");
        parent = id;
    }
}

void check_each_applied_once(RunnerProject& project) {
    auto db = project.open();
    CHECK(query(*db,
                "SELECT count(*), count(DISTINCT revision) FROM "
                "schemadiff_version_history") ==
          Rows{{std::to_string(kScripts), std::to_string(kScripts)}});
    CHECK(query(*db, "SELECT version_num FROM schemadiff_version") ==
          Rows{{"r" + std::to_string(kScripts - 1)}});
    CHECK(query(*db, "SELECT count(*) FROM t0") == Rows{{"20000"}});
}

}  // namespace

TEST_CASE("two threads with their own connections upgrading at once apply each script once") {
    RunnerProject project;
    add_slow_chain(project);
    const RevisionGraph graph = project.graph();
    { auto created = project.open(); }  // creates the file

    std::vector<std::string> failures(2);
    std::vector<std::size_t> applied(2);
    auto upgrade = [&](std::size_t i) {
        try {
            auto db = project.open();
            applied[i] = Runner(*db, graph).upgrade("head").revisions.size();
        } catch (const std::exception& error) {
            failures[i] = error.what();
        }
    };
    std::thread first(upgrade, 0);
    std::thread second(upgrade, 1);
    first.join();
    second.join();

    CHECK(failures == std::vector<std::string>{"", ""});
    CHECK(applied[0] + applied[1] == kScripts);
    check_each_applied_once(project);
}

TEST_CASE("two processes upgrading the same file at once apply each script once") {
    RunnerProject project;
    add_slow_chain(project);
    const RevisionGraph graph = project.graph();
    { auto created = project.open(); }

    std::vector<pid_t> children;
    for (int i = 0; i < 2; ++i) {
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            int code = 0;
            try {
                auto db = project.open();
                Runner(*db, graph).upgrade("head");
            } catch (...) {
                code = 1;
            }
            ::_exit(code);
        }
        children.push_back(pid);
    }
    for (const pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    check_each_applied_once(project);
}

TEST_CASE("a lock held by another run past the timeout is a clear error and applies nothing") {
    RunnerProject project;
    add_slow_chain(project);
    const RevisionGraph graph = project.graph();
    auto holder = project.open();
    holder->begin_write();
    auto db = project.open();
    RunnerOptions options;
    options.lock_timeout = std::chrono::milliseconds(200);

    try {
        Runner(*db, graph, options).upgrade("head");
        FAIL("expected the lock to time out");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::Execution);
        CHECK(error.message() == "database is locked by another schemadiff run (waited 200 ms)");
    }
    holder->rollback();
    CHECK(testing::table_names(*db).empty());
}
