// Models shared by the reflect tests: a small bookshop declared the way users write models.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "schemadiff/reflect/model.hpp"

namespace shop {

enum class Format { Hardcover, Paperback, Ebook };

struct Author {
    std::int64_t id;
    schemadiff::reflect::Varchar<200> name;
    std::optional<std::string> bio;
};

struct Book {
    std::int64_t id;
    std::int64_t author_id;
    std::string title;
    std::optional<std::string> subtitle;
    std::string isbn;
    double price;
    Format format;
    std::chrono::system_clock::time_point created_at;
    std::int32_t order;  // a reserved word as a column name
};

// Composite primary key, two foreign keys, a table rename, a column named with a space.
struct BookTag {
    std::int64_t book_id;
    schemadiff::reflect::Varchar<40> tag;
    std::int32_t weight;
};

}  // namespace shop

template <>
struct schemadiff::reflect::model_of<shop::Author> {
    static auto describe() {
        return table<shop::Author>("authors")
            .primary_key(&shop::Author::id)
            .autoincrement(&shop::Author::id)
            .comment("people who write books");
    }
};

template <>
struct schemadiff::reflect::model_of<shop::Book> {
    static auto describe() {
        using shop::Book;
        return table<Book>("books")
            .primary_key(&Book::id)
            .autoincrement(&Book::id)
            .index("ix_books_title", {&Book::title})
            .unique({&Book::isbn})
            .foreign_key({&Book::author_id}, "authors", {"id"})
            .on_delete(Action::Cascade)
            .check("price >= 0")
            .server_default(&Book::created_at, "CURRENT_TIMESTAMP")
            .server_default(&Book::order, "0")
            .comment(&Book::title, "shown in the catalogue")
            .type(&Book::price, Numeric<10, 2>{})
            .renamed_from(&Book::subtitle, "tagline");
    }
};

namespace shop {

// The ADL form: declared in the model's own namespace, schemadiff's left closed.
inline auto describe_model(schemadiff::reflect::model_tag<BookTag>) {
    return schemadiff::reflect::table<BookTag>("book_tags")
        .primary_key({&BookTag::book_id, &BookTag::tag})
        .foreign_key({&BookTag::book_id}, "books")
        .on_delete(schemadiff::reflect::Action::Cascade)
        .on_update(schemadiff::reflect::Action::Restrict)
        .index({schemadiff::reflect::desc(&BookTag::weight), &BookTag::tag})
        .where("\"Tag Weight\" > 0")
        .column_name(&BookTag::weight, "Tag Weight")
        .renamed_from("tags");
}

}  // namespace shop
