// Model JSON for the fields PostgreSQL brought in: identity columns, named enum types, index
// methods, INCLUDE columns, NULLS placement and operator classes, MATCH FULL foreign keys, and
// foreign keys into another schema. Each is written only when it differs from its default, so
// models without them keep their exact bytes.
#include <doctest/doctest.h>

#include <string>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/schema_json.hpp"

using namespace schemadiff;

namespace {

Schema one_table(Table table) {
    Schema schema;
    schema.tables = {std::move(table)};
    return schema;
}

Table plain_table() {
    Table table;
    table.name = "t";
    table.columns = {Column{.name = "id", .type = ColumnType::of(TypeKind::Integer)},
                     Column{.name = "mood", .type = ColumnType::enumeration({"sad", "ok"})}};
    table.indexes = {Index{.name = "ix", .parts = {IndexPart{.column = "id"}}}};
    table.foreign_keys = {
        ForeignKey{.columns = {"id"}, .referenced_table = "t", .referenced_columns = {"id"}}};
    return table;
}

Table with_every_field() {
    Table table = plain_table();
    table.columns[0].identity = IdentityKind::ByDefault;
    table.columns[0].is_autoincrement = true;
    table.columns[1].type.enum_name = "mood_kind";
    table.indexes[0].method = "gin";
    table.indexes[0].include = {"mood"};
    table.indexes[0].parts[0].nulls_first = true;
    table.indexes[0].parts[0].operator_class = "jsonb_path_ops";
    table.foreign_keys[0].is_match_full = true;
    table.foreign_keys[0].referenced_schema = "billing";
    return table;
}

std::string error_text(const std::string& json) {
    try {
        (void)schema_from_json(json, "models.json");
    } catch (const Error& e) {
        return e.what();
    }
    FAIL("expected an error");
    return {};
}

}  // namespace

TEST_CASE("identity, enum name, index method, include, nulls placement and match survive JSON") {
    const Schema schema = one_table(with_every_field());
    const std::string json = schema_to_json(schema);
    CHECK(json.find("\"identity\": \"by_default\"") != std::string::npos);
    CHECK(json.find("\"enum_name\": \"mood_kind\"") != std::string::npos);
    CHECK(json.find("\"method\": \"gin\"") != std::string::npos);
    CHECK(json.find("\"include\": [") != std::string::npos);
    CHECK(json.find("\"nulls_first\": true") != std::string::npos);
    CHECK(json.find("\"operator_class\": \"jsonb_path_ops\"") != std::string::npos);
    CHECK(json.find("\"match\": \"full\"") != std::string::npos);
    CHECK(json.find("\"schema\": \"billing\"") != std::string::npos);
    const Schema read = schema_from_json(json, "test");
    CHECK(read == schema);
    CHECK(schema_to_json(read) == json);
}

TEST_CASE("an explicit NULLS LAST is kept apart from an unspecified one") {
    Table table = plain_table();
    table.indexes[0].parts[0].is_descending = true;
    table.indexes[0].parts[0].nulls_first = false;
    const std::string json = schema_to_json(one_table(table));
    CHECK(json.find("\"nulls_first\": false") != std::string::npos);
    const Schema read = schema_from_json(json, "test");
    REQUIRE(read.tables[0].indexes[0].parts[0].nulls_first.has_value());
    CHECK_FALSE(*read.tables[0].indexes[0].parts[0].nulls_first);
}

TEST_CASE("the new fields at their defaults leave the JSON as it was") {
    const std::string json = schema_to_json(one_table(plain_table()));
    for (const char* key : {"identity", "enum_name", "method", "include", "nulls_first",
                            "operator_class", "match", "schema"}) {
        CAPTURE(key);
        CHECK(json.find(std::string("\"") + key + "\"") == std::string::npos);
    }
}

TEST_CASE("an identity column reads back as autoincrement too") {
    const Schema read = schema_from_json(
        R"({"tables":[{"name":"t","columns":[{"name":"id","type":"bigint","identity":"always"}]}]})",
        "models.json");
    CHECK(read.tables[0].columns[0].identity == IdentityKind::Always);
    CHECK(read.tables[0].columns[0].is_autoincrement);
}

TEST_CASE("a key into another schema names a schema and its referenced columns") {
    const std::string table = R"({"tables":[{"name":"t","columns":[{"name":"a","type":"integer"}],)"
                              R"("foreign_keys":[{"columns":["a"],"references":)";
    CHECK(error_text(table + R"({"table":"acc","schema":"","columns":["id"]}}]}]})")
              .find("\"schema\" is empty") != std::string::npos);
    CHECK(error_text(table + R"({"table":"acc","schema":"billing"}}]}]})")
              .find("a key into another schema lists its referenced \"columns\"") !=
          std::string::npos);
    const Schema read = schema_from_json(
        table + R"({"table":"acc","schema":"billing","columns":["id"]}}]}]})", "models.json");
    CHECK(read.tables[0].foreign_keys[0].referenced_schema == "billing");
}

TEST_CASE("bad values of the new keys name their place") {
    CHECK(error_text(R"({"tables":[{"name":"t","columns":[{"name":"id","type":"integer",)"
                     R"("identity":"sometimes"}]}]})")
              .find("tables[0].columns[0].identity") != std::string::npos);
    CHECK(error_text(R"({"tables":[{"name":"t","columns":[{"name":"id","type":"integer",)"
                     R"("enum_name":"mood"}]}]})")
              .find("only an enum type has an enum_name") != std::string::npos);
    CHECK(error_text(R"({"tables":[{"name":"t","columns":[{"name":"id","type":"integer"}],)"
                     R"("foreign_keys":[{"columns":["id"],"references":{"table":"t"},)"
                     R"("match":"partial"}]}]})")
              .find("unknown match type") != std::string::npos);
    const std::string empty_class =
        error_text(R"({"tables":[{"name":"t","columns":[{"name":"id","type":"integer"}],)"
                   R"("indexes":[{"name":"ix","parts":[{"column":"id","operator_class":""}]}]}]})");
    CHECK(empty_class.find("tables[0].indexes[0].parts[0].operator_class") != std::string::npos);
    CHECK(empty_class.find("an operator class name is empty") != std::string::npos);
}
