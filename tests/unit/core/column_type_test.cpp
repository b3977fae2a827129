#include "schemadiff/core/column_type.hpp"

#include <doctest/doctest.h>

#include "schemadiff/core/error.hpp"

using namespace schemadiff;

TEST_CASE("every portable type survives to_string and parse_column_type") {
    ColumnType timetz = ColumnType::of(TypeKind::Time);
    timetz.with_timezone = true;
    ColumnType timestamptz = ColumnType::of(TypeKind::Timestamp);
    timestamptz.with_timezone = true;
    ColumnType binary16 = ColumnType::of(TypeKind::Binary);
    binary16.length = 16;
    ColumnType numeric10 = ColumnType::of(TypeKind::Numeric);
    numeric10.precision = 10;
    const ColumnType types[] = {
        ColumnType::of(TypeKind::SmallInt),
        ColumnType::of(TypeKind::Integer),
        ColumnType::of(TypeKind::BigInt),
        ColumnType::of(TypeKind::Boolean),
        ColumnType::of(TypeKind::Real),
        ColumnType::of(TypeKind::Double),
        ColumnType::of(TypeKind::Numeric),
        numeric10,
        ColumnType::numeric(10, 2),
        ColumnType::of(TypeKind::String),
        ColumnType::string(255),
        ColumnType::of(TypeKind::Text),
        ColumnType::of(TypeKind::Binary),
        binary16,
        ColumnType::of(TypeKind::Date),
        ColumnType::of(TypeKind::Time),
        timetz,
        ColumnType::of(TypeKind::Timestamp),
        timestamptz,
        ColumnType::of(TypeKind::Uuid),
        ColumnType::of(TypeKind::Json),
        ColumnType::enumeration({"draft", "it's", "a,b"}),
        ColumnType::raw_type("MEDIUMINT"),
    };
    for (const auto& type : types) {
        CAPTURE(to_string(type));
        CHECK(parse_column_type(to_string(type)) == type);
    }
}

TEST_CASE("portable names are read case-insensitively and other spellings stay raw") {
    CHECK(parse_column_type("INTEGER") == ColumnType::of(TypeKind::Integer));
    CHECK(parse_column_type(" String(20) ") == ColumnType::string(20));
    CHECK(parse_column_type("VARCHAR(20)") == ColumnType::raw_type("VARCHAR(20)"));
    CHECK(to_string(ColumnType::enumeration({"a", "b"})) == "enum('a','b')");
}

TEST_CASE("malformed parameters of a portable type are an invalid-model error") {
    CHECK_THROWS_AS((void)parse_column_type("string(abc)"), Error);
    CHECK_THROWS_AS((void)parse_column_type("numeric(1,2,3)"), Error);
    CHECK_THROWS_AS((void)parse_column_type("enum(a)"), Error);
}
