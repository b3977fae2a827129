// Field names come from the compiler (__PRETTY_FUNCTION__ of a member-pointer template), for
// every field of every kind of aggregate; member pointers map back to exactly their field.
#include "schemadiff/reflect/field_name.hpp"

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "schemadiff/reflect/column_ref.hpp"
#include "schemadiff/reflect/enum_values.hpp"

namespace outer::inner {

struct Point {
    int x;
    int y;
};

template <class T, std::size_t N>
struct Tagged {
    T value;
    std::array<int, N> extra;
    std::optional<T> maybe_value;
};

struct Odd {
    int _leading;
    int trailing_;
    int CamelCase;
    int größe;
    Point nested;  // a struct field: its address equals its first member's
    int after_nested;
};

enum class Colour : std::uint8_t { Red = 1, Green = 2, Blue = 4 };
enum Plain : int { PlainA = -2, PlainB = 3 };

}  // namespace outer::inner

namespace {

struct Local {
    char c;
    double d;
    char e;
};

}  // namespace

TEST_CASE("field names come out as declared, in order") {
    using outer::inner::Point;
    CHECK(schemadiff::reflect::field_count<Point> == 2);
    constexpr auto names = schemadiff::reflect::field_names<Point>();
    CHECK(names[0] == "x");
    CHECK(names[1] == "y");
}

TEST_CASE("field names work for class templates, namespaces and anonymous namespaces") {
    using Tagged = outer::inner::Tagged<std::string, 3>;
    constexpr auto names = schemadiff::reflect::field_names<Tagged>();
    CHECK(names == std::array<std::string_view, 3>{"value", "extra", "maybe_value"});
    constexpr auto local = schemadiff::reflect::field_names<Local>();
    CHECK(local == std::array<std::string_view, 3>{"c", "d", "e"});
}

TEST_CASE("underscores, mixed case and non-ASCII field names are kept exactly") {
    constexpr auto names = schemadiff::reflect::field_names<outer::inner::Odd>();
    CHECK(names[0] == "_leading");
    CHECK(names[1] == "trailing_");
    CHECK(names[2] == "CamelCase");
    CHECK(names[3] == "größe");
    CHECK(names[4] == "nested");
    CHECK(names[5] == "after_nested");
}

TEST_CASE("a member pointer maps to the index of its own field") {
    using outer::inner::Odd;
    using schemadiff::reflect::ColumnRef;
    CHECK(ColumnRef<Odd>(&Odd::_leading).index() == 0);
    CHECK(ColumnRef<Odd>(&Odd::größe).index() == 3);
    CHECK(ColumnRef<Odd>(&Odd::nested).index() == 4);
    CHECK(ColumnRef<Odd>(&Odd::after_nested).index() == 5);
    CHECK(ColumnRef<Local>(&Local::c).index() == 0);
    CHECK(ColumnRef<Local>(&Local::e).index() == 2);
}

TEST_CASE("enum names are found for every named value in range, in value order") {
    using outer::inner::Colour;
    constexpr auto colours = schemadiff::reflect::enum_names<Colour>();
    CHECK(colours == std::array<std::string_view, 3>{"Red", "Green", "Blue"});
}

template <>
struct schemadiff::reflect::enum_range<outer::inner::Plain> {
    static constexpr int min = -5;
    static constexpr int max = 5;
};

TEST_CASE("negative enumerators are found when enum_range includes them") {
    constexpr auto plain = schemadiff::reflect::enum_names<outer::inner::Plain>();
    CHECK(plain == std::array<std::string_view, 2>{"PlainA", "PlainB"});
}
