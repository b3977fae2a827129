// Views and triggers: matched by name, compared by folded statement, dropped before every table
// operation and created after the last one.
#include <doctest/doctest.h>

#include "diff_test_support.hpp"
#include "schemadiff/core/plan_json.hpp"

namespace schemadiff::diff::test {

namespace {

using Lines = std::vector<std::string>;

View view(std::string name, std::string select) {
    std::string sql = "CREATE VIEW " + name + " AS " + select;
    return View{std::move(name), std::move(sql)};
}

Trigger trigger(std::string name, const std::string& table, const std::string& body) {
    std::string sql =
        "CREATE TRIGGER " + name + " AFTER INSERT ON " + table + " BEGIN " + body + "; END";
    return Trigger{std::move(name), std::move(sql)};
}

Table with_triggers(Table table, std::vector<Trigger> triggers) {
    table.triggers = std::move(triggers);
    return table;
}

Plan diff_rebuilding(const Schema& current, const Schema& target) {
    TestDialect dialect;
    dialect.refused = {"alter_column"};
    return diff(current, target, dialect);
}

}  // namespace

TEST_CASE("a view only in the target is created after every table operation") {
    const Schema current{{keyed_table("t", {})}, {}};
    const Schema target{{keyed_table("t", {column("a")}), keyed_table("u", {})},
                        {view("v", "SELECT a FROM t")}};
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) == Lines{"create_table u", "add_column t.a", "create_view v"});
    CHECK(ops_of<CreateView>(plan)[0].view == target.views[0]);
    CHECK(plan.findings.empty());
}

TEST_CASE("a view only in the current schema is dropped before every table operation") {
    const Schema current{{keyed_table("t", {column("a")})}, {view("v", "SELECT a FROM t")}};
    const Schema target{{keyed_table("t", {})}, {}};
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) == Lines{"drop_view v", "drop_column t.a"});
    CHECK(ops_of<DropView>(plan)[0].view == current.views[0]);
    CHECK(finding_summaries(plan) == Lines{"data-loss t.a"});  // the column, not the view
}

TEST_CASE("a view spelled differently as SQLite rewrites it is not a change") {
    const Schema current{{keyed_table("t", {column("a")})},
                         {View{"V", "CREATE VIEW V AS SELECT \"a\" FROM [t] WHERE a > 1;"}}};
    const Schema target{{keyed_table("t", {column("a")})},
                        {View{"v", "create view v as\n    select a\n    from t where a > 1"}}};
    CHECK(diff(current, target).empty());
}

TEST_CASE("a quoted name that needs its quotes is compared with them") {
    const Schema current{{}, {View{"v", "CREATE VIEW v AS SELECT \"order\" FROM t"}}};
    const Schema target{{}, {View{"v", "CREATE VIEW v AS SELECT 'order' FROM t"}}};
    CHECK(summaries(diff(current, target)) == Lines{"drop_view v", "create_view v"});
}

TEST_CASE("a changed view is dropped first and created last, and its rebuilt table leaves it") {
    const View old_view = view("v", "SELECT a FROM t WHERE a > 1");
    const View new_view = view("v", "SELECT a FROM t WHERE a > 2");
    const View kept = view("w", "SELECT * FROM t");
    const Schema current{{keyed_table("t", {column("a")})}, {old_view, kept}};
    const Schema target{{keyed_table("t", {column("a", "bigint")})}, {new_view, kept}};
    const Plan plan = diff_rebuilding(current, target);
    CHECK(summaries(plan) == Lines{"drop_view v", "rebuild_table t", "create_view v"});
    CHECK(ops_of<DropView>(plan)[0].view == old_view);
    CHECK(ops_of<CreateView>(plan)[0].view == new_view);
    CHECK(ops_of<RebuildTable>(plan)[0].views == std::vector<View>{kept});
}

TEST_CASE("a view over a changed view is dropped and created again with it, in dependency order") {
    const View base_old = view("base", "SELECT a FROM t");
    const View base_new = view("base", "SELECT a, b FROM t");
    const View top = view("top", "SELECT a FROM base");
    const View unrelated = view("aside", "SELECT 1");
    const Schema current{{}, {unrelated, base_old, top}};
    const Schema target{{}, {unrelated, base_new, top}};
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) ==
          Lines{"drop_view top", "drop_view base", "create_view base", "create_view top"});
}

TEST_CASE("new views are created after the views they select from") {
    const Schema target{{},
                        {view("a_top", "SELECT * FROM \"M_Mid\""), view("b_base", "SELECT 1"),
                         view("m_mid", "SELECT * FROM b_base")}};
    CHECK(summaries(diff(Schema{}, target)) ==
          Lines{"create_view b_base", "create_view m_mid", "create_view a_top"});
    CHECK(summaries(diff(target, Schema{})) ==
          Lines{"drop_view a_top", "drop_view m_mid", "drop_view b_base"});
}

TEST_CASE("a trigger only in the target is created on its existing table, last") {
    const Trigger tr = trigger("tr", "t", "SELECT 1");
    const Schema current{{keyed_table("t", {})}, {}};
    const Schema target{{with_triggers(keyed_table("t", {column("a")}), {tr})}, {}};
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) == Lines{"add_column t.a", "create_trigger t.tr"});
    CHECK(ops_of<CreateTrigger>(plan)[0].trigger == tr);
    CHECK(plan.findings.empty());
}

TEST_CASE("a changed trigger is dropped first and created last, others left alone") {
    const Trigger kept = trigger("tr_kept", "t", "SELECT 0");
    const Schema current{
        {with_triggers(keyed_table("t", {column("a")}), {kept, trigger("tr", "t", "SELECT 1")})},
        {}};
    const Schema target{
        {with_triggers(keyed_table("t", {}), {trigger("TR", "t", "select 2"), kept})}, {}};
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) == Lines{"drop_trigger t.tr", "drop_column t.a", "create_trigger t.TR"});
}

TEST_CASE("a trigger spelled differently as SQLite rewrites it is not a change") {
    const Schema current{
        {with_triggers(keyed_table("t", {}), {Trigger{"tr",
                                                      "CREATE TRIGGER tr AFTER INSERT ON "
                                                      "\"t\" BEGIN SELECT 1; END;"}})},
        {}};
    const Schema target{{with_triggers(keyed_table("t", {}), {trigger("tr", "t", "select 1")})},
                        {}};
    CHECK(diff(current, target).empty());
}

TEST_CASE("a trigger on a renamed table is dropped on the old name and created on the new one") {
    Table renamed = with_triggers(keyed_table("events", {}), {trigger("tr", "events", "SELECT 1")});
    renamed.renamed_from = "log";
    const Schema current{
        {with_triggers(keyed_table("log", {}), {trigger("tr", "log", "SELECT 1")})}, {}};
    const Plan plan = diff(current, Schema{{renamed}, {}});
    CHECK(summaries(plan) ==
          Lines{"drop_trigger log.tr", "rename_table events from log", "create_trigger events.tr"});
}

TEST_CASE("the triggers of a rebuilt table travel with the rebuild, not as operations") {
    const Trigger old_trigger = trigger("tr", "t", "SELECT 1");
    const Trigger new_trigger = trigger("tr", "t", "SELECT 2");
    const Trigger added = trigger("tr_new", "t", "SELECT 3");
    const Schema current{{with_triggers(keyed_table("t", {column("a")}), {old_trigger})}, {}};
    const Schema target{
        {with_triggers(keyed_table("t", {column("a", "bigint")}), {new_trigger, added})}, {}};
    const Plan plan = diff_rebuilding(current, target);
    CHECK(summaries(plan) == Lines{"rebuild_table t"});
    const auto rebuild = ops_of<RebuildTable>(plan)[0];
    CHECK(rebuild.from.triggers == std::vector<Trigger>{old_trigger});
    CHECK(rebuild.to.triggers == std::vector<Trigger>{new_trigger, added});
    const Plan back = invert(plan, TestDialect{});
    CHECK(summaries(back) == Lines{"rebuild_table t"});
    CHECK(ops_of<RebuildTable>(back)[0].to.triggers == std::vector<Trigger>{old_trigger});
}

TEST_CASE("the triggers of created and dropped tables travel with their table") {
    const Schema current{{with_triggers(keyed_table("old", {}), {trigger("a", "old", "SELECT 1")})},
                         {}};
    const Schema target{{with_triggers(keyed_table("new", {}), {trigger("b", "new", "SELECT 1")})},
                        {}};
    CHECK(summaries(diff(current, target)) == Lines{"create_table new", "drop_table old"});
}

TEST_CASE("view and trigger operations invert into each other, undoing the plan in reverse") {
    const View old_view = view("v", "SELECT 1");
    const View new_view = view("v", "SELECT 2");
    const Trigger tr = trigger("tr", "t", "SELECT 1");
    const Schema current{{keyed_table("t", {})}, {old_view}};
    const Schema target{{with_triggers(keyed_table("t", {}), {tr})}, {new_view}};
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) == Lines{"drop_view v", "create_view v", "create_trigger t.tr"});
    const Plan back = invert(plan, TestDialect{});
    CHECK(summaries(back) == Lines{"drop_trigger t.tr", "drop_view v", "create_view v"});
    CHECK(ops_of<DropView>(back)[0].view == new_view);
    CHECK(ops_of<CreateView>(back)[0].view == old_view);
    CHECK(ops_of<DropTrigger>(back)[0].trigger == tr);
    CHECK(plan_to_json(back) == plan_to_json(diff(target, current)));
    CHECK(plan_to_json(invert(back, TestDialect{})) == plan_to_json(plan));
}

}  // namespace schemadiff::diff::test
