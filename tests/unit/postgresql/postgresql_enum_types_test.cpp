// Golden SQL of PostgreSQL's named enum types: CREATE TYPE and DROP TYPE with quoted names and
// values, values added in place in their target order (outside the transaction), and the type
// swap for a value removed or moved (columns cast through text, defaults dropped and set again).
#include <doctest/doctest.h>

#include "schemadiff/core/error.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

using namespace schemadiff;
using Statements = std::vector<std::string>;

namespace {

const postgresql::PostgresqlDialect kDialect;

}  // namespace

TEST_CASE("an enum type is created and dropped with its name and values quoted") {
    CHECK(kDialect.render(CreateEnumType{EnumType{"mood", {"sad", "it's ok"}}}) ==
          Statements{"CREATE TYPE mood AS ENUM ('sad', 'it''s ok')"});
    CHECK(kDialect.render(CreateEnumType{EnumType{"Mood \"Type\"", {"a"}}}) ==
          Statements{"CREATE TYPE \"Mood \"\"Type\"\"\" AS ENUM ('a')"});
    CHECK(kDialect.render(CreateEnumType{EnumType{"order", {}}}) ==
          Statements{"CREATE TYPE \"order\" AS ENUM ()"});
    CHECK(kDialect.render(DropEnumType{EnumType{"Mood", {"a"}}}) ==
          Statements{"DROP TYPE \"Mood\""});
}

TEST_CASE("added values are placed after their predecessor, or before the first old value") {
    const AlterEnumType op{"mood", {"a", "c"}, {"x", "a", "b", "c", "it's"}, {}};
    CHECK(kDialect.render(op) ==
          Statements{"ALTER TYPE mood ADD VALUE IF NOT EXISTS 'x' BEFORE 'a'",
                     "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'b' AFTER 'a'",
                     "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'it''s' AFTER 'c'"});
    CHECK(kDialect.render(AlterEnumType{"e", {}, {"a", "b"}, {}}) ==
          Statements{"ALTER TYPE e ADD VALUE IF NOT EXISTS 'a'",
                     "ALTER TYPE e ADD VALUE IF NOT EXISTS 'b' AFTER 'a'"});
}

TEST_CASE("only added values run outside the transaction") {
    CHECK(kDialect.requires_no_transaction(AlterEnumType{"e", {"a"}, {"a", "b"}, {}}));
    CHECK_FALSE(kDialect.requires_no_transaction(AlterEnumType{"e", {"a", "b"}, {"a"}, {}}));
    CHECK_FALSE(kDialect.requires_no_transaction(AlterEnumType{"e", {"a", "b"}, {"b", "a"}, {}}));
    CHECK_FALSE(kDialect.requires_no_transaction(CreateEnumType{EnumType{"e", {"a"}}}));
    CHECK_FALSE(kDialect.requires_no_transaction(DropEnumType{EnumType{"e", {"a"}}}));
}

TEST_CASE("a removed value swaps the type and casts every column, keeping defaults") {
    const AlterEnumType op{"Mood",
                           {"a", "b", "c"},
                           {"b", "a"},
                           {{"t", "m", "'a'::\"Mood\""},
                            {"Odd Table", "Select", std::nullopt},
                            {"u", "n", "'b'::\"Mood\""}}};
    CHECK(kDialect.render(op) ==
          Statements{
              "ALTER TYPE \"Mood\" RENAME TO \"Mood_schemadiff_old\"",
              "CREATE TYPE \"Mood\" AS ENUM ('b', 'a')",
              "ALTER TABLE t ALTER COLUMN m DROP DEFAULT",
              "ALTER TABLE t ALTER COLUMN m TYPE \"Mood\" USING m::TEXT::\"Mood\"",
              "ALTER TABLE t ALTER COLUMN m SET DEFAULT 'a'::\"Mood\"",
              "ALTER TABLE \"Odd Table\" ALTER COLUMN \"Select\" TYPE \"Mood\" USING "
              "\"Select\"::TEXT::\"Mood\"",
              "ALTER TABLE u ALTER COLUMN n DROP DEFAULT",
              "ALTER TABLE u ALTER COLUMN n TYPE \"Mood\" USING n::TEXT::\"Mood\"",
              "ALTER TABLE u ALTER COLUMN n SET DEFAULT 'b'::\"Mood\"",
              "DROP TYPE \"Mood_schemadiff_old\"",
          });
}

TEST_CASE("the swapped-out type's name fits in 63 bytes") {
    const std::string long_name(63, 'e');
    const Statements sql = kDialect.render(AlterEnumType{long_name, {"a", "b"}, {"a"}, {}});
    REQUIRE(sql.size() == 3);
    const std::string old_name = sql.back().substr(std::string("DROP TYPE ").size());
    CHECK(old_name.size() <= 63);
    CHECK(old_name != long_name);
    CHECK(old_name.ends_with("_schemadiff_old"));
}

TEST_CASE("an array column of the type is cast through TEXT[] to an array of the new type") {
    const AlterEnumType op{
        "Mood", {"a", "b"}, {"a"}, {{"t", "Past Moods", "'{a}'::\"Mood\"[]", true}}};
    CHECK(kDialect.render(op) ==
          Statements{
              "ALTER TYPE \"Mood\" RENAME TO \"Mood_schemadiff_old\"",
              "CREATE TYPE \"Mood\" AS ENUM ('a')",
              "ALTER TABLE t ALTER COLUMN \"Past Moods\" DROP DEFAULT",
              "ALTER TABLE t ALTER COLUMN \"Past Moods\" TYPE \"Mood\"[] USING "
              "\"Past Moods\"::TEXT[]::\"Mood\"[]",
              "ALTER TABLE t ALTER COLUMN \"Past Moods\" SET DEFAULT '{a}'::\"Mood\"[]",
              "DROP TYPE \"Mood_schemadiff_old\"",
          });
}

TEST_CASE("a swap takes dependent views, indexes and checks off before the casts and back after") {
    AlterEnumType op{"mood", {"a", "b"}, {"a"}, {{"order", "m", std::nullopt}}};
    Index partial{"order_a", {IndexPart{"id", {}, false, {}, {}, {}}}, false, "(m = 'a'::mood)", {},
                  {}};
    op.indexes.push_back(CreateIndex{"order", partial});
    op.checks.push_back(AddCheckConstraint{"order", CheckConstraint{"not a", "m <> 'a'::mood"}});
    // Dependents first: v2 selects from v1, which selects the column.
    op.views.push_back(View{"v2", "CREATE VIEW v2 AS\n SELECT m FROM v1"});
    op.views.push_back(View{"v1", "CREATE MATERIALIZED VIEW v1 AS\n SELECT m FROM \"order\""});
    CHECK(kDialect.render(op) ==
          Statements{
              "DROP VIEW v2",
              "DROP MATERIALIZED VIEW v1",
              "DROP INDEX order_a",
              "ALTER TABLE \"order\" DROP CONSTRAINT \"not a\"",
              "ALTER TYPE mood RENAME TO mood_schemadiff_old",
              "CREATE TYPE mood AS ENUM ('a')",
              "ALTER TABLE \"order\" ALTER COLUMN m TYPE mood USING m::TEXT::mood",
              "ALTER TABLE \"order\" ADD CONSTRAINT \"not a\" CHECK (m <> 'a'::mood)",
              "CREATE INDEX order_a ON \"order\" (id) WHERE (m = 'a'::mood)",
              "CREATE MATERIALIZED VIEW v1 AS\n SELECT m FROM \"order\"",
              "CREATE VIEW v2 AS\n SELECT m FROM v1",
              "DROP TYPE mood_schemadiff_old",
          });
    // Values only added need none of it.
    op.from = {"a"};
    op.to = {"a", "b"};
    CHECK(kDialect.render(op) ==
          Statements{"ALTER TYPE mood ADD VALUE IF NOT EXISTS 'b' AFTER 'a'"});
}

TEST_CASE("a swap refuses a column default that names a removed value, naming both") {
    const AlterEnumType op{"mood", {"a", "b"}, {"a"}, {{"t", "m", "'b'::mood"}}};
    try {
        (void)kDialect.render(op);
        FAIL("rendered a default naming a removed value");
    } catch (const Error& error) {
        const std::string message = error.what();
        CHECK(error.kind() == ErrorKind::InvalidModel);
        CHECK(message.find("t.m") != std::string::npos);
        CHECK(message.find("'b'") != std::string::npos);
    }
}
