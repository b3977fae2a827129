// Runner::stamp: the version table set without running scripts, Alembic's way, and --purge.
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
    project.add("a1", "", "CREATE TABLE t (id INTEGER);\n", "DROP TABLE t;\n");
    project.add("b2", "a1", "INSERT INTO t VALUES (1);\n", "DELETE FROM t;\n");
    project.add("c3", "b2", "INSERT INTO t VALUES (3);\n", "DELETE FROM t WHERE id = 3;\n");
}

const std::string kHistory =
    "SELECT revision, direction, note FROM schemadiff_version_history ORDER BY id";

}  // namespace

TEST_CASE("stamp sets the version table without running any script") {
    RunnerProject project;
    add_chain(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);

    const RunResult result = runner.stamp("b2");

    CHECK(result.heads == std::vector<std::string>{"b2"});
    CHECK(testing::table_names(*db) ==
          std::vector<std::string>{"schemadiff_version", "schemadiff_version_history"});
    CHECK(query(*db, kHistory) == Rows{{"b2", "stamp", "NULL"}});

    // Only the script after the stamp runs; it fails if a1 had not been applied for real.
    db->execute("CREATE TABLE t (id INTEGER)");
    CHECK(runner.upgrade("head").revisions == std::vector<std::string>{"c3"});
}

TEST_CASE("stamp moves the head down as well as up") {
    RunnerProject project;
    add_chain(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.upgrade("head");

    runner.stamp("a1");

    CHECK(runner.current_heads() == std::vector<std::string>{"a1"});
    CHECK(query(*db, "SELECT id FROM t ORDER BY id") == Rows{{"1"}, {"3"}});
}

TEST_CASE("stamp base empties the version table") {
    RunnerProject project;
    add_chain(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.upgrade("b2");

    runner.stamp("base");

    CHECK(runner.current_heads().empty());
    CHECK(query(*db, kHistory).back() == std::vector<std::string>{"", "stamp", "NULL"});
}

TEST_CASE("stamping one branch keeps the head of the other") {
    RunnerProject project;
    project.add("a1", "", "SELECT 1;\n", "SELECT 1;\n");
    project.add("b1", "a1", "SELECT 1;\n", "SELECT 1;\n");
    project.add("b2", "b1", "SELECT 1;\n", "SELECT 1;\n");
    project.add("c1", "a1", "SELECT 1;\n", "SELECT 1;\n");
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.upgrade("heads");

    runner.stamp("b1");

    CHECK(runner.current_heads() == std::vector<std::string>{"b1", "c1"});
}

TEST_CASE("stamp --purge replaces revisions the migrations folder does not know") {
    RunnerProject project;
    add_chain(project);
    const RevisionGraph graph = project.graph();
    auto db = project.open();
    Runner runner(*db, graph);
    runner.stamp("a1");
    db->execute("INSERT INTO schemadiff_version VALUES ('0ld1d')");

    CHECK_THROWS_AS(runner.stamp("b2"), Error);
    CHECK(runner.current_heads() == std::vector<std::string>{"0ld1d", "a1"});

    const RunResult result = runner.stamp("b2", true);

    CHECK(result.heads == std::vector<std::string>{"b2"});
    CHECK(runner.current_heads() == std::vector<std::string>{"b2"});
    CHECK(query(*db, kHistory).back() ==
          std::vector<std::string>{"b2", "stamp", "purged the version table first"});
}
