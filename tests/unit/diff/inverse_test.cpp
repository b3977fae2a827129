// invert: each operation's exact inverse, in reverse order, with findings of its own.
#include <doctest/doctest.h>

#include "diff_test_support.hpp"
#include "schemadiff/core/plan_json.hpp"

namespace schemadiff::diff::test {

namespace {

using Lines = std::vector<std::string>;

Plan inverse(const Plan& plan) {
    static const TestDialect dialect;
    return invert(plan, dialect);
}

Plan plan_of(std::vector<Operation> operations) {
    Plan plan;
    plan.operations = std::move(operations);
    return plan;
}

// A pair of schemas whose diff holds every kind of operation; table "r" is rebuilt.
struct RichCase {
    Schema current;
    Schema target;
    TestDialect dialect;

    RichCase() {
        Table a = keyed_table("a", {column("x"), column("gone"), column("mail", "text")});
        a.indexes = {index("ix_x", {"x"})};
        a.unique_constraints = {{std::nullopt, {"x"}}};
        a.checks = {{"ck", "x > 0"}};
        Table b = keyed_table("b", {column("a_id")});
        b.foreign_keys = {foreign_key({"a_id"}, "a")};
        Table r = keyed_table("r", {column("v"), column("w", "text")});
        current = Schema{{a, b, r, keyed_table("dropped", {})}, {}};

        Table a2 = keyed_table("a", {column("x", "bigint"), column("email", "text"), column("y")});
        a2.columns[2].renamed_from = "mail";
        a2.primary_key.columns = {"id", "x"};
        a2.indexes = {index("ix_y", {"y"})};
        a2.unique_constraints = {{std::nullopt, {"y"}}};
        a2.checks = {{"ck", "x > 1"}};
        a2.comment = "table a";
        Table b2 = keyed_table("bee", {column("a_id")});
        b2.renamed_from = "b";
        b2.foreign_keys = {foreign_key({"a_id"}, "a")};
        b2.foreign_keys[0].on_delete = ForeignKeyAction::Cascade;
        Table r2 = keyed_table("r", {column("v", "smallint"), column("ww", "text")});
        r2.columns[2].renamed_from = "w";
        Table c = keyed_table("c", {column("a_id")});
        c.foreign_keys = {foreign_key({"a_id"}, "a")};
        target = Schema{{a2, b2, r2, c}, {}};
        dialect.refused = {"alter_column"};
        dialect.refused_tables = {"r"};
    }
};

}  // namespace

TEST_CASE("the inverse of a plan inverts each operation in reverse order") {
    const Plan plan = plan_of({AddColumn{"t", column("a")}, RenameTable{"t", "u"}});
    CHECK(summaries(inverse(plan)) == Lines{"rename_table t from u", "drop_column t.a"});
}

TEST_CASE("CreateTable and DropTable invert into each other with the full table") {
    const Table t = keyed_table("t", {column("a")});
    const Plan back = inverse(plan_of({CreateTable{t}, DropTable{t}}));
    CHECK(summaries(back) == Lines{"create_table t", "drop_table t"});
    CHECK(ops_of<CreateTable>(back)[0].table == t);
    CHECK(ops_of<DropTable>(back)[0].table == t);
}

TEST_CASE("AddColumn and DropColumn invert into each other with the full column") {
    Column c = not_null("c", "string(10)");
    c.default_sql = "'x'";
    const Plan back = inverse(plan_of({AddColumn{"t", c}, DropColumn{"t", c}}));
    CHECK(summaries(back) == Lines{"add_column t.c", "drop_column t.c"});
    CHECK(ops_of<AddColumn>(back)[0].column == c);
}

TEST_CASE("renames invert by swapping the names") {
    const Plan back = inverse(plan_of({RenameTable{"a", "b"}, RenameColumn{"b", "x", "y"}}));
    CHECK(summaries(back) == Lines{"rename_column b.x from y", "rename_table a from b"});
}

TEST_CASE("AlterColumn, AlterPrimaryKey and SetTableComment invert by swapping from and to") {
    const Plan back =
        inverse(plan_of({AlterColumn{"t", column("c"), not_null("c")},
                         AlterPrimaryKey{"t", {std::nullopt, {"a"}}, {std::nullopt, {"b"}}},
                         SetTableComment{"t", std::nullopt, "hello"}}));
    CHECK(ops_of<SetTableComment>(back)[0].from == "hello");
    CHECK_FALSE(ops_of<SetTableComment>(back)[0].to.has_value());
    CHECK(ops_of<AlterPrimaryKey>(back)[0].to.columns == std::vector<std::string>{"a"});
    CHECK(ops_of<AlterColumn>(back)[0].to.is_nullable);
}

TEST_CASE("index and constraint operations invert into their counterparts") {
    const Plan back = inverse(plan_of(
        {CreateIndex{"t", index("ix", {"a"})}, DropUniqueConstraint{"t", {std::nullopt, {"a"}}},
         AddForeignKey{"t", foreign_key({"a"}, "u")}, DropCheckConstraint{"t", {"ck", "a > 0"}}}));
    CHECK(summaries(back) == Lines{"add_check t a > 0", "drop_foreign_key t(a)->u",
                                   "add_unique t(a)", "drop_index t.ix"});
}

TEST_CASE("a RebuildTable inverts into the rebuild back, with its column sources reversed") {
    RebuildTable rebuild{keyed_table("t", {column("mail", "text"), column("old")}),
                         keyed_table("t", {column("fresh"), column("email", "text")}),
                         {{"id", "id"}, {"email", "mail"}},
                         {},
                         {"why"}};
    const auto back = ops_of<RebuildTable>(inverse(plan_of({rebuild})));
    REQUIRE(back.size() == 1);
    CHECK(back[0].from == rebuild.to);
    CHECK(back[0].to == rebuild.from);
    CHECK(back[0].column_sources == std::vector<ColumnSource>{{"id", "id"}, {"mail", "email"}});
}

TEST_CASE("the inverse plan has findings of its own") {
    const Plan plan =
        diff(Schema{{keyed_table("t", {})}, {}}, Schema{{keyed_table("t", {column("c")})}, {}});
    CHECK(plan.findings.empty());
    CHECK(finding_summaries(inverse(plan)) == Lines{"data-loss t.c"});
}

TEST_CASE("inverting a plan twice gives back the same operations") {
    const RichCase rich;
    const Plan plan = diff(rich.current, rich.target, rich.dialect);
    CHECK(summaries(plan) == Lines{"rename_table bee from b", "rename_column a.email from mail",
                                   "create_table c", "drop_check a x > 0", "drop_unique a(x)",
                                   "drop_index a.ix_x", "add_column a.y", "alter_column a.x",
                                   "alter_primary_key a", "add_unique a(y)", "create_index a.ix_y",
                                   "add_check a x > 1", "set_table_comment a", "drop_column a.gone",
                                   "drop_foreign_key bee(a_id)->a", "add_foreign_key bee(a_id)->a",
                                   "rebuild_table r", "drop_table dropped"});
    const Plan twice = invert(invert(plan, rich.dialect), rich.dialect);
    CHECK(plan_to_json(twice) == plan_to_json(plan));
}

TEST_CASE("the inverse of a simple plan equals the diff taken the other way") {
    const Schema a{
        {keyed_table("t", {column("x"), column("y", "string(10)")}), keyed_table("u", {})}, {}};
    const Schema b{{keyed_table("t", {column("x", "bigint"), column("z")}), keyed_table("v", {})},
                   {}};
    CHECK(plan_to_json(inverse(diff(a, b))) == plan_to_json(diff(b, a)));
}

}  // namespace schemadiff::diff::test
