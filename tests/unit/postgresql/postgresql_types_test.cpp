// PostgreSQL type names: rendering, format_type() spellings, aliases, and the round trip that
// keeps a created-then-read column free of false differences.
#include <doctest/doctest.h>

#include "postgresql_test_support.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;

namespace {

const postgresql::PostgresqlDialect kDialect;

ColumnType zoned(TypeKind kind) {
    ColumnType type = ColumnType::of(kind);
    type.with_timezone = true;
    return type;
}

ColumnType numeric(int precision) {
    ColumnType type = ColumnType::of(TypeKind::Numeric);
    type.precision = precision;
    return type;
}

}  // namespace

TEST_CASE("every portable type renders to PostgreSQL's name") {
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::SmallInt)) == "SMALLINT");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Integer)) == "INTEGER");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::BigInt)) == "BIGINT");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Boolean)) == "BOOLEAN");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Real)) == "REAL");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Double)) == "DOUBLE PRECISION");
    CHECK(kDialect.render_type(ColumnType::numeric(10, 2)) == "NUMERIC(10,2)");
    CHECK(kDialect.render_type(numeric(12)) == "NUMERIC(12)");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Numeric)) == "NUMERIC");
    CHECK(kDialect.render_type(ColumnType::string(255)) == "VARCHAR(255)");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::String)) == "VARCHAR");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Text)) == "TEXT");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Binary)) == "BYTEA");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Date)) == "DATE");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Time)) == "TIME");
    CHECK(kDialect.render_type(zoned(TypeKind::Time)) == "TIME WITH TIME ZONE");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Timestamp)) == "TIMESTAMP");
    CHECK(kDialect.render_type(zoned(TypeKind::Timestamp)) == "TIMESTAMP WITH TIME ZONE");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Uuid)) == "UUID");
    CHECK(kDialect.render_type(ColumnType::of(TypeKind::Json)) == "JSONB");
    CHECK(kDialect.render_type(ColumnType::enumeration({"a", "b"})) == "TEXT");
    CHECK(kDialect.render_type(named_enum("mood", {"a"})) == "mood");
    CHECK(kDialect.render_type(named_enum("Mood", {"a"})) == "\"Mood\"");
    CHECK(kDialect.render_type(ColumnType::raw_type("INET")) == "INET");
}

TEST_CASE("format_type spellings normalise to the portable types") {
    CHECK(kDialect.normalize_type("smallint") == ColumnType::of(TypeKind::SmallInt));
    CHECK(kDialect.normalize_type("integer") == ColumnType::of(TypeKind::Integer));
    CHECK(kDialect.normalize_type("bigint") == ColumnType::of(TypeKind::BigInt));
    CHECK(kDialect.normalize_type("boolean") == ColumnType::of(TypeKind::Boolean));
    CHECK(kDialect.normalize_type("real") == ColumnType::of(TypeKind::Real));
    CHECK(kDialect.normalize_type("double precision") == ColumnType::of(TypeKind::Double));
    CHECK(kDialect.normalize_type("numeric(10,2)") == ColumnType::numeric(10, 2));
    CHECK(kDialect.normalize_type("numeric(10,0)") == ColumnType::numeric(10, 0));
    CHECK(kDialect.normalize_type("numeric") == ColumnType::of(TypeKind::Numeric));
    CHECK(kDialect.normalize_type("character varying(20)") == ColumnType::string(20));
    CHECK(kDialect.normalize_type("character varying") == ColumnType::of(TypeKind::String));
    CHECK(kDialect.normalize_type("text") == ColumnType::of(TypeKind::Text));
    CHECK(kDialect.normalize_type("bytea") == ColumnType::of(TypeKind::Binary));
    CHECK(kDialect.normalize_type("date") == ColumnType::of(TypeKind::Date));
    CHECK(kDialect.normalize_type("time without time zone") == ColumnType::of(TypeKind::Time));
    CHECK(kDialect.normalize_type("time with time zone") == zoned(TypeKind::Time));
    CHECK(kDialect.normalize_type("timestamp without time zone") ==
          ColumnType::of(TypeKind::Timestamp));
    CHECK(kDialect.normalize_type("timestamp with time zone") == zoned(TypeKind::Timestamp));
    CHECK(kDialect.normalize_type("uuid") == ColumnType::of(TypeKind::Uuid));
    CHECK(kDialect.normalize_type("jsonb") == ColumnType::of(TypeKind::Json));
}

TEST_CASE("aliases a model may write normalise like format_type's names") {
    CHECK(kDialect.normalize_type("int4") == ColumnType::of(TypeKind::Integer));
    CHECK(kDialect.normalize_type("INT") == ColumnType::of(TypeKind::Integer));
    CHECK(kDialect.normalize_type("int8") == ColumnType::of(TypeKind::BigInt));
    CHECK(kDialect.normalize_type("serial") == ColumnType::of(TypeKind::Integer));
    CHECK(kDialect.normalize_type("bigserial") == ColumnType::of(TypeKind::BigInt));
    CHECK(kDialect.normalize_type("bool") == ColumnType::of(TypeKind::Boolean));
    CHECK(kDialect.normalize_type("float8") == ColumnType::of(TypeKind::Double));
    CHECK(kDialect.normalize_type("float(24)") == ColumnType::of(TypeKind::Real));
    CHECK(kDialect.normalize_type("float(25)") == ColumnType::of(TypeKind::Double));
    CHECK(kDialect.normalize_type("decimal(8, 3)") == ColumnType::numeric(8, 3));
    CHECK(kDialect.normalize_type("numeric(12)") == ColumnType::numeric(12, 0));
    CHECK(kDialect.normalize_type("VARCHAR(20)") == ColumnType::string(20));
    CHECK(kDialect.normalize_type("timestamptz") == zoned(TypeKind::Timestamp));
    CHECK(kDialect.normalize_type("timetz") == zoned(TypeKind::Time));
    CHECK(kDialect.normalize_type("pg_catalog.int4") == ColumnType::of(TypeKind::Integer));
}

TEST_CASE("json stays apart from jsonb, which is the portable json") {
    CHECK(kDialect.normalize_type("json") == ColumnType::raw_type("JSON"));
    CHECK(kDialect.canonical_type(ColumnType::raw_type("json")) != ColumnType::of(TypeKind::Json));
    CHECK(kDialect.canonical_type(ColumnType::raw_type("jsonb")) == ColumnType::of(TypeKind::Json));
}

TEST_CASE("fractional-seconds precision keeps a timestamp Raw with its precision") {
    CHECK(kDialect.normalize_type("timestamp(3) without time zone") ==
          ColumnType::raw_type("TIMESTAMP(3)"));
    CHECK(kDialect.normalize_type("timestamp(3) with time zone") ==
          ColumnType::raw_type("TIMESTAMP(3) WITH TIME ZONE"));
    CHECK(kDialect.normalize_type("timestamptz(3)") ==
          ColumnType::raw_type("TIMESTAMP(3) WITH TIME ZONE"));
    CHECK(kDialect.normalize_type("time(2) with time zone") ==
          ColumnType::raw_type("TIME(2) WITH TIME ZONE"));
    CHECK(kDialect.canonical_type(ColumnType::raw_type("timestamp(3)")) ==
          kDialect.normalize_type("timestamp(3) without time zone"));
    CHECK(kDialect.canonical_type(ColumnType::raw_type("timestamp(3)")) !=
          ColumnType::of(TypeKind::Timestamp));
}

TEST_CASE("arrays print as element[] whatever their dimensions or spelling") {
    CHECK(kDialect.normalize_type("integer[]") == ColumnType::raw_type("INTEGER[]"));
    CHECK(kDialect.normalize_type("int4[3][3]") == ColumnType::raw_type("INTEGER[]"));
    CHECK(kDialect.normalize_type("integer ARRAY") == ColumnType::raw_type("INTEGER[]"));
    CHECK(kDialect.normalize_type("character varying(20)[]") ==
          ColumnType::raw_type("VARCHAR(20)[]"));
    CHECK(kDialect.normalize_type("varchar(20)[]") == ColumnType::raw_type("VARCHAR(20)[]"));
    CHECK(kDialect.normalize_type("numeric(10,2)[]") == ColumnType::raw_type("NUMERIC(10,2)[]"));
    CHECK(kDialect.normalize_type("\"Mood\"[]") == ColumnType::raw_type("\"Mood\"[]"));
}

TEST_CASE("other types stay Raw in one canonical spelling") {
    CHECK(kDialect.normalize_type("character(3)") == ColumnType::raw_type("CHARACTER(3)"));
    CHECK(kDialect.normalize_type("char(3)") == ColumnType::raw_type("CHARACTER(3)"));
    CHECK(kDialect.normalize_type("char") == kDialect.normalize_type("character(1)"));
    CHECK(kDialect.normalize_type("bit") == ColumnType::raw_type("BIT(1)"));
    CHECK(kDialect.normalize_type("varbit(8)") == ColumnType::raw_type("BIT VARYING(8)"));
    CHECK(kDialect.normalize_type("interval") == ColumnType::raw_type("INTERVAL"));
    CHECK(kDialect.normalize_type("inet") == ColumnType::raw_type("INET"));
    CHECK(kDialect.normalize_type("\"char\"") == ColumnType::raw_type("\"char\""));
    CHECK(kDialect.normalize_type("posint") == ColumnType::raw_type("POSINT"));
    CHECK(kDialect.normalize_type("\"posint\"") == ColumnType::raw_type("POSINT"));
    CHECK(kDialect.normalize_type("public.citext") == ColumnType::raw_type("CITEXT"));
    CHECK(kDialect.normalize_type("\"My Domain\"") == ColumnType::raw_type("\"My Domain\""));
    CHECK(kDialect.normalize_type("geometry(Point, 4326)") ==
          ColumnType::raw_type("GEOMETRY(POINT,4326)"));
}

TEST_CASE("every portable type survives render_type then normalize_type") {
    const std::vector<ColumnType> types = {
        ColumnType::of(TypeKind::SmallInt),
        ColumnType::of(TypeKind::Integer),
        ColumnType::of(TypeKind::BigInt),
        ColumnType::of(TypeKind::Boolean),
        ColumnType::of(TypeKind::Real),
        ColumnType::of(TypeKind::Double),
        ColumnType::of(TypeKind::Numeric),
        ColumnType::numeric(10, 2),
        ColumnType::numeric(38, 0),
        ColumnType::of(TypeKind::String),
        ColumnType::string(255),
        ColumnType::of(TypeKind::Text),
        ColumnType::of(TypeKind::Binary),
        ColumnType::of(TypeKind::Date),
        ColumnType::of(TypeKind::Time),
        zoned(TypeKind::Time),
        ColumnType::of(TypeKind::Timestamp),
        zoned(TypeKind::Timestamp),
        ColumnType::of(TypeKind::Uuid),
        ColumnType::of(TypeKind::Json),
        ColumnType::raw_type("INTEGER[]"),
        ColumnType::raw_type("TIMESTAMP(3)"),
        ColumnType::raw_type("CHARACTER(3)"),
        ColumnType::raw_type("\"My Domain\""),
    };
    for (const auto& type : types) {
        CAPTURE(to_string(type));
        CHECK(kDialect.normalize_type(kDialect.render_type(type)) == type);
        CHECK(kDialect.canonical_type(type) == type);
    }
}

TEST_CASE("the canonical type of a model type is what reading it back gives") {
    CHECK(kDialect.canonical_type(numeric(12)) == ColumnType::numeric(12, 0));
    CHECK(kDialect.canonical_type(ColumnType::raw_type("int4[]")) ==
          kDialect.normalize_type("integer[]"));
    ColumnType sized_binary = ColumnType::of(TypeKind::Binary);
    sized_binary.length = 16;
    CHECK(kDialect.canonical_type(sized_binary) == ColumnType::of(TypeKind::Binary));
}

TEST_CASE("a named enum compares by name and values; an unnamed one by its values") {
    const ColumnType mood = named_enum("mood", {"a", "b"});
    CHECK(kDialect.canonical_type(mood) == mood);
    CHECK(kDialect.canonical_type(mood) != kDialect.canonical_type(named_enum("mood", {"a"})));
    CHECK(kDialect.canonical_type(ColumnType::enumeration({"a", "b"})) ==
          ColumnType::enumeration({"a", "b"}));
}

TEST_CASE("identifiers are quoted exactly when PostgreSQL's quote_ident would") {
    CHECK(kDialect.quote_identifier("users") == "users");
    CHECK(kDialect.quote_identifier("user_id2") == "user_id2");
    CHECK(kDialect.quote_identifier("_x") == "_x");
    CHECK(kDialect.quote_identifier("Users") == "\"Users\"");
    CHECK(kDialect.quote_identifier("order") == "\"order\"");
    CHECK(kDialect.quote_identifier("user") == "\"user\"");
    CHECK(kDialect.quote_identifier("time") == "\"time\"");
    CHECK(kDialect.quote_identifier("name") == "name");  // unreserved
    CHECK(kDialect.quote_identifier("with space") == "\"with space\"");
    CHECK(kDialect.quote_identifier("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(kDialect.quote_identifier("naïve") == "\"naïve\"");
    CHECK(kDialect.quote_identifier("2fa") == "\"2fa\"");
    CHECK(kDialect.quote_identifier("a$b") == "\"a$b\"");
}

TEST_CASE("identifier keys are the exact names, so case matters") {
    CHECK(kDialect.identifier_key("Users") == "Users");
    CHECK(kDialect.identifier_key("Users") != kDialect.identifier_key("users"));
    CHECK(kDialect.is_reserved_word("ORDER"));
    CHECK(kDialect.is_reserved_word("select"));
    CHECK_FALSE(kDialect.is_reserved_word("name"));
}
