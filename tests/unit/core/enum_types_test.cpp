// Named enum types in core: collect_enum_types merging a schema's listed types with its
// columns' types, the model JSON's optional "enum_types", and the enum type operations.
#include "schemadiff/core/enum_types.hpp"

#include <doctest/doctest.h>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/operation.hpp"
#include "schemadiff/core/plan_json.hpp"
#include "schemadiff/core/schema_json.hpp"

using namespace schemadiff;

namespace {

Column enum_column(std::string name, std::string type_name, std::vector<std::string> values) {
    Column column;
    column.name = std::move(name);
    column.type = ColumnType::enumeration(std::move(values));
    column.type.enum_name = std::move(type_name);
    return column;
}

Table table_of(std::string name, std::vector<Column> columns) {
    Table table;
    table.name = std::move(name);
    table.columns = std::move(columns);
    return table;
}

}  // namespace

TEST_CASE("listed enum types and the types columns name merge into one sorted list") {
    Schema schema;
    schema.enum_types = {EnumType{"unused", {"x"}}, EnumType{"mood", {"sad", "ok"}}};
    schema.tables = {
        table_of("t", {enum_column("m", "mood", {"sad", "ok"}), enum_column("k", "Kind", {"a"}),
                       Column{.name = "inline", .type = ColumnType::enumeration({"z"})}}),
        table_of("u", {enum_column("k2", "Kind", {"a"})})};
    CHECK(collect_enum_types(schema) ==
          std::vector<EnumType>{{"Kind", {"a"}}, {"mood", {"sad", "ok"}}, {"unused", {"x"}}});
    CHECK(collect_enum_types(Schema{}).empty());
}

TEST_CASE("one enum type name with two value lists is an invalid model naming both places") {
    Schema schema;
    schema.tables = {table_of("t", {enum_column("a", "mood", {"sad", "ok"})}),
                     table_of("u", {enum_column("b", "mood", {"ok", "sad"})})};
    try {
        (void)collect_enum_types(schema);
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::InvalidModel);
        CHECK(std::string(error.what()).find("'sad', 'ok'") != std::string::npos);
        CHECK(error.context() == "table t, column a and table u, column b");
    }
    Schema listed;
    listed.enum_types = {EnumType{"mood", {"sad"}}};
    listed.tables = {table_of("t", {enum_column("a", "mood", {"sad", "ok"})})};
    CHECK_THROWS_WITH_AS((void)collect_enum_types(listed),
                         doctest::Contains("enum_types \"mood\" and table t, column a"), Error);
}

TEST_CASE("model JSON keeps listed enum types and leaves the key out when there are none") {
    Schema schema;
    schema.enum_types = {EnumType{"status", {"new", "it's done"}}, EnumType{"Mood", {}}};
    const std::string json = schema_to_json(schema);
    CHECK(json.find("\"enum_types\"") != std::string::npos);
    const Schema read = schema_from_json(json, "models.json");
    CHECK(read.enum_types == std::vector<EnumType>{{"Mood", {}}, {"status", {"new", "it's done"}}});
    CHECK(schema_to_json(Schema{}).find("enum_types") == std::string::npos);
}

TEST_CASE("model JSON rejects a duplicate or nameless enum type, naming its place") {
    CHECK_THROWS_WITH_AS(
        (void)schema_from_json(R"({"tables": [], "enum_types": [{"name": "a", "values": ["x"]},
                                  {"name": "a", "values": ["y"]}]})",
                               "m.json"),
        doctest::Contains("duplicate enum type \"a\""), Error);
    CHECK_THROWS_WITH_AS(
        (void)schema_from_json(R"({"tables": [], "enum_types": [{"name": "", "values": []}]})",
                               "m.json"),
        doctest::Contains("enum_types[0]"), Error);
    CHECK_THROWS_AS((void)schema_from_json(
                        R"({"tables": [], "enum_types": [{"name": "a", "value": []}]})", "m.json"),
                    Error);
}

TEST_CASE("an enum type alteration is an addition only when every old value keeps its order") {
    CHECK(is_enum_addition(AlterEnumType{"t", {"a", "c"}, {"x", "a", "b", "c", "d"}, {}}));
    CHECK(is_enum_addition(AlterEnumType{"t", {}, {"a"}, {}}));
    CHECK_FALSE(is_enum_addition(AlterEnumType{"t", {"a", "b"}, {"b", "a"}, {}}));
    CHECK_FALSE(is_enum_addition(AlterEnumType{"t", {"a", "b"}, {"a"}, {}}));
    CHECK_FALSE(is_enum_addition(AlterEnumType{"t", {"a", "b"}, {"a", "x"}, {}}));
}

TEST_CASE("enum type operations have names, a subject and a description") {
    const Operation create = CreateEnumType{EnumType{"mood", {"a", "b"}}};
    CHECK(operation_name(create) == "create_enum_type");
    CHECK(operation_table(create) == "mood");
    CHECK(describe(create) == "create enum type mood ('a', 'b')");
    const Operation drop = DropEnumType{EnumType{"mood", {"a"}}};
    CHECK(operation_name(drop) == "drop_enum_type");
    CHECK(describe(drop) == "drop enum type mood");
    const Operation swap = AlterEnumType{"mood", {"a", "b"}, {"a"}, {}};
    CHECK(operation_name(swap) == "alter_enum_type");
    CHECK(operation_table(swap) == "mood");
    CHECK(describe(swap) == "alter enum type mood: ('a', 'b') -> ('a') (new type, columns cast)");
    CHECK(describe(AlterEnumType{"mood", {"a"}, {"a", "b"}, {}}) ==
          "alter enum type mood: ('a') -> ('a', 'b')");
}

TEST_CASE("an alter_enum_type in plan JSON keeps its columns and their defaults") {
    Plan plan;
    plan.operations = {AlterEnumType{
        "mood", {"a", "b"}, {"b"}, {{"t", "m", "'b'::mood"}, {"Odd \"t\"", "c", std::nullopt}}}};
    const Plan read = plan_from_json(plan_to_json(plan), "plan.json");
    REQUIRE(read.operations.size() == 1);
    const auto& op = std::get<AlterEnumType>(read.operations[0]);
    CHECK(op.name == "mood");
    CHECK(op.from == std::vector<std::string>{"a", "b"});
    CHECK(op.to == std::vector<std::string>{"b"});
    CHECK(op.columns ==
          std::vector<EnumTypeColumn>{{"t", "m", "'b'::mood"}, {"Odd \"t\"", "c", std::nullopt}});
}
