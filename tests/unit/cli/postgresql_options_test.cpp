// The [postgresql] options of schemadiff.toml on a real server: concurrent_indexes (index changes
// in scripts of their own, outside a transaction) and lock_timeout (DDL behind a busy table fails
// fast instead of queueing every query behind it).
#include <doctest/doctest.h>

#include <chrono>
#include <sstream>

#include "postgresql_workflow_support.hpp"

namespace schemadiff::cli::testing {

namespace {

using schemadiff::testing::ScratchDatabase;

const std::string kUsers = R"json([{"name": "users", "columns": [
    {"name": "id", "type": "bigint", "nullable": false},
    {"name": "name", "type": "text", "nullable": false}],
  "primary_key": {"columns": ["id"]}}])json";

const std::string kUsersIndexed = R"json([{"name": "users", "columns": [
    {"name": "id", "type": "bigint", "nullable": false},
    {"name": "name", "type": "text", "nullable": false},
    {"name": "Email", "type": "text"}],
  "primary_key": {"columns": ["id"]},
  "indexes": [{"name": "ix_users_email", "parts": [{"column": "Email"}]},
              {"name": "ix_users_name", "parts": [{"column": "name"}]}]}])json";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The first line of `section` that is neither blank nor a comment.
std::string first_statement(const std::string& section) {
    std::istringstream lines(section);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty() && !line.starts_with("--")) return line;
    }
    return {};
}

Rows indexes(const PostgresqlProject& project) {
    return project.query(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'users' ORDER BY indexname");
}

}  // namespace

TEST_CASE("concurrent_indexes puts index changes in non-transactional scripts of their own") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db, "\n[postgresql]\nconcurrent_indexes = true\n");
    project.write_models(kUsers);
    REQUIRE(project.run({"autogenerate", "-m", "users"}).exit_code == 0);
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    project.execute("INSERT INTO users VALUES (1, 'ada')");

    project.write_models(kUsersIndexed);
    const CliResult add = project.run({"autogenerate", "-m", "email"});
    REQUIRE_MESSAGE(add.exit_code == 0, add.err);
    const std::vector<std::string> added = add.out_lines();
    REQUIRE(added.size() == 2);
    const std::string body = read_file(added[0]);
    const std::string build = read_file(added[1]);
    CHECK(contains(body, "ALTER TABLE users ADD COLUMN \"Email\" TEXT;\n"));
    CHECK_FALSE(contains(body, "INDEX"));
    CHECK_FALSE(contains(body, "-- Transactional: false"));
    CHECK(contains(build, "-- Message: email (create indexes)\n"));
    CHECK(contains(build, "-- Transactional: false\n"));
    CHECK(contains(build, "CREATE INDEX CONCURRENTLY ix_users_email ON users (\"Email\");\n"));
    CHECK(contains(build, "DROP INDEX CONCURRENTLY ix_users_email;\n"));

    const CliResult up = project.run({"upgrade", "head"});
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK(indexes(project) == Rows{{"ix_users_email"}, {"ix_users_name"}, {"users_pkey"}});
    CHECK(project.query("SELECT bool_and(indisvalid) FROM pg_index WHERE indrelid = "
                        "'users'::regclass") == Rows{{"t"}});
    const CliResult clean = project.run({"check"});
    CHECK_MESSAGE(clean.exit_code == 0, clean.out << clean.err);

    // Dropping the column and its index: the index goes first, in a script of its own.
    project.write_models(kUsers);
    const CliResult drop = project.run({"autogenerate", "-m", "no email"});
    REQUIRE_MESSAGE(drop.exit_code == 0, drop.err);
    const std::vector<std::string> dropped = drop.out_lines();
    REQUIRE(dropped.size() == 2);
    CHECK(contains(read_file(dropped[0]), "DROP INDEX CONCURRENTLY ix_users_email;\n"));
    CHECK(contains(read_file(dropped[0]), "-- Transactional: false\n"));
    CHECK(contains(read_file(dropped[1]), "ALTER TABLE users DROP COLUMN \"Email\""));
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    CHECK(indexes(project) == Rows{{"users_pkey"}});
    CHECK(project.run({"check"}).exit_code == 0);

    const CliResult base = project.run({"downgrade", "base"});
    REQUIRE_MESSAGE(base.exit_code == 0, base.err);
    CHECK(project.query("SELECT count(*) FROM schemadiff_version") == Rows{{"0"}});
    CHECK(project.query("SELECT to_regclass('users') IS NULL") == Rows{{"t"}});
}

TEST_CASE("without concurrent_indexes index changes stay in the transactional script") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db);
    project.write_models(kUsers);
    REQUIRE(project.run({"autogenerate", "-m", "users"}).exit_code == 0);
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    project.write_models(kUsersIndexed);
    const CliResult add = project.run({"autogenerate", "-m", "email"});
    REQUIRE_MESSAGE(add.out_lines().size() == 1, add.out);
    const std::string script = read_file(first_line(add));
    CHECK(contains(script, "CREATE INDEX ix_users_email ON users (\"Email\");\n"));
    CHECK_FALSE(contains(script, "CONCURRENTLY"));
    CHECK_FALSE(contains(script, "Transactional"));
}

TEST_CASE("lock_timeout starts each generated section and makes DDL on a busy table fail fast") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db, "\n[postgresql]\nlock_timeout = \"1s\"\n");
    project.write_models(kUsers);
    REQUIRE(project.run({"autogenerate", "-m", "users"}).exit_code == 0);
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);

    project.write_models(kUsersIndexed);
    const CliResult add = project.run({"autogenerate", "-m", "email"});
    REQUIRE(add.exit_code == 0);
    const std::string script = read_file(first_line(add));
    const std::size_t down = script.find("-- migrate:down\n");
    REQUIRE(down != std::string::npos);
    CHECK(first_statement(script.substr(0, down)) == "SET lock_timeout = '1s';");
    CHECK(first_statement(script.substr(down)) == "SET lock_timeout = '1s';");

    // Another session reads the table in an open transaction: ALTER TABLE must wait for it.
    const auto reader = db.open();
    reader->begin();
    reader->execute("LOCK TABLE users IN ACCESS SHARE MODE");
    const auto start = std::chrono::steady_clock::now();
    const CliResult blocked = project.run({"upgrade", "head"});
    const auto waited = std::chrono::steady_clock::now() - start;
    CHECK(blocked.exit_code == 2);
    CHECK(contains(blocked.err, "canceling statement due to lock timeout"));
    CHECK(blocked.err_lines().size() == 1);
    CHECK(waited < std::chrono::seconds(10));
    reader->rollback();

    const CliResult up = project.run({"upgrade", "head"});
    CHECK_MESSAGE(up.exit_code == 0, up.err);
    CHECK(project.run({"check"}).exit_code == 0);
}

TEST_CASE("a bad [postgresql] value is one error line naming the file and line") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject bad_timeout(db, "\n[postgresql]\nlock_timeout = \"soon\"\n");
    bad_timeout.write_models(kUsers);
    const CliResult timeout = bad_timeout.run({"autogenerate", "-m", "users"});
    CHECK(timeout.exit_code == 2);
    REQUIRE(timeout.err_lines().size() == 1);
    CHECK(contains(timeout.err, "postgresql.lock_timeout"));
    CHECK(contains(timeout.err, "schemadiff.toml:8"));

    const PostgresqlProject bad_key(db, "\n[postgresql]\nschemas = [\"app\"]\n");
    const CliResult key = bad_key.run({"current"});
    CHECK(key.exit_code == 2);
    CHECK(contains(key.err, "unknown key: postgresql.schemas"));
}

}  // namespace schemadiff::cli::testing

namespace schemadiff::cli::testing {

TEST_CASE("the [postgresql] section init writes is valid once uncommented") {
    const WorkflowProject project;
    const auto toml = project.dir() / "schemadiff.toml";
    std::string text = read_file(toml);
    for (const std::string line :
         {"# [postgresql]\n", "# concurrent_indexes = false\n", "# lock_timeout = \"5s\"\n"}) {
        const std::size_t at = text.find(line);
        REQUIRE_MESSAGE(at != std::string::npos, line);
        text.erase(at, 2);
    }
    write_file(toml, text);
    const CliResult offline = project.run({"upgrade", "--sql", "base:head"});
    CHECK_MESSAGE(offline.exit_code == 0, offline.err);
}

}  // namespace schemadiff::cli::testing
