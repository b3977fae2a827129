// Golden SQL of PostgreSQL's named enum types: CREATE TYPE and DROP TYPE with quoted names and
// values, values added in place in their target order (outside the transaction), and the type
// swap for a value removed or moved (columns cast through text, defaults dropped and set again).
#include <doctest/doctest.h>

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
                            {"u", "n", "'c'::\"Mood\""}}};
    CHECK(kDialect.render(op) ==
          Statements{
              "ALTER TYPE \"Mood\" RENAME TO \"Mood_schemadiff_old\"",
              "CREATE TYPE \"Mood\" AS ENUM ('b', 'a')",
              "ALTER TABLE t ALTER COLUMN m DROP DEFAULT",
              "ALTER TABLE t ALTER COLUMN m TYPE \"Mood\" USING m::TEXT::\"Mood\"",
              "ALTER TABLE t ALTER COLUMN m SET DEFAULT 'a'::\"Mood\"",
              "ALTER TABLE \"Odd Table\" ALTER COLUMN \"Select\" TYPE \"Mood\" USING "
              "\"Select\"::TEXT::\"Mood\"",
              // A default naming a removed value cannot come back.
              "ALTER TABLE u ALTER COLUMN n DROP DEFAULT",
              "ALTER TABLE u ALTER COLUMN n TYPE \"Mood\" USING n::TEXT::\"Mood\"",
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
