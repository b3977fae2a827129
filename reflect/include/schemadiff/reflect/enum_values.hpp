// Enumerator names of a C++ enum, for enum columns (ColumnType kind Enum, stored as text).
//
// By default the names come from the compiler: __PRETTY_FUNCTION__ of a function template
// instantiated with an enum value prints "Color::Green" for a named enumerator and "(Color)3"
// for a value without a name. enum_names<E>() tries every value in enum_range<E> (0..127
// unless specialised) and keeps the named ones, in value order (declaration order for the
// usual enum). Automatic names need a fixed underlying type (`enum class`, `enum E : int`). An
// enum whose enumerators lie outside the range, or that should be stored
// under other spellings, specialises enum_values instead:
//
//   template <> struct schemadiff::reflect::enum_values<Status> {
//       static constexpr std::array<std::string_view, 2> values{"active", "archived"};
//   };
//
// The names are what the database stores; the program maps its enum to and from them.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <string_view>
#include <type_traits>
#include <utility>

namespace schemadiff::reflect {

// The integer range searched for enumerator names; specialise for enums outside 0..127.
template <class E>
struct enum_range {
    static constexpr int min = 0;
    static constexpr int max = 127;
};

// Specialise with `static constexpr std::array<std::string_view, N> values{...}` to choose the
// stored spellings yourself.
template <class E>
struct enum_values;

namespace detail {

template <auto Value>
consteval std::string_view pretty_enum_value() {
    return __PRETTY_FUNCTION__;
}

// "...[with auto Value = ns::Color::Green; ...]" -> "Green"; "(ns::Color)3" -> "".
consteval std::string_view enumerator_from_pretty(std::string_view pretty) {
    const std::size_t start = pretty.find("Value = ") + 8;
    std::size_t end = pretty.find(';', start);
    if (end == std::string_view::npos) end = pretty.rfind(']');
    const std::string_view text = pretty.substr(start, end - start);
    if (text.empty() || text.front() == '(' || (text.front() >= '0' && text.front() <= '9') ||
        text.front() == '-') {
        return {};
    }
    const std::size_t colon = text.rfind("::");
    return colon == std::string_view::npos ? text : text.substr(colon + 2);
}

template <class E, int Value>
consteval std::string_view enumerator_name() {
    return enumerator_from_pretty(
        pretty_enum_value<static_cast<E>(static_cast<std::underlying_type_t<E>>(Value))>());
}

// Only an enum with a fixed underlying type (every `enum class`, or `enum E : int`) may hold
// every value of that type; casting a value outside an unfixed enum's range is undefined.
template <class E>
concept HasFixedUnderlyingType = requires {
    E{std::underlying_type_t<E>{}};
};

template <class E>
consteval auto automatic_enum_names() {
    static_assert(HasFixedUnderlyingType<E>,
                  "schemadiff::reflect: automatic enum names need a fixed underlying type; "
                  "declare the enum as `enum class E` or `enum E : int`, or specialise "
                  "schemadiff::reflect::enum_values<E>");
    using U = std::underlying_type_t<E>;
    constexpr long long type_min = static_cast<long long>(std::numeric_limits<U>::min());
    constexpr long long type_max = std::numeric_limits<U>::max() > 0x7fffffff
                                       ? 0x7fffffff
                                       : static_cast<long long>(std::numeric_limits<U>::max());
    constexpr int lo = static_cast<int>(std::max<long long>(enum_range<E>::min, type_min));
    constexpr int hi = static_cast<int>(std::min<long long>(enum_range<E>::max, type_max));
    static_assert(lo <= hi && hi - lo < 4096, "enum_range<E>: at most 4096 values, min <= max");
    constexpr auto all = []<int... I>(std::integer_sequence<int, I...>) {
        return std::array<std::string_view, sizeof...(I)>{enumerator_name<E, lo + I>()...};
    }
    (std::make_integer_sequence<int, hi - lo + 1>{});
    constexpr std::size_t count = [&] {
        std::size_t n = 0;
        for (auto name : all) n += name.empty() ? 0U : 1U;
        return n;
    }();
    static_assert(count > 0,
                  "schemadiff::reflect: no enumerator of this enum lies in enum_range<E> (0..127 "
                  "by default); specialise enum_range<E> or enum_values<E>");
    std::array<std::string_view, count> names{};
    std::size_t n = 0;
    for (auto name : all) {
        if (!name.empty()) names[n++] = name;
    }
    return names;
}

template <class E, class = void>
struct has_enum_values : std::false_type {};
template <class E>
struct has_enum_values<E, std::void_t<decltype(enum_values<E>::values)>> : std::true_type {};

}  // namespace detail

// The stored spellings of E's values: enum_values<E>::values when specialised, else the
// enumerator names found in enum_range<E>.
template <class E>
constexpr auto enum_names() {
    static_assert(std::is_enum_v<E>);
    if constexpr (detail::has_enum_values<E>::value) {
        return enum_values<E>::values;
    } else {
        return detail::automatic_enum_names<E>();
    }
}

}  // namespace schemadiff::reflect
