// A little of the bookshop's own logic, written against the model structs: the same structs
// that describe the tables are the ones the application fills from its queries. These compile
// unchanged against every version of the models (models.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "models.hpp"

namespace bookshop {

// What the customer pays for an order, in cents.
[[nodiscard]] inline std::int64_t order_total_cents(std::span<const OrderLine> lines) {
    std::int64_t total = 0;
    for (const OrderLine& line : lines) {
        total += static_cast<std::int64_t>(line.quantity) *
                 static_cast<std::int64_t>(line.unit_price_cents);
    }
    return total;
}

// An ISBN-13 is 13 digits whose weighted sum (weights 1, 3, 1, 3, ...) is a multiple of 10.
[[nodiscard]] inline bool has_valid_isbn(const Book& book) {
    const std::string_view isbn = book.isbn.value;
    if (isbn.size() != 13) return false;
    int sum = 0;
    for (std::size_t i = 0; i < isbn.size(); ++i) {
        if (isbn[i] < '0' || isbn[i] > '9') return false;
        sum += (isbn[i] - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return sum % 10 == 0;
}

}  // namespace bookshop
