// Runner: a failing script leaves the database exactly as before it, with an error naming the
// script, the statement's line and SQLite's message; transaction control in scripts.
#include <doctest/doctest.h>

#include "runner_fixture.hpp"
#include "schemadiff/migrate/runner.hpp"

using namespace schemadiff;
using namespace schemadiff::migrate;
using testing::query;
using testing::Rows;
using testing::RunnerProject;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void add_two_good(RunnerProject& project) {
    project.add("a1", "", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n",
                "DROP TABLE users;\n");
    project.add("b2", "a1", "INSERT INTO users (name) VALUES ('ann'), ('bo');\n",
                "DELETE FROM users;\n");
}

// Three statements; the third names a table that does not exist. File lines: the header is
// 5 lines, a blank, "-- migrate:up" on line 7, so the statements start on line 8 and the
// third, after its comment line, on line 11.
void add_failing_third(RunnerProject& project, const std::string& parent) {
    project.add("c3", parent,
                "CREATE TABLE audit (id INTEGER, what TEXT);\n"
                "UPDATE users SET name = upper(name);\n"
                "-- the mistake:\n"
                "INSERT INTO missing_table VALUES (1);\n"
                "CREATE TABLE never (id INTEGER);\n",
                "DROP TABLE audit;\n");
}

Error upgrade_error(Runner& runner, const std::string& target) {
    try {
        runner.upgrade(target);
    } catch (const Error& error) {
        return error;
    }
    FAIL("expected the upgrade to fail");
    return Error(ErrorKind::Internal, "unreachable");
}

}  // namespace

TEST_CASE("a script failing at its third statement leaves schema, rows, versions and history") {
    RunnerProject project;
    add_two_good(project);
    add_failing_third(project, "b2");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.upgrade("b2");
    const std::string before = testing::snapshot(*db);

    const Error error = upgrade_error(runner, "head");

    CHECK(error.kind() == ErrorKind::Execution);
    const std::string& path = graph.get("c3").path;
    CHECK(error.message() == "script " + path + " failed at line 11: no such table: missing_table");
    CHECK(testing::snapshot(*db) == before);
    CHECK(runner.current_heads() == std::vector<std::string>{"b2"});
    CHECK(query(*db, "SELECT count(*) FROM schemadiff_version_history") == Rows{{"2"}});
}

TEST_CASE("scripts before the failing one in the same run stay applied") {
    RunnerProject project;
    add_two_good(project);
    add_failing_third(project, "b2");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    CHECK_THROWS_AS(runner.upgrade("head"), Error);

    CHECK(runner.current_heads() == std::vector<std::string>{"b2"});
    CHECK(query(*db, "SELECT name FROM users ORDER BY id") == Rows{{"ann"}, {"bo"}});
    CHECK(query(*db, "SELECT revision FROM schemadiff_version_history ORDER BY id") ==
          Rows{{"a1"}, {"b2"}});
    CHECK(testing::table_names(*db) ==
          std::vector<std::string>{"schemadiff_version", "schemadiff_version_history", "users"});
}

TEST_CASE("a first script that fails leaves no version table behind") {
    RunnerProject project;
    project.add("a1", "", "CREATE TABLE t (id INTEGER);\nINSERT INTO nowhere VALUES (1);\n",
                "DROP TABLE t;\n");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    const Error error = upgrade_error(runner, "head");

    CHECK(contains(error.message(), "failed at line 9: no such table: nowhere"));
    CHECK(testing::table_names(*db).empty());
}

TEST_CASE("a failing downgrade leaves the database at the revision it was at") {
    RunnerProject project;
    add_two_good(project);
    project.add("c3", "b2", "CREATE TABLE audit (id INTEGER);\n",
                "DROP TABLE audit;\nDROP TABLE no_such_table;\n");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.upgrade("head");
    const std::string before = testing::snapshot(*db);

    CHECK_THROWS_AS(runner.downgrade("base"), Error);

    CHECK(testing::snapshot(*db) == before);
    CHECK(runner.current_heads() == std::vector<std::string>{"c3"});
}

TEST_CASE("a COMMIT inside a transactional script is refused before anything runs") {
    RunnerProject project;
    project.add("a0", "", "CREATE TABLE s (id INTEGER);\n", "DROP TABLE s;\n");
    project.add("a1", "a0", "CREATE TABLE t (id INTEGER);\nCOMMIT;\nCREATE TABLE u (id INTEGER);\n",
                "DROP TABLE u;\nDROP TABLE t;\n");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    const Error error = upgrade_error(runner, "head");

    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(contains(error.message(), graph.get("a1").path + ":9: transaction control"));
    CHECK(testing::table_names(*db).empty());
}

TEST_CASE("an outer BEGIN and COMMIT in a script give way to the runner's transaction") {
    RunnerProject project;
    project.add("a1", "",
                "BEGIN;\nCREATE TABLE t (id INTEGER);\nINSERT INTO t VALUES (1);\nCOMMIT;\n",
                "BEGIN TRANSACTION;\nDROP TABLE t;\nEND;\n");
    project.add("b2", "a1",
                "BEGIN;\nINSERT INTO t VALUES (2);\nINSERT INTO nowhere VALUES (3);\nCOMMIT;\n",
                "DELETE FROM t WHERE id = 2;\n");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    CHECK_THROWS_AS(runner.upgrade("head"), Error);
    CHECK(query(*db, "SELECT id FROM t") == Rows{{"1"}});  // b2 rolled back whole
    runner.downgrade("base");
    CHECK(testing::table_names(*db) ==
          std::vector<std::string>{"schemadiff_version", "schemadiff_version_history"});
}

TEST_CASE("a non-transactional script keeps the statements that ran before a failure") {
    RunnerProject project;
    project.add("a1", "", "CREATE TABLE t (id INTEGER);\n", "DROP TABLE t;\n");
    project.add("b2", "a1", "INSERT INTO t VALUES (1);\nINSERT INTO nowhere VALUES (2);\n",
                "DELETE FROM t;\n", false);
    project.add("c3", "a1", "VACUUM;\n", "SELECT 1;\n", false);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    const Error error = upgrade_error(runner, "b2");

    CHECK(contains(error.message(), "ran outside a transaction"));
    CHECK(query(*db, "SELECT id FROM t") == Rows{{"1"}});
    CHECK(runner.current_heads() == std::vector<std::string>{"a1"});

    // VACUUM cannot run inside a transaction: only a non-transactional script can hold it.
    runner.upgrade("c3");
    CHECK(runner.current_heads() == std::vector<std::string>{"c3"});
    CHECK(query(*db, "SELECT note FROM schemadiff_version_history ORDER BY id DESC LIMIT 1") ==
          Rows{{"ran outside a transaction"}});
}

TEST_CASE("a script written for another database is refused before anything runs") {
    RunnerProject project;
    project.add("a1", "", "CREATE TABLE t (id INTEGER);\n", "DROP TABLE t;\n");
    project.add("b2", "a1", "CREATE TABLE u (id SERIAL);\n", "DROP TABLE u;\n", true, "postgresql");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    const Error error = upgrade_error(runner, "head");

    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "script " + graph.get("b2").path +
                                 " is written for postgresql, but the database is sqlite");
    CHECK(testing::table_names(*db).empty());
}
