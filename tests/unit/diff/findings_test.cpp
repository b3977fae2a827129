// Findings: what a reviewer must see before running the plan.
#include <doctest/doctest.h>

#include "diff_test_support.hpp"

namespace schemadiff::diff::test {

namespace {

using Lines = std::vector<std::string>;

Plan change_type(std::string_view from, std::string_view to) {
    return diff(Schema{{keyed_table("t", {column("c", from)})}, {}},
                Schema{{keyed_table("t", {column("c", to)})}, {}});
}

bool is_lossy(std::string_view from, std::string_view to) {
    const Plan plan = change_type(from, to);
    REQUIRE(plan.operations.size() == 1);
    return finding_summaries(plan) == Lines{"lossy-type-change t.c"};
}

}  // namespace

TEST_CASE("dropping a table is reported as data loss") {
    const Plan plan = diff(Schema{{keyed_table("t", {})}, {}}, Schema{});
    CHECK(finding_summaries(plan) == Lines{"data-loss t"});
    CHECK(plan.findings[0].operation_index == 0);
    CHECK(plan.findings[0].message == "Dropping table t deletes all of its rows.");
}

TEST_CASE("dropping a column is reported as data loss") {
    const Plan plan =
        diff(Schema{{keyed_table("t", {column("c")})}, {}}, Schema{{keyed_table("t", {})}, {}});
    CHECK(finding_summaries(plan) == Lines{"data-loss t.c"});
}

TEST_CASE("a dropped and an added column of the same type and nullability look like a rename") {
    const Plan plan = diff(Schema{{keyed_table("t", {column("mail", "text")})}, {}},
                           Schema{{keyed_table("t", {column("email", "text")})}, {}});
    CHECK(summaries(plan) == Lines{"add_column t.email", "drop_column t.mail"});
    CHECK(finding_summaries(plan) == Lines{"data-loss t.mail", "probable-rename t.mail"});
    CHECK(plan.findings[1].operation_index == 1);
    CHECK(plan.findings[1].message.find("renamed_from = \"mail\"") != std::string::npos);
}

TEST_CASE("a dropped and an added column of different types do not look like a rename") {
    const Plan plan = diff(Schema{{keyed_table("t", {column("mail", "text")})}, {}},
                           Schema{{keyed_table("t", {column("email", "integer")})}, {}});
    CHECK(finding_summaries(plan) == Lines{"data-loss t.mail"});
}

TEST_CASE("a dropped and a created table with the same columns look like a rename") {
    const Plan plan = diff(Schema{{keyed_table("people", {column("name", "text")})}, {}},
                           Schema{{keyed_table("persons", {column("NAME", "text")})}, {}});
    CHECK(summaries(plan) == Lines{"create_table persons", "drop_table people"});
    CHECK(finding_summaries(plan) == Lines{"data-loss people", "probable-rename people"});
    CHECK(plan.findings[1].message.find("on table persons") != std::string::npos);
}

TEST_CASE("narrowing type changes are reported as lossy") {
    CHECK(is_lossy("string(100)", "string(50)"));
    CHECK(is_lossy("text", "string(50)"));
    CHECK(is_lossy("numeric(10,2)", "numeric(8,2)"));
    CHECK(is_lossy("numeric(10,2)", "numeric(10,1)"));
    CHECK(is_lossy("bigint", "integer"));
    CHECK(is_lossy("integer", "smallint"));
    CHECK(is_lossy("double", "real"));
    CHECK(is_lossy("text", "integer"));
    CHECK(is_lossy("timestamptz", "timestamp"));
    CHECK(is_lossy("timestamp", "date"));
    CHECK(is_lossy("enum('a','b')", "enum('a')"));
    CHECK(is_lossy("bigint", "string(5)"));
}

TEST_CASE("widening type changes are not reported") {
    CHECK_FALSE(is_lossy("string(50)", "string(100)"));
    CHECK_FALSE(is_lossy("string(50)", "text"));
    CHECK_FALSE(is_lossy("smallint", "bigint"));
    CHECK_FALSE(is_lossy("real", "double"));
    CHECK_FALSE(is_lossy("numeric(8,2)", "numeric(10,2)"));
    CHECK_FALSE(is_lossy("integer", "numeric(12,0)"));
    CHECK_FALSE(is_lossy("date", "timestamp"));
    CHECK_FALSE(is_lossy("enum('a')", "enum('a','b')"));
    CHECK_FALSE(is_lossy("integer", "string(20)"));
}

TEST_CASE("making a column NOT NULL is reported") {
    const Plan plan = diff(Schema{{keyed_table("t", {column("c")})}, {}},
                           Schema{{keyed_table("t", {not_null("c")})}, {}});
    CHECK(finding_summaries(plan) == Lines{"not-null-no-default t.c"});
}

TEST_CASE("adding a NOT NULL column without a default to an existing table is reported") {
    const Plan plan =
        diff(Schema{{keyed_table("t", {})}, {}}, Schema{{keyed_table("t", {not_null("c")})}, {}});
    CHECK(finding_summaries(plan) == Lines{"not-null-no-default t.c"});
}

TEST_CASE("adding a NOT NULL column with a default is not reported") {
    Column added = not_null("c");
    added.default_sql.emplace("0");
    const Plan plan =
        diff(Schema{{keyed_table("t", {})}, {}}, Schema{{keyed_table("t", {added})}, {}});
    CHECK(plan.findings.empty());
}

TEST_CASE("a rebuild is reported with its reasons, and the columns it drops as data loss") {
    TestDialect dialect;
    dialect.refused = {"alter_column"};
    const Plan plan = diff(Schema{{keyed_table("t", {column("a"), column("b", "text")})}, {}},
                           Schema{{keyed_table("t", {column("a", "bigint")})}, {}}, dialect);
    CHECK(summaries(plan) == Lines{"rebuild_table t"});
    CHECK(finding_summaries(plan) == Lines{"data-loss t.b", "table-rebuild t"});
    CHECK(plan.findings[1].message.find("the test dialect cannot alter_column on t") !=
          std::string::npos);
}

TEST_CASE("a rebuild reports the lossy and NOT NULL changes of the columns it copies") {
    TestDialect dialect;
    dialect.refused = {"alter_column"};
    const Plan plan = diff(Schema{{keyed_table("t", {column("a", "bigint")})}, {}},
                           Schema{{keyed_table("t", {not_null("a", "integer")})}, {}}, dialect);
    CHECK(finding_summaries(plan) ==
          Lines{"lossy-type-change t.a", "not-null-no-default t.a", "table-rebuild t"});
}

TEST_CASE("a generated column the rebuilt table keeps is computed again, not lost") {
    TestDialect dialect;
    dialect.refused = {"alter_column"};
    Table from = keyed_table("t", {column("a"), column("g")});
    from.columns[2].generated = GeneratedColumn{"a * 2", false};
    Table to = keyed_table("t", {column("a", "bigint"), column("g")});
    to.columns[2].generated = GeneratedColumn{"a * 3", true};
    const Plan plan = diff(Schema{{from}, {}}, Schema{{to}, {}}, dialect);
    CHECK(summaries(plan) == Lines{"rebuild_table t"});
    CHECK(finding_summaries(plan) == Lines{"table-rebuild t"});
    CHECK(finding_summaries(invert(plan, dialect)) ==
          Lines{"lossy-type-change t.a", "table-rebuild t"});
}

TEST_CASE("a generated column a rebuild leaves out, or replaces by a plain one, is data loss") {
    TestDialect dialect;
    dialect.refused = {"alter_column", "drop_column"};
    Table from = keyed_table("t", {column("a"), column("g"), column("h")});
    from.columns[2].generated = GeneratedColumn{"a * 2", false};
    Table to = keyed_table("t", {column("a", "bigint"), column("h")});
    to.columns[2].generated = GeneratedColumn{"a + 1", true};
    const Plan plan = diff(Schema{{from}, {}}, Schema{{to}, {}}, dialect);
    CHECK(finding_summaries(plan) == Lines{"data-loss t.g", "data-loss t.h", "table-rebuild t"});
}

TEST_CASE("NOT NULL with a default added by a rebuild says NULLs are copied as the default") {
    TestDialect dialect;
    dialect.refused = {"alter_column"};
    Column plan_column = not_null("plan", "text");
    plan_column.default_sql = "'free'";
    const Plan plan = diff(Schema{{keyed_table("t", {column("plan", "text")})}, {}},
                           Schema{{keyed_table("t", {plan_column})}, {}}, dialect);
    REQUIRE(finding_summaries(plan) == Lines{"not-null-no-default t.plan", "table-rebuild t"});
    CHECK(plan.findings[0].message ==
          "Column t.plan becomes NOT NULL: rows holding NULL there are copied with its default "
          "'free' instead.");
}

TEST_CASE("NOT NULL added in place warns that NULLs make the change fail, default or not") {
    Column plan_column = not_null("plan", "text");
    plan_column.default_sql = "'free'";
    const Plan plan = diff(Schema{{keyed_table("t", {column("plan", "text")})}, {}},
                           Schema{{keyed_table("t", {plan_column})}, {}});
    CHECK(summaries(plan) == Lines{"alter_column t.plan"});
    REQUIRE(finding_summaries(plan) == Lines{"not-null-no-default t.plan"});
    CHECK(plan.findings[0].message.find("fails if any row holds NULL") != std::string::npos);
}

TEST_CASE("findings are sorted by operation, then kind") {
    const Plan plan = diff(Schema{{keyed_table("a", {}), keyed_table("t", {column("c")})}, {}},
                           Schema{{keyed_table("t", {not_null("c", "smallint")})}, {}});
    CHECK(summaries(plan) == Lines{"alter_column t.c", "drop_table a"});
    CHECK(finding_summaries(plan) ==
          Lines{"lossy-type-change t.c", "not-null-no-default t.c", "data-loss a"});
}

}  // namespace schemadiff::diff::test
