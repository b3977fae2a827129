// is_lossy_change — which type conversions may truncate, round, or fail on existing values.
// Widening (integer to a larger integer, real to double, string(n) to string(m >= n), anything
// to text) is safe; narrowing, and leaving a textual kind for a non-textual one, is not. A raw
// (dialect-specific) type on either side cannot be judged, so it is reported.
#include <algorithm>
#include <optional>

#include "findings.hpp"

namespace schemadiff::diff::detail {

namespace {

int integer_rank(TypeKind kind) {
    switch (kind) {
        case TypeKind::SmallInt:
            return 1;
        case TypeKind::Integer:
            return 2;
        case TypeKind::BigInt:
            return 3;
        default:
            return 0;
    }
}

// Decimal digits an integer kind may need.
int integer_digits(TypeKind kind) {
    switch (kind) {
        case TypeKind::SmallInt:
            return 5;
        case TypeKind::Integer:
            return 10;
        default:
            return 19;
    }
}

// The longest text a value of `type` may print as; nullopt when unbounded or unknown.
std::optional<int> text_width(const ColumnType& type) {
    switch (type.kind) {
        case TypeKind::SmallInt:
            return 6;
        case TypeKind::Integer:
            return 11;
        case TypeKind::BigInt:
            return 20;
        case TypeKind::Boolean:
            return 5;
        case TypeKind::Real:
            return 15;
        case TypeKind::Double:
            return 24;
        case TypeKind::Numeric:
            if (type.precision) return *type.precision + 2;  // sign and decimal point
            return std::nullopt;
        case TypeKind::String:
            return type.length;
        case TypeKind::Date:
            return 10;
        case TypeKind::Time:
            return type.with_timezone ? 21 : 15;
        case TypeKind::Timestamp:
            return type.with_timezone ? 32 : 26;
        case TypeKind::Uuid:
            return 36;
        case TypeKind::Enum: {
            std::size_t widest = 0;
            for (const auto& value : type.enum_values) widest = std::max(widest, value.size());
            return static_cast<int>(widest);
        }
        default:
            return std::nullopt;
    }
}

bool is_lossy_numeric(const ColumnType& from, const ColumnType& to) {
    if (!to.precision) return false;
    if (!from.precision) return true;
    const int from_scale = from.scale.value_or(0);
    const int to_scale = to.scale.value_or(0);
    return to_scale < from_scale || *to.precision - to_scale < *from.precision - from_scale;
}

bool is_lossy_from_integer(const ColumnType& from, const ColumnType& to) {
    if (is_integer_kind(to.kind)) return integer_rank(to.kind) < integer_rank(from.kind);
    switch (to.kind) {
        case TypeKind::Numeric:
            return to.precision && *to.precision - to.scale.value_or(0) < integer_digits(from.kind);
        case TypeKind::Real:
            return from.kind != TypeKind::SmallInt;  // 24-bit mantissa
        case TypeKind::Double:
            return from.kind == TypeKind::BigInt;  // 53-bit mantissa
        default:
            return true;
    }
}

bool is_lossy_from_numeric(const ColumnType& from, const ColumnType& to) {
    if (to.kind == TypeKind::Numeric) return is_lossy_numeric(from, to);
    if (is_integer_kind(to.kind)) {
        return !from.precision || from.scale.value_or(0) > 0 ||
               *from.precision >= integer_digits(to.kind);
    }
    return true;  // to a float: rounding
}

}  // namespace

bool is_lossy_change(const ColumnType& from, const ColumnType& to) {
    if (from == to) return false;
    if (from.kind == TypeKind::Raw || to.kind == TypeKind::Raw) return true;
    if (to.kind == TypeKind::Text) return from.kind == TypeKind::Binary;
    if (to.kind == TypeKind::String) {
        if (from.kind == TypeKind::Binary) return true;
        if (!to.length) return false;
        const auto width = text_width(from);
        return !width || *width > *to.length;
    }
    if (is_textual_kind(from.kind)) {
        if (from.kind == TypeKind::Enum && to.kind == TypeKind::Enum) {
            return std::any_of(
                from.enum_values.begin(), from.enum_values.end(), [&](const std::string& value) {
                    return std::find(to.enum_values.begin(), to.enum_values.end(), value) ==
                           to.enum_values.end();
                });
        }
        return true;  // text must parse as the new kind
    }
    switch (from.kind) {
        case TypeKind::SmallInt:
        case TypeKind::Integer:
        case TypeKind::BigInt:
            return is_lossy_from_integer(from, to);
        case TypeKind::Boolean:
            return !is_integer_kind(to.kind) && to.kind != TypeKind::Numeric;
        case TypeKind::Real:
            return to.kind != TypeKind::Double;
        case TypeKind::Numeric:
            return is_lossy_from_numeric(from, to);
        case TypeKind::Binary:
            return to.kind != TypeKind::Binary ||
                   (to.length && (!from.length || *from.length > *to.length));
        case TypeKind::Date:
            return to.kind != TypeKind::Timestamp;
        case TypeKind::Time:
        case TypeKind::Timestamp:
            return to.kind != from.kind || (from.with_timezone && !to.with_timezone);
        default:
            return true;  // double to anything narrower, uuid, json
    }
}

}  // namespace schemadiff::diff::detail
