// Declarations that cannot describe a table are Error(InvalidModel) naming the table and the
// declaration.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "schemadiff/core/error.hpp"
#include "schemadiff/reflect/model.hpp"

namespace {

using schemadiff::reflect::table;

struct Item {
    std::int32_t id;
    std::int32_t other;
    std::string label;
};

template <class F>
std::string model_error(F&& declare) {
    try {
        declare();
    } catch (const schemadiff::Error& e) {
        CHECK(e.kind() == schemadiff::ErrorKind::InvalidModel);
        CHECK(e.context() == "table items");
        return e.message();
    }
    FAIL("no error");
    return {};
}

}  // namespace

TEST_CASE("a modifier without the declaration it modifies is an error") {
    CHECK(model_error([] {
              (void)table<Item>("items").on_delete(schemadiff::reflect::Action::Cascade);
          }) == "on_delete() must follow foreign_key()");
    CHECK(model_error([] {
              (void)table<Item>("items").check("id > 0").on_update(
                  schemadiff::reflect::Action::Cascade);
          }) == "on_update() must follow foreign_key()");
    CHECK(model_error([] { (void)table<Item>("items").referenced_schema("public"); }) ==
          "referenced_schema() must follow foreign_key()");
    CHECK(model_error([] { (void)table<Item>("items").where("id > 0"); }) ==
          "where() must follow index() or unique_index()");
    CHECK(model_error([] { (void)table<Item>("items").check("id > 0").method("gin"); }) ==
          "method() must follow index() or unique_index()");
    CHECK(model_error([] { (void)table<Item>("items").named("x"); }).find("named() must follow") ==
          0);
    CHECK(model_error([] {
              (void)table<Item>("items")
                  .foreign_key({&Item::other}, "t")
                  .server_default(&Item::id, "1")
                  .deferrable();
          }) == "deferrable() must follow foreign_key()");
}

TEST_CASE("a second primary key is an error") {
    CHECK(model_error([] {
              (void)table<Item>("items").primary_key(&Item::id).primary_key(&Item::other);
          }) == "primary_key() is declared twice");
}

TEST_CASE("a column listed twice in one key is an error") {
    CHECK(model_error([] {
              (void)table<Item>("items").unique({&Item::id, &Item::id});
          }) == "unique(): column id is listed twice");
}

TEST_CASE("autoincrement needs an integer column that is the whole primary key") {
    CHECK(model_error([] { (void)table<Item>("items").autoincrement(&Item::label); }) ==
          "autoincrement(): column label is not an integer");
    CHECK(model_error([] { (void)table<Item>("items").autoincrement(&Item::id).to_table(); }) ==
          "autoincrement(): column id must be the table's whole primary key");
    CHECK(model_error([] {
              (void)table<Item>("items")
                  .primary_key({&Item::id, &Item::other})
                  .autoincrement(&Item::id)
                  .to_table();
          }) == "autoincrement(): column id must be the table's whole primary key");
}

TEST_CASE("a foreign key whose column counts differ is an error") {
    CHECK(model_error([] {
              (void)table<Item>("items").foreign_key({&Item::id, &Item::other}, "t", {"a"});
          }) == "foreign_key() to t: 2 column(s) refer to 1");
}

TEST_CASE("a foreign key into another schema names its schema and its referenced columns") {
    CHECK(model_error([] {
              (void)table<Item>("items").foreign_key({&Item::other}, "t").referenced_schema("s");
          }) ==
          "referenced_schema() on the foreign key to t: name the referenced columns in "
          "foreign_key()");
    CHECK(model_error([] {
              (void)table<Item>("items")
                  .foreign_key({&Item::other}, "t", {"id"})
                  .referenced_schema("");
          }) == "referenced_schema(): the schema is empty");
}

TEST_CASE("two indexes with one name, or two columns with one name, are errors") {
    CHECK(model_error([] {
              (void)table<Item>("items").index("ix", {&Item::id}).index("ix", {&Item::label});
          }) == "index ix is declared twice");
    CHECK(model_error([] {
              (void)table<Item>("items").column_name(&Item::other, "id").to_table();
          }) == "two columns are named id (see column_name())");
}

TEST_CASE("empty names and expressions are errors") {
    CHECK(model_error([] { (void)table<Item>("items").check(""); }) ==
          "check(): the expression is empty");
    CHECK(model_error([] { (void)table<Item>("items").server_default(&Item::id, ""); }) ==
          "server_default(): the expression is empty");
    CHECK(model_error([] { (void)table<Item>("items").renamed_from("items"); }) ==
          "renamed_from(): the old name is the table's own name");
    CHECK(model_error([] {
              (void)table<Item>("items").renamed_from(&Item::id, "id").to_table();
          }) == "renamed_from(): column id names itself as its old name");
    CHECK(model_error([] {
              using schemadiff::reflect::operator_class;
              (void)table<Item>("items").index({operator_class(&Item::label, "")});
          }) == "operator_class(): the operator class name is empty");
    CHECK(model_error([] { (void)table<Item>("items").index({&Item::id}).method(""); }) ==
          "method(): the access method is empty");
    CHECK_THROWS_AS((void)table<Item>(""), schemadiff::Error);
}

TEST_CASE("a type override in the portable spelling must be well formed") {
    CHECK_THROWS_AS((void)table<Item>("items").type(&Item::label, "numeric(x)"), schemadiff::Error);
}
