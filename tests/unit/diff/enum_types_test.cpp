// Named enum types in the diff: created before and dropped after the table operations, values
// added before the tables and removed (a type swap, flagged as data loss) after them, each
// alteration listing the columns that use the type where it runs; inverses at the same points;
// no enum type operations at all for a dialect without named enums.
#include <doctest/doctest.h>

#include "diff_test_support.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::diff::test {

namespace {

using Lines = std::vector<std::string>;

// A dialect that inlines enums (like SQLite): its canonical type drops the name.
class InlineEnumDialect final : public TestDialect {
public:
    [[nodiscard]] ColumnType canonical_type(const ColumnType& type) const override {
        ColumnType out = TestDialect::canonical_type(type);
        out.enum_name.clear();
        return out;
    }
};

ColumnType mood(std::vector<std::string> values, std::string name = "mood") {
    ColumnType type = ColumnType::enumeration(std::move(values));
    type.enum_name = std::move(name);
    return type;
}

Column mood_column(std::string name, std::vector<std::string> values) {
    Column out = column(std::move(name));
    out.type = mood(std::move(values));
    return out;
}

Schema schema_of(std::vector<Table> tables, std::vector<EnumType> types = {}) {
    Schema schema;
    schema.tables = std::move(tables);
    schema.enum_types = std::move(types);
    return schema;
}

}  // namespace

TEST_CASE(
    "a new enum type is created before the table using it and dropped after it on the way "
    "back") {
    const Schema target = schema_of({keyed_table("t", {mood_column("m", {"a", "b"})})});
    const Plan plan = diff(Schema{}, target);
    CHECK(summaries(plan) == Lines{"create_enum_type mood", "create_table t"});
    CHECK(ops_of<CreateEnumType>(plan)[0].type == EnumType{"mood", {"a", "b"}});
    CHECK(summaries(invert(plan, TestDialect{})) == Lines{"drop_table t", "drop_enum_type mood"});
    CHECK(diff(target, target).empty());
}

TEST_CASE("added values are one alteration before the tables, never an AlterColumn") {
    Column extra = mood_column("n", {"a", "x", "b"});
    extra.default_sql = "'x'";
    const Schema current = schema_of({keyed_table("t", {mood_column("m", {"a", "b"})})});
    const Schema target = schema_of({keyed_table("t", {mood_column("m", {"a", "x", "b"}), extra})});
    const Plan plan = diff(current, target);
    REQUIRE(summaries(plan) == Lines{"alter_enum_type mood", "add_column t.n"});
    const AlterEnumType alter = ops_of<AlterEnumType>(plan)[0];
    CHECK(alter.from == Lines{"a", "b"});
    CHECK(alter.to == Lines{"a", "x", "b"});
    CHECK(alter.columns == std::vector<EnumTypeColumn>{{"t", "m", std::nullopt}});
    CHECK(plan.findings.empty());

    // The inverse removes the value after dropping the column that uses it, and warns.
    const Plan back = invert(plan, TestDialect{});
    CHECK(summaries(back) == Lines{"drop_column t.n", "alter_enum_type mood"});
    CHECK(ops_of<AlterEnumType>(back)[0].to == Lines{"a", "b"});
    CHECK(ops_of<AlterEnumType>(back)[0].columns == alter.columns);
    REQUIRE(finding_summaries(back) == Lines{"data-loss t.n", "data-loss mood"});
    CHECK(back.findings[1].message.find("'x'") != std::string::npos);
}

TEST_CASE(
    "a removed value is a type swap after the tables, casting the target's columns, "
    "flagged as data loss") {
    Column kept = mood_column("m", {"a", "b", "c"});
    kept.default_sql = "'c'";
    Table shared = keyed_table("u", {mood_column("n", {"a", "b", "c"})});
    const Schema current = schema_of({keyed_table("t", {kept}), shared});
    Column retargeted = mood_column("m", {"a", "b"});
    retargeted.default_sql = "'a'";
    shared.columns[1].type = mood({"a", "b"});
    const Schema target = schema_of({keyed_table("t", {retargeted}), shared});
    const Plan plan = diff(current, target);
    REQUIRE(summaries(plan) == Lines{"alter_column t.m", "alter_enum_type mood"});
    const AlterEnumType swap = ops_of<AlterEnumType>(plan)[0];
    CHECK(swap.from == Lines{"a", "b", "c"});
    CHECK(swap.to == Lines{"a", "b"});
    CHECK(swap.columns == std::vector<EnumTypeColumn>{{"t", "m", "'a'"}, {"u", "n", std::nullopt}});
    REQUIRE(finding_summaries(plan) == Lines{"data-loss mood"});
    CHECK(plan.findings[0].operation_index == 1);
    CHECK(plan.findings[0].message.find("loses value 'c'") != std::string::npos);
    // Back: the value returns first, then the default that names it.
    CHECK(summaries(invert(plan, TestDialect{})) ==
          Lines{"alter_enum_type mood", "alter_column t.m"});
}

TEST_CASE("values added and moved at once: added before the tables, the swap after them") {
    const Schema current = schema_of({keyed_table("t", {mood_column("m", {"a", "b", "c"})})});
    const Schema target = schema_of({keyed_table("t", {mood_column("m", {"c", "x", "a"})})});
    const Plan plan = diff(current, target);
    REQUIRE(summaries(plan) == Lines{"alter_enum_type mood", "alter_enum_type mood"});
    const auto alters = ops_of<AlterEnumType>(plan);
    CHECK(alters[0].to == Lines{"a", "b", "c", "x"});
    CHECK(is_enum_addition(alters[0]));
    CHECK(alters[1].from == Lines{"a", "b", "c", "x"});
    CHECK(alters[1].to == Lines{"c", "x", "a"});
    CHECK_FALSE(is_enum_addition(alters[1]));
}

TEST_CASE(
    "a swap lists array columns of the type and takes along the indexes, checks and views "
    "naming its columns") {
    Table table = keyed_table(
        "t", {mood_column("m", {"a", "b", "c"}), column("past", "mood[]"), column("other")});
    Index partial{"t_a", {IndexPart{"id", {}, false, {}, {}, {}}}, false, "m = 'a'", {}, {}};
    Index plain{"t_other", {IndexPart{"other", {}, false, {}, {}, {}}}, false, "other > 0", {}, {}};
    table.indexes = {partial, plain};
    table.checks = {CheckConstraint{"c_m", "m <> 'a'"}, CheckConstraint{"c_other", "other > 0"}};
    Schema current = schema_of({table});
    current.views = {View{"v1", "CREATE VIEW v1 AS SELECT m FROM t"},
                     View{"v2", "CREATE VIEW v2 AS SELECT m FROM v1"},
                     View{"v3", "CREATE VIEW v3 AS SELECT other FROM t"}};
    Schema target = current;
    target.tables[0].columns[1].type = mood({"a", "b"});
    const Plan plan = diff(current, target);
    REQUIRE(summaries(plan) == Lines{"alter_enum_type mood"});
    const AlterEnumType swap = ops_of<AlterEnumType>(plan)[0];
    CHECK(swap.columns == std::vector<EnumTypeColumn>{{"t", "m", std::nullopt, false},
                                                      {"t", "past", std::nullopt, true}});
    REQUIRE(swap.indexes.size() == 1);
    CHECK(swap.indexes[0].index.name == "t_a");
    REQUIRE(swap.checks.size() == 1);
    CHECK(swap.checks[0].check.name == "c_m");
    REQUIRE(swap.views.size() == 2);
    CHECK(swap.views[0].name == "v2");  // dependents first
    CHECK(swap.views[1].name == "v1");
    // The way back (values added) keeps them for its own inverse.
    const AlterEnumType back = ops_of<AlterEnumType>(invert(plan, TestDialect{}))[0];
    CHECK(back.indexes.size() == 1);
    CHECK(back.checks.size() == 1);
    CHECK(back.views.size() == 2);
    CHECK(back.columns == swap.columns);
}

TEST_CASE("a type no column uses any more is dropped after the column that used it") {
    const Schema current =
        schema_of({keyed_table("t", {mood_column("m", {"a"})})}, {EnumType{"unused", {"z"}}});
    const Schema target = schema_of({keyed_table("t", {})});
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) ==
          Lines{"drop_column t.m", "drop_enum_type mood", "drop_enum_type unused"});
    CHECK(summaries(invert(plan, TestDialect{})) ==
          Lines{"create_enum_type unused", "create_enum_type mood", "add_column t.m"});
}

TEST_CASE(
    "a type listed by the model alone is created; a column moving to it stays an "
    "AlterColumn") {
    Column plain = column("m", "text");
    const Schema current = schema_of({keyed_table("t", {plain})});
    const Schema target =
        schema_of({keyed_table("t", {mood_column("m", {"a"})})}, {EnumType{"spare", {"s"}}});
    CHECK(summaries(diff(current, target)) ==
          Lines{"create_enum_type mood", "create_enum_type spare", "alter_column t.m"});
}

TEST_CASE("a renamed column is listed under its new name where values are added") {
    Column renamed = mood_column("mood_now", {"a", "b", "c"});
    renamed.renamed_from = "m";
    const Schema current = schema_of({keyed_table("t", {mood_column("m", {"a", "b"})})});
    const Schema target = schema_of({keyed_table("t", {renamed})}, {});
    const Plan plan = diff(current, target);
    REQUIRE(summaries(plan) == Lines{"rename_column t.mood_now from m", "alter_enum_type mood"});
    CHECK(ops_of<AlterEnumType>(plan)[0].columns ==
          std::vector<EnumTypeColumn>{{"t", "mood_now", std::nullopt}});
}

TEST_CASE("a model giving one enum type two value lists is refused with both places") {
    const Schema target = schema_of(
        {keyed_table("t", {mood_column("m", {"a"})}), keyed_table("u", {mood_column("n", {"b"})})});
    CHECK_THROWS_WITH_AS((void)diff(Schema{}, target),
                         doctest::Contains("table t, column m and table u, column n"), Error);
}

TEST_CASE("a dialect without named enums gets no enum type operations") {
    const InlineEnumDialect dialect;
    const Schema current =
        schema_of({keyed_table("t", {mood_column("m", {"a", "b"})})}, {EnumType{"unused", {"z"}}});
    const Schema target = schema_of(
        {keyed_table("t", {mood_column("m", {"a"})}), keyed_table("u", {mood_column("n", {"b"})})});
    const Plan plan = diff(current, target, dialect);
    CHECK(summaries(plan) == Lines{"create_table u", "alter_column t.m"});
    CHECK(diff(current, current, dialect).empty());
}

}  // namespace schemadiff::diff::test
