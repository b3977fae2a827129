// Offline SQL (`upgrade --sql`, `downgrade --sql`): the exact text, foreign-key switches kept
// outside the transactions, and the text run by SQLite itself reaching what the runner reaches.
#include <doctest/doctest.h>

#include "runner_fixture.hpp"
#include "schemadiff/drivers/registry.hpp"
#include "schemadiff/migrate/offline.hpp"
#include "schemadiff/migrate/runner.hpp"

using namespace schemadiff;
using namespace schemadiff::migrate;
using testing::query;
using testing::Rows;
using testing::RunnerProject;

namespace {

const Dialect& sqlite_dialect() { return drivers::dialect_for("sqlite"); }

void add_two(RunnerProject& project) {
    project.add("a1", "", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n",
                "DROP TABLE users;\n");
    project.add("b2", "a1", "-- seed\nINSERT INTO users (name) VALUES ('ann');\n",
                "DELETE FROM users;\n");
}

std::string checksum(const RevisionGraph& graph, const std::string& id) {
    return script_checksum(graph.get(id));
}

}  // namespace

std::string history_insert(const RevisionGraph& graph, const std::string& id,
                           const std::string& direction) {
    return "INSERT INTO schemadiff_version_history (id, revision, direction, checksum, "
           "applied_at, duration_ms, message, note)\n"
           "SELECT COALESCE(MAX(id), 0) + 1, '" +
           id + "', '" + direction + "', '" + checksum(graph, id) +
           "', CURRENT_TIMESTAMP, NULL, 'revision " + id +
           "', 'offline (--sql)' FROM schemadiff_version_history;\n";
}

TEST_CASE("upgrade --sql prints each script in a transaction with its version statements") {
    RunnerProject project;
    add_two(project);
    const RevisionGraph graph = project.graph();

    const std::string sql = offline_upgrade_sql(graph, sqlite_dialect(), "base:head");

    CHECK(sql ==
          "-- Running upgrade base -> a1: revision a1\n"
          "-- File: " +
              graph.get("a1").path +
              "\n"
              "BEGIN;\n"
              "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n"
              "CREATE TABLE IF NOT EXISTS schemadiff_version (\n"
              "    version_num VARCHAR(32) NOT NULL,\n"
              "    CONSTRAINT schemadiff_version_pkc PRIMARY KEY (version_num)\n"
              ");\n"
              "CREATE TABLE IF NOT EXISTS schemadiff_version_history (\n"
              "    id INTEGER NOT NULL PRIMARY KEY,\n"
              "    revision VARCHAR(32) NOT NULL,\n"
              "    direction VARCHAR(16) NOT NULL,\n"
              "    checksum VARCHAR(64),\n"
              "    applied_at VARCHAR(32) NOT NULL,\n"
              "    duration_ms BIGINT,\n"
              "    message TEXT,\n"
              "    note TEXT\n"
              ");\n"
              "INSERT INTO schemadiff_version (version_num) VALUES ('a1');\n" +
              history_insert(graph, "a1", "upgrade") +
              "COMMIT;\n"
              "\n"
              "-- Running upgrade a1 -> b2: revision b2\n"
              "-- File: " +
              graph.get("b2").path +
              "\n"
              "BEGIN;\n"
              "-- seed\n"
              "INSERT INTO users (name) VALUES ('ann');\n"
              "UPDATE schemadiff_version SET version_num = 'b2' WHERE version_num = 'a1';\n" +
              history_insert(graph, "b2", "upgrade") + "COMMIT;\n");
    CHECK(offline_upgrade_sql(graph, sqlite_dialect(), "head") == sql);
}

TEST_CASE("downgrade --sql reverts newest first and deletes the last version row") {
    RunnerProject project;
    add_two(project);
    const RevisionGraph graph = project.graph();

    const std::string sql = offline_downgrade_sql(graph, sqlite_dialect(), "head:base");

    const std::size_t first = sql.find("-- Running downgrade b2 -> a1: revision b2\n");
    const std::size_t second = sql.find("-- Running downgrade a1 -> base: revision a1\n");
    CHECK(first == 0);
    REQUIRE(second != std::string::npos);
    CHECK(sql.substr(second).find("BEGIN;\nDROP TABLE users;\n"
                                  "DELETE FROM schemadiff_version WHERE version_num = 'a1';\n" +
                                  history_insert(graph, "a1", "downgrade") + "COMMIT;\n") !=
          std::string::npos);
    CHECK(offline_downgrade_sql(graph, sqlite_dialect(), "b2:a1") == sql.substr(0, second - 1));
}

TEST_CASE("foreign-key switches of a rebuild script stay outside the offline transaction") {
    RunnerProject project;
    project.add("a1", "",
                "PRAGMA foreign_keys=OFF;\nCREATE TABLE t (id INTEGER);\n"
                "PRAGMA foreign_key_check;\nPRAGMA foreign_keys=ON;\n",
                "DROP TABLE t;\n");
    const RevisionGraph graph = project.graph();
    OfflineOptions options;
    options.version_table = "my versions";

    const std::string sql = offline_upgrade_sql(graph, sqlite_dialect(), "base:a1", options);

    const std::string path = graph.get("a1").path;
    CHECK(sql.rfind("-- Running upgrade base -> a1: revision a1\n-- File: " + path +
                        "\nPRAGMA foreign_keys=OFF;\nBEGIN;\nCREATE TABLE t (id INTEGER);\n"
                        "PRAGMA foreign_key_check;\nCREATE TABLE IF NOT EXISTS \"my versions\"",
                    0) == 0);
    CHECK(sql.find("INSERT INTO \"my versions\" (version_num) VALUES ('a1');\n") !=
          std::string::npos);
    CHECK(sql.ends_with("COMMIT;\nPRAGMA foreign_keys=ON;\n"));
}

TEST_CASE("foreign-key switches are recognised in any spelling SQLite accepts") {
    RunnerProject project;
    project.add("a1", "",
                "-- rebuild ahead\npragma main.foreign_keys = 0;\nCREATE TABLE t (id INTEGER);\n"
                "PRAGMA \"foreign_keys\"(ON);\n",
                "DROP TABLE t;\n");
    const RevisionGraph graph = project.graph();

    const std::string sql = offline_upgrade_sql(graph, sqlite_dialect(), "head");

    CHECK(sql.find("-- rebuild ahead\npragma main.foreign_keys = 0;\nBEGIN;\nCREATE TABLE t") !=
          std::string::npos);
    CHECK(sql.ends_with("COMMIT;\nPRAGMA \"foreign_keys\"(ON);\n"));
}

TEST_CASE("offline SQL run by SQLite itself reaches what the runner would") {
    RunnerProject project;
    add_two(project);
    project.add("c3", "b2", "ALTER TABLE users ADD COLUMN email TEXT; -- optional\n",
                "ALTER TABLE users DROP COLUMN email;\n");
    const RevisionGraph graph = project.graph();
    auto db = project.open();

    db->execute(offline_upgrade_sql(graph, sqlite_dialect(), "base:b2"));

    Runner runner(*db, graph);
    CHECK(runner.current_heads() == std::vector<std::string>{"b2"});
    CHECK(runner.changed_scripts().empty());
    CHECK(query(*db, "SELECT id, name FROM users") == Rows{{"1", "ann"}});
    CHECK(query(*db, "SELECT revision, direction, note FROM schemadiff_version_history") ==
          Rows{{"a1", "upgrade", "offline (--sql)"}, {"b2", "upgrade", "offline (--sql)"}});

    // The runner takes over from there, and offline SQL can continue from the runner.
    CHECK(runner.upgrade("head").revisions == std::vector<std::string>{"c3"});
    db->execute(offline_downgrade_sql(graph, sqlite_dialect(), "c3:base"));
    CHECK(runner.current_heads().empty());
    CHECK(testing::table_names(*db) ==
          std::vector<std::string>{"schemadiff_version", "schemadiff_version_history"});
}

TEST_CASE("offline SQL for a non-transactional script wraps only the version statements") {
    RunnerProject project;
    project.add("a1", "", "VACUUM;\n", "SELECT 1;\n", false);
    const RevisionGraph graph = project.graph();

    const std::string sql = offline_upgrade_sql(graph, sqlite_dialect(), "base:head");

    CHECK(sql.find("-- Transactional: false (statements run one by one)\nVACUUM;\nBEGIN;\n") !=
          std::string::npos);
}

TEST_CASE("a range offline SQL cannot use is a usage error") {
    RunnerProject project;
    add_two(project);
    const RevisionGraph graph = project.graph();

    const auto kind_of = [&](auto&& call) {
        try {
            call();
        } catch (const Error& error) {
            return error.kind();
        }
        return ErrorKind::Internal;
    };
    CHECK(kind_of([&] { (void)offline_downgrade_sql(graph, sqlite_dialect(), "base"); }) ==
          ErrorKind::Usage);
    CHECK(kind_of([&] { (void)offline_upgrade_sql(graph, sqlite_dialect(), ":head"); }) ==
          ErrorKind::Usage);
    CHECK(kind_of([&] { (void)offline_upgrade_sql(graph, sqlite_dialect(), "base:nope"); }) ==
          ErrorKind::Revision);
}
