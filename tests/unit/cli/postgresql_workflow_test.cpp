// The revision workflow end to end on a real PostgreSQL server through the `schemadiff` binary:
// init, autogenerate, upgrade, check, downgrade, offline SQL run by psql, with rows checked on
// a connection of the test's own at every step.
#include <doctest/doctest.h>

#include <cstdlib>

#include "postgresql_workflow_support.hpp"

namespace schemadiff::cli::testing {

namespace {

using schemadiff::testing::ScratchDatabase;

const std::string kUsersV1 = R"json([{"name": "users", "columns": [
    {"name": "id", "type": "bigint", "nullable": false},
    {"name": "name", "type": "text", "nullable": false}],
  "primary_key": {"columns": ["id"]}}])json";

const std::string kUsersV2 = R"json([{"name": "users", "columns": [
    {"name": "id", "type": "bigint", "nullable": false},
    {"name": "name", "type": "text", "nullable": false},
    {"name": "email", "type": "string(200)"
}],
  "primary_key": {"columns": ["id"]}
},
 {"name": "order", "columns": [
    {"name": "id", "type": "bigint", "nullable": false},
    {"name": "Total Amount", "type": "numeric(10,2)"},
    {"name": "note ü", "type": "text"}],
  "primary_key": {"columns": ["id"]}}])json";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

Rows tables(const PostgresqlProject& project) {
    return project.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
}

}  // namespace

TEST_CASE("on PostgreSQL autogenerate, upgrade, check and downgrade keep the rows") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db);
    project.write_models(kUsersV1);

    const CliResult first = project.run({"autogenerate", "-m", "create users"});
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    const std::string first_script = read_file(first_line(first));
    CHECK(contains(first_script, "-- Dialect: postgresql\n"));
    CHECK(contains(first_script, "CREATE TABLE users (\n"));
    CHECK(tables(project).empty());  // autogenerate only reads

    const CliResult up1 = project.run({"upgrade", "head"});
    REQUIRE_MESSAGE(up1.exit_code == 0, up1.err);
    CHECK(contains(up1.err, "[1/1]"));
    project.execute("INSERT INTO users (id, name) VALUES (1, 'ada')");
    const CliResult clean = project.run({"check"});
    CHECK_MESSAGE(clean.exit_code == 0, clean.out << clean.err);

    project.write_models(kUsersV2);
    const CliResult drift = project.run({"check"});
    CHECK(drift.exit_code == 1);
    CHECK(contains(drift.out, "email"));
    const CliResult second = project.run({"autogenerate", "-m", "add email and order"});
    REQUIRE_MESSAGE(second.exit_code == 0, second.err);
    const std::string second_script = read_file(first_line(second));
    CHECK(contains(second_script, "CREATE TABLE \"order\" (\n"));
    CHECK(contains(second_script, "\"Total Amount\" NUMERIC(10,2)"));

    const CliResult up2 = project.run({"upgrade", "head"});
    REQUIRE_MESSAGE(up2.exit_code == 0, up2.err);
    const CliResult matched = project.run({"check"});
    CHECK_MESSAGE(matched.exit_code == 0, matched.out << matched.err);
    project.execute(
        "INSERT INTO \"order\" (id, \"Total Amount\", \"note ü\") VALUES (7, 42.50, 'ü');"
        "UPDATE users SET email = 'ada@example.com'");
    CHECK(project.query("SELECT version_num FROM schemadiff_version") ==
          Rows{{first_line(project.run({"heads"})).substr(0, 12)}});

    const CliResult down1 = project.run({"downgrade", "-1"});
    REQUIRE_MESSAGE(down1.exit_code == 0, down1.err);
    CHECK(tables(project) ==
          Rows{{"schemadiff_version"}, {"schemadiff_version_history"}, {"users"}});
    CHECK(project.query("SELECT id, name FROM users") == Rows{{"1", "ada"}});
    CHECK(project.query("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                        "'users' AND column_name = 'email'") == Rows{{"0"}});
    project.write_models(kUsersV1);
    // One revision down, the database matches the first models again.
    const CliResult back =
        project.run({"diff", "--from", url_text(db.url()), "--to", "models.json"});
    CHECK_MESSAGE(back.exit_code == 0, back.out << back.err);

    CHECK(
        first_line(project.run({"current"}))
            .starts_with(read_file(first_line(first))
                             .substr(read_file(first_line(first)).find("Revision ID: ") + 13, 12)));

    const CliResult down2 = project.run({"downgrade", "base"});
    REQUIRE_MESSAGE(down2.exit_code == 0, down2.err);
    CHECK(tables(project) == Rows{{"schemadiff_version"}, {"schemadiff_version_history"}});
    CHECK(project.query("SELECT count(*) FROM schemadiff_version") == Rows{{"0"}});
    CHECK(project.query("SELECT direction FROM schemadiff_version_history ORDER BY id") ==
          Rows{{"upgrade"}, {"upgrade"}, {"downgrade"}, {"downgrade"}});
    const CliResult current = project.run({"current"});
    CHECK(current.exit_code == 0);
    CHECK(current.out.empty());
}

TEST_CASE("on PostgreSQL upgrade --sql prints what psql runs to reach head") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db);
    project.write_models(kUsersV2);
    REQUIRE(project.run({"autogenerate", "-m", "create users and order"}).exit_code == 0);

    // Offline mode touches no database: a URL of a server that does not exist is fine.
    const CliResult offline =
        project.run({"upgrade", "--sql", "base:head", "--url",
                     "postgresql://nobody:offline-secret@127.0.0.1:1/nowhere"});
    REQUIRE_MESSAGE(offline.exit_code == 0, offline.err);
    CHECK(contains(offline.out, "BEGIN;\nCREATE TABLE \"order\" (\n"));
    CHECK(contains(offline.out, "CREATE TABLE IF NOT EXISTS schemadiff_version (\n"));
    CHECK(contains(offline.out, "INSERT INTO schemadiff_version (version_num) VALUES ('"));
    CHECK(contains(offline.out, "COMMIT;\n"));
    CHECK_FALSE(contains(offline.out + offline.err, "offline-secret"));
    CHECK(tables(project).empty());

    const char* psql = "/usr/lib/postgresql/15/bin/psql";
    if (!std::filesystem::exists(psql)) {
        MESSAGE("psql not installed: the offline SQL is not run");
        return;
    }
    write_file(project.dir() / "up.sql", offline.out);
    const std::string command = std::string(psql) + " -X -q -v ON_ERROR_STOP=1 -d '" +
                                url_text(db.url()) + "' -f '" +
                                (project.dir() / "up.sql").string() + "' >/dev/null 2>&1";
    CHECK(std::system(command.c_str()) == 0);
    CHECK(tables(project) ==
          Rows{{"order"}, {"schemadiff_version"}, {"schemadiff_version_history"}, {"users"}});
    const CliResult check = project.run({"check"});
    CHECK_MESSAGE(check.exit_code == 0, check.out << check.err);
    CHECK(project.query("SELECT note FROM schemadiff_version_history") ==
          Rows{{"offline (--sql)"}});
}

}  // namespace schemadiff::cli::testing
