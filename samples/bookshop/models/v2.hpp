// Bookshop models, version 2: customers may now review books. Changes from v1.hpp, each marked
// "v2:" below:
//   books.title       Varchar<100> -> Varchar<200>: long titles were cut off
//   books             index ix_books_title: the catalogue searches by title
//   customers.name    renamed to full_name (renamed_from: the rows keep their names)
//   customers.email   unique: one account per address
//   customers.fax     dropped: nobody sends faxes (data loss, marked in the script)
//   orders.status     optional -> required, server default 'new'
//   reviews           a new table: foreign keys to books (ON DELETE CASCADE) and customers
//                     (ON DELETE SET NULL), CHECK that the rating is 1 to 5
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "schemadiff/reflect/registry.hpp"

namespace bookshop {

using schemadiff::reflect::Varchar;

enum class OrderStatus { New, Paid, Shipped, Cancelled };

struct Author {
    std::int64_t id;
    Varchar<100> name;
    std::optional<std::string> bio;
};

struct Book {
    std::int64_t id;
    std::int64_t author_id;
    Varchar<200> title;  // v2: was Varchar<100>
    Varchar<13> isbn;
    std::int32_t price_cents;
};

struct Customer {
    std::int64_t id;
    Varchar<200> email;
    Varchar<100> full_name;  // v2: renamed from name; v2: fax dropped
};

struct Order {
    std::int64_t id;
    std::int64_t customer_id;
    std::chrono::sys_seconds placed_at;
    OrderStatus status;  // v2: required, 'new' by default
};

struct OrderLine {
    std::int64_t order_id;
    std::int64_t book_id;
    std::int32_t quantity;
    std::int32_t unit_price_cents;
};

// v2: new.
struct Review {
    std::int64_t id;
    std::int64_t book_id;
    std::optional<std::int64_t> customer_id;  // NULL once the customer's account is deleted
    std::int16_t rating;
    std::optional<std::string> body;
    std::chrono::sys_seconds created_at;
};

struct NewsletterSignup {
    Varchar<200> email;
    std::chrono::sys_seconds signed_up_at;
};

}  // namespace bookshop

// The status is stored as the words the shop's staff use, not as C++ enumerator names.
template <>
struct schemadiff::reflect::enum_values<bookshop::OrderStatus> {
    static constexpr std::array<std::string_view, 4> values{"new", "paid", "shipped", "cancelled"};
};

namespace bookshop {

using schemadiff::reflect::table;

inline auto describe_model(schemadiff::reflect::model_tag<Author>) {
    return table<Author>("authors").primary_key(&Author::id).autoincrement(&Author::id);
}

inline auto describe_model(schemadiff::reflect::model_tag<Book>) {
    return table<Book>("books")
        .primary_key(&Book::id)
        .autoincrement(&Book::id)
        // No ON DELETE: an author whose books are in the catalogue cannot be deleted.
        .foreign_key({&Book::author_id}, "authors")
        .index("ix_books_title", {&Book::title});  // v2
}

inline auto describe_model(schemadiff::reflect::model_tag<Customer>) {
    return table<Customer>("customers")
        .primary_key(&Customer::id)
        .autoincrement(&Customer::id)
        .unique({&Customer::email})                   // v2
        .renamed_from(&Customer::full_name, "name");  // v2
}

inline auto describe_model(schemadiff::reflect::model_tag<Order>) {
    return table<Order>("orders")
        .primary_key(&Order::id)
        .autoincrement(&Order::id)
        .foreign_key({&Order::customer_id}, "customers")
        .server_default(&Order::placed_at, "CURRENT_TIMESTAMP")
        .server_default(&Order::status, "'new'");  // v2
}

inline auto describe_model(schemadiff::reflect::model_tag<OrderLine>) {
    return table<OrderLine>("order_lines")
        .primary_key({&OrderLine::order_id, &OrderLine::book_id})
        .foreign_key({&OrderLine::order_id}, "orders")
        .foreign_key({&OrderLine::book_id}, "books");
}

// v2: new.
inline auto describe_model(schemadiff::reflect::model_tag<Review>) {
    using schemadiff::reflect::Action;
    return table<Review>("reviews")
        .primary_key(&Review::id)
        .autoincrement(&Review::id)
        .foreign_key({&Review::book_id}, "books")
        .on_delete(Action::Cascade)
        .foreign_key({&Review::customer_id}, "customers")
        .on_delete(Action::SetNull)
        .check("rating BETWEEN 1 AND 5")
        .server_default(&Review::created_at, "CURRENT_TIMESTAMP");
}

inline auto describe_model(schemadiff::reflect::model_tag<NewsletterSignup>) {
    return table<NewsletterSignup>("newsletter_signups")
        .primary_key(&NewsletterSignup::email)
        .server_default(&NewsletterSignup::signed_up_at, "CURRENT_TIMESTAMP");
}

inline schemadiff::reflect::Registry models() {
    schemadiff::reflect::Registry registry;
    registry.add<Author>()
        .add<Book>()
        .add<Customer>()
        .add<Order>()
        .add<OrderLine>()
        .add<Review>()  // v2
        .add<NewsletterSignup>();
    return registry;
}

}  // namespace bookshop
