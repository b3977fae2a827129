// SqliteDialect: keywords, name folding, type names and default normalisation — the members
// the catalog reader depends on. Everything here is pure string work.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "default_expression.hpp"
#include "schemadiff/core/text.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "sql_tokenizer.hpp"
#include "sqlite_keywords.hpp"

namespace schemadiff::sqlite {

namespace {

// A declared type split into its words and parameters: "TIMESTAMP(3) WITH TIME ZONE" has the
// name "TIMESTAMP WITH TIME ZONE" and the parameters {"3"}.
struct DeclaredType {
    std::string name;                 // words upper-cased, one space apart
    std::vector<std::string> params;  // the text between the parentheses, split at commas
    bool has_parentheses = false;
    std::string canonical;  // NAME(P1,P2) TRAILING: the spelling a Raw type keeps
};

DeclaredType split_declared(std::string_view declared) {
    DeclaredType out;
    std::vector<std::string> before;
    std::vector<std::string> after;
    const std::vector<detail::Token> tokens = detail::tokenize(declared);
    std::size_t i = 0;
    auto word_text = [](const detail::Token& token) {
        return token.kind == detail::TokenKind::Word ? text::to_upper(token.text)
                                                     : std::string(token.text);
    };
    for (; i < tokens.size() && !tokens[i].is('('); ++i) before.push_back(word_text(tokens[i]));
    if (i < tokens.size()) {
        out.has_parentheses = true;
        std::string param;
        for (++i; i < tokens.size() && !tokens[i].is(')'); ++i) {
            if (tokens[i].is(',')) {
                out.params.push_back(param);
                param.clear();
            } else {
                if (!param.empty() && tokens[i].has_space_before) param += ' ';
                param += word_text(tokens[i]);
            }
        }
        out.params.push_back(param);
        for (++i; i < tokens.size(); ++i) after.push_back(word_text(tokens[i]));
    }
    std::vector<std::string> words = before;
    words.insert(words.end(), after.begin(), after.end());
    out.name = text::join(words, " ");
    out.canonical = text::join(before, " ");
    if (out.has_parentheses) out.canonical += "(" + text::join(out.params, ",") + ")";
    if (!after.empty()) out.canonical += " " + text::join(after, " ");
    return out;
}

std::optional<int> parse_param(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

template <std::size_t N>
bool is_one_of(const std::string& name, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

constexpr std::array<std::string_view, 4> kSmallInts = {"SMALLINT", "INT2", "TINYINT", "INT1"};
constexpr std::array<std::string_view, 5> kIntegers = {"INT", "INTEGER", "INT4", "MEDIUMINT",
                                                       "INT3"};
constexpr std::array<std::string_view, 2> kBigInts = {"BIGINT", "INT8"};
constexpr std::array<std::string_view, 8> kStrings = {"VARCHAR",
                                                      "CHARACTER VARYING",
                                                      "CHAR VARYING",
                                                      "VARYING CHARACTER",
                                                      "NVARCHAR",
                                                      "NATIONAL VARCHAR",
                                                      "NATIONAL CHARACTER VARYING",
                                                      "VARCHAR2"};
constexpr std::array<std::string_view, 6> kTexts = {"TEXT",     "CLOB",       "NTEXT",
                                                    "TINYTEXT", "MEDIUMTEXT", "LONGTEXT"};
constexpr std::array<std::string_view, 7> kBinaries = {
    "BLOB", "BYTEA", "VARBINARY", "BINARY", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB"};

ColumnType with_timezone(TypeKind kind, bool tz) {
    ColumnType type = ColumnType::of(kind);
    type.with_timezone = tz;
    return type;
}

// Types that take no parameters, or whose parameters (a display width, a fractional-seconds
// precision) do not change the portable type.
std::optional<ColumnType> plain_type(const std::string& name) {
    if (is_one_of(name, kSmallInts)) return ColumnType::of(TypeKind::SmallInt);
    if (is_one_of(name, kIntegers)) return ColumnType::of(TypeKind::Integer);
    if (is_one_of(name, kBigInts)) return ColumnType::of(TypeKind::BigInt);
    if (name == "BOOLEAN" || name == "BOOL") return ColumnType::of(TypeKind::Boolean);
    if (name == "REAL" || name == "FLOAT4") return ColumnType::of(TypeKind::Real);
    if (name == "DOUBLE" || name == "DOUBLE PRECISION" || name == "FLOAT8") {
        return ColumnType::of(TypeKind::Double);
    }
    if (is_one_of(name, kTexts)) return ColumnType::of(TypeKind::Text);
    if (name == "DATE") return ColumnType::of(TypeKind::Date);
    if (name == "TIME" || name == "TIME WITHOUT TIME ZONE") return ColumnType::of(TypeKind::Time);
    if (name == "TIME WITH TIME ZONE" || name == "TIMETZ")
        return with_timezone(TypeKind::Time, true);
    if (name == "DATETIME" || name == "TIMESTAMP" || name == "TIMESTAMP WITHOUT TIME ZONE") {
        return ColumnType::of(TypeKind::Timestamp);
    }
    if (name == "TIMESTAMP WITH TIME ZONE" || name == "TIMESTAMPTZ") {
        return with_timezone(TypeKind::Timestamp, true);
    }
    if (name == "UUID") return ColumnType::of(TypeKind::Uuid);
    if (name == "JSON" || name == "JSONB") return ColumnType::of(TypeKind::Json);
    return std::nullopt;
}

// Width-like parameters that plain types tolerate: INT(11), DATETIME(6), TEXT is not among them.
bool tolerates_width(TypeKind kind) {
    return is_integer_kind(kind) || kind == TypeKind::Time || kind == TypeKind::Timestamp;
}

std::optional<ColumnType> parameterised_type(const DeclaredType& declared) {
    const auto& params = declared.params;
    if (is_one_of(declared.name, kStrings) || is_one_of(declared.name, kBinaries)) {
        ColumnType type = ColumnType::of(is_one_of(declared.name, kStrings) ? TypeKind::String
                                                                            : TypeKind::Binary);
        if (!declared.has_parentheses) return type;
        const auto length = params.size() == 1 ? parse_param(params[0]) : std::nullopt;
        if (!length) return std::nullopt;
        type.length = length;
        return type;
    }
    if (declared.name == "NUMERIC" || declared.name == "DECIMAL" || declared.name == "DEC") {
        ColumnType type = ColumnType::of(TypeKind::Numeric);
        if (!declared.has_parentheses) return type;
        if (params.empty() || params.size() > 2) return std::nullopt;
        type.precision = parse_param(params[0]);
        if (!type.precision) return std::nullopt;
        if (params.size() == 2) {
            type.scale = parse_param(params[1]);
            if (!type.scale) return std::nullopt;
        }
        return type;
    }
    if (declared.name == "FLOAT") {
        if (!declared.has_parentheses) return ColumnType::of(TypeKind::Double);
        const auto bits = params.size() == 1 ? parse_param(params[0]) : std::nullopt;
        if (!bits) return std::nullopt;
        return ColumnType::of(*bits <= 24 ? TypeKind::Real : TypeKind::Double);
    }
    auto plain = plain_type(declared.name);
    if (!plain) return std::nullopt;
    if (declared.has_parentheses &&
        (!tolerates_width(plain->kind) || params.size() != 1 || !parse_param(params[0]))) {
        return std::nullopt;
    }
    return plain;
}

}  // namespace

bool SqliteDialect::is_reserved_word(std::string_view word) const {
    return std::binary_search(detail::kKeywords.begin(), detail::kKeywords.end(),
                              text::to_upper(word));
}

std::string SqliteDialect::identifier_key(std::string_view name) const {
    return text::to_lower(name);
}

std::string SqliteDialect::render_type(const ColumnType& type) const {
    switch (type.kind) {
        case TypeKind::SmallInt:
            return "SMALLINT";
        case TypeKind::Integer:
            return "INTEGER";
        case TypeKind::BigInt:
            return "BIGINT";
        case TypeKind::Boolean:
            return "BOOLEAN";
        case TypeKind::Real:
            return "REAL";
        case TypeKind::Double:
            return "DOUBLE";
        case TypeKind::Numeric:
            if (type.precision && type.scale) {
                return fmt::format("NUMERIC({},{})", *type.precision, *type.scale);
            }
            return type.precision ? fmt::format("NUMERIC({})", *type.precision) : "NUMERIC";
        case TypeKind::String:
            return type.length ? fmt::format("VARCHAR({})", *type.length) : "VARCHAR";
        case TypeKind::Text:
            return "TEXT";
        case TypeKind::Binary:
            return type.length ? fmt::format("BLOB({})", *type.length) : "BLOB";
        case TypeKind::Date:
            return "DATE";
        case TypeKind::Time:
            return type.with_timezone ? "TIME WITH TIME ZONE" : "TIME";
        case TypeKind::Timestamp:
            return type.with_timezone ? "TIMESTAMP WITH TIME ZONE" : "DATETIME";
        case TypeKind::Uuid:
            return "UUID";
        case TypeKind::Json:
            return "JSON";
        case TypeKind::Enum:
            return "TEXT";  // the column definition adds CHECK (col IN (...))
        case TypeKind::Raw:
            return type.raw;
    }
    return type.raw;
}

ColumnType SqliteDialect::canonical_column_type(const Column& column) const {
    if (column.is_autoincrement && is_integer_kind(column.type.kind)) {
        return ColumnType::of(TypeKind::Integer);
    }
    return canonical_type(column.type);
}

ColumnType SqliteDialect::normalize_type(std::string_view declared) const {
    const DeclaredType split = split_declared(declared);
    if (auto type = parameterised_type(split)) return *type;
    return ColumnType::raw_type(split.canonical);
}

std::string SqliteDialect::normalize_default(std::string_view expression,
                                             const ColumnType& type) const {
    return detail::normalize_default_expression(expression, type);
}

}  // namespace schemadiff::sqlite
