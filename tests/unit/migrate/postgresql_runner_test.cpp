// The runner on a real PostgreSQL server: consecutive scripts share one transaction with a
// savepoint each, a failing statement is rolled back to its script's savepoint (PostgreSQL aborts
// the whole transaction otherwise) and the scripts before it commit, downgrades, odd version
// table names, and `Transactional: false` scripts (CREATE INDEX CONCURRENTLY).
#include <doctest/doctest.h>

#include "postgresql_runner_support.hpp"
#include "schemadiff/migrate/runner.hpp"

using namespace schemadiff;
using namespace schemadiff::migrate;
using testing::add_pg;
using testing::pg_columns;
using testing::pg_heads;
using testing::pg_history;
using testing::query;
using testing::Rows;
using testing::RunnerProject;
using testing::ScratchDatabase;

namespace {

void add_users_chain(RunnerProject& project) {
    add_pg(project, "a1", "",
           "CREATE TABLE users (id BIGINT PRIMARY KEY, name TEXT NOT NULL);\n"
           "INSERT INTO users VALUES (1, 'ann');\n",
           "DROP TABLE users;\n");
    add_pg(project, "b2", "a1", "INSERT INTO users VALUES (2, 'bo');\n",
           "DELETE FROM users WHERE id = 2;\n");
}

// Fails at its third statement, after changing the schema and the rows.
void add_failing_third_statement(RunnerProject& project, const std::string& parent) {
    add_pg(project, "c3", parent,
           "ALTER TABLE users ADD COLUMN email TEXT;\n"
           "UPDATE users SET name = 'changed';\n"
           "INSERT INTO nowhere VALUES (1);\n"
           "INSERT INTO users VALUES (9, 'never');\n",
           "ALTER TABLE users DROP COLUMN email;\n");
}

Rows user_rows(Connection& connection) {
    return query(connection, "SELECT id, name FROM users ORDER BY id");
}

}  // namespace

TEST_CASE("on PostgreSQL a chain upgrades to head, commits once and downgrades to base") {
    const auto server = testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    RunnerProject project;
    add_users_chain(project);
    add_pg(project, "c3", "b2", "ALTER TABLE users ADD COLUMN email TEXT;\n",
           "ALTER TABLE users DROP COLUMN email;\n");
    const RevisionGraph graph = project.graph();
    auto connection = db.open();
    auto observer = db.open();

    RunnerOptions options;
    Rows seen_during_run;
    options.on_progress = [&](const ScriptProgress& progress) {
        if (progress.stage == ScriptProgress::Stage::Finished &&
            progress.script->revision == "b2") {
            seen_during_run = pg_heads(*observer);
        }
    };
    Runner runner(*connection, graph, options);
    const RunResult up = runner.upgrade("head");
    CHECK(up.revisions == std::vector<std::string>{"a1", "b2", "c3"});
    CHECK(seen_during_run.empty());  // nothing committed before the end of the run
    CHECK(pg_heads(*observer) == Rows{{"c3"}});
    CHECK(pg_history(*observer) == Rows{{"a1", "upgrade"}, {"b2", "upgrade"}, {"c3", "upgrade"}});
    CHECK(user_rows(*observer) == Rows{{"1", "ann"}, {"2", "bo"}});
    CHECK(query(*observer,
                "SELECT duration_ms IS NOT NULL, checksum FROM "
                "schemadiff_version_history WHERE revision = 'a1'") ==
          Rows{{"t", script_checksum(graph.get("a1"))}});

    CHECK(runner.downgrade("-1").revisions == std::vector<std::string>{"c3"});
    CHECK(pg_columns(*observer) == Rows{{"users.id bigint"}, {"users.name text"}});
    CHECK(pg_heads(*observer) == Rows{{"b2"}});

    CHECK(runner.downgrade("base").revisions == std::vector<std::string>{"b2", "a1"});
    CHECK(pg_columns(*observer).empty());
    CHECK_FALSE(observer->has_table("users"));
    CHECK(pg_heads(*observer).empty());
    CHECK(pg_history(*observer).size() == 6);
}

TEST_CASE("on PostgreSQL a script failing at its third statement changes nothing") {
    const auto server = testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    RunnerProject project;
    add_users_chain(project);
    add_failing_third_statement(project, "b2");
    const RevisionGraph graph = project.graph();
    auto connection = db.open();
    auto observer = db.open();
    Runner runner(*connection, graph);
    REQUIRE(runner.upgrade("b2").revisions.size() == 2);
    const Rows columns = pg_columns(*observer);
    const Rows rows = user_rows(*observer);
    const Rows history = pg_history(*observer);

    try {
        runner.upgrade("head");
        FAIL("the upgrade should have failed");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::Execution);
        CHECK(error.sqlstate() == "42P01");  // undefined_table
        const std::string message = error.message();
        CHECK(message.find("c3.sql failed at line") != std::string::npos);
        CHECK(message.find("\"nowhere\" does not exist") != std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    }
    CHECK(pg_columns(*observer) == columns);
    CHECK(user_rows(*observer) == rows);
    CHECK(pg_heads(*observer) == Rows{{"b2"}});
    CHECK(pg_history(*observer) == history);
    // The session is usable again: the failed transaction was ended.
    CHECK(runner.current_heads() == std::vector<std::string>{"b2"});
    CHECK(query(*connection, "SELECT 1") == Rows{{"1"}});
}

TEST_CASE("on PostgreSQL the scripts before a failing one in the same run stay committed") {
    const auto server = testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    RunnerProject project;
    add_users_chain(project);
    add_failing_third_statement(project, "b2");
    const RevisionGraph graph = project.graph();
    for (const bool commit_each_script : {false, true}) {
        CAPTURE(commit_each_script);
        {
            auto reset = db.open();
            reset->execute(
                "DROP TABLE IF EXISTS users, schemadiff_version, "
                "schemadiff_version_history");
        }
        auto connection = db.open();
        RunnerOptions options;
        options.commit_each_script = commit_each_script;
        Runner runner(*connection, graph, options);
        CHECK_THROWS_AS(runner.upgrade("head"), Error);

        auto observer = db.open();  // a second connection sees what was committed
        CHECK(pg_heads(*observer) == Rows{{"b2"}});
        CHECK(pg_history(*observer) == Rows{{"a1", "upgrade"}, {"b2", "upgrade"}});
        CHECK(user_rows(*observer) == Rows{{"1", "ann"}, {"2", "bo"}});
        CHECK(pg_columns(*observer) == Rows{{"users.id bigint"}, {"users.name text"}});
    }
}

TEST_CASE("on PostgreSQL a non-transactional script runs CREATE INDEX CONCURRENTLY") {
    const auto server = testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    RunnerProject project;
    add_users_chain(project);
    add_pg(project, "c3", "b2", "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);\n",
           "DROP INDEX CONCURRENTLY ix_users_name;\n", /*is_transactional=*/false);
    add_pg(project, "d4", "c3", "INSERT INTO users VALUES (4, 'dee');\n",
           "DELETE FROM users WHERE id = 4;\n");
    const RevisionGraph graph = project.graph();
    auto connection = db.open();
    Runner runner(*connection, graph);
    CHECK(runner.upgrade("head").revisions == std::vector<std::string>{"a1", "b2", "c3", "d4"});

    auto observer = db.open();
    const std::string index_count =
        "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_users_name'";
    CHECK(query(*observer, index_count) == Rows{{"1"}});
    CHECK(query(*observer, "SELECT note FROM schemadiff_version_history WHERE revision = 'c3'") ==
          Rows{{"ran outside a transaction"}});
    CHECK(pg_heads(*observer) == Rows{{"d4"}});

    CHECK(runner.downgrade("b2").revisions == std::vector<std::string>{"d4", "c3"});
    CHECK(query(*observer, index_count) == Rows{{"0"}});
    CHECK(pg_heads(*observer) == Rows{{"b2"}});
}

TEST_CASE("on PostgreSQL CREATE INDEX CONCURRENTLY in a transactional script is one clear error") {
    const auto server = testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    RunnerProject project;
    add_users_chain(project);
    add_pg(project, "c3", "b2", "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);\n",
           "DROP INDEX ix_users_name;\n");
    const RevisionGraph graph = project.graph();
    auto connection = db.open();
    Runner runner(*connection, graph);
    try {
        runner.upgrade("head");
        FAIL("CONCURRENTLY cannot run inside a transaction");
    } catch (const Error& error) {
        CHECK(error.sqlstate() == "25001");  // active_sql_transaction
        CHECK(std::string(error.message()).find("cannot run inside a transaction block") !=
              std::string::npos);
    }
    auto observer = db.open();
    CHECK(pg_heads(*observer) == Rows{{"b2"}});
}

TEST_CASE("on PostgreSQL a version table with an odd name is quoted everywhere") {
    const auto server = testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    RunnerProject project;
    add_users_chain(project);
    const RevisionGraph graph = project.graph();
    auto connection = db.open();
    RunnerOptions options;
    options.version_table = "Schema Versions \"ü\"";
    Runner runner(*connection, graph, options);
    CHECK(runner.upgrade("head").heads == std::vector<std::string>{"b2"});
    CHECK(runner.current_heads() == std::vector<std::string>{"b2"});
    auto observer = db.open();
    CHECK(pg_heads(*observer, options.version_table) == Rows{{"b2"}});
    CHECK(pg_history(*observer, options.version_table).size() == 2);
    CHECK_FALSE(observer->has_table("schemadiff_version"));
    // The tool's tables never show in the schema it reads.
    ReadOptions read;
    read.version_table = options.version_table;
    const Schema schema = observer->read_schema(read);
    CHECK(schema.tables.size() == 1);
    CHECK(runner.downgrade("base").heads.empty());
}
