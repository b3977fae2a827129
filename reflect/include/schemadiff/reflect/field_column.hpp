// field_column<T, I>() — the Column a model field declares: its name, column type and
// nullability (std::optional<F> is nullable, everything else NOT NULL).
//
// A field type without column_traits stops the build in unsupported_field_type, a template
// whose arguments are the model, the field's name and its type, so GCC's message reads e.g.
//   required from 'struct unsupported_field_type<Book, FieldLabel<7>{"weight"}, std::map<...>>'
//   static assertion failed: schemadiff: a model field's type has no column type ...
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "schemadiff/core/schema.hpp"
#include "schemadiff/reflect/column_traits.hpp"
#include "schemadiff/reflect/field_name.hpp"

namespace schemadiff::reflect::detail {

// A field name as a template argument (a structural type), so diagnostics show it.
template <std::size_t N>
struct FieldLabel {
    char text[N]{};
};

template <class T, std::size_t I>
consteval auto field_label() {
    constexpr std::string_view name = field_name<T, I>();
    FieldLabel<name.size() + 1> label;
    for (std::size_t i = 0; i < name.size(); ++i) label.text[i] = name[i];
    return label;
}

template <class>
inline constexpr bool kDependentFalse = false;

template <class Model, auto FieldName, class FieldType>
struct unsupported_field_type {
    static_assert(
        kDependentFalse<FieldType>,
        "schemadiff: a model field's type has no column type (the model, the field "
        "name and the type are the template arguments of unsupported_field_type "
        "above). Fix: use a supported type (std::int16_t/int32_t/int64_t, bool, float, "
        "double, std::string, Varchar<N>, Numeric<P,S>, Json, Uuid, std::chrono "
        "year_month_day, hh_mm_ss or system_clock time_point, std::vector<std::byte>, an enum, "
        "or std::optional of one), or specialise "
        "schemadiff::reflect::column_traits<YourType> (docs/model-api.md)");
    static constexpr bool value = true;  // reached only after the assertion above
};

template <class Model, std::size_t I, class F>
ColumnType checked_column_type() {
    if constexpr (is_column_type<F>) {
        return column_traits<F>::type();
    } else {
        static_assert(unsupported_field_type<Model, field_label<Model, I>(), F>::value);
        return {};
    }
}

template <class T, std::size_t I>
Column field_column() {
    using F = std::remove_cv_t<field_type<T, I>>;
    Column column;
    column.name = std::string(field_name<T, I>());
    if constexpr (is_optional<F>::value) {
        column.type = checked_column_type<T, I, typename F::value_type>();
        column.is_nullable = true;
    } else {
        column.type = checked_column_type<T, I, F>();
        column.is_nullable = false;
    }
    return column;
}

}  // namespace schemadiff::reflect::detail
