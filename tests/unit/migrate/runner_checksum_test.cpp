// Runner: a script changed after it was applied is refused, unless checksums are ignored,
// which the history then records.
#include <doctest/doctest.h>

#include "runner_fixture.hpp"
#include "schemadiff/migrate/runner.hpp"

using namespace schemadiff;
using namespace schemadiff::migrate;
using testing::query;
using testing::Rows;
using testing::RunnerProject;

namespace {

void add_scripts(RunnerProject& project) {
    project.add("a1", "", "CREATE TABLE t (id INTEGER);\n", "DROP TABLE t;\n");
    project.add("b2", "a1", "INSERT INTO t VALUES (1);\n", "DELETE FROM t;\n");
    project.add("c3", "b2", "INSERT INTO t VALUES (3);\n", "DELETE FROM t WHERE id = 3;\n");
}

}  // namespace

TEST_CASE("upgrading on top of a script changed after it was applied is refused") {
    RunnerProject project;
    add_scripts(project);
    auto db = project.open();
    Runner(*db, project.graph()).upgrade("b2");
    project.edit("a1", "CREATE INDEX ix_t ON t (id);\n");
    const RevisionGraph graph = project.graph();
    Runner runner(*db, graph);

    try {
        runner.upgrade("head");
        FAIL("expected a checksum error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::Revision);
        CHECK(error.message().rfind(
                  "script " + graph.get("a1").path + " was changed after it was applied (checksum ",
                  0) == 0);
        CHECK(error.context().find("--ignore-checksums") != std::string::npos);
    }
    CHECK(runner.current_heads() == std::vector<std::string>{"b2"});
    CHECK(query(*db, "SELECT id FROM t") == Rows{{"1"}});

    const std::vector<ChangedScript> changed = runner.changed_scripts();
    REQUIRE(changed.size() == 1);
    CHECK(changed[0].revision == "a1");
    CHECK(changed[0].recorded_checksum != changed[0].current_checksum);
}

TEST_CASE("a changed script is accepted with ignore_checksums and the history notes it") {
    RunnerProject project;
    add_scripts(project);
    auto db = project.open();
    Runner(*db, project.graph()).upgrade("b2");
    project.edit("b2", "-- a comment added later\n");
    const RevisionGraph graph = project.graph();
    RunnerOptions options;
    options.ignore_checksums = true;
    Runner runner(*db, graph, options);

    runner.upgrade("head");

    CHECK(runner.current_heads() == std::vector<std::string>{"c3"});
    const Rows note = query(*db,
                            "SELECT note FROM schemadiff_version_history WHERE revision = "
                            "'c3'");
    REQUIRE(note.size() == 1);
    CHECK(note[0][0].rfind("checksum ignored for changed script(s): " + graph.get("b2").path, 0) ==
          0);
}

TEST_CASE("a script that is not applied yet may change freely") {
    RunnerProject project;
    add_scripts(project);
    auto db = project.open();
    Runner(*db, project.graph()).upgrade("a1");
    project.edit("b2", "INSERT INTO t VALUES (2);\n");
    const RevisionGraph graph = project.graph();
    Runner runner(*db, graph);

    runner.upgrade("head");

    CHECK(query(*db, "SELECT id FROM t ORDER BY id") == Rows{{"1"}, {"2"}, {"3"}});
}

TEST_CASE("re-applying a changed script records its new checksum") {
    RunnerProject project;
    add_scripts(project);
    auto db = project.open();
    Runner(*db, project.graph()).upgrade("head");
    project.edit("c3", "INSERT INTO t VALUES (4);\n");
    const RevisionGraph graph = project.graph();
    RunnerOptions options;
    options.ignore_checksums = true;
    Runner(*db, graph, options).downgrade("b2");

    Runner runner(*db, graph);
    runner.upgrade("head");

    CHECK(runner.changed_scripts().empty());
    CHECK(query(*db, "SELECT id FROM t ORDER BY id") == Rows{{"1"}, {"3"}, {"4"}});
}
