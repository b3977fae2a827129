#include <doctest/doctest.h>

#include "default_expression.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"

using namespace schemadiff;

namespace {

const sqlite::SqliteDialect kDialect;

std::string normalized(std::string_view expression, TypeKind kind) {
    return kDialect.normalize_default(expression, ColumnType::of(kind));
}

}  // namespace

TEST_CASE("redundant parentheses around a default are dropped") {
    CHECK(normalized("(0)", TypeKind::Integer) == "0");
    CHECK(normalized("((1))", TypeKind::Integer) == "1");
    CHECK(normalized("( 'a' )", TypeKind::Text) == "'a'");
}

TEST_CASE("numeric literals take one canonical spelling") {
    CHECK(normalized("007", TypeKind::Integer) == "7");
    CHECK(normalized("+1", TypeKind::Integer) == "1");
    CHECK(normalized("- 1", TypeKind::Integer) == "-1");
    CHECK(normalized("(-1)", TypeKind::Integer) == "-1");
    CHECK(normalized("-0", TypeKind::Integer) == "0");
    CHECK(normalized("1.50", TypeKind::Numeric) == "1.5");
    CHECK(normalized("1.0", TypeKind::Real) == "1");
    CHECK(normalized("1", TypeKind::Double) == "1");
    CHECK(normalized("1e2", TypeKind::Integer) == "100");
    CHECK(normalized("1.5E-2", TypeKind::Real) == "0.015");
    CHECK(normalized(".5", TypeKind::Real) == "0.5");
    CHECK(normalized("0x1F", TypeKind::BigInt) == "31");
}

TEST_CASE("a real literal keeps its fractional marker where the column stores text") {
    CHECK(normalized("1.0", TypeKind::Text) == "1.0");
    CHECK(normalized("1.50", TypeKind::Text) == "1.5");
    CHECK(normalized("1", TypeKind::Text) == "1");
}

TEST_CASE("boolean defaults are TRUE or FALSE whichever way they are written") {
    for (const char* truthy : {"1", "(1)", "TRUE", "true", "1.0"}) {
        CHECK(normalized(truthy, TypeKind::Boolean) == "TRUE");
    }
    for (const char* falsy : {"0", "FALSE", "(false)", "0.0", "-0"}) {
        CHECK(normalized(falsy, TypeKind::Boolean) == "FALSE");
    }
    CHECK(normalized("TRUE", TypeKind::Integer) == "1");
}

TEST_CASE("keywords are upper-cased and the 'now' functions are the CURRENT_ keywords") {
    CHECK(normalized("current_timestamp", TypeKind::Timestamp) == "CURRENT_TIMESTAMP");
    CHECK(normalized("(datetime('now'))", TypeKind::Timestamp) == "CURRENT_TIMESTAMP");
    CHECK(normalized("DATE('now')", TypeKind::Date) == "CURRENT_DATE");
    CHECK(normalized("current_time", TypeKind::Time) == "CURRENT_TIME");
    CHECK(normalized("null", TypeKind::Text) == "NULL");
}

TEST_CASE("string literals are kept exactly") {
    CHECK(normalized("'Mixed  Case'", TypeKind::Text) == "'Mixed  Case'");
    CHECK(normalized("'it''s'", TypeKind::Text) == "'it''s'");
    CHECK(normalized("\"legacy\"", TypeKind::Text) == "'legacy'");
    CHECK(normalized("x'ab01'", TypeKind::Binary) == "X'AB01'");
}

TEST_CASE("expressions are normalised as SQL expressions") {
    CHECK(normalized("(strftime('%s',  'now'))", TypeKind::Integer) ==
          normalized("STRFTIME('%s','now')", TypeKind::Integer));
    CHECK(normalized("abs( -1 )", TypeKind::Integer) == normalized("(ABS(-1))", TypeKind::Integer));
}

TEST_CASE("default normalisation is idempotent") {
    const std::pair<const char*, TypeKind> cases[] = {
        {"(0)", TypeKind::Integer},
        {"1.50", TypeKind::Real},
        {"1.0", TypeKind::Text},
        {"'it''s'", TypeKind::Text},
        {"true", TypeKind::Boolean},
        {"(datetime('now'))", TypeKind::Timestamp},
        {"\"legacy\"", TypeKind::Text},
        {"lower( 'A' ) || 'b'", TypeKind::Text},
        {"x'ab'", TypeKind::Binary},
        {"-1e400", TypeKind::Real},
        {"0x7FFFFFFFFFFFFFFF", TypeKind::BigInt},
    };
    for (const auto& [expression, kind] : cases) {
        CAPTURE(expression);
        const std::string once = normalized(expression, kind);
        CHECK(normalized(once, kind) == once);
    }
}

TEST_CASE("canonical numbers reject what is not a number") {
    using sqlite::detail::canonical_number;
    CHECK_FALSE(canonical_number("abc", true).has_value());
    CHECK_FALSE(canonical_number("1.2.3", true).has_value());
    CHECK(canonical_number("000.000", true) == "0");
    CHECK(canonical_number("12e-1", false) == "1.2");
    CHECK(canonical_number("12e1", false) == "120.0");
}

TEST_CASE("a catalog default that is a bare identifier is the string SQLite reads it as") {
    using sqlite::detail::catalog_default;
    CHECK(catalog_default("\"dq\"") == "'dq'");
    CHECK(catalog_default("[br]") == "'br'");
    CHECK(catalog_default("`bt`") == "'bt'");
    CHECK(catalog_default("abc") == "'abc'");
    CHECK(catalog_default("\"it's\"") == "'it''s'");
    CHECK(catalog_default("\"q\"\"x\"") == "'q\"x'");
    CHECK(catalog_default("\"true\"") == "'true'");
}

TEST_CASE("catalog defaults other than a bare identifier are kept as written") {
    using sqlite::detail::catalog_default;
    for (const char* kept :
         {"'dq'", "0", "-1", "1.5", "x'00ff'", "NULL", "null", "TRUE", "false", "CURRENT_TIMESTAMP",
          "current_date", "CURRENT_TIME", "lower('A')", "'a' || \"b\"", "(1 + 2)"}) {
        CAPTURE(kept);
        CHECK(catalog_default(kept) == kept);
    }
}
