// Bookshop models, version 3: the newsletter becomes a customer setting, and prices grow.
// Changes from v2.hpp, each marked "v3:" below:
//   books.price_cents           std::int32_t -> std::int64_t
//   customers.wants_newsletter  a new column, NOT NULL with server default 0, so existing rows
//                               get a value
//   order_lines -> orders       the foreign key gains ON DELETE CASCADE: deleting an order
//                               deletes its lines
//   order_lines                 CHECK that the quantity is positive
//   newsletter_signups          dropped: replaced by customers.wants_newsletter (data loss,
//                               marked in the script)
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
    Varchar<200> title;
    Varchar<13> isbn;
    std::int64_t price_cents;  // v3: was std::int32_t
};

struct Customer {
    std::int64_t id;
    Varchar<200> email;
    Varchar<100> full_name;  // renamed from name in v2
    bool wants_newsletter;   // v3
};

struct Order {
    std::int64_t id;
    std::int64_t customer_id;
    std::chrono::sys_seconds placed_at;
    OrderStatus status;
};

struct OrderLine {
    std::int64_t order_id;
    std::int64_t book_id;
    std::int32_t quantity;
    std::int32_t unit_price_cents;
};

struct Review {
    std::int64_t id;
    std::int64_t book_id;
    std::optional<std::int64_t> customer_id;  // NULL once the customer's account is deleted
    std::int16_t rating;
    std::optional<std::string> body;
    std::chrono::sys_seconds created_at;
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
        .index("ix_books_title", {&Book::title});
}

inline auto describe_model(schemadiff::reflect::model_tag<Customer>) {
    return table<Customer>("customers")
        .primary_key(&Customer::id)
        .autoincrement(&Customer::id)
        .unique({&Customer::email})
        .renamed_from(&Customer::full_name, "name")
        .server_default(&Customer::wants_newsletter, "0");  // v3
}

inline auto describe_model(schemadiff::reflect::model_tag<Order>) {
    return table<Order>("orders")
        .primary_key(&Order::id)
        .autoincrement(&Order::id)
        .foreign_key({&Order::customer_id}, "customers")
        .server_default(&Order::placed_at, "CURRENT_TIMESTAMP")
        .server_default(&Order::status, "'new'");
}

inline auto describe_model(schemadiff::reflect::model_tag<OrderLine>) {
    return table<OrderLine>("order_lines")
        .primary_key({&OrderLine::order_id, &OrderLine::book_id})
        .foreign_key({&OrderLine::order_id}, "orders")
        .on_delete(schemadiff::reflect::Action::Cascade)  // v3
        .foreign_key({&OrderLine::book_id}, "books")
        .check("quantity > 0");  // v3
}

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

inline schemadiff::reflect::Registry models() {
    schemadiff::reflect::Registry registry;
    registry.add<Author>()
        .add<Book>()
        .add<Customer>()
        .add<Order>()
        .add<OrderLine>()
        .add<Review>();  // v3: NewsletterSignup dropped
    return registry;
}

}  // namespace bookshop
