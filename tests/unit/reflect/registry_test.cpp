// The registry turns models into one canonical Schema: the naming convention names what the
// models leave unnamed, declarations are checked against each other, and the JSON export is the
// model JSON `dump` writes.
#include "schemadiff/reflect/registry.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/schema_json.hpp"
#include "test_models.hpp"

namespace {

using schemadiff::reflect::Registry;
using schemadiff::reflect::table;

struct Orphan {
    std::int32_t id;
    std::int32_t parent_id;
};

struct NoKey {
    std::int32_t a;
};

struct Broken {
    std::int32_t id;
};

}  // namespace

template <>
struct schemadiff::reflect::model_of<Broken> {
    static auto describe() { return table<Broken>("broken").on_delete(Action::Cascade); }
};

namespace {

Registry bookshop() {
    Registry models;
    models.add<shop::Author>().add<shop::Book>().add<shop::BookTag>();
    return models;
}

std::string model_error(const Registry& models) {
    try {
        (void)models.schema();
    } catch (const schemadiff::Error& e) {
        CHECK(e.kind() == schemadiff::ErrorKind::InvalidModel);
        return e.message() + " (" + e.context() + ")";
    }
    FAIL("no error");
    return {};
}

}  // namespace

TEST_CASE("the schema lists the tables sorted by name whatever the order they were added") {
    Registry reversed;
    reversed.add<shop::BookTag>().add<shop::Book>().add<shop::Author>();
    const auto schema = bookshop().schema();
    REQUIRE(schema.tables.size() == 3);
    CHECK(schema.tables[0].name == "authors");
    CHECK(schema.tables[1].name == "book_tags");
    CHECK(schema.tables[2].name == "books");
    CHECK(reversed.schema() == schema);
}

TEST_CASE("the default naming convention names unnamed keys, constraints and indexes") {
    const auto schema = bookshop().schema();
    const auto* books = schema.find_table("books");
    REQUIRE(books != nullptr);
    CHECK(books->primary_key.name == "pk_books");
    CHECK(books->unique_constraints.at(0).name == "uq_books_isbn");
    CHECK(books->foreign_keys.at(0).name == "fk_books_author_id_authors");
    CHECK(books->checks.at(0).name == "ck_books");
    CHECK(books->indexes.at(0).name == "ix_books_title");  // named by the model: kept
    const auto* tags = schema.find_table("book_tags");
    REQUIRE(tags != nullptr);
    CHECK(tags->indexes.at(0).name == "ix_book_tags_Tag Weight_tag");
    CHECK(tags->primary_key.name == "pk_book_tags");
}

TEST_CASE("a replaced naming convention is used, and an empty one leaves names unset") {
    schemadiff::NamingConvention convention;
    convention.unique = "%(table_name)s_%(column_0_name)s_key";
    convention.index = "%(table_name)s_%(column_0_name)s_idx";
    auto models = bookshop();
    models.naming_convention(convention);
    const auto schema = models.schema();
    const auto* books = schema.find_table("books");
    REQUIRE(books != nullptr);
    CHECK(books->unique_constraints.at(0).name == "books_isbn_key");
    CHECK_FALSE(books->primary_key.name.has_value());
    CHECK_FALSE(books->foreign_keys.at(0).name.has_value());
    CHECK(schema.find_table("book_tags")->indexes.at(0).name == "book_tags_Tag Weight_idx");
}

TEST_CASE("an invalid naming convention is refused when it is set") {
    schemadiff::NamingConvention convention;
    convention.index = "ix_%(no_such_token)s";
    Registry models;
    CHECK_THROWS_AS(models.naming_convention(convention), schemadiff::Error);
}

TEST_CASE("two models declaring one table name is an error, whatever the case") {
    Registry models = bookshop();
    models.add_table(table<Orphan>("Books").to_table());
    CHECK(model_error(models) == "two models declare the table books (and Books) (table books)");
    Registry twice;
    twice.add<shop::Author>().add<shop::Author>();
    CHECK(model_error(twice) == "two models declare the table authors (table authors)");
}

TEST_CASE("a foreign key to a table no model declares is an error") {
    Registry models;
    models.add<shop::Book>();
    CHECK(model_error(models) ==
          "foreign key (author_id) to authors: no model declares that table (table books)");
}

TEST_CASE("a foreign key names its table exactly, and a near miss in case is pointed out") {
    Registry models = bookshop();
    models.add_table(
        table<Orphan>("orphans").foreign_key({&Orphan::parent_id}, "Authors").to_table());
    CHECK(model_error(models) ==
          "foreign key (parent_id) to Authors: no model declares that table "
          "(did you mean authors?) (table orphans)");
}

TEST_CASE("a foreign key to a missing column or a table without key is an error") {
    Registry missing_column = bookshop();
    missing_column.add_table(
        table<Orphan>("orphans").foreign_key({&Orphan::parent_id}, "authors", {"uid"}).to_table());
    CHECK(model_error(missing_column) ==
          "foreign key (parent_id) to authors: table authors has no column uid (table orphans)");

    Registry no_key;
    no_key.add_table(table<NoKey>("no_key").to_table());
    no_key.add_table(
        table<Orphan>("orphans").foreign_key({&Orphan::parent_id}, "no_key").to_table());
    CHECK(model_error(no_key) ==
          "foreign key (parent_id) to no_key: that table has no primary "
          "key; name the referenced columns (table orphans)");

    Registry wrong_count = bookshop();
    wrong_count.add_table(table<Orphan>("orphans")
                              .foreign_key({&Orphan::id, &Orphan::parent_id}, "authors")
                              .to_table());
    CHECK(model_error(wrong_count) ==
          "foreign key (id, parent_id) to authors: 2 column(s) refer to 1 (table orphans)");
}

TEST_CASE("a foreign key into another schema is not looked for among the models") {
    Registry models = bookshop();
    models.add_table(table<Orphan>("orphans")
                         .primary_key(&Orphan::id)
                         .foreign_key({&Orphan::parent_id}, "accounts", {"id"})
                         .referenced_schema("billing")
                         .on_delete(schemadiff::reflect::Action::Cascade)
                         .to_table());
    const schemadiff::Schema schema = models.schema();
    const schemadiff::Table* orphans = schema.find_table("orphans");
    REQUIRE(orphans != nullptr);
    const auto& key = orphans->foreign_keys.at(0);
    CHECK(key.referenced_schema == "billing");
    CHECK(key.referenced_table == "accounts");
    CHECK(key.referenced_columns == std::vector<std::string>{"id"});
    CHECK(key.on_delete == schemadiff::ForeignKeyAction::Cascade);
    CHECK(key.name == "fk_orphans_parent_id_accounts");
    // The export keeps the schema, and reads back to the same schema.
    CHECK(schemadiff::schema_from_json(models.to_json(), "export") == schema);
}

TEST_CASE("a foreign key to its own table is allowed") {
    Registry models;
    models.add_table(table<Orphan>("orphans")
                         .primary_key(&Orphan::id)
                         .foreign_key({&Orphan::parent_id}, "orphans")
                         .on_delete(schemadiff::reflect::Action::SetNull)
                         .to_table());
    CHECK(models.schema().tables.at(0).foreign_keys.at(0).name == "fk_orphans_parent_id_orphans");
}

TEST_CASE("the JSON export is the model JSON format and reads back to the same schema") {
    const auto models = bookshop();
    const std::string json = models.to_json();
    CHECK(json == schemadiff::schema_to_json(models.schema()));
    CHECK(json.find("\"format\": \"schemadiff-model\"") != std::string::npos);
    CHECK(schemadiff::schema_from_json(json, "models.json") == models.schema());
    CHECK(bookshop().to_json() == json);  // deterministic
}

TEST_CASE("an index left unnamed with no index naming convention is an error") {
    auto models = bookshop();
    models.naming_convention({});
    CHECK(model_error(models) ==
          "index on (Tag Weight, tag) has no name; name it in index(), or set a naming convention "
          "with an index template (table book_tags)");
}

TEST_CASE("a declaration error in add() is reported by schema(), not thrown by add()") {
    Registry models;
    CHECK_NOTHROW(models.add<shop::Author>().add<Broken>().add<shop::Book>());
    CHECK(model_error(models) == "on_delete() must follow foreign_key() (table broken)");
    Registry unnamed;
    unnamed.add_table(schemadiff::Table{});
    CHECK(model_error(unnamed).find("a model table has no name") == 0);
}
