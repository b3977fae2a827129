// Named enum types migrated on a real server: each case builds its start schema from nothing
// (types included), seeds rows, applies the upgrade plan the way a script runs (values added
// before the transaction, the rest in one), checks an empty second diff, applies the inverse plan
// and checks the start is back with its rows.
#include <doctest/doctest.h>

#include "postgresql_plan_support.hpp"
#include "schemadiff/emit/report.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;

namespace {

using Values = std::vector<std::string>;

std::vector<std::string> column_values(Connection& connection, const std::string& sql) {
    std::vector<std::string> out;
    for (const auto& row : connection.query(sql)) out.push_back(row.at(0).value_or("NULL"));
    return out;
}

// The type's values as the server orders them.
Values server_values(Connection& connection, const std::string& type) {
    return column_values(connection,
                         "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
                         "WHERE t.typname = " +
                             postgresql::postgresql_dialect().quote_string(type) +
                             " ORDER BY e.enumsortorder");
}

// start -> target -> start through the plan and its inverse, each step read back without a
// difference; `check_rows` runs after each step.
template <typename Check>
void migrate_both_ways(const ScratchDatabase& db, Connection& connection, const Schema& start,
                       const Schema& target, const Values& seed, Check check_rows) {
    apply(connection, diff_of(read(db), start), ApplyMode::Script);
    for (const auto& statement : seed) connection.execute(statement);
    const Plan upgrade = diff_of(read(db), target);
    REQUIRE_FALSE(upgrade.empty());
    apply(connection, upgrade, ApplyMode::Script);
    const Plan after = diff_of(read(db), target);
    CHECK_MESSAGE(after.empty(), emit::render_json_report(after));
    check_rows(true);
    apply(connection, diff::invert(upgrade, postgresql::postgresql_dialect()), ApplyMode::Script);
    const Plan back = diff_of(read(db), start);
    CHECK_MESSAGE(back.empty(), emit::render_json_report(back));
    check_rows(false);
}

}  // namespace

TEST_CASE("a new enum type comes with its new table and goes with it") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const Schema target =
        schema_of({table_of("t", {column("m", named_enum("mood", {"sad", "ok"}))})});
    migrate_both_ways(db, *connection, Schema{}, target, {}, [&](bool is_upgraded) {
        CHECK(read(db).enum_types == (is_upgraded ? std::vector<EnumType>{{"mood", {"sad", "ok"}}}
                                                  : std::vector<EnumType>{}));
    });
}

TEST_CASE("a value added in the middle keeps the order, and a new default may use it") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const Schema start =
        schema_of({table_of("t", {column("m", named_enum("mood", {"sad", "ok"}))})});
    Column with_default = column("m", named_enum("mood", {"sad", "meh", "ok", "it's fine"}));
    with_default.default_sql = "'meh'";
    const Schema target = schema_of({table_of("t", {with_default})});
    migrate_both_ways(
        db, *connection, start, target, {"INSERT INTO t VALUES ('ok'), ('sad')"},
        [&](bool is_upgraded) {
            CHECK(server_values(*connection, "mood") ==
                  (is_upgraded ? Values{"sad", "meh", "ok", "it's fine"} : Values{"sad", "ok"}));
            CHECK(column_values(*connection, "SELECT m FROM t ORDER BY m") == Values{"sad", "ok"});
        });
}

TEST_CASE("a removed value swaps the type; rows holding kept values survive both ways") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const Schema start =
        schema_of({table_of("t", {column("m", named_enum("mood", {"a", "b", "c"}))})});
    const Schema target = schema_of({table_of("t", {column("m", named_enum("mood", {"b", "a"}))})});
    migrate_both_ways(db, *connection, start, target, {"INSERT INTO t VALUES ('a'), ('b'), (NULL)"},
                      [&](bool is_upgraded) {
                          CHECK(server_values(*connection, "mood") ==
                                (is_upgraded ? Values{"b", "a"} : Values{"a", "b", "c"}));
                          CHECK(column_values(*connection, "SELECT m::text FROM t ORDER BY 1") ==
                                Values{"a", "b", "NULL"});
                      });
}

TEST_CASE("a row holding a removed value makes the whole migration fail, changing nothing") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const Schema start =
        schema_of({table_of("t", {column("m", named_enum("mood", {"a", "b", "c"})),
                                  column("note", ColumnType::of(TypeKind::Text))})});
    apply(*connection, diff_of(read(db), start), ApplyMode::Script);
    connection->execute("INSERT INTO t VALUES ('c', 'x')");
    const Schema target = schema_of({table_of("t", {column("m", named_enum("mood", {"a", "b"}))})});
    const Plan upgrade = diff_of(read(db), target);
    CHECK(upgrade.findings.size() == 2);  // the dropped column and the removed value
    CHECK_THROWS_AS(apply(*connection, upgrade, ApplyMode::Script), Error);
    CHECK(diff_of(read(db), start).empty());
    CHECK(server_values(*connection, "mood") == Values{"a", "b", "c"});
    CHECK(column_values(*connection, "SELECT m || note FROM t") == Values{"cx"});
    CHECK(column_values(*connection,
                        "SELECT count(*) FROM pg_type WHERE typname LIKE '%schemadiff%'") ==
          Values{"0"});  // no swapped-out type left behind
}

TEST_CASE("two tables sharing a type are both cast, their defaults kept") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const ColumnType old_type = named_enum("state", {"new", "old", "gone"});
    const ColumnType new_type = named_enum("state", {"old", "new"});
    Column a = column("s", old_type);
    a.default_sql = "'new'";
    Column b = column("t", old_type);
    b.default_sql = "'old'";
    const Schema start = schema_of({table_of("a", {a}), table_of("b", {b})});
    a.type = new_type;
    b.type = new_type;
    const Schema target = schema_of({table_of("a", {a}), table_of("b", {b})});
    migrate_both_ways(
        db, *connection, start, target,
        {"INSERT INTO a DEFAULT VALUES", "INSERT INTO b VALUES ('new')"}, [&](bool is_upgraded) {
            CHECK(server_values(*connection, "state") ==
                  (is_upgraded ? Values{"old", "new"} : Values{"new", "old", "gone"}));
            CHECK(column_values(*connection, "SELECT s::text FROM a") == Values{"new"});
            CHECK(column_values(*connection, "SELECT t::text FROM b") == Values{"new"});
        });
}

TEST_CASE("a type no column uses any more is dropped after its column, and back") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const Schema start = schema_of({table_of("t", {column("id", ColumnType::of(TypeKind::Integer)),
                                                   column("m", named_enum("mood", {"a"}))})},
                                   {EnumType{"spare", {"x", "y"}}});
    const Schema target =
        schema_of({table_of("t", {column("id", ColumnType::of(TypeKind::Integer))})});
    migrate_both_ways(db, *connection, start, target, {"INSERT INTO t VALUES (1, 'a')"},
                      [&](bool is_upgraded) {
                          CHECK(read(db).enum_types.size() == (is_upgraded ? 0U : 2U));
                          CHECK(column_values(*connection, "SELECT id FROM t") == Values{"1"});
                      });
}

TEST_CASE("odd type names and values survive creation, additions and a swap") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const Schema start = schema_of({table_of(
        "Odd Table", {column("Select", named_enum("Mood \"Type\"", {"it's", "naïve", "b c"}))})});
    const Schema target = schema_of({table_of(
        "Odd Table",
        {column("Select", named_enum("Mood \"Type\"", {"b c", "it's", "x'y\"z", "naïve"}))})});
    migrate_both_ways(
        db, *connection, start, target, {"INSERT INTO \"Odd Table\" VALUES ('it''s'), ('naïve')"},
        [&](bool is_upgraded) {
            CHECK(server_values(*connection, "Mood \"Type\"") ==
                  (is_upgraded ? Values{"b c", "it's", "x'y\"z", "naïve"}
                               : Values{"it's", "naïve", "b c"}));
            CHECK(column_values(*connection,
                                "SELECT \"Select\"::text FROM \"Odd Table\" ORDER BY 1") ==
                  Values{"it's", "naïve"});
        });
}

TEST_CASE("a column moves onto a named enum type from text and back") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const Schema start = schema_of({table_of("t", {column("m", ColumnType::of(TypeKind::Text))})});
    const Schema target =
        schema_of({table_of("t", {column("m", named_enum("Mood", {"sad", "ok"}))})});
    migrate_both_ways(db, *connection, start, target, {"INSERT INTO t VALUES ('sad')"}, [&](bool) {
        CHECK(column_values(*connection, "SELECT m::text FROM t") == Values{"sad"});
    });
}

TEST_CASE("the catalog lists every enum type of the schema read, used or not, and no other") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    connection->execute("CREATE TYPE \"Used\" AS ENUM ('a', 'it''s')");
    connection->execute("CREATE TYPE unused AS ENUM ('z', 'y')");
    connection->execute("CREATE SCHEMA other");
    connection->execute("CREATE TYPE other.elsewhere AS ENUM ('q')");
    connection->execute("CREATE TABLE t (u \"Used\")");
    CHECK(read(db).enum_types ==
          std::vector<EnumType>{{"Used", {"a", "it's"}}, {"unused", {"z", "y"}}});
}
