// Field names of an aggregate struct, at compile time, without writing them again.
//
// Boost 1.81's PFR gives a struct's fields by index but not their names (names came in 1.84).
// The name of a member shows up in __PRETTY_FUNCTION__ of a function template instantiated with
// a pointer to that member of an object with static storage: GCC prints
//   [with auto Ptr = (& fake_object<Book>.wrap<Book>::value.Book::title); ...]
// (the pointer wrapped in a one-member struct, which Clang needs). The object is only declared
// (`extern`), never defined: it is used inside constant evaluation only, so nothing is odr-used at
// run time. field_name<T, I>() is the text after the last "::" or "." of that argument. Works on
// GCC 12 and Clang 14 (see docs/model-api.md).
#pragma once

#include <array>
#include <boost/pfr/core.hpp>
#include <boost/pfr/tuple_size.hpp>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace schemadiff::reflect {

namespace detail {

template <class T>
struct FakeObjectWrapper {
    T value;
};

// Declared, never defined: only its members' addresses are taken, in constant evaluation.
// (Clang warns about exactly that; the pragmas span every use.)
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wundefined-var-template"
#pragma clang diagnostic ignored "-Wundefined-internal"
#endif
template <class T>
extern FakeObjectWrapper<T> fake_object;

// The pointer travels inside a struct: Clang (14) accepts a pointer to a subobject as a template
// argument only that way, and GCC prints it the same way either way.
template <class P>
struct PointerWrapper {
    P pointer;
};

template <auto Pointer>
consteval std::string_view pretty_name_of() {
    return __PRETTY_FUNCTION__;
}

// GCC: "... [with auto Pointer = PointerWrapper<const F*>{(& fake_object<X>.FakeObjectWrapper<X>
// ::value.X::name)}; ...]"; Clang: "... [Pointer = {&fake_object.value.name}]" -> "name".
consteval std::string_view member_name_from_pretty(std::string_view pretty) {
    const std::size_t start = pretty.find("Pointer = ");
    std::size_t end = pretty.find(';', start);
    if (end == std::string_view::npos) end = pretty.rfind(']');
    while (end > start && (pretty[end - 1] == ')' || pretty[end - 1] == '}')) --end;
    std::size_t begin = start;
    for (std::size_t i = start; i < end; ++i) {
        if (pretty[i] == '.' || pretty[i] == ':') begin = i + 1;
    }
    return pretty.substr(begin, end - begin);
}

template <class T, std::size_t I>
consteval auto field_pointer() {
    auto& field = std::get<I>(boost::pfr::structure_tie(fake_object<T>.value));
    return PointerWrapper<const std::remove_reference_t<decltype(field)>*>{&field};
}
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

}  // namespace detail

template <class T>
inline constexpr std::size_t field_count = boost::pfr::tuple_size_v<T>;

// The name of the I-th field of aggregate T, as written in its declaration.
template <class T, std::size_t I>
consteval std::string_view field_name() {
    static_assert(std::is_aggregate_v<T>,
                  "schemadiff::reflect: a model must be an aggregate struct");
    return detail::member_name_from_pretty(detail::pretty_name_of<detail::field_pointer<T, I>()>());
}

template <class T>
consteval std::array<std::string_view, field_count<T>> field_names() {
    return []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<std::string_view, field_count<T>>{field_name<T, I>()...};
    }
    (std::make_index_sequence<field_count<T>>{});
}

// The type of the I-th field of T.
template <class T, std::size_t I>
using field_type = boost::pfr::tuple_element_t<I, T>;

}  // namespace schemadiff::reflect
