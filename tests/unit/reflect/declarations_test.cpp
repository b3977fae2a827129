// Each table-level declaration of the builder lands in the Table it describes.
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "schemadiff/core/column_type.hpp"
#include "schemadiff/reflect/model.hpp"
#include "test_models.hpp"

namespace {

using schemadiff::ForeignKeyAction;
using schemadiff::reflect::table;
using schemadiff::reflect::table_of;

struct Gadget {
    std::int32_t id;
    std::int32_t group_id;
    std::string name;
    std::optional<std::string> note;
    double weight;
};

const schemadiff::Column& column(const schemadiff::Table& t, std::string_view name) {
    const auto* found = t.find_column(name);
    REQUIRE_MESSAGE(found != nullptr, "no column " << name);
    return *found;
}

}  // namespace

TEST_CASE("the table name is the one given to table<T>()") {
    CHECK(table_of<shop::Book>().name == "books");
    CHECK(table_of<shop::BookTag>().name == "book_tags");
}

TEST_CASE("primary_key and autoincrement mark the key column") {
    const auto books = table_of<shop::Book>();
    CHECK(books.primary_key.columns == std::vector<std::string>{"id"});
    CHECK_FALSE(books.primary_key.name.has_value());
    CHECK(column(books, "id").is_autoincrement);
    CHECK_FALSE(column(books, "author_id").is_autoincrement);
}

TEST_CASE("a composite primary key keeps the declared column order") {
    CHECK(table_of<shop::BookTag>().primary_key.columns ==
          std::vector<std::string>{"book_id", "tag"});
}

TEST_CASE("index, unique and foreign_key declare what they name") {
    const auto books = table_of<shop::Book>();
    REQUIRE(books.indexes.size() == 1);
    CHECK(books.indexes[0].name == "ix_books_title");
    CHECK(books.indexes[0].parts.size() == 1);
    CHECK(books.indexes[0].parts[0].column == "title");
    CHECK_FALSE(books.indexes[0].is_unique);
    REQUIRE(books.unique_constraints.size() == 1);
    CHECK(books.unique_constraints[0].columns == std::vector<std::string>{"isbn"});
    CHECK_FALSE(books.unique_constraints[0].name.has_value());
    REQUIRE(books.foreign_keys.size() == 1);
    const auto& fk = books.foreign_keys[0];
    CHECK(fk.columns == std::vector<std::string>{"author_id"});
    CHECK(fk.referenced_table == "authors");
    CHECK(fk.referenced_columns == std::vector<std::string>{"id"});
    CHECK(fk.on_delete == ForeignKeyAction::Cascade);
    CHECK(fk.on_update == ForeignKeyAction::NoAction);
}

TEST_CASE("a foreign key without referenced columns refers to the primary key") {
    const auto tags = table_of<shop::BookTag>();
    REQUIRE(tags.foreign_keys.size() == 1);
    CHECK(tags.foreign_keys[0].referenced_columns.empty());
    CHECK(tags.foreign_keys[0].on_delete == ForeignKeyAction::Cascade);
    CHECK(tags.foreign_keys[0].on_update == ForeignKeyAction::Restrict);
}

TEST_CASE("an index can be partial, descending and composite") {
    const auto tags = table_of<shop::BookTag>();
    REQUIRE(tags.indexes.size() == 1);
    const auto& index = tags.indexes[0];
    CHECK(index.name.empty());
    REQUIRE(index.parts.size() == 2);
    CHECK(index.parts[0].column == "Tag Weight");
    CHECK(index.parts[0].is_descending);
    CHECK(index.parts[1].column == "tag");
    CHECK_FALSE(index.parts[1].is_descending);
    CHECK(index.where == "\"Tag Weight\" > 0");
}

TEST_CASE("check, server_default, comment, type and renamed_from apply to their targets") {
    const auto books = table_of<shop::Book>();
    REQUIRE(books.checks.size() == 1);
    CHECK(books.checks[0].expression == "price >= 0");
    CHECK(column(books, "created_at").default_sql == "CURRENT_TIMESTAMP");
    CHECK(column(books, "title").comment == "shown in the catalogue");
    CHECK(column(books, "price").type == schemadiff::ColumnType::numeric(10, 2));
    CHECK_FALSE(column(books, "price").is_nullable);
    CHECK(column(books, "subtitle").renamed_from == "tagline");
    CHECK(table_of<shop::Author>().comment == "people who write books");
}

TEST_CASE("column_name and a table's renamed_from override the defaults") {
    const auto tags = table_of<shop::BookTag>();
    CHECK(tags.columns[2].name == "Tag Weight");
    CHECK(tags.renamed_from == "tags");
}

TEST_CASE("named() names the declaration just before it") {
    const auto t = table<Gadget>("gadgets")
                       .primary_key(&Gadget::id)
                       .named("gadgets_pk")
                       .unique({&Gadget::group_id, &Gadget::name})
                       .named("uq_group_name")
                       .foreign_key({&Gadget::group_id}, "groups", {"id"})
                       .named("fk_group")
                       .check("weight > 0")
                       .named("ck_weight")
                       .to_table();
    CHECK(t.primary_key.name == "gadgets_pk");
    CHECK(t.unique_constraints[0].name == "uq_group_name");
    CHECK(t.unique_constraints[0].columns == std::vector<std::string>{"group_id", "name"});
    CHECK(t.foreign_keys[0].name == "fk_group");
    CHECK(t.checks[0].name == "ck_weight");
}

TEST_CASE("the other declarations: unique_index, expressions, deferrable, collation, more") {
    using schemadiff::reflect::expression;
    const auto t =
        table<Gadget>("gadgets")
            .unique_index("ux_lower_name", {expression("lower(name)")})
            .unique("uq_name", {&Gadget::name})
            .check("ck_named", "length(name) > 0")
            .foreign_key({&Gadget::group_id}, "groups")
            .on_update(schemadiff::reflect::Action::SetNull)
            .deferrable(true)
            .match_full()
            .collation(&Gadget::name, "NOCASE")
            .generated(&Gadget::note, "upper(name)", true)
            .type(&Gadget::weight, "numeric(8,3)")
            .type(&Gadget::group_id, schemadiff::ColumnType::of(schemadiff::TypeKind::BigInt))
            .without_rowid()
            .strict()
            .to_table();
    REQUIRE(t.indexes.size() == 1);
    CHECK(t.indexes[0].is_unique);
    CHECK(t.indexes[0].parts[0].expression == "lower(name)");
    CHECK(t.indexes[0].parts[0].column.empty());
    CHECK(t.unique_constraints[0].name == "uq_name");
    CHECK(t.checks[0].name == "ck_named");
    CHECK(t.checks[0].expression == "length(name) > 0");
    const auto& fk = t.foreign_keys[0];
    CHECK(fk.on_update == ForeignKeyAction::SetNull);
    CHECK(fk.is_deferrable);
    CHECK(fk.is_initially_deferred);
    CHECK(fk.is_match_full);
    CHECK(column(t, "name").collation == "NOCASE");
    REQUIRE(column(t, "note").generated.has_value());
    CHECK(column(t, "note").generated->expression == "upper(name)");
    CHECK(column(t, "note").generated->is_stored);
    CHECK(column(t, "weight").type == schemadiff::ColumnType::numeric(8, 3));
    CHECK(column(t, "group_id").type.kind == schemadiff::TypeKind::BigInt);
    CHECK(t.is_without_rowid);
    CHECK(t.is_strict);
}

TEST_CASE("index parts carry operator classes, and an index its access method") {
    using schemadiff::reflect::desc;
    using schemadiff::reflect::expression;
    using schemadiff::reflect::operator_class;
    const auto t =
        table<Gadget>("gadgets")
            .index("ix_name", {operator_class(&Gadget::name, "text_pattern_ops"),
                               operator_class(desc(&Gadget::note), "Odd.Ops"),
                               operator_class(expression("lower(name)"), "x_ops"), &Gadget::id})
            .index("ix_note", {&Gadget::note})
            .method("gin")
            .to_table();
    REQUIRE(t.indexes.size() == 2);
    const auto& parts = t.indexes[0].parts;
    REQUIRE(parts.size() == 4);
    CHECK(parts[0].column == "name");
    CHECK(parts[0].operator_class == "text_pattern_ops");
    CHECK_FALSE(parts[0].is_descending);
    CHECK(parts[1].column == "note");
    CHECK(parts[1].is_descending);
    CHECK(parts[1].operator_class == "Odd.Ops");
    CHECK(parts[2].expression == "lower(name)");
    CHECK(parts[2].operator_class == "x_ops");
    CHECK_FALSE(parts[3].operator_class.has_value());
    CHECK(t.indexes[0].method.empty());
    CHECK(t.indexes[1].method == "gin");
}

TEST_CASE("a model without declarations is a table of its columns only") {
    const auto t = table<Gadget>("gadgets").to_table();
    CHECK(t.columns.size() == 5);
    CHECK(t.primary_key.empty());
    CHECK(t.indexes.empty());
    CHECK(t.foreign_keys.empty());
    CHECK(column(t, "note").is_nullable);
    CHECK_FALSE(column(t, "name").is_nullable);
}
