// Column comparison: AlterColumn for real changes only, judged on normalised forms.
#include <doctest/doctest.h>

#include "diff_test_support.hpp"

namespace schemadiff::diff::test {

namespace {

using Lines = std::vector<std::string>;

Plan diff_column(const Column& from, const Column& to, DiffOptions options = {}) {
    static const TestDialect dialect;
    options.dialect = &dialect;
    return diff_schemas(Schema{{keyed_table("t", {from})}, {}},
                        Schema{{keyed_table("t", {to})}, {}}, options);
}

AlterColumn only_alter(const Plan& plan) {
    REQUIRE(summaries(plan) == Lines{"alter_column t.c"});
    return ops_of<AlterColumn>(plan)[0];
}

Column with_default(Column column, std::string expression) {
    column.default_sql = std::move(expression);
    return column;
}

}  // namespace

TEST_CASE("a type change becomes AlterColumn carrying the old and the new type") {
    const auto alter = only_alter(diff_column(column("c", "integer"), column("c", "bigint")));
    CHECK(alter.from.type == ColumnType::of(TypeKind::Integer));
    CHECK(alter.to.type == ColumnType::of(TypeKind::BigInt));
}

TEST_CASE("types that canonicalise equal are not a change") {
    CHECK(diff_column(column("c", "INT4"), column("c", "integer")).empty());
    CHECK(diff_column(column("c", "string"), column("c", "text")).empty());
}

TEST_CASE("a nullability change becomes AlterColumn") {
    const auto alter = only_alter(diff_column(column("c"), not_null("c")));
    CHECK(alter.from.is_nullable);
    CHECK_FALSE(alter.to.is_nullable);
}

TEST_CASE("the nullability a catalog reports for a primary-key column is not a change") {
    Table current = keyed_table("t", {});
    current.columns[0].is_nullable = true;  // SQLite reports INTEGER PRIMARY KEY as nullable
    CHECK(diff(Schema{{current}, {}}, Schema{{keyed_table("t", {})}, {}}).empty());
}

TEST_CASE("a default change becomes AlterColumn") {
    const auto alter =
        only_alter(diff_column(with_default(column("c"), "0"), with_default(column("c"), "1")));
    CHECK(alter.from.default_sql == "0");
    CHECK(alter.to.default_sql == "1");
}

TEST_CASE("defaults that normalise equal are not a change") {
    CHECK(diff_column(with_default(column("c"), "((0))"), with_default(column("c"), "0")).empty());
    CHECK(diff_column(with_default(column("c", "timestamp"), "current_timestamp"),
                      with_default(column("c", "timestamp"), "CURRENT_TIMESTAMP"))
              .empty());
}

TEST_CASE("an explicit NULL default is the same as no default") {
    CHECK(diff_column(with_default(column("c"), "NULL"), column("c")).empty());
}

TEST_CASE("a change to a generated column's expression becomes AlterColumn") {
    Column from = column("c");
    from.generated = GeneratedColumn{"a + 1", true};
    Column to = from;
    to.generated->expression = "a + 2";
    const auto alter = only_alter(diff_column(from, to));
    CHECK(alter.to.generated->expression == "a + 2");
}

TEST_CASE("generated expressions that normalise equal are not a change") {
    Column from = column("c");
    from.generated = GeneratedColumn{"(a+1)", false};
    Column to = column("c");
    to.generated = GeneratedColumn{"a+1", false};
    CHECK(diff_column(from, to).empty());
}

TEST_CASE("collations compare case-insensitively") {
    Column from = column("c", "text");
    from.collation = "NOCASE";
    Column same = from;
    same.collation = "nocase";
    CHECK(diff_column(from, same).empty());
    Column other = from;
    other.collation = "RTRIM";
    CHECK(only_alter(diff_column(from, other)).to.collation == "RTRIM");
}

TEST_CASE("a column comment change becomes AlterColumn unless comments are ignored") {
    Column to = column("c");
    to.comment = "the answer";
    CHECK(only_alter(diff_column(column("c"), to)).to.comment == "the answer");
    DiffOptions options;
    options.compare_comments = false;
    CHECK(diff_column(column("c"), to, options).empty());
}

TEST_CASE("an autoincrement change becomes AlterColumn") {
    Column to = column("c");
    to.is_autoincrement = true;
    CHECK(only_alter(diff_column(column("c"), to)).to.is_autoincrement);
}

TEST_CASE("type and default comparison can be switched off") {
    DiffOptions options;
    options.compare_types = false;
    options.compare_defaults = false;
    CHECK(diff_column(with_default(column("c", "integer"), "0"),
                      with_default(column("c", "bigint"), "1"), options)
              .empty());
}

TEST_CASE("an AlterColumn changes only what differs and keeps the current spelling otherwise") {
    Column from = with_default(column("c", "INT4"), "(0)");
    from.collation = "binary";
    Column to = with_default(not_null("c", "integer"), "0");
    to.collation = "BINARY";
    const auto alter = only_alter(diff_column(from, to));
    CHECK(alter.to.type == from.type);
    CHECK(alter.to.default_sql == from.default_sql);
    CHECK(alter.to.collation == from.collation);
    CHECK_FALSE(alter.to.is_nullable);
}

}  // namespace schemadiff::diff::test
