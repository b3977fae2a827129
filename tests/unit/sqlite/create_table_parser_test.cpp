#include "create_table_parser.hpp"

#include <doctest/doctest.h>

#include "schemadiff/core/error.hpp"

using namespace schemadiff;
using namespace schemadiff::sqlite::detail;

TEST_CASE("odd identifiers are read in every quoting style") {
    const auto table = parse_create_table(
        "CREATE TABLE \"quo\"\"te\" ([order] INTEGER, `Mixed Case` TEXT, \"with space\" REAL, "
        "'single' BLOB, ünïcödé NUMERIC(10, 2), \"order\"\"s\" TEXT)");
    CHECK(table.name == "quo\"te");
    REQUIRE(table.columns.size() == 6);
    CHECK(table.columns[0].name == "order");
    CHECK(table.columns[1].name == "Mixed Case");
    CHECK(table.columns[2].name == "with space");
    CHECK(table.columns[3].name == "single");
    CHECK(table.columns[4].name == "ünïcödé");
    CHECK(table.columns[4].declared_type == "NUMERIC(10, 2)");
    CHECK(table.columns[5].name == "order\"s");
}

TEST_CASE("comments inside CREATE TABLE are ignored") {
    const auto table = parse_create_table(
        "CREATE TABLE t ( -- the key\n id INTEGER /* a, b ) */ PRIMARY KEY,\n"
        " name TEXT -- trailing, with a comma\n)");
    REQUIRE(table.columns.size() == 2);
    CHECK(table.columns[0].is_primary_key);
    CHECK(table.columns[1].name == "name");
    CHECK(table.columns[1].declared_type == "TEXT");
}

TEST_CASE("nested parentheses and commas inside CHECK and DEFAULT stay in one column") {
    const auto table = parse_create_table(
        "CREATE TABLE t (a INTEGER DEFAULT (abs(-1) + max(1, 2)) "
        "CHECK (a IN (1, 2, (3))), b TEXT DEFAULT 'x,)' CHECK (length(b) > (1)))");
    REQUIRE(table.columns.size() == 2);
    CHECK(table.columns[0].default_sql == "(abs(-1) + max(1, 2))");
    REQUIRE(table.columns[0].checks.size() == 1);
    CHECK(table.columns[0].checks[0].expression == "a IN (1, 2, (3))");
    CHECK(table.columns[1].default_sql == "'x,)'");
    CHECK(table.columns[1].checks[0].expression == "length(b) > (1)");
}

TEST_CASE("named and unnamed constraints are read at column and table level") {
    const auto table = parse_create_table(
        "CREATE TABLE t (id INTEGER CONSTRAINT pk_t PRIMARY KEY AUTOINCREMENT,"
        " email TEXT NOT NULL CONSTRAINT uq_email UNIQUE COLLATE nocase,"
        " a INT CHECK (a > 0), b INT CONSTRAINT ck_b CHECK (b < 10),"
        " UNIQUE (a, b), CONSTRAINT ck_ab CHECK (a <> b), CHECK (a + b > 1))");
    CHECK(table.primary_key_name == "pk_t");
    CHECK(table.primary_key_columns == std::vector<std::string>{"id"});
    CHECK(table.columns[0].is_autoincrement);
    CHECK(table.columns[1].is_not_null);
    CHECK(table.columns[1].collation == "nocase");
    REQUIRE(table.uniques.size() == 2);
    CHECK(table.uniques[0].name == "uq_email");
    CHECK(table.uniques[0].columns == std::vector<std::string>{"email"});
    CHECK_FALSE(table.uniques[1].name.has_value());
    CHECK(table.uniques[1].columns == std::vector<std::string>{"a", "b"});
    CHECK(table.columns[2].checks[0] == CheckConstraint{std::nullopt, "a > 0"});
    CHECK(table.columns[3].checks[0] == CheckConstraint{"ck_b", "b < 10"});
    REQUIRE(table.checks.size() == 2);
    CHECK(table.checks[0] == CheckConstraint{"ck_ab", "a <> b"});
    CHECK(table.checks[1] == CheckConstraint{std::nullopt, "a + b > 1"});
}

TEST_CASE("a composite named primary key is read from the table constraint") {
    const auto table = parse_create_table(
        "CREATE TABLE t (a INT, b INT, CONSTRAINT pk_ab PRIMARY KEY (a, \"b\" DESC)) "
        "WITHOUT ROWID, STRICT");
    CHECK(table.primary_key_name == "pk_ab");
    CHECK(table.primary_key_columns == std::vector<std::string>{"a", "b"});
    CHECK(table.is_without_rowid);
    CHECK(table.is_strict);
}

TEST_CASE("foreign keys keep their actions, deferrability and implicit targets") {
    const auto table = parse_create_table(
        "CREATE TABLE c (p INT REFERENCES parent DEFERRABLE INITIALLY DEFERRED NOT NULL,"
        " x INT, y INT,"
        " CONSTRAINT fk_xy FOREIGN KEY (x, y) REFERENCES other (a, b)"
        " ON DELETE SET NULL ON UPDATE CASCADE MATCH SIMPLE NOT DEFERRABLE,"
        " FOREIGN KEY (y) REFERENCES main.third(id) ON DELETE RESTRICT DEFERRABLE)");
    REQUIRE(table.foreign_keys.size() == 3);
    const auto& implicit = table.foreign_keys[0];
    CHECK(implicit.columns == std::vector<std::string>{"p"});
    CHECK(implicit.referenced_table == "parent");
    CHECK(implicit.referenced_columns.empty());
    CHECK(implicit.is_deferrable);
    CHECK(implicit.is_initially_deferred);
    CHECK(table.columns[0].is_not_null);
    const auto& named = table.foreign_keys[1];
    CHECK(named.name == "fk_xy");
    CHECK(named.referenced_columns == std::vector<std::string>{"a", "b"});
    CHECK(named.on_delete == ForeignKeyAction::SetNull);
    CHECK(named.on_update == ForeignKeyAction::Cascade);
    CHECK_FALSE(named.is_deferrable);
    const auto& third = table.foreign_keys[2];
    CHECK(third.referenced_table == "third");
    CHECK(third.on_delete == ForeignKeyAction::Restrict);
    CHECK(third.is_deferrable);
    CHECK_FALSE(third.is_initially_deferred);
}

TEST_CASE("generated columns keep their expression and storage") {
    const auto table = parse_create_table(
        "CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a * 2) STORED,"
        " c AS (a || 'x'), d TEXT AS (upper(c)) VIRTUAL)");
    REQUIRE(table.columns.size() == 4);
    CHECK(table.columns[1].declared_type == "INT");
    CHECK(table.columns[1].generated == GeneratedColumn{"a * 2", true});
    CHECK(table.columns[2].declared_type.empty());
    CHECK(table.columns[2].generated == GeneratedColumn{"a || 'x'", false});
    CHECK(table.columns[3].generated == GeneratedColumn{"upper(c)", false});
}

TEST_CASE("type names of several words and keyword-like column names are read") {
    const auto table = parse_create_table(
        "CREATE TEMP TABLE IF NOT EXISTS t (key DOUBLE PRECISION NOT NULL,"
        " action TIMESTAMP WITH TIME ZONE, no CHARACTER VARYING(20) DEFAULT -1)");
    REQUIRE(table.columns.size() == 3);
    CHECK(table.columns[0].name == "key");
    CHECK(table.columns[0].declared_type == "DOUBLE PRECISION");
    CHECK(table.columns[1].declared_type == "TIMESTAMP WITH TIME ZONE");
    CHECK(table.columns[2].declared_type == "CHARACTER VARYING(20)");
    CHECK(table.columns[2].default_sql == "-1");
}

TEST_CASE("table constraints need no separating comma, as in SQLite") {
    const auto table = parse_create_table("CREATE TABLE t (a INT, b INT, UNIQUE (a) UNIQUE (b))");
    CHECK(table.uniques.size() == 2);
}

TEST_CASE("text that is not CREATE TABLE is an introspection error") {
    CHECK_THROWS_AS(parse_create_table("CREATE VIEW v AS SELECT 1"), Error);
    try {
        (void)parse_create_table("SELECT 1");
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::Introspection);
    }
}
