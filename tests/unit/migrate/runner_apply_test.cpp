// Runner: applying and reverting scripts on a real SQLite file, the version table and the
// history it keeps, progress reports, and reads that never create anything.
#include <doctest/doctest.h>

#include <regex>

#include "runner_fixture.hpp"
#include "schemadiff/migrate/runner.hpp"

using namespace schemadiff;
using namespace schemadiff::migrate;
using testing::query;
using testing::Rows;
using testing::RunnerProject;

namespace {

// users, then two rows and an "order" table, then an email column.
void add_three(RunnerProject& project) {
    project.add("a1", "", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n",
                "DROP TABLE users;\n");
    project.add("b2", "a1",
                "INSERT INTO users (id, name) VALUES (1, 'ann'), (2, 'bo');\n"
                "CREATE TABLE \"order\" (id INTEGER PRIMARY KEY, \"user id\" INTEGER);\n",
                "DROP TABLE \"order\";\nDELETE FROM users;\n");
    project.add("c3", "b2",
                "ALTER TABLE users ADD COLUMN email TEXT;\n"
                "UPDATE users SET email = name || '@example.com';\n",
                "ALTER TABLE users DROP COLUMN email;\n");
}

const std::string kHistory =
    "SELECT revision, direction, message, note FROM schemadiff_version_history ORDER BY id";

}  // namespace

TEST_CASE("upgrade head applies every script in order and records the head and the history") {
    RunnerProject project;
    add_three(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    const RunResult result = runner.upgrade("head");

    CHECK(result.revisions == std::vector<std::string>{"a1", "b2", "c3"});
    CHECK(result.heads == std::vector<std::string>{"c3"});
    CHECK(query(*db, "SELECT id, name, email FROM users ORDER BY id") ==
          Rows{{"1", "ann", "ann@example.com"}, {"2", "bo", "bo@example.com"}});
    CHECK(query(*db, "SELECT version_num FROM schemadiff_version") == Rows{{"c3"}});
    CHECK(query(*db, kHistory) == Rows{{"a1", "upgrade", "revision a1", "NULL"},
                                       {"b2", "upgrade", "revision b2", "NULL"},
                                       {"c3", "upgrade", "revision c3", "NULL"}});
}

TEST_CASE("each history row holds the file's SHA-256, a UTC ISO-8601 time and a duration") {
    RunnerProject project;
    add_three(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner(*db, graph).upgrade("a1");

    const Rows rows = query(*db,
                            "SELECT checksum, applied_at, duration_ms FROM "
                            "schemadiff_version_history");
    REQUIRE(rows.size() == 1);
    const std::regex hex64("[0-9a-f]{64}");
    const std::regex iso("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    CHECK(std::regex_match(rows[0][0], hex64));
    CHECK(std::regex_match(rows[0][1], iso));
    CHECK(std::regex_match(rows[0][2], std::regex("\\d+")));
    CHECK(Runner(*db, graph).changed_scripts().empty());
}

TEST_CASE("upgrading a database already at head applies nothing and writes no history") {
    RunnerProject project;
    add_three(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.upgrade("head");

    const RunResult again = runner.upgrade("head");

    CHECK(again.revisions.empty());
    CHECK(again.heads == std::vector<std::string>{"c3"});
    CHECK(query(*db, kHistory).size() == 3);
}

TEST_CASE("progress reports each script starting and finishing as n of m") {
    RunnerProject project;
    add_three(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    std::vector<std::string> events;
    RunnerOptions options;
    options.on_progress = [&events](const ScriptProgress& p) {
        const bool starting = p.stage == ScriptProgress::Stage::Starting;
        events.push_back((starting ? "start " : "done ") + std::to_string(p.index) + "/" +
                         std::to_string(p.total) + " " + p.script->revision + " " +
                         std::string(to_string(p.direction)));
    };
    Runner runner(*db, graph, options);
    runner.upgrade("b2");
    runner.downgrade("base");

    CHECK(events == std::vector<std::string>{"start 1/2 a1 upgrade", "done 1/2 a1 upgrade",
                                             "start 2/2 b2 upgrade", "done 2/2 b2 upgrade",
                                             "start 1/2 b2 downgrade", "done 1/2 b2 downgrade",
                                             "start 2/2 a1 downgrade", "done 2/2 a1 downgrade"});
}

TEST_CASE("downgrade -1 reverts only the newest script") {
    RunnerProject project;
    add_three(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.upgrade("head");

    const RunResult result = runner.downgrade("-1");

    CHECK(result.revisions == std::vector<std::string>{"c3"});
    CHECK(runner.current_heads() == std::vector<std::string>{"b2"});
    CHECK(query(*db, "SELECT * FROM users ORDER BY id") == Rows{{"1", "ann"}, {"2", "bo"}});
    CHECK(query(*db, kHistory).back() ==
          std::vector<std::string>{"c3", "downgrade", "revision c3", "NULL"});
}

TEST_CASE("downgrade to base reverts everything and removes the version rows") {
    RunnerProject project;
    add_three(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.upgrade("head");

    const RunResult result = runner.downgrade("base");

    CHECK(result.revisions == std::vector<std::string>{"c3", "b2", "a1"});
    CHECK(result.heads.empty());
    CHECK(query(*db, "SELECT count(*) FROM schemadiff_version") == Rows{{"0"}});
    CHECK(testing::table_names(*db) ==
          std::vector<std::string>{"schemadiff_version", "schemadiff_version_history"});
    CHECK(query(*db, kHistory).size() == 6);
}

TEST_CASE("reading the current revision of a database without a version table creates nothing") {
    RunnerProject project;
    add_three(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    db->execute("CREATE TABLE app (id INTEGER)");
    Runner runner(*db, graph);

    CHECK(runner.current_heads().empty());
    CHECK(runner.changed_scripts().empty());
    CHECK(testing::table_names(*db) == std::vector<std::string>{"app"});
}

TEST_CASE("a version table named with spaces, quotes and mixed case works end to end") {
    RunnerProject project;
    add_three(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    RunnerOptions options;
    options.version_table = "Order \"Versions\" é";
    Runner runner(*db, graph, options);

    runner.upgrade("head");
    runner.downgrade("a1");

    CHECK(runner.current_heads() == std::vector<std::string>{"a1"});
    CHECK(query(*db, "SELECT version_num FROM \"Order \"\"Versions\"\" é\"") == Rows{{"a1"}});
    CHECK(query(*db, "SELECT count(*) FROM \"Order \"\"Versions\"\" é_history\"") == Rows{{"5"}});
}

TEST_CASE("upgrading to heads applies both branches and keeps one row per head") {
    RunnerProject project;
    project.add("a1", "", "CREATE TABLE t (id INTEGER);\n", "DROP TABLE t;\n");
    project.add("b1", "a1", "CREATE TABLE b (id INTEGER);\n", "DROP TABLE b;\n");
    project.add("c1", "a1", "CREATE TABLE c (id INTEGER);\n", "DROP TABLE c;\n");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    runner.upgrade("heads");
    CHECK(query(*db, "SELECT version_num FROM schemadiff_version ORDER BY 1") ==
          Rows{{"b1"}, {"c1"}});

    // Downgrading to a revision reverts what was applied on top of it, on every branch.
    CHECK(runner.downgrade("a1").revisions.size() == 2);
    CHECK(runner.current_heads() == std::vector<std::string>{"a1"});
    CHECK(testing::table_names(*db) ==
          std::vector<std::string>{"schemadiff_version", "schemadiff_version_history", "t"});
}

TEST_CASE("a database at a revision the migrations folder does not know is refused") {
    RunnerProject project;
    add_three(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.upgrade("a1");
    db->execute("UPDATE schemadiff_version SET version_num = 'ffff'");

    CHECK(runner.current_heads() == std::vector<std::string>{"ffff"});
    try {
        runner.upgrade("head");
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::Revision);
        CHECK(std::string(error.message()).find("'ffff'") != std::string::npos);
    }
}
