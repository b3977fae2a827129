// Bookshop models, version 1: what the shop opened with. Authors write books, customers place
// orders, an order has one line per book, and a newsletter list keeps e-mail addresses.
//
// v2.hpp and v3.hpp are the same application a few releases later; each file's header lists
// what changed, and `bookshop_vN autogenerate` turns each step into a revision script.
// Autoincrement keys are std::int64_t: the ids of a shop outgrow 32 bits.
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
    Varchar<100> title;
    Varchar<13> isbn;
    std::int32_t price_cents;
};

struct Customer {
    std::int64_t id;
    Varchar<200> email;
    Varchar<100> name;
    std::optional<Varchar<30>> fax;
};

struct Order {
    std::int64_t id;
    std::int64_t customer_id;
    std::chrono::sys_seconds placed_at;
    std::optional<OrderStatus> status;
};

struct OrderLine {
    std::int64_t order_id;
    std::int64_t book_id;
    std::int32_t quantity;
    std::int32_t unit_price_cents;
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
        .foreign_key({&Book::author_id}, "authors");
}

inline auto describe_model(schemadiff::reflect::model_tag<Customer>) {
    return table<Customer>("customers").primary_key(&Customer::id).autoincrement(&Customer::id);
}

inline auto describe_model(schemadiff::reflect::model_tag<Order>) {
    return table<Order>("orders")
        .primary_key(&Order::id)
        .autoincrement(&Order::id)
        .foreign_key({&Order::customer_id}, "customers")
        .server_default(&Order::placed_at, "CURRENT_TIMESTAMP");
}

inline auto describe_model(schemadiff::reflect::model_tag<OrderLine>) {
    return table<OrderLine>("order_lines")
        .primary_key({&OrderLine::order_id, &OrderLine::book_id})
        .foreign_key({&OrderLine::order_id}, "orders")
        .foreign_key({&OrderLine::book_id}, "books");
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
        .add<NewsletterSignup>();
    return registry;
}

}  // namespace bookshop
