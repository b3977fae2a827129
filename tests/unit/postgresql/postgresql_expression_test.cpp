// CHECK constraints, index expressions and predicates as pg_get_constraintdef() and
// pg_get_indexdef() print them (left, read from a PostgreSQL 15 server) compare equal to what a
// model writes (right), and real changes still show.
#include <doctest/doctest.h>

#include "schemadiff/postgresql/postgresql_dialect.hpp"

using namespace schemadiff;

namespace {

const postgresql::PostgresqlDialect kDialect;

bool same(std::string_view catalog, std::string_view model) {
    return kDialect.normalize_expression(catalog) == kDialect.normalize_expression(model);
}

}  // namespace

TEST_CASE("the parentheses PostgreSQL adds around every operator do not count") {
    CHECK(same("(((a > 0) AND (b < 5)) OR (c IS NULL))", "a > 0 and b < 5 or c is null"));
    CHECK(same("((- a) < ((b + 1) * 2))", "-a < (b + 1) * 2"));
    CHECK(same("(((a - b) - c) > 0)", "a - b - c > 0"));
    CHECK(kDialect.normalize_expression("(((a > 0) AND (b < 5)) OR (c IS NULL))") ==
          "A > 0 AND B < 5 OR C IS NULL");
}

TEST_CASE("parentheses that change the meaning are kept") {
    CHECK_FALSE(same("((a + b) * c)", "a + b * c"));
    CHECK_FALSE(same("(a - (b - c))", "a - b - c"));
    CHECK_FALSE(same("((a OR b) AND c)", "a or b and c"));
    CHECK_FALSE(same("(NOT (a AND b))", "not a and b"));
}

TEST_CASE("casts PostgreSQL adds to literals and columns do not count") {
    CHECK(same("(d > (0)::numeric)", "d > 0"));
    CHECK(same("(h ~~ 'x%'::text)", "h LIKE 'x%'"));
    CHECK(same("(length((name)::text) > 0)", "length(name) > 0"));
    CHECK(same("(a > '-1'::integer)", "a > -1"));
    CHECK(same("(CAST(a AS text) <> '')", "a::text <> ''"));
}

TEST_CASE("IN lists compare equal to PostgreSQL's = ANY (ARRAY[...])") {
    CHECK(same("(h = ANY (ARRAY['x'::text, 'y'::text]))", "h IN ('x', 'y')"));
    CHECK(
        same("((i)::text = ANY ((ARRAY['x'::character varying, 'y'::character varying])"
             "::text[]))",
             "i in ('x','y')"));
    CHECK(same("((i)::text <> 'z'::text)", "i not in ('z')"));
    CHECK(same("(status <> ALL (ARRAY['a'::text, 'b'::text]))", "status NOT IN ('a', 'b')"));
    CHECK_FALSE(same("(h = ANY (ARRAY['x'::text, 'y'::text]))", "h IN ('x', 'z')"));
}

TEST_CASE("BETWEEN compares equal to the two comparisons PostgreSQL stores") {
    CHECK(same("(((a >= 1) AND (a <= 5)))", "a BETWEEN 1 AND 5"));
    CHECK(same("((a < 1) OR (a > 5))", "a NOT BETWEEN 1 AND 5"));
}

TEST_CASE("index expressions and predicates compare like the model writes them") {
    CHECK(same("lower((email)::text)", "LOWER(email)"));
    CHECK(same("((a > 0) AND ((i)::text <> 'q'::text))", "a > 0 AND i != 'q'"));
}

TEST_CASE("quoted names stay exact unless they need no quotes") {
    CHECK(same("(\"Price\" > 0)", "\"Price\" > 0"));
    CHECK_FALSE(same("(\"Price\" > 0)", "price > 0"));
    CHECK(same("(price > 0)", "\"price\" > 0"));
    CHECK(same("(\"order\" > 0)", "\"order\" > 0"));
}

TEST_CASE("string literals are compared exactly") {
    CHECK_FALSE(same("(a = 'X'::text)", "a = 'x'"));
    CHECK(same("(a = 'it''s'::text)", "a = E'it\\'s'"));
    CHECK(same("(a = 'x'::text)", "a = $$x$$"));
}

TEST_CASE("the enum-as-text CHECK is recognised as PostgreSQL prints it") {
    using postgresql::enum_check_values;
    const std::vector<std::string> ab = {"a", "b"};
    CHECK(enum_check_values("CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))", "status") ==
          ab);
    CHECK(enum_check_values("(status = ANY (ARRAY['a'::text, 'b'::text]))", "status") == ab);
    CHECK(enum_check_values("(\"Status\" = ANY (ARRAY['a'::text, 'b'::text]))", "Status") == ab);
    CHECK(enum_check_values("(status = 'it''s'::text)", "status") ==
          std::vector<std::string>{"it's"});
    CHECK(enum_check_values("status IN ('a', 'b')", "status") == ab);
    CHECK(enum_check_values("checks IN ('a', 'b')", "checks") == ab);  // not a CHECK keyword
    CHECK(enum_check_values("CHECK (\"Odd \"\"s\"::text = ANY (ARRAY['a'::character varying,"
                            " 'b'::character varying]::text[]))",
                            "Odd \"s") == ab);
    CHECK_FALSE(enum_check_values("(status = ANY (ARRAY['a'::text, 'b'::text]))", "other"));
    CHECK_FALSE(enum_check_values("(length(status) > 0)", "status"));
    CHECK_FALSE(enum_check_values("(status = ANY (ARRAY['a'::text, upper(x)]))", "status"));
}

TEST_CASE("malformed text normalises without crashing") {
    for (const char* text : {"",
                             "((",
                             "))",
                             "(a",
                             "a)",
                             "CAST(",
                             "CAST(a AS",
                             "::",
                             "a::",
                             "'unterminated",
                             "\"unterminated",
                             "$$x",
                             "$tag$x$",
                             "ARRAY[",
                             "= ANY (ARRAY[",
                             "x = ANY (ARRAY['a'",
                             "a BETWEEN",
                             "a NOT BETWEEN 1 AND",
                             "CASE WHEN",
                             "IN (",
                             "- -",
                             "/* open",
                             "x::timestamp(3) with",
                             "x::double",
                             "((((((((a))))))))"}) {
        CAPTURE(text);
        CHECK_NOTHROW((void)kDialect.normalize_expression(text));
        CHECK_NOTHROW((void)kDialect.normalize_default(text, ColumnType::of(TypeKind::Integer)));
        CHECK_NOTHROW((void)kDialect.normalize_type(text));
        CHECK_NOTHROW((void)postgresql::enum_check_values(text, "x"));
    }
    CHECK(kDialect.normalize_expression("((((((((a))))))))") == "A");
}

TEST_CASE("a lower-case column PostgreSQL quotes as a keyword equals the model's bare name") {
    CHECK(same("(\"position\" >= 0)", "position >= 0"));
    CHECK(same("((\"order\" > 0) AND (\"end\" < 10))", "\"order\" > 0 and \"end\" < 10"));
    CHECK_FALSE(same("(\"Position\" >= 0)", "position >= 0"));
}
