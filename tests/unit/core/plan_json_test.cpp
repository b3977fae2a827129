#include "schemadiff/core/plan_json.hpp"

#include <doctest/doctest.h>

#include "schemadiff/core/error.hpp"

using namespace schemadiff;

TEST_CASE("every operation kind survives a plan JSON round trip") {
    Table table;
    table.name = "t";
    table.columns = {
        Column{.name = "id", .type = ColumnType::of(TypeKind::Integer), .is_nullable = false}};
    table.primary_key.columns = {"id"};
    Table wider = table;
    wider.columns.push_back(Column{.name = "note", .type = ColumnType::of(TypeKind::Text)});
    const Column note{.name = "note", .type = ColumnType::string(10), .default_sql = "'x'"};
    Column note_text = note;
    note_text.type = ColumnType::of(TypeKind::Text);
    const Index index{.name = "ix", .parts = {IndexPart{.column = "id"}}};
    const ForeignKey fk{.columns = {"id"},
                        .referenced_table = "p",
                        .referenced_columns = {"id"},
                        .on_update = ForeignKeyAction::SetNull};
    Plan plan;
    plan.operations = {
        CreateTable{table},
        DropTable{table},
        RenameTable{"a", "b"},
        AddColumn{"t", note},
        DropColumn{"t", note},
        RenameColumn{"t", "a", "b"},
        AlterColumn{"t", note, note_text},
        CreateIndex{"t", index},
        DropIndex{"t", index},
        AddUniqueConstraint{"t", {"uq", {"id"}}},
        DropUniqueConstraint{"t", {std::nullopt, {"id"}}},
        AddForeignKey{"t", fk},
        DropForeignKey{"t", fk},
        AddCheckConstraint{"t", {"ck", "id > 0"}},
        DropCheckConstraint{"t", {std::nullopt, "id > 0"}},
        AlterPrimaryKey{"t", {std::nullopt, {"id"}}, {"pk", {"id", "note"}}},
        SetTableComment{"t", std::nullopt, "hello"},
        RebuildTable{table,
                     wider,
                     {{"id", "id"}},
                     {View{"v", "CREATE VIEW v AS SELECT 1"}},
                     {"type change"}},
        CreateView{View{"v", "CREATE VIEW v AS SELECT 1"}},
        DropView{View{"Odd \"view\"", "CREATE VIEW \"Odd \"\"view\"\"\" AS SELECT 'x'"}},
        CreateTrigger{"t",
                      Trigger{"tr", "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END"}},
        DropTrigger{"t", Trigger{"tr", "CREATE TRIGGER tr AFTER DELETE ON t BEGIN SELECT 2; END"}},
        CreateEnumType{EnumType{"Mood", {"sad", "it's ok"}}},
        DropEnumType{EnumType{"mood", {}}},
        AlterEnumType{"mood",
                      {"a", "b"},
                      {"b", "a"},
                      {EnumTypeColumn{"t", "m", "'a'::mood"}, EnumTypeColumn{"u", "n", {}}}},
        AlterEnumType{
            "mood",
            {"a", "b"},
            {"a"},
            {EnumTypeColumn{"t", "past", {}, true}},
            {CreateIndex{
                "t",
                Index{"t_a", {IndexPart{"id", {}, false, {}, {}, {}}}, false, "m = 'a'", {}, {}}}},
            {AddCheckConstraint{"t", CheckConstraint{"c", "m <> 'a'"}}},
            {View{"v", "CREATE VIEW v AS SELECT m FROM t"}}},
    };
    plan.findings = {Finding{FindingKind::DataLoss, 4, "t", "note", "drops t.note"},
                     Finding{FindingKind::TableRebuild, 17, "t", "", "rebuilds t"}};
    const std::string json = plan_to_json(plan);
    const Plan read = plan_from_json(json, "plan.json");
    REQUIRE(read.operations.size() == plan.operations.size());
    for (std::size_t i = 0; i < plan.operations.size(); ++i) {
        CAPTURE(i);
        CHECK(read.operations[i].index() == plan.operations[i].index());
        CHECK(plan_to_json(Plan{{read.operations[i]}, {}}) ==
              plan_to_json(Plan{{plan.operations[i]}, {}}));
    }
    CHECK(read.findings == plan.findings);
    CHECK(plan_to_json(read) == json);
}

TEST_CASE("view and trigger operations keep their statement and table in plan JSON") {
    const Trigger trigger{"tr", "CREATE TRIGGER tr AFTER INSERT ON \"order\" BEGIN SELECT 1; END"};
    Plan plan;
    plan.operations = {DropTrigger{"order", trigger},
                       CreateView{View{"v", "CREATE VIEW v AS SELECT 1"}}};
    const std::string json = plan_to_json(plan);
    CHECK(json.find("\"op\": \"drop_trigger\"") != std::string::npos);
    CHECK(json.find("\"op\": \"create_view\"") != std::string::npos);
    const Plan read = plan_from_json(json, "plan.json");
    REQUIRE(read.operations.size() == 2);
    const auto* drop = std::get_if<DropTrigger>(&read.operations[0]);
    REQUIRE(drop != nullptr);
    CHECK(drop->table == "order");
    CHECK(drop->trigger == trigger);
    const auto* create = std::get_if<CreateView>(&read.operations[1]);
    REQUIRE(create != nullptr);
    CHECK(create->view == View{"v", "CREATE VIEW v AS SELECT 1"});
}

TEST_CASE("an unknown operation in plan JSON is an error naming its place") {
    const char* text =
        R"({"format":"schemadiff-plan","version":1,"operations":[{"op":"explode"}],"findings":[]})";
    CHECK_THROWS_WITH_AS((void)plan_from_json(text, "p.json"),
                         doctest::Contains("operations[0].op"), Error);
}
