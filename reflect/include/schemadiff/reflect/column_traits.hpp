// column_traits<F> — the column type of a C++ field type.
//
//   std::int16_t / int32_t / int64_t      smallint / integer / bigint (also uint16_t -> integer,
//                                         uint32_t -> bigint: every value fits)
//   bool                                  boolean
//   float / double                        real / double
//   std::string                           text
//   Varchar<N> / Numeric<P,S> / Json / Uuid   string(N) / numeric(P,S) / json / uuid
//   std::chrono::sys_days, year_month_day date
//   std::chrono::system_clock time points timestamp
//   std::chrono::hh_mm_ss<D>              time
//   std::vector<std::byte> / <uint8_t>    binary
//   an enum                               enum('A','B',...) with its names (enum_values.hpp)
//   std::optional<F>                      F, nullable; every other field is NOT NULL
// Any other type is a compile-time error naming the model, the field and this fix: use one of
// the types above, or specialise column_traits for your own type:
//
//   template <> struct schemadiff::reflect::column_traits<Money> {
//       static ColumnType type() { return ColumnType::numeric(12, 2); }
//   };
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "schemadiff/core/column_type.hpp"
#include "schemadiff/reflect/enum_values.hpp"
#include "schemadiff/reflect/value_types.hpp"

namespace schemadiff::reflect {

// Primary template: not a column type. Specialisations define `static ColumnType type()`.
template <class F, class = void>
struct column_traits {};

namespace detail {

template <class F, class = void>
struct has_column_traits : std::false_type {};
template <class F>
struct has_column_traits<F, std::void_t<decltype(column_traits<F>::type())>> : std::true_type {};

template <class F>
struct is_optional : std::false_type {};
template <class F>
struct is_optional<std::optional<F>> : std::true_type {};

}  // namespace detail

template <class F>
inline constexpr bool is_column_type = detail::has_column_traits<F>::value;

template <class F>
struct column_traits<F,
                     std::enable_if_t<std::is_integral_v<F> && !std::is_same_v<F, bool> &&
                                      sizeof(F) >= 2 && (std::is_signed_v<F> || sizeof(F) <= 4)>> {
    static ColumnType type() {
        constexpr std::size_t width = std::is_signed_v<F> ? sizeof(F) : sizeof(F) * 2;
        if constexpr (width == 2) return ColumnType::of(TypeKind::SmallInt);
        if constexpr (width == 4) return ColumnType::of(TypeKind::Integer);
        return ColumnType::of(TypeKind::BigInt);
    }
};

template <>
struct column_traits<bool> {
    static ColumnType type() { return ColumnType::of(TypeKind::Boolean); }
};
template <>
struct column_traits<float> {
    static ColumnType type() { return ColumnType::of(TypeKind::Real); }
};
template <>
struct column_traits<double> {
    static ColumnType type() { return ColumnType::of(TypeKind::Double); }
};
template <>
struct column_traits<std::string> {
    static ColumnType type() { return ColumnType::of(TypeKind::Text); }
};
template <std::size_t N>
struct column_traits<Varchar<N>> {
    static ColumnType type() { return ColumnType::string(static_cast<int>(N)); }
};
template <int P, int S>
struct column_traits<Numeric<P, S>> {
    static ColumnType type() { return ColumnType::numeric(P, S); }
};
template <>
struct column_traits<Json> {
    static ColumnType type() { return ColumnType::of(TypeKind::Json); }
};
template <>
struct column_traits<Uuid> {
    static ColumnType type() { return ColumnType::of(TypeKind::Uuid); }
};
template <>
struct column_traits<std::chrono::year_month_day> {
    static ColumnType type() { return ColumnType::of(TypeKind::Date); }
};
template <class Duration>
struct column_traits<std::chrono::hh_mm_ss<Duration>> {
    static ColumnType type() { return ColumnType::of(TypeKind::Time); }
};
template <class Duration>
struct column_traits<std::chrono::time_point<std::chrono::system_clock, Duration>> {
    static ColumnType type() {
        if constexpr (std::is_same_v<Duration, std::chrono::days>) {
            return ColumnType::of(TypeKind::Date);
        } else {
            return ColumnType::of(TypeKind::Timestamp);
        }
    }
};
template <>
struct column_traits<std::vector<std::byte>> {
    static ColumnType type() { return ColumnType::of(TypeKind::Binary); }
};
template <>
struct column_traits<std::vector<std::uint8_t>> {
    static ColumnType type() { return ColumnType::of(TypeKind::Binary); }
};
template <class E>
struct column_traits<E, std::enable_if_t<std::is_enum_v<E>>> {
    static ColumnType type() {
        std::vector<std::string> values;
        for (std::string_view name : enum_names<E>()) values.emplace_back(name);
        return ColumnType::enumeration(std::move(values));
    }
};

}  // namespace schemadiff::reflect
