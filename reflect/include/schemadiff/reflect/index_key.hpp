// IndexKey<T> — one key part of an index declared on model T: a column (`&Book::title`), a
// descending column (`desc(&Book::published_at)`) or an SQL expression
// (`expression("lower(title)")`, in the dialect the schema targets), each optionally with a
// PostgreSQL operator class: `operator_class(&Doc::body, "jsonb_path_ops")`,
// `operator_class(desc(&Book::title), "text_pattern_ops")`,
// `operator_class(expression("lower(title)"), "text_pattern_ops")`.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "schemadiff/reflect/column_ref.hpp"
#include "schemadiff/reflect/table_draft.hpp"

namespace schemadiff::reflect {

template <class T>
struct Descending {
    ColumnRef<T> column;
    std::optional<std::string> operator_class;
};

// A descending key part.
template <class T, class M>
[[nodiscard]] Descending<T> desc(M T::*member) {
    return Descending<T>{ColumnRef<T>(member), std::nullopt};
}

struct IndexExpression {
    std::string sql;
    std::optional<std::string> operator_class;
};

// An expression key part.
[[nodiscard]] inline IndexExpression expression(std::string sql) {
    return IndexExpression{std::move(sql), std::nullopt};
}

// An ascending column key part with an operator class.
template <class T>
struct ClassedColumn {
    ColumnRef<T> column;
    std::string operator_class;
};

// A key part with a PostgreSQL operator class other than its type's default ("jsonb_path_ops",
// "text_pattern_ops"; "schema.name" when not on the search path). SQLite ignores it.
template <class T, class M>
[[nodiscard]] ClassedColumn<T> operator_class(M T::*member, std::string name) {
    return ClassedColumn<T>{ColumnRef<T>(member), std::move(name)};
}
template <class T>
[[nodiscard]] Descending<T> operator_class(Descending<T> key, std::string name) {
    key.operator_class = std::move(name);
    return key;
}
[[nodiscard]] inline IndexExpression operator_class(IndexExpression key, std::string name) {
    key.operator_class = std::move(name);
    return key;
}

template <class T>
class IndexKey {
public:
    template <class M>
    IndexKey(M T::*member)  // NOLINT(google-explicit-constructor): `{&T::a, desc(&T::b)}`
        : data_{ColumnRef<T>(member).index(), std::nullopt, false, std::nullopt} {}
    IndexKey(Descending<T> key)  // NOLINT(google-explicit-constructor)
        : data_{key.column.index(), std::nullopt, true, std::move(key.operator_class)} {}
    IndexKey(ClassedColumn<T> key)  // NOLINT(google-explicit-constructor)
        : data_{key.column.index(), std::nullopt, false, std::move(key.operator_class)} {}
    IndexKey(IndexExpression key)  // NOLINT(google-explicit-constructor)
        : data_{std::nullopt, std::move(key.sql), false, std::move(key.operator_class)} {}

    [[nodiscard]] const detail::IndexKeyData& data() const { return data_; }

private:
    detail::IndexKeyData data_;
};

}  // namespace schemadiff::reflect
