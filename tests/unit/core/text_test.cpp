#include "schemadiff/core/text.hpp"

#include <doctest/doctest.h>

using namespace schemadiff;

TEST_CASE("outer parentheses are stripped only when they wrap the whole expression") {
    CHECK(text::strip_outer_parentheses("((a > 0))") == "a > 0");
    CHECK(text::strip_outer_parentheses("(a) + (b)") == "(a) + (b)");
    CHECK(text::strip_outer_parentheses("(')(')") == "')('");
}

TEST_CASE("expression normalisation folds whitespace, keyword case and call spacing") {
    CHECK(text::normalize_sql_expression("( price  >  0 )") == "PRICE > 0");
    CHECK(text::normalize_sql_expression("lower (name)") ==
          text::normalize_sql_expression("LOWER(name)"));
    CHECK(text::normalize_sql_expression("status IN ( 'a' , 'b' )") ==
          text::normalize_sql_expression("status in ('a','b')"));
}

TEST_CASE("expression normalisation keeps quoted text exactly") {
    CHECK(text::normalize_sql_expression("name = 'Mixed  Case'") == "NAME = 'Mixed  Case'");
    CHECK(text::normalize_sql_expression("\"Col\" > 1") == "\"Col\" > 1");
    CHECK(text::normalize_sql_expression("'it''s'") == "'it''s'");
}

TEST_CASE("case-insensitive helpers compare ASCII only") {
    CHECK(text::iequals("Users", "USERS"));
    CHECK_FALSE(text::iequals("users", "user"));
    CHECK(text::starts_with_icase("CREATE TABLE", "create"));
    CHECK(text::join({"a", "b", "c"}, ", ") == "a, b, c");
}
