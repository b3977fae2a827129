#include "schemadiff/core/schema_json.hpp"

#include <doctest/doctest.h>

#include <string>

#include "schemadiff/core/error.hpp"

using namespace schemadiff;

namespace {

Schema sample_schema() {
    Table authors;
    authors.name = "authors";
    authors.columns = {
        Column{.name = "id",
               .type = ColumnType::of(TypeKind::Integer),
               .is_nullable = false,
               .is_autoincrement = true},
        Column{.name = "name",
               .type = ColumnType::string(200),
               .is_nullable = false,
               .default_sql = "'anonymous'",
               .collation = "NOCASE"},
    };
    authors.primary_key.columns = {"id"};
    Table books;
    books.name = "books";
    books.columns = {
        Column{.name = "id", .type = ColumnType::of(TypeKind::BigInt), .is_nullable = false},
        Column{.name = "author_id", .type = ColumnType::of(TypeKind::Integer)},
        Column{.name = "price", .type = ColumnType::numeric(10, 2)},
        Column{.name = "title_lower",
               .type = ColumnType::of(TypeKind::Text),
               .generated = GeneratedColumn{"lower(title)", true}},
    };
    books.primary_key = PrimaryKey{"pk_books", {"id"}};
    books.indexes = {Index{.name = "ix_books_price",
                           .parts = {IndexPart{.column = "price", .is_descending = true},
                                     IndexPart{.expression = "lower(title_lower)"}},
                           .is_unique = true,
                           .where = "price > 0"}};
    books.unique_constraints = {UniqueConstraint{std::nullopt, {"author_id", "price"}}};
    books.foreign_keys = {ForeignKey{.name = "fk_books_author",
                                     .columns = {"author_id"},
                                     .referenced_table = "authors",
                                     .referenced_columns = {"id"},
                                     .on_delete = ForeignKeyAction::Cascade,
                                     .is_deferrable = true,
                                     .is_initially_deferred = true}};
    books.checks = {CheckConstraint{"ck_price", "price >= 0"}};
    books.triggers = {Trigger{"tr_books",
                              "CREATE TRIGGER tr_books AFTER INSERT ON books BEGIN "
                              "SELECT 1; END"}};
    Schema schema;
    schema.tables = {books, authors};  // out of order on purpose
    schema.views = {View{"v_books", "CREATE VIEW v_books AS SELECT * FROM books"}};
    return schema;
}

std::string error_text(const std::string& json) {
    try {
        (void)schema_from_json(json, "models.json");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::InvalidModel);
        return e.what();
    }
    FAIL("expected an error");
    return {};
}

}  // namespace

TEST_CASE("a schema survives a JSON round trip, canonicalised") {
    Schema schema = sample_schema();
    const std::string json = schema_to_json(schema);
    Schema read = schema_from_json(json, "test");
    canonicalize(schema);
    CHECK(read == schema);
    CHECK(schema_to_json(read) == json);
    CHECK(read.tables[0].name == "authors");
}

TEST_CASE("default values are left out of the JSON") {
    Schema schema;
    Table table;
    table.name = "t";
    table.columns = {Column{.name = "c", .type = ColumnType::of(TypeKind::Text)}};
    schema.tables = {table};
    const std::string json = schema_to_json(schema);
    CHECK(json.find("nullable") == std::string::npos);
    CHECK(json.find("indexes") == std::string::npos);
    CHECK(json.find("\"type\": \"text\"") != std::string::npos);
}

TEST_CASE("strict reading names the place of an unknown key, a wrong type or a duplicate") {
    CHECK(error_text(
              R"({"tables":[{"name":"t","columns":[{"name":"c","type":"text","nulable":true}]}]})")
              .find("tables[0].columns[0].nulable") != std::string::npos);
    CHECK(error_text(
              R"({"tables":[{"name":"t","columns":[{"name":"c","type":"text","nullable":"no"}]}]})")
              .find("expected true or false") != std::string::npos);
    CHECK(
        error_text(
            R"({"tables":[{"name":"t","columns":[{"name":"c","type":"text"},{"name":"c","type":"text"}]}]})")
            .find("duplicate column") != std::string::npos);
    CHECK(
        error_text(
            R"({"tables":[{"name":"t","columns":[{"name":"c","type":"text"}]},{"name":"t","columns":[{"name":"c","type":"text"}]}]})")
            .find("duplicate table") != std::string::npos);
    CHECK(error_text(R"({"tables":[{"name":"t","columns":[]}]})").find("at least one column") !=
          std::string::npos);
    CHECK(
        error_text(
            R"({"tables":[{"name":"t","columns":[{"name":"c","type":"text"}],"primary_key":{"columns":["x"]}}]})")
            .find("primary key column") != std::string::npos);
}

TEST_CASE("malformed JSON reports the line and column") {
    const std::string text = error_text("{\n  \"tables\": [\n    {,}\n  ]\n}");
    CHECK(text.find("models.json line 3") != std::string::npos);
}
