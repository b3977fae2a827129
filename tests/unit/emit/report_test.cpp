// The text and JSON reports of a plan.
#include "schemadiff/emit/report.hpp"

#include "ansi_dialect.hpp"
#include "golden.hpp"
#include "schemadiff/core/plan_json.hpp"

using namespace schemadiff;

namespace {

const testing::AnsiDialect kAnsi;

Plan sample_plan() {
    Column age;
    age.name = "age";
    age.type = ColumnType::of(TypeKind::Integer);
    Column older = age;
    older.type = ColumnType::of(TypeKind::BigInt);
    Table tags;
    tags.name = "tags";
    tags.columns = {age};
    Plan plan;
    plan.operations = {CreateTable{tags}, AlterColumn{"users", age, older},
                       DropColumn{"users", age}, RenameTable{"a", "b"}};
    plan.findings = {
        {FindingKind::DataLoss, 2, "users", "age", "drops column users.age and its data"}};
    return plan;
}

}  // namespace

TEST_CASE("the text report marks additions, changes and drops, with findings under them") {
    CHECK(emit::render_text_report(sample_plan(), kAnsi) ==
          "+ create table tags\n"
          "~ alter column users.age: integer -> bigint\n"
          "- drop column users.age\n"
          "! data-loss: drops column users.age and its data\n"
          "~ rename table a to b\n"
          "4 operations, 1 finding\n");
}

TEST_CASE("the text report of an empty plan says there is no change") {
    CHECK(emit::render_text_report(Plan{}, kAnsi) == "No changes.\n");
}

TEST_CASE("the JSON report is the plan's JSON and reads back as the same plan") {
    const Plan plan = sample_plan();
    const std::string json = emit::render_json_report(plan);
    CHECK(json == plan_to_json(plan));
    CHECK(plan_to_json(plan_from_json(json, "report")) == json);
}
