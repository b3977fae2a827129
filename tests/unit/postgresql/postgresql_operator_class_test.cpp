// Index operator classes in the PostgreSQL dialect, without a server: where CREATE INDEX writes
// them, and which spellings canonical_index treats as no operator class at all.
#include <doctest/doctest.h>

#include "postgresql_test_support.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;

namespace {

const postgresql::PostgresqlDialect kDialect;

Index index_of(std::string method, std::vector<IndexPart> parts) {
    Index index;
    index.name = "ix";
    index.method = std::move(method);
    index.parts = std::move(parts);
    return index;
}

std::optional<std::string> canonical_class(std::string method, std::string operator_class) {
    return kDialect.canonical_index(index_of(std::move(method), {classed("a", operator_class)}))
        .parts[0]
        .operator_class;
}

}  // namespace

TEST_CASE("an operator class follows COLLATE and precedes the direction and NULLS order") {
    IndexPart name = classed("name", "text_pattern_ops");
    name.collation = "C";
    name.is_descending = true;
    name.nulls_first = false;
    IndexPart lowered{.expression = "lower(name)"};
    lowered.operator_class = "varchar_pattern_ops";
    CHECK(kDialect.create_index("users", index_of("", {name, lowered})) ==
          "CREATE INDEX ix ON users (name COLLATE \"C\" text_pattern_ops DESC NULLS LAST, "
          "(lower(name)) varchar_pattern_ops)");
    CHECK(kDialect.create_index("t", index_of("gin", {classed("doc", "jsonb_path_ops")})) ==
          "CREATE INDEX ix ON t USING gin (doc jsonb_path_ops)");
}

TEST_CASE("an operator class name is quoted like any identifier, each half of schema.name") {
    CHECK(kDialect.create_index("t", index_of("", {classed("order", "My Ops")})) ==
          "CREATE INDEX ix ON t (\"order\" \"My Ops\")");
    CHECK(kDialect.create_index("t", index_of("", {classed("a", "Odd Schema.rev_ops")})) ==
          "CREATE INDEX ix ON t (a \"Odd Schema\".rev_ops)");
}

TEST_CASE("a built-in default operator class compares as none, for its own method only") {
    CHECK_FALSE(canonical_class("gin", "jsonb_ops"));
    CHECK_FALSE(canonical_class("", "text_ops"));
    CHECK_FALSE(canonical_class("BTREE", "int8_ops"));
    CHECK_FALSE(canonical_class("btree", "pg_catalog.text_ops"));
    CHECK_FALSE(canonical_class("spgist", "text_ops"));
    CHECK_FALSE(canonical_class("brin", "int4_minmax_ops"));
    // The same names that are not their method's default stay.
    CHECK(canonical_class("gin", "jsonb_path_ops") == "jsonb_path_ops");
    CHECK(canonical_class("", "text_pattern_ops") == "text_pattern_ops");
    CHECK(canonical_class("gin", "text_ops") == "text_ops");  // no such class: the server says so
    CHECK(canonical_class("btree", "pg_catalog.varchar_pattern_ops") == "varchar_pattern_ops");
    CHECK(canonical_class("btree", "public.text_ops") == "public.text_ops");
    CHECK(canonical_class("btree", "TEXT_OPS") == "TEXT_OPS");  // quoted: another name
}

TEST_CASE("canonical_index changes nothing but operator classes") {
    Index index = index_of("gin", {classed("doc", "jsonb_ops"), IndexPart{"b"}});
    index.parts[1].is_descending = true;
    index.parts[1].nulls_first = false;
    index.include = {"c"};
    index.where = "b > 0";
    Index expected = index;
    expected.parts[0].operator_class.reset();
    CHECK(kDialect.canonical_index(index) == expected);
}
