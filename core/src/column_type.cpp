#include "schemadiff/core/column_type.hpp"

#include <fmt/format.h>

#include <charconv>
#include <utility>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff {

namespace {

struct KindName {
    TypeKind kind;
    std::string_view name;
};

// Parameterless portable spellings, in to_string's spelling.
constexpr KindName kSimpleNames[] = {
    {TypeKind::SmallInt, "smallint"}, {TypeKind::Integer, "integer"}, {TypeKind::BigInt, "bigint"},
    {TypeKind::Boolean, "boolean"},   {TypeKind::Real, "real"},       {TypeKind::Double, "double"},
    {TypeKind::Text, "text"},         {TypeKind::Date, "date"},       {TypeKind::Uuid, "uuid"},
    {TypeKind::Json, "json"},
};

std::string quote_value(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'') out += '\'';
        out += c;
    }
    out += '\'';
    return out;
}

int parse_int(std::string_view text, std::string_view whole) {
    text = text::trim(text);
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0) {
        throw Error(ErrorKind::InvalidModel,
                    fmt::format("malformed type parameter '{}' in type '{}'", text, whole),
                    "expected a non-negative integer, as in string(255) or numeric(10,2)");
    }
    return value;
}

// Splits "a, b" at top-level commas, honouring single-quoted values.
std::vector<std::string_view> split_params(std::string_view params) {
    std::vector<std::string_view> out;
    bool in_quote = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (params[i] == '\'') in_quote = !in_quote;  // doubled quotes toggle twice
        if (params[i] == ',' && !in_quote) {
            out.push_back(params.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(params.substr(start));
    return out;
}

std::vector<std::string> parse_enum_values(std::string_view params, std::string_view whole) {
    std::vector<std::string> values;
    if (text::trim(params).empty()) return values;
    for (std::string_view part : split_params(params)) {
        part = text::trim(part);
        if (part.size() < 2 || part.front() != '\'' || part.back() != '\'') {
            throw Error(ErrorKind::InvalidModel,
                        fmt::format("malformed enum value {} in type '{}'", part, whole),
                        "enum values are single-quoted: enum('draft','published')");
        }
        std::string value;
        for (std::size_t i = 1; i + 1 < part.size(); ++i) {
            value += part[i];
            if (part[i] == '\'') ++i;  // '' is one quote
        }
        values.push_back(std::move(value));
    }
    return values;
}

}  // namespace

ColumnType ColumnType::of(TypeKind kind) {
    ColumnType type;
    type.kind = kind;
    return type;
}

ColumnType ColumnType::string(int length) {
    ColumnType type = of(TypeKind::String);
    type.length = length;
    return type;
}

ColumnType ColumnType::numeric(int precision, int scale) {
    ColumnType type = of(TypeKind::Numeric);
    type.precision = precision;
    type.scale = scale;
    return type;
}

ColumnType ColumnType::enumeration(std::vector<std::string> values) {
    ColumnType type = of(TypeKind::Enum);
    type.enum_values = std::move(values);
    return type;
}

ColumnType ColumnType::raw_type(std::string spelling) {
    ColumnType type = of(TypeKind::Raw);
    type.raw = std::move(spelling);
    return type;
}

std::string_view to_string(TypeKind kind) {
    switch (kind) {
        case TypeKind::SmallInt:
            return "smallint";
        case TypeKind::Integer:
            return "integer";
        case TypeKind::BigInt:
            return "bigint";
        case TypeKind::Boolean:
            return "boolean";
        case TypeKind::Real:
            return "real";
        case TypeKind::Double:
            return "double";
        case TypeKind::Numeric:
            return "numeric";
        case TypeKind::String:
            return "string";
        case TypeKind::Text:
            return "text";
        case TypeKind::Binary:
            return "binary";
        case TypeKind::Date:
            return "date";
        case TypeKind::Time:
            return "time";
        case TypeKind::Timestamp:
            return "timestamp";
        case TypeKind::Uuid:
            return "uuid";
        case TypeKind::Json:
            return "json";
        case TypeKind::Enum:
            return "enum";
        case TypeKind::Raw:
            return "raw";
    }
    return "raw";
}

std::string to_string(const ColumnType& type) {
    switch (type.kind) {
        case TypeKind::String:
        case TypeKind::Binary:
            return type.length ? fmt::format("{}({})", to_string(type.kind), *type.length)
                               : std::string(to_string(type.kind));
        case TypeKind::Numeric:
            if (type.precision && type.scale) {
                return fmt::format("numeric({},{})", *type.precision, *type.scale);
            }
            return type.precision ? fmt::format("numeric({})", *type.precision) : "numeric";
        case TypeKind::Time:
            return type.with_timezone ? "timetz" : "time";
        case TypeKind::Timestamp:
            return type.with_timezone ? "timestamptz" : "timestamp";
        case TypeKind::Enum: {
            std::vector<std::string> quoted;
            quoted.reserve(type.enum_values.size());
            for (const auto& value : type.enum_values) quoted.push_back(quote_value(value));
            return "enum(" + text::join(quoted, ",") + ")";
        }
        case TypeKind::Raw:
            return type.raw;
        default:
            return std::string(to_string(type.kind));
    }
}

ColumnType parse_column_type(std::string_view input) {
    const std::string_view whole = text::trim(input);
    const std::size_t open = whole.find('(');
    const std::string name =
        text::to_lower(text::trim(open == std::string_view::npos ? whole : whole.substr(0, open)));
    std::optional<std::string_view> params;
    if (open != std::string_view::npos) {
        if (whole.back() != ')') return ColumnType::raw_type(std::string(whole));
        params = whole.substr(open + 1, whole.size() - open - 2);
    }
    // Portable names match case-insensitively; any other spelling ("VARCHAR(20)") is kept raw
    // for the dialect to interpret.
    for (const auto& [kind, simple] : kSimpleNames) {
        if (name == simple && !params) return ColumnType::of(kind);
    }
    if (name == "time" && !params) return ColumnType::of(TypeKind::Time);
    if (name == "timetz" && !params) {
        ColumnType type = ColumnType::of(TypeKind::Time);
        type.with_timezone = true;
        return type;
    }
    if (name == "timestamp" && !params) return ColumnType::of(TypeKind::Timestamp);
    if (name == "timestamptz" && !params) {
        ColumnType type = ColumnType::of(TypeKind::Timestamp);
        type.with_timezone = true;
        return type;
    }
    if (name == "string" || name == "binary") {
        ColumnType type = ColumnType::of(name == "string" ? TypeKind::String : TypeKind::Binary);
        if (params) type.length = parse_int(*params, whole);
        return type;
    }
    if (name == "numeric") {
        ColumnType type = ColumnType::of(TypeKind::Numeric);
        if (params) {
            const auto parts = split_params(*params);
            if (parts.size() > 2) {
                throw Error(ErrorKind::InvalidModel,
                            fmt::format("numeric takes at most two parameters: '{}'", whole),
                            "write numeric(precision,scale)");
            }
            type.precision = parse_int(parts[0], whole);
            if (parts.size() == 2) type.scale = parse_int(parts[1], whole);
        }
        return type;
    }
    if (name == "enum") {
        return ColumnType::enumeration(params ? parse_enum_values(*params, whole)
                                              : std::vector<std::string>{});
    }
    return ColumnType::raw_type(std::string(whole));
}

bool is_integer_kind(TypeKind kind) {
    return kind == TypeKind::SmallInt || kind == TypeKind::Integer || kind == TypeKind::BigInt;
}

bool is_textual_kind(TypeKind kind) {
    return kind == TypeKind::String || kind == TypeKind::Text || kind == TypeKind::Enum;
}

}  // namespace schemadiff
