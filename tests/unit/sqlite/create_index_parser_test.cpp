#include "create_index_parser.hpp"

#include <doctest/doctest.h>

#include "schemadiff/core/error.hpp"

using namespace schemadiff;
using namespace schemadiff::sqlite::detail;

TEST_CASE("index parts separate columns, expressions, collations and order") {
    const auto index = parse_create_index(
        "CREATE UNIQUE INDEX \"ix a\" ON \"my table\" (\"Mixed Case\" DESC,"
        " lower(name) COLLATE NOCASE, [order] COLLATE \"binary\" ASC, (a + b))");
    CHECK(index.name == "ix a");
    CHECK(index.table == "my table");
    CHECK(index.is_unique);
    REQUIRE(index.parts.size() == 4);
    CHECK(index.parts[0].column == "Mixed Case");
    CHECK(index.parts[0].is_descending);
    CHECK_FALSE(index.parts[1].column.has_value());
    CHECK(index.parts[1].expression == "lower(name)");
    CHECK(index.parts[1].collation == "NOCASE");
    CHECK(index.parts[2].column == "order");
    CHECK(index.parts[2].collation == "binary");
    CHECK(index.parts[3].expression == "(a + b)");
    CHECK_FALSE(index.where.has_value());
}

TEST_CASE("a partial index keeps its WHERE predicate without comments") {
    const auto index = parse_create_index(
        "CREATE INDEX IF NOT EXISTS main.ix ON t (a) WHERE a > 0 -- positive\n AND b IS NOT NULL");
    CHECK(index.name == "ix");
    CHECK(index.where == "a > 0 AND b IS NOT NULL");
}

TEST_CASE("text that is not CREATE INDEX is an introspection error") {
    CHECK_THROWS_AS(parse_create_index("CREATE TABLE t (a)"), Error);
}
