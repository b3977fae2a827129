// A dialect with only the portable defaults: the base Dialect plus a plain type renderer, so
// tests see exactly what Dialect itself emits.
#pragma once

#include <string>

#include "schemadiff/core/dialect.hpp"

namespace schemadiff::testing {

class AnsiDialect : public Dialect {
public:
    [[nodiscard]] std::string_view name() const override { return "ansi"; }
    [[nodiscard]] std::string render_type(const ColumnType& type) const override {
        switch (type.kind) {
            case TypeKind::Integer:
                return "INTEGER";
            case TypeKind::BigInt:
                return "BIGINT";
            case TypeKind::String:
                return type.length ? "VARCHAR(" + std::to_string(*type.length) + ")" : "VARCHAR";
            case TypeKind::Numeric:
                return "NUMERIC(" + std::to_string(type.precision.value_or(10)) + "," +
                       std::to_string(type.scale.value_or(0)) + ")";
            case TypeKind::Timestamp:
                return "TIMESTAMP";
            case TypeKind::Raw:
                return type.raw;
            default:
                return "TEXT";
        }
    }
    [[nodiscard]] ColumnType normalize_type(std::string_view declared) const override {
        if (declared == "INTEGER") return ColumnType::of(TypeKind::Integer);
        if (declared == "TEXT") return ColumnType::of(TypeKind::Text);
        return ColumnType::raw_type(std::string(declared));
    }
};

}  // namespace schemadiff::testing
