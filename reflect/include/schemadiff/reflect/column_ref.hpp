// ColumnRef<T> — a column of model T named by member pointer (`&Book::title`), so declarations
// never repeat a field name as a string and a typo is a compile error.
//
// The member pointer is mapped to its field index once per declaration by comparing addresses
// in a value-initialised sample object (`static const T sample{}`, built on first use): the
// field whose address and type both match is the one. This is exact for every field (two
// distinct fields of non-zero size never share an address, and the type check separates a
// struct from its first member) and needs nothing but a default-constructible aggregate, which
// every model of supported field types is.
#pragma once

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "schemadiff/core/error.hpp"
#include "schemadiff/reflect/field_name.hpp"

namespace schemadiff::reflect {

namespace detail {

template <class T>
const T& sample_object() {
    static const T sample{};
    return sample;
}

template <class T, class M>
std::size_t field_index_of(M T::*member) {
    const T& sample = sample_object<T>();
    const void* address = &(sample.*member);
    std::size_t found = field_count<T>;
    auto match_fields = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return ([&] {
            if constexpr (std::is_same_v<field_type<T, I>, M>) {
                if (static_cast<const void*>(&boost::pfr::get<I>(sample)) == address) {
                    found = I;
                    return true;
                }
            }
            return false;
        }() || ...);
    };
    const bool is_found = match_fields(std::make_index_sequence<field_count<T>>{});
    if (!is_found) {
        throw Error(ErrorKind::InvalidModel,
                    "a member pointer does not name a field of the model struct itself "
                    "(a member of a base class?)");
    }
    return found;
}

}  // namespace detail

template <class T>
class ColumnRef {
public:
    // Implicit on purpose: `{&Book::a, &Book::b}` is a list of columns.
    template <class M>
    ColumnRef(M T::*member)  // NOLINT(google-explicit-constructor)
        : index_(detail::field_index_of(member)) {
        static_assert(!std::is_function_v<M>, "a column is a data member, not a member function");
    }

    [[nodiscard]] std::size_t index() const { return index_; }

private:
    std::size_t index_;
};

}  // namespace schemadiff::reflect
