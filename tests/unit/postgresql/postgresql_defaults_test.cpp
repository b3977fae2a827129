// Defaults as pg_get_expr() prints them (left) compare equal to what a model writes (right).
// The left-hand spellings were read from a PostgreSQL 15 server.
#include <doctest/doctest.h>

#include "schemadiff/postgresql/postgresql_dialect.hpp"

using namespace schemadiff;

namespace {

const postgresql::PostgresqlDialect kDialect;

bool same_default(std::string_view catalog, std::string_view model, const ColumnType& type) {
    return kDialect.normalize_default(catalog, type) == kDialect.normalize_default(model, type);
}

ColumnType of(TypeKind kind) { return ColumnType::of(kind); }

}  // namespace

TEST_CASE("casts on string defaults are dropped") {
    CHECK(same_default("'x'::text", "'x'", of(TypeKind::Text)));
    CHECK(same_default("'it''s'::character varying", "'it''s'", ColumnType::string(20)));
    CHECK(same_default("'2020-01-01'::date", "'2020-01-01'", of(TypeKind::Date)));
    CHECK(same_default("'a'::mood", "'a'", ColumnType::enumeration({"a", "b"})));
    CHECK(kDialect.normalize_default("'x'::text", of(TypeKind::Text)) == "'x'");
}

TEST_CASE("numeric defaults compare by value whatever pg_get_expr adds") {
    CHECK(same_default("'-1'::integer", "-1", of(TypeKind::Integer)));
    CHECK(same_default("(-1)", "-1", of(TypeKind::Integer)));
    CHECK(same_default("'-5'::integer", "-5", of(TypeKind::SmallInt)));
    CHECK(same_default("'9999999999'::bigint", "9999999999", of(TypeKind::BigInt)));
    CHECK(same_default("0", "0", of(TypeKind::BigInt)));
    CHECK(same_default("1.50", "1.5", ColumnType::numeric(10, 2)));
    CHECK(same_default("'-1.5'::numeric", "-1.5", of(TypeKind::Numeric)));
    CHECK(same_default("'1000'::numeric", "1e3", of(TypeKind::Double)));
    CHECK(same_default("'-2'::integer", "-2.0", of(TypeKind::Double)));
    CHECK(same_default("'1.5'::double precision", "1.5", of(TypeKind::Double)));
    CHECK_FALSE(same_default("1", "2", of(TypeKind::Integer)));
    CHECK_FALSE(same_default("'-1'::integer", "1", of(TypeKind::Integer)));
}

TEST_CASE("a number default on a text column equals the same text") {
    CHECK(same_default("'1'::text", "1", of(TypeKind::Text)));
}

TEST_CASE("boolean defaults fold to TRUE and FALSE") {
    CHECK(same_default("true", "TRUE", of(TypeKind::Boolean)));
    CHECK(same_default("false", "'f'", of(TypeKind::Boolean)));
    CHECK_FALSE(same_default("true", "false", of(TypeKind::Boolean)));
}

TEST_CASE("now() and CURRENT_TIMESTAMP are the same default") {
    CHECK(same_default("now()", "CURRENT_TIMESTAMP", of(TypeKind::Timestamp)));
    CHECK(same_default("CURRENT_TIMESTAMP", "current_timestamp", of(TypeKind::Timestamp)));
    CHECK(same_default("transaction_timestamp()", "now()", of(TypeKind::Timestamp)));
    CHECK_FALSE(same_default("LOCALTIMESTAMP", "CURRENT_TIMESTAMP", of(TypeKind::Timestamp)));
    CHECK(same_default("CURRENT_DATE", "current_date", of(TypeKind::Date)));
}

TEST_CASE("type output forms compare equal to what a model writes") {
    CHECK(same_default("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid",
                       "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'", of(TypeKind::Uuid)));
    CHECK(same_default("'{\"a\": 1, \"b\": [1, 2]}'::jsonb", "'{\"a\":1, \"b\" : [1,2]}'",
                       of(TypeKind::Json)));
    CHECK_FALSE(same_default("'{\"a\": \"x y\"}'::jsonb", "'{\"a\": \"xy\"}'", of(TypeKind::Json)));
    CHECK(same_default("'2020-01-01 00:00:00'::timestamp without time zone", "'2020-01-01'",
                       of(TypeKind::Timestamp)));
    CHECK(same_default("'2020-01-01 00:00:00'::timestamp without time zone",
                       "'2020-01-01T00:00:00'", ColumnType::raw_type("timestamp(3)")));
}

TEST_CASE("expression defaults compare in canonical form") {
    CHECK(same_default("(now())::text", "now()::text", of(TypeKind::Text)));
    CHECK(same_default("(1 + 2)", "1+2", of(TypeKind::Integer)));
    CHECK(same_default("ARRAY[]::text[]", "ARRAY[]::TEXT[]", ColumnType::raw_type("TEXT[]")));
    CHECK(same_default("'{}'::integer[]", "'{}'", ColumnType::raw_type("INTEGER[]")));
    CHECK(same_default("gen_random_uuid()", "GEN_RANDOM_UUID ( )", of(TypeKind::Uuid)));
    CHECK(kDialect.normalize_default("nextval('t_id_seq'::regclass)", of(TypeKind::Integer)) ==
          "NEXTVAL('t_id_seq')");
}

TEST_CASE("NULL defaults normalise to NULL") {
    CHECK(kDialect.normalize_default("NULL::character varying", ColumnType::string(3)) == "NULL");
    CHECK(kDialect.normalize_default("null", of(TypeKind::Integer)) == "NULL");
}

TEST_CASE("a rendered default read back normalises to the model's canonical form") {
    struct Case {
        std::string model;
        std::string catalog;
        ColumnType type;
    };
    const std::vector<Case> cases = {
        {"0", "0", of(TypeKind::Integer)},
        {"'x'", "'x'::text", of(TypeKind::Text)},
        {"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", of(TypeKind::Timestamp)},
        {"TRUE", "true", of(TypeKind::Boolean)},
        {"0", "'0'::double precision", of(TypeKind::Double)},
        {"0", "0", ColumnType::numeric(10, 2)},
    };
    for (const auto& c : cases) {
        CAPTURE(c.model);
        CHECK(kDialect.normalize_default(c.catalog, c.type) ==
              kDialect.normalize_default(c.model, c.type));
    }
}
