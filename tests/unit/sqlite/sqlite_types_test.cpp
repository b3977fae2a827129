#include <doctest/doctest.h>
#include <sqlite3.h>

#include "schemadiff/sqlite/sqlite_dialect.hpp"

using namespace schemadiff;

namespace {

const sqlite::SqliteDialect kDialect;

ColumnType with_tz(TypeKind kind) {
    ColumnType type = ColumnType::of(kind);
    type.with_timezone = true;
    return type;
}

ColumnType binary(int length) {
    ColumnType type = ColumnType::of(TypeKind::Binary);
    type.length = length;
    return type;
}

ColumnType numeric(int precision) {
    ColumnType type = ColumnType::of(TypeKind::Numeric);
    type.precision = precision;
    return type;
}

}  // namespace

TEST_CASE("every portable type survives render_type then normalize_type") {
    const std::vector<ColumnType> types = {
        ColumnType::of(TypeKind::SmallInt),
        ColumnType::of(TypeKind::Integer),
        ColumnType::of(TypeKind::BigInt),
        ColumnType::of(TypeKind::Boolean),
        ColumnType::of(TypeKind::Real),
        ColumnType::of(TypeKind::Double),
        ColumnType::of(TypeKind::Numeric),
        numeric(12),
        ColumnType::numeric(10, 2),
        ColumnType::numeric(38, 0),
        ColumnType::of(TypeKind::String),
        ColumnType::string(255),
        ColumnType::string(1),
        ColumnType::of(TypeKind::Text),
        ColumnType::of(TypeKind::Binary),
        binary(16),
        ColumnType::of(TypeKind::Date),
        ColumnType::of(TypeKind::Time),
        with_tz(TypeKind::Time),
        ColumnType::of(TypeKind::Timestamp),
        with_tz(TypeKind::Timestamp),
        ColumnType::of(TypeKind::Uuid),
        ColumnType::of(TypeKind::Json),
        ColumnType::raw_type("MEDIUMINT UNSIGNED"),
        ColumnType::raw_type("GEOMETRY"),
        ColumnType::raw_type(""),
    };
    for (const auto& type : types) {
        CAPTURE(to_string(type));
        CHECK(kDialect.normalize_type(kDialect.render_type(type)) == type);
    }
}

TEST_CASE("an enum renders as TEXT: its values live in the column's CHECK") {
    CHECK(kDialect.render_type(ColumnType::enumeration({"a", "b"})) == "TEXT");
}

TEST_CASE("the spellings people write normalise to portable types") {
    struct Case {
        const char* declared;
        ColumnType expected;
    };
    const Case cases[] = {
        {"INT", ColumnType::of(TypeKind::Integer)},
        {"integer", ColumnType::of(TypeKind::Integer)},
        {"INT4", ColumnType::of(TypeKind::Integer)},
        {"int(11)", ColumnType::of(TypeKind::Integer)},
        {"MEDIUMINT", ColumnType::of(TypeKind::Integer)},
        {"INT8", ColumnType::of(TypeKind::BigInt)},
        {"BIGINT", ColumnType::of(TypeKind::BigInt)},
        {"SMALLINT", ColumnType::of(TypeKind::SmallInt)},
        {"INT2", ColumnType::of(TypeKind::SmallInt)},
        {"TINYINT", ColumnType::of(TypeKind::SmallInt)},
        {"VARCHAR(20)", ColumnType::string(20)},
        {"varchar ( 20 )", ColumnType::string(20)},
        {"CHARACTER VARYING(20)", ColumnType::string(20)},
        {"NVARCHAR(20)", ColumnType::string(20)},
        {"VARCHAR", ColumnType::of(TypeKind::String)},
        {"TEXT", ColumnType::of(TypeKind::Text)},
        {"CLOB", ColumnType::of(TypeKind::Text)},
        {"BLOB", ColumnType::of(TypeKind::Binary)},
        {"REAL", ColumnType::of(TypeKind::Real)},
        {"FLOAT4", ColumnType::of(TypeKind::Real)},
        {"DOUBLE", ColumnType::of(TypeKind::Double)},
        {"double  precision", ColumnType::of(TypeKind::Double)},
        {"FLOAT", ColumnType::of(TypeKind::Double)},
        {"FLOAT(53)", ColumnType::of(TypeKind::Double)},
        {"FLOAT(10)", ColumnType::of(TypeKind::Real)},
        {"NUMERIC(10,2)", ColumnType::numeric(10, 2)},
        {"DECIMAL(10, 2)", ColumnType::numeric(10, 2)},
        {"decimal", ColumnType::of(TypeKind::Numeric)},
        {"BOOLEAN", ColumnType::of(TypeKind::Boolean)},
        {"bool", ColumnType::of(TypeKind::Boolean)},
        {"DATE", ColumnType::of(TypeKind::Date)},
        {"TIME", ColumnType::of(TypeKind::Time)},
        {"DATETIME", ColumnType::of(TypeKind::Timestamp)},
        {"TIMESTAMP", ColumnType::of(TypeKind::Timestamp)},
        {"timestamp with time zone", with_tz(TypeKind::Timestamp)},
        {"TIMESTAMPTZ", with_tz(TypeKind::Timestamp)},
        {"UUID", ColumnType::of(TypeKind::Uuid)},
        {"json", ColumnType::of(TypeKind::Json)},
        {"", ColumnType::raw_type("")},
    };
    for (const auto& c : cases) {
        CAPTURE(c.declared);
        CHECK(kDialect.normalize_type(c.declared) == c.expected);
    }
}

TEST_CASE("unknown spellings stay raw, upper-cased, with single spaces") {
    CHECK(kDialect.normalize_type("  mediumint   unsigned ") ==
          ColumnType::raw_type("MEDIUMINT UNSIGNED"));
    CHECK(kDialect.normalize_type("geometry ( 4326 , 2 )") ==
          ColumnType::raw_type("GEOMETRY(4326,2)"));
    CHECK(kDialect.normalize_type("VARCHAR(10, 2)") == ColumnType::raw_type("VARCHAR(10,2)"));
    CHECK(kDialect.normalize_type("CHAR(3)") == ColumnType::raw_type("CHAR(3)"));
    CHECK(kDialect.normalize_type("int(11) unsigned") == ColumnType::raw_type("INT(11) UNSIGNED"));
}

TEST_CASE("normalising a normalised raw type changes nothing") {
    for (const char* declared : {"mediumint  unsigned", "geometry ( 4326 , 2 )", "x y(1) z"}) {
        const ColumnType once = kDialect.normalize_type(declared);
        CHECK(kDialect.normalize_type(kDialect.render_type(once)) == once);
    }
}

TEST_CASE("identifier keys fold ASCII case only, as SQLite compares names") {
    CHECK(kDialect.identifier_key("Users") == "users");
    CHECK(kDialect.identifier_key("ÜBER") == "Über");
    CHECK(kDialect.identifier_key("Mixed Case") == kDialect.identifier_key("mixed case"));
}

TEST_CASE("every keyword of the linked SQLite is a reserved word, in any case") {
    const int count = sqlite3_keyword_count();
    CHECK(count > 100);
    for (int i = 0; i < count; ++i) {
        const char* name = nullptr;
        int length = 0;
        REQUIRE(sqlite3_keyword_name(i, &name, &length) == SQLITE_OK);
        const std::string keyword(name, static_cast<std::size_t>(length));
        CAPTURE(keyword);
        CHECK(kDialect.is_reserved_word(keyword));
    }
    CHECK(kDialect.is_reserved_word("order"));
    CHECK(kDialect.is_reserved_word("Select"));
    CHECK_FALSE(kDialect.is_reserved_word("users"));
    CHECK_FALSE(kDialect.is_reserved_word("rowid"));
}
