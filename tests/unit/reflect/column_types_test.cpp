// Every supported C++ field type maps to its portable column type; std::optional makes a column
// nullable and everything else NOT NULL.
#include <doctest/doctest.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schemadiff/core/column_type.hpp"
#include "schemadiff/reflect/model.hpp"

namespace reflect_types_test {

enum class Mood { Happy, Sad, Sleepy };
enum Legacy : unsigned char { LegacyA = 0, LegacyB = 7 };
enum class Sparse : std::int16_t { Low = -3, High = 200 };
enum class Spelled { Active, Archived };

struct EveryType {
    std::int16_t small;
    std::int32_t medium;
    std::int64_t big;
    std::uint16_t unsigned_small;
    std::uint32_t unsigned_medium;
    bool flag;
    float ratio;
    double score;
    std::string body;
    schemadiff::reflect::Varchar<40> code;
    schemadiff::reflect::Numeric<10, 2> price;
    schemadiff::reflect::Json payload;
    schemadiff::reflect::Uuid token;
    std::chrono::year_month_day born_on;
    std::chrono::sys_days due_on;
    std::chrono::system_clock::time_point created_at;
    std::chrono::sys_seconds updated_at;
    std::chrono::hh_mm_ss<std::chrono::seconds> opens_at;
    std::vector<std::byte> blob;
    std::vector<std::uint8_t> bytes;
    Mood mood;
    Legacy legacy;
    Sparse sparse;
    Spelled spelled;
    std::optional<std::int64_t> maybe_big;
    std::optional<std::string> maybe_text;
    std::optional<Mood> maybe_mood;
};

}  // namespace reflect_types_test

template <>
struct schemadiff::reflect::enum_range<reflect_types_test::Sparse> {
    static constexpr int min = -10;
    static constexpr int max = 250;
};
template <>
struct schemadiff::reflect::enum_values<reflect_types_test::Spelled> {
    static constexpr std::array<std::string_view, 2> values{"active", "archived"};
};

namespace reflect_types_test {

inline auto describe_model(schemadiff::reflect::model_tag<EveryType>) {
    return schemadiff::reflect::table<EveryType>("every_type");
}

}  // namespace reflect_types_test

namespace {

using reflect_types_test::EveryType;
using schemadiff::ColumnType;
using schemadiff::TypeKind;

const schemadiff::Column& column(const schemadiff::Table& table, std::string_view name) {
    const auto* found = table.find_column(name);
    REQUIRE_MESSAGE(found != nullptr, "no column " << name);
    return *found;
}

std::string type_of(const schemadiff::Table& table, std::string_view name) {
    return schemadiff::to_string(column(table, name).type);
}

}  // namespace

TEST_CASE("field names become column names in declaration order") {
    const auto table = schemadiff::reflect::table_of<EveryType>();
    REQUIRE(table.columns.size() == 27);
    CHECK(table.columns.front().name == "small");
    CHECK(table.columns[8].name == "body");
    CHECK(table.columns.back().name == "maybe_mood");
    CHECK(table.name == "every_type");
}

TEST_CASE("integers map to smallint, integer and bigint by width") {
    const auto table = schemadiff::reflect::table_of<EveryType>();
    CHECK(type_of(table, "small") == "smallint");
    CHECK(type_of(table, "medium") == "integer");
    CHECK(type_of(table, "big") == "bigint");
    CHECK(type_of(table, "unsigned_small") == "integer");
    CHECK(type_of(table, "unsigned_medium") == "bigint");
}

TEST_CASE("bool, floating point and strings map to boolean, real, double and text") {
    const auto table = schemadiff::reflect::table_of<EveryType>();
    CHECK(type_of(table, "flag") == "boolean");
    CHECK(type_of(table, "ratio") == "real");
    CHECK(type_of(table, "score") == "double");
    CHECK(type_of(table, "body") == "text");
}

TEST_CASE("wrapper types give string(N), numeric(P,S), json and uuid") {
    const auto table = schemadiff::reflect::table_of<EveryType>();
    CHECK(type_of(table, "code") == "string(40)");
    CHECK(type_of(table, "price") == "numeric(10,2)");
    CHECK(type_of(table, "payload") == "json");
    CHECK(type_of(table, "token") == "uuid");
}

TEST_CASE("chrono dates, times of day and system_clock time points give date, time, timestamp") {
    const auto table = schemadiff::reflect::table_of<EveryType>();
    CHECK(type_of(table, "born_on") == "date");
    CHECK(type_of(table, "due_on") == "date");
    CHECK(type_of(table, "created_at") == "timestamp");
    CHECK(type_of(table, "updated_at") == "timestamp");
    CHECK(type_of(table, "opens_at") == "time");
}

TEST_CASE("byte vectors give binary") {
    const auto table = schemadiff::reflect::table_of<EveryType>();
    CHECK(type_of(table, "blob") == "binary");
    CHECK(type_of(table, "bytes") == "binary");
}

TEST_CASE("enums give enum types listing their enumerator names in value order") {
    const auto table = schemadiff::reflect::table_of<EveryType>();
    CHECK(column(table, "mood").type == ColumnType::enumeration({"Happy", "Sad", "Sleepy"}));
    CHECK(column(table, "legacy").type == ColumnType::enumeration({"LegacyA", "LegacyB"}));
}

TEST_CASE("enum_range widens the searched values and enum_values chooses the spellings") {
    const auto table = schemadiff::reflect::table_of<EveryType>();
    CHECK(column(table, "sparse").type == ColumnType::enumeration({"Low", "High"}));
    CHECK(column(table, "spelled").type == ColumnType::enumeration({"active", "archived"}));
}

TEST_CASE("std::optional fields are nullable and every other field is NOT NULL") {
    const auto table = schemadiff::reflect::table_of<EveryType>();
    for (const auto& c : table.columns) {
        const bool is_optional = c.name.rfind("maybe_", 0) == 0;
        CHECK_MESSAGE(c.is_nullable == is_optional, c.name);
    }
    CHECK(type_of(table, "maybe_big") == "bigint");
    CHECK(type_of(table, "maybe_text") == "text");
    CHECK(column(table, "maybe_mood").type == ColumnType::enumeration({"Happy", "Sad", "Sleepy"}));
}
