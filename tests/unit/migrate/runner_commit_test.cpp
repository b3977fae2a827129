// Runner: when a run commits — once for consecutive scripts (a savepoint each), or after every
// script with commit_each_script — observed from a second connection to the same file.
#include <doctest/doctest.h>

#include "runner_fixture.hpp"
#include "schemadiff/migrate/runner.hpp"

using namespace schemadiff;
using namespace schemadiff::migrate;
using testing::query;
using testing::Rows;
using testing::RunnerProject;

namespace {

void add_chain(RunnerProject& project) {
    project.add("a1", "", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n",
                "DROP TABLE users;\n");
    project.add("b2", "a1", "INSERT INTO users (name) VALUES ('ann');\n", "DELETE FROM users;\n");
    project.add("c3", "b2", "ALTER TABLE users ADD COLUMN email TEXT;\n",
                "ALTER TABLE users DROP COLUMN email;\n");
}

// What another connection sees in the version table once `revision` has finished.
std::vector<std::string> seen_after(RunnerProject& project, const RevisionGraph& graph,
                                    RunnerOptions options, const std::string& revision) {
    std::vector<std::string> seen;
    auto observer = project.open();
    options.on_progress = [&](const ScriptProgress& progress) {
        if (progress.stage != ScriptProgress::Stage::Finished) return;
        if (progress.script->revision != revision) return;
        if (!observer->has_table("schemadiff_version")) return;
        for (const auto& row : query(*observer, "SELECT version_num FROM schemadiff_version")) {
            seen.push_back(row.front());
        }
    };
    auto db = project.open();
    Runner runner(*db, graph, options);
    runner.upgrade("head");
    return seen;
}

}  // namespace

TEST_CASE("consecutive scripts commit once, at the end of the run") {
    RunnerProject project;
    add_chain(project);
    const RevisionGraph graph = project.graph();

    CHECK(seen_after(project, graph, {}, "b2").empty());

    auto observer = project.open();
    CHECK(query(*observer, "SELECT version_num FROM schemadiff_version") == Rows{{"c3"}});
    CHECK(query(*observer, "SELECT revision FROM schemadiff_version_history ORDER BY id") ==
          Rows{{"a1"}, {"b2"}, {"c3"}});
}

TEST_CASE("commit_each_script makes every finished script visible to other connections") {
    RunnerProject project;
    add_chain(project);
    const RevisionGraph graph = project.graph();
    RunnerOptions options;
    options.commit_each_script = true;

    CHECK(seen_after(project, graph, options, "b2") == std::vector<std::string>{"b2"});
}

TEST_CASE("the scripts before a failing one are committed, not just visible to the run") {
    RunnerProject project;
    add_chain(project);
    project.add("d4", "c3",
                "INSERT INTO users (name) VALUES ('bo');\nINSERT INTO nowhere VALUES (1);\n",
                "DELETE FROM users WHERE name = 'bo';\n");
    const RevisionGraph graph = project.graph();
    {
        auto db = project.open();
        Runner runner(*db, graph);
        CHECK_THROWS_AS(runner.upgrade("head"), Error);
    }
    auto observer = project.open();
    CHECK(query(*observer, "SELECT version_num FROM schemadiff_version") == Rows{{"c3"}});
    CHECK(query(*observer, "SELECT name FROM users ORDER BY id") == Rows{{"ann"}});
    CHECK(query(*observer, "SELECT count(*) FROM schemadiff_version_history") == Rows{{"3"}});
}

TEST_CASE("a script that switches foreign keys off ends the shared transaction and runs alone") {
    RunnerProject project;
    add_chain(project);
    project.add("d4", "c3",
                "PRAGMA foreign_keys=OFF;\nCREATE TABLE posts (id INTEGER PRIMARY KEY, user_id "
                "INTEGER REFERENCES users (id));\nPRAGMA foreign_keys=ON;\n",
                "DROP TABLE posts;\n");
    project.add("e5", "d4", "INSERT INTO posts (user_id) VALUES (1);\n", "DELETE FROM posts;\n");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    const RunResult result = runner.upgrade("head");

    CHECK(result.revisions == std::vector<std::string>{"a1", "b2", "c3", "d4", "e5"});
    CHECK(result.heads == std::vector<std::string>{"e5"});
    CHECK(query(*db, "SELECT user_id FROM posts") == Rows{{"1"}});
    CHECK(query(*db, "PRAGMA foreign_keys") == Rows{{"1"}});
}
