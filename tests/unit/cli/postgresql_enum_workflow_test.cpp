// Named enum types through the revision workflow on a real server: a new type created with its
// table, values added in a script of their own (outside a transaction) so the main script can
// use them at once, a removed value swapped in the main script, and the way back to base; the
// downgrade of a values script (a swap, taking along an array column, a partial index and a
// CHECK that name the type's columns) is atomic: a row holding an added value leaves nothing
// half done.
#include <doctest/doctest.h>

#include "postgresql_workflow_support.hpp"

namespace schemadiff::cli::testing {

namespace {

using schemadiff::testing::ScratchDatabase;

std::string people(const std::string& values, const std::string& default_value) {
    return R"json([{"name": "people", "columns": [
    {"name": "id", "type": "integer", "nullable": false},
    {"name": "Mood", "type": "enum()json" +
           values + R"json()", "enum_name": "Mood Type")json" +
           (default_value.empty() ? "" : ", \"default\": \"" + default_value + "\"") + R"json(}],
  "primary_key": {"columns": ["id"]}}])json";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

Rows labels(const PostgresqlProject& project) {
    return project.query(
        "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
        "WHERE t.typname = 'Mood Type' ORDER BY e.enumsortorder");
}

// "order": a column of the type, an array of it, a partial index and a CHECK naming them.
std::string orders(const std::string& values) {
    return R"json([{"name": "order", "columns": [
    {"name": "id", "type": "integer", "nullable": false},
    {"name": "Mood", "type": "enum()json" +
           values + R"json()", "enum_name": "Mood Type", "default": "'sad'"},
    {"name": "Past", "type": "\"Mood Type\"[]"}],
  "primary_key": {"columns": ["id"]},
  "indexes": [{"name": "order sad", "parts": [{"column": "id"}], "where": "\"Mood\" = 'sad'"}],
  "checks": [{"name": "not happy 0", "expression": "\"Mood\" <> 'happy' OR id > 0"}]}])json";
}

}  // namespace

TEST_CASE("on PostgreSQL the downgrade of enum values added swaps the type back atomically") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db);
    project.write_models(orders("'sad','happy'"));
    REQUIRE(project.run({"autogenerate", "-m", "orders"}).exit_code == 0);
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    project.execute("INSERT INTO \"order\" VALUES (1, 'sad', '{sad,happy}'), (2, 'happy', NULL)");

    project.write_models(orders("'sad','it''s ok','happy'"));
    const CliResult add = project.run({"autogenerate", "-m", "ok"});
    REQUIRE_MESSAGE(add.exit_code == 0, add.err);
    REQUIRE(add.out_lines().size() == 1);
    const std::string script = read_file(first_line(add));
    CHECK(contains(script, "-- Transactional: false\n"));
    const std::string down = script.substr(script.find("-- migrate:down"));
    CHECK(contains(down, "WARNING data-loss: Enum type Mood Type loses value 'it's ok'"));
    CHECK(contains(down, "\nBEGIN;\n"));
    CHECK(contains(down, "\nDROP INDEX \"order sad\";\nALTER TABLE \"order\" DROP CONSTRAINT"));
    CHECK(contains(down, "USING \"Past\"::TEXT[]::\"Mood Type\"[];\n"));
    CHECK(contains(down, "DROP TYPE \"Mood Type_schemadiff_old\";\nCOMMIT;\n"));
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    CHECK(project.run({"check"}).exit_code == 0);

    // A row holding the added value: the swap fails and nothing of it stays.
    project.execute("INSERT INTO \"order\" VALUES (3, 'sad', '{\"it''s ok\"}')");
    const CliResult refused = project.run({"downgrade", "-1"});
    CHECK(refused.exit_code == 2);
    CHECK_MESSAGE(contains(refused.err, "the script's own transaction was rolled back"),
                  refused.err);
    CHECK(labels(project) == Rows{{"sad"}, {"it's ok"}, {"happy"}});
    CHECK(project.query("SELECT count(*) FROM pg_type WHERE typname LIKE '%schemadiff_old'") ==
          Rows{{"0"}});
    CHECK(project.query("SELECT count(*) FROM pg_indexes WHERE indexname = 'order sad'") ==
          Rows{{"1"}});

    project.execute("UPDATE \"order\" SET \"Past\" = '{happy}' WHERE id = 3");
    const CliResult down_ok = project.run({"downgrade", "-1"});
    REQUIRE_MESSAGE(down_ok.exit_code == 0, down_ok.err);
    CHECK(labels(project) == Rows{{"sad"}, {"happy"}});
    CHECK(project.query("SELECT id, \"Mood\"::text, \"Past\"::text FROM \"order\" ORDER BY id") ==
          Rows{{"1", "sad", "{sad,happy}"}, {"2", "happy", "NULL"}, {"3", "sad", "{happy}"}});
    // And up again: the value returns, and the database matches the models.
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    const CliResult clean = project.run({"check"});
    CHECK_MESSAGE(clean.exit_code == 0, clean.out << clean.err);
}

TEST_CASE("on PostgreSQL enum types are created, gain usable values and lose values by script") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db);
    project.write_models(people("'sad','happy'", ""));
    const CliResult create = project.run({"autogenerate", "-m", "people"});
    REQUIRE_MESSAGE(create.exit_code == 0, create.err);
    const std::string created = read_file(first_line(create));
    CHECK(contains(created, "CREATE TYPE \"Mood Type\" AS ENUM ('sad', 'happy');\n"));
    CHECK(contains(created, "DROP TYPE \"Mood Type\";\n"));
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    project.execute("INSERT INTO people VALUES (1, 'sad'), (2, 'happy')");

    // A value added in the middle, and a default that names it at once.
    project.write_models(people("'sad','it''s ok','happy'", "'it''s ok'"));
    const CliResult add = project.run({"autogenerate", "-m", "ok"});
    REQUIRE_MESSAGE(add.exit_code == 0, add.err);
    const std::vector<std::string> added = add.out_lines();
    REQUIRE(added.size() == 2);
    const std::string values = read_file(added[0]);
    CHECK(contains(values, "-- Message: ok (enum values)\n"));
    CHECK(contains(values, "-- Transactional: false\n"));
    CHECK(contains(values,
                   "ALTER TYPE \"Mood Type\" ADD VALUE IF NOT EXISTS 'it''s ok' AFTER 'sad';\n"));
    CHECK(contains(read_file(added[1]), "SET DEFAULT 'it''s ok'"));
    const CliResult up = project.run({"upgrade", "head"});
    REQUIRE_MESSAGE(up.exit_code == 0, up.err);
    CHECK(labels(project) == Rows{{"sad"}, {"it's ok"}, {"happy"}});
    project.execute("INSERT INTO people (id) VALUES (3)");
    const CliResult clean = project.run({"check"});
    CHECK_MESSAGE(clean.exit_code == 0, clean.out << clean.err);

    // 'happy' removed: a swap in one transactional script, flagged; row 2 must change first.
    project.write_models(people("'sad','it''s ok'", "'it''s ok'"));
    const CliResult remove = project.run({"autogenerate", "-m", "no happy"});
    REQUIRE_MESSAGE(remove.exit_code == 0, remove.err);
    REQUIRE(remove.out_lines().size() == 1);
    const std::string swap = read_file(first_line(remove));
    CHECK(contains(swap, "WARNING data-loss: Enum type Mood Type loses value 'happy'"));
    CHECK(contains(swap, "ALTER TYPE \"Mood Type\" RENAME TO \"Mood Type_schemadiff_old\";\n"));
    const CliResult refused = project.run({"upgrade", "head"});
    CHECK(refused.exit_code == 2);
    CHECK(labels(project) == Rows{{"sad"}, {"it's ok"}, {"happy"}});
    project.execute("UPDATE people SET \"Mood\" = 'sad' WHERE id = 2");
    const CliResult swapped = project.run({"upgrade", "head"});
    REQUIRE_MESSAGE(swapped.exit_code == 0, swapped.err);
    CHECK(labels(project) == Rows{{"sad"}, {"it's ok"}});
    CHECK(project.query("SELECT id, \"Mood\"::text FROM people ORDER BY id") ==
          Rows{{"1", "sad"}, {"2", "sad"}, {"3", "it's ok"}});
    CHECK(project.run({"check"}).exit_code == 0);

    // Back down: the value returns, the default goes, the added value goes, then the type.
    project.execute("DELETE FROM people WHERE id = 3");
    const CliResult base = project.run({"downgrade", "base"});
    REQUIRE_MESSAGE(base.exit_code == 0, base.err);
    CHECK(project.query("SELECT count(*) FROM pg_type WHERE typname LIKE 'Mood Type%'") ==
          Rows{{"0"}});
}

}  // namespace schemadiff::cli::testing
