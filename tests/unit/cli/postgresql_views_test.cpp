// Model views and triggers against PostgreSQL through the `schemadiff` binary: a database
// created from the models checks clean (PostgreSQL prints views back deparsed, never as
// written), real changes are still reported and generated from the user's own SQL, and `check`
// leaves no trace in the database.
#include <doctest/doctest.h>

#include "postgresql_workflow_support.hpp"

namespace schemadiff::cli::testing {

namespace {

using schemadiff::testing::ScratchDatabase;

const std::string kTables = R"json([{"name": "users", "columns": [
    {"name": "id", "type": "bigint", "nullable": false},
    {"name": "name", "type": "text"},
    {"name": "active", "type": "boolean"},
    {"name": "order", "type": "integer"},
    {"name": "touched", "type": "timestamptz"}],
  "primary_key": {"columns": ["id"]},
  "triggers": [{"name": "Touch Users", "sql":
    "create trigger \"Touch Users\" before update on users for each row execute procedure touch();"}]
}])json";

std::string models_with(const std::string& active_where, const std::string& extra_view) {
    return kTables + R"json(, "views": [
  {"name": "active_users",
   "sql": "CREATE VIEW active_users AS SELECT id, name, \"order\" FROM users WHERE )json" +
           active_where + R"json("},
  {"name": "recent", "sql": "create view recent as select * from active_users where id > 10"},
  {"name": "Ünïcödé \"View\"",
   "sql": "CREATE VIEW \"Ünïcödé \"\"View\"\"\" (n) AS SELECT count(*) FROM users u GROUP BY u.id"},
  {"name": "by_order",
   "sql": "CREATE MATERIALIZED VIEW by_order AS SELECT \"order\", name FROM users WITH NO DATA"}
  )json" + extra_view +
           "]";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Every relation and trigger of the database, temporary ones included.
Rows objects(const PostgresqlProject& project) {
    return project.query(
        "SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema',"
        " 'pg_toast') UNION ALL SELECT 'trigger', tgname, '' FROM pg_trigger ORDER BY 1, 2");
}

// The trigger function the models name, then the models' schema generated and applied.
void create_from_models(const PostgresqlProject& project) {
    project.execute(
        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
        "$$BEGIN NEW.touched := now(); RETURN NEW; END$$");
    project.write_models(models_with("active", ""));
    const CliResult generated = project.run({"autogenerate", "-m", "create"});
    REQUIRE_MESSAGE(generated.exit_code == 0, generated.err);
    const CliResult up = project.run({"upgrade", "head"});
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
}

}  // namespace

TEST_CASE("on PostgreSQL models with views and triggers check clean against their database") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db);
    create_from_models(project);

    const Rows before = objects(project);
    const CliResult clean = project.run({"check"});
    CHECK_MESSAGE(clean.exit_code == 0, clean.out << clean.err);
    const CliResult again = project.run({"autogenerate", "-m", "nothing"});
    CHECK_MESSAGE(again.exit_code == 0, again.err);
    CHECK(contains(again.err, "No changes detected"));
    const std::string url = url_text(db.url());
    const CliResult from_db = project.run({"diff", "--from", url, "--to", "models.json"});
    CHECK_MESSAGE(from_db.exit_code == 0, from_db.out << from_db.err);
    const CliResult to_db = project.run({"diff", "--from", "models.json", "--to", url});
    CHECK_MESSAGE(to_db.exit_code == 0, to_db.out << to_db.err);
    CHECK(objects(project) == before);  // nothing created, temporary or not
}

TEST_CASE("on PostgreSQL a changed and a new model view are reported and generated as written") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db);
    create_from_models(project);

    project.write_models(models_with(
        "NOT active",
        R"json(, {"name": "newest", "sql": "CREATE VIEW newest AS SELECT max(id) FROM recent"})json"));
    const CliResult drift = project.run({"check"});
    CHECK(drift.exit_code == 1);
    CHECK(contains(drift.out, "active_users"));
    CHECK(contains(drift.out, "newest"));
    CHECK_FALSE(contains(drift.out, "by_order"));
    CHECK_FALSE(contains(drift.out, "Touch Users"));

    const CliResult generated = project.run({"autogenerate", "-m", "change"});
    REQUIRE_MESSAGE(generated.exit_code == 0, generated.err);
    const std::string script = read_file(first_line(generated));
    CHECK(contains(script, "FROM users WHERE NOT active;"));  // the user's text
    CHECK(contains(script, "CREATE VIEW newest AS SELECT max(id) FROM recent;"));
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    const CliResult clean = project.run({"check"});
    CHECK_MESSAGE(clean.exit_code == 0, clean.out << clean.err);
    const CliResult down = project.run({"downgrade", "-1"});
    CHECK_MESSAGE(down.exit_code == 0, down.err);
    project.write_models(models_with("active", ""));
    const CliResult back =
        project.run({"diff", "--from", url_text(db.url()), "--to", "models.json"});
    CHECK_MESSAGE(back.exit_code == 0, back.out << back.err);
}

}  // namespace schemadiff::cli::testing
