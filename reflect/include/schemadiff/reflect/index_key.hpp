// IndexKey<T> — one key part of an index declared on model T: a column (`&Book::title`), a
// descending column (`desc(&Book::published_at)`) or an SQL expression
// (`expression("lower(title)")`, in the dialect the schema targets).
#pragma once

#include <string>
#include <utility>

#include "schemadiff/reflect/column_ref.hpp"
#include "schemadiff/reflect/table_draft.hpp"

namespace schemadiff::reflect {

template <class T>
struct Descending {
    ColumnRef<T> column;
};

// A descending key part.
template <class T, class M>
[[nodiscard]] Descending<T> desc(M T::*member) {
    return Descending<T>{ColumnRef<T>(member)};
}

struct IndexExpression {
    std::string sql;
};

// An expression key part.
[[nodiscard]] inline IndexExpression expression(std::string sql) {
    return IndexExpression{std::move(sql)};
}

template <class T>
class IndexKey {
public:
    template <class M>
    IndexKey(M T::*member)  // NOLINT(google-explicit-constructor): `{&T::a, desc(&T::b)}`
        : data_{ColumnRef<T>(member).index(), std::nullopt, false} {}
    IndexKey(Descending<T> key)  // NOLINT(google-explicit-constructor)
        : data_{key.column.index(), std::nullopt, true} {}
    IndexKey(IndexExpression key)  // NOLINT(google-explicit-constructor)
        : data_{std::nullopt, std::move(key.sql), false} {}

    [[nodiscard]] const detail::IndexKeyData& data() const { return data_; }

private:
    detail::IndexKeyData data_;
};

}  // namespace schemadiff::reflect
