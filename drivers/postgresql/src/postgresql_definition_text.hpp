// The text side of deparsing model views and triggers on the server
// (postgresql_definitions.hpp): reading just enough of a CREATE VIEW / CREATE TRIGGER statement
// to rewrite or vet it, the order to create views in, and the DO block that runs them. Pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/schema.hpp"

namespace schemadiff::postgresql::detail {

struct TemporaryView {
    std::string statement;  // CREATE TEMP [RECURSIVE] VIEW name ...
    bool is_materialized = false;
};

// The model statement `sql` of view `name` turned into a temporary view of the same query, or
// nullopt when `sql` is not one CREATE [OR REPLACE] [RECURSIVE] [MATERIALIZED] VIEW statement.
[[nodiscard]] std::optional<TemporaryView> temporary_view(std::string_view sql,
                                                          std::string_view name);

// Whether `sql` is one CREATE [OR REPLACE] [CONSTRAINT] TRIGGER statement on an unqualified
// table (so that it lands on the temporary copy, never on the real table).
[[nodiscard]] bool is_plain_trigger_statement(std::string_view sql);

// The views in an order that creates each after the other views its statement names; ties and
// cycles in list order.
[[nodiscard]] std::vector<const View*> creation_order(const std::vector<View>& views);

// `body` as a DO block whose dollar quote appears nowhere in it.
[[nodiscard]] std::string do_block(std::string_view body);

// `value` as an E'' literal, whatever standard_conforming_strings says.
[[nodiscard]] std::string escaped_literal(std::string_view value);

}  // namespace schemadiff::postgresql::detail
