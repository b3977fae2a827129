// PostgresqlDialect: names and types — quoting as quote_ident() does, exact identifier keys, type
// rendering, and the normalisation of format_type()'s spellings (and a model's aliases) into one
// canonical ColumnType.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "postgresql_keywords.hpp"
#include "postgresql_sql_tokens.hpp"
#include "schemadiff/core/text.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace schemadiff::postgresql {

namespace {

using detail::Token;
using detail::TokenKind;

bool is_name_token(const Token& t) {
    return t.kind == TokenKind::Word || t.kind == TokenKind::QuotedIdentifier ||
           t.kind == TokenKind::Number;
}

// One token of a type spelling: words upper-cased; a quoted name kept exactly unless it needs
// no quotes ("mood" is mood is MOOD).
std::string spelled(const Token& t) {
    if (t.kind == TokenKind::QuotedIdentifier) {
        return detail::is_bare_identifier(t.value) ? text::to_upper(t.value)
                                                   : detail::quote_name(t.value);
    }
    return t.kind == TokenKind::Word ? text::to_upper(t.text) : t.text;
}

std::string spelled(const std::vector<Token>& tokens) {
    std::string out;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const bool is_spaced = k > 0 && is_name_token(tokens[k]) &&
                               (is_name_token(tokens[k - 1]) || tokens[k - 1].is(")"));
        if (is_spaced) out += ' ';
        out += spelled(tokens[k]);
    }
    return out;
}

// A declared type split around its parameter list: "timestamp(3) with time zone" has the name
// "TIMESTAMP WITH TIME ZONE" and the parameters {"3"}.
struct DeclaredType {
    std::string name;
    std::vector<std::string> params;
    bool has_parentheses = false;
    bool has_quotes = false;  // a quoted (case-sensitive) user type: never an alias
};

DeclaredType split(const std::vector<Token>& tokens) {
    DeclaredType out;
    std::vector<Token> words;
    std::size_t k = 0;
    for (; k < tokens.size() && !tokens[k].is("("); ++k) words.push_back(tokens[k]);
    if (k < tokens.size()) {
        out.has_parentheses = true;
        std::vector<Token> param;
        for (++k; k < tokens.size() && !tokens[k].is(")"); ++k) {
            if (tokens[k].is(",")) {
                out.params.push_back(spelled(param));
                param.clear();
            } else {
                param.push_back(tokens[k]);
            }
        }
        out.params.push_back(spelled(param));
        for (++k; k < tokens.size(); ++k) words.push_back(tokens[k]);
    }
    out.has_quotes = std::any_of(words.begin(), words.end(), [](const Token& t) {
        return t.kind == TokenKind::QuotedIdentifier && !detail::is_bare_identifier(t.value);
    });
    out.name = spelled(words);
    return out;
}

std::optional<int> parse_param(std::string_view s) {
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || value < 0) return std::nullopt;
    return value;
}

bool is_one_of(const std::string& name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

ColumnType zoned(TypeKind kind, bool with_timezone) {
    ColumnType type = ColumnType::of(kind);
    type.with_timezone = with_timezone;
    return type;
}

std::optional<ColumnType> plain_type(const std::string& name) {
    if (is_one_of(name, {"SMALLINT", "INT2", "SMALLSERIAL", "SERIAL2"})) {
        return ColumnType::of(TypeKind::SmallInt);
    }
    if (is_one_of(name, {"INTEGER", "INT", "INT4", "SERIAL", "SERIAL4"})) {
        return ColumnType::of(TypeKind::Integer);
    }
    if (is_one_of(name, {"BIGINT", "INT8", "BIGSERIAL", "SERIAL8"})) {
        return ColumnType::of(TypeKind::BigInt);
    }
    if (is_one_of(name, {"BOOLEAN", "BOOL"})) return ColumnType::of(TypeKind::Boolean);
    if (is_one_of(name, {"REAL", "FLOAT4"})) return ColumnType::of(TypeKind::Real);
    if (is_one_of(name, {"DOUBLE PRECISION", "FLOAT8", "FLOAT"})) {
        return ColumnType::of(TypeKind::Double);
    }
    if (name == "TEXT") return ColumnType::of(TypeKind::Text);
    if (name == "BYTEA") return ColumnType::of(TypeKind::Binary);
    if (name == "DATE") return ColumnType::of(TypeKind::Date);
    if (is_one_of(name, {"TIME", "TIME WITHOUT TIME ZONE"})) return ColumnType::of(TypeKind::Time);
    if (is_one_of(name, {"TIMETZ", "TIME WITH TIME ZONE"})) return zoned(TypeKind::Time, true);
    if (is_one_of(name, {"TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE"})) {
        return ColumnType::of(TypeKind::Timestamp);
    }
    if (is_one_of(name, {"TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE"})) {
        return zoned(TypeKind::Timestamp, true);
    }
    if (name == "UUID") return ColumnType::of(TypeKind::Uuid);
    if (name == "JSONB") return ColumnType::of(TypeKind::Json);
    return std::nullopt;
}

// Types whose parameters change them; nullopt when `declared` is not one of them (or is
// malformed, and then stays Raw as written).
std::optional<ColumnType> parameterised_type(const DeclaredType& declared) {
    const std::string& name = declared.name;
    const auto& params = declared.params;
    const auto single = params.size() == 1 ? parse_param(params[0]) : std::nullopt;
    if (is_one_of(name, {"VARCHAR", "CHARACTER VARYING", "CHAR VARYING",
                         "NATIONAL CHARACTER VARYING", "NCHAR VARYING"})) {
        ColumnType type = ColumnType::of(TypeKind::String);
        if (declared.has_parentheses && !single) return std::nullopt;
        type.length = single;
        return type;
    }
    if (is_one_of(name, {"NUMERIC", "DECIMAL", "DEC"})) {
        ColumnType type = ColumnType::of(TypeKind::Numeric);
        if (!declared.has_parentheses) return type;
        if (params.empty() || params.size() > 2) return std::nullopt;
        type.precision = parse_param(params[0]);
        type.scale = params.size() == 2 ? parse_param(params[1]) : 0;  // numeric(p) = (p,0)
        if (!type.precision || !type.scale) return std::nullopt;
        return type;
    }
    if (name == "FLOAT" && declared.has_parentheses) {
        if (!single) return std::nullopt;
        return ColumnType::of(*single <= 24 ? TypeKind::Real : TypeKind::Double);
    }
    if (is_one_of(name, {"CHARACTER", "CHAR", "NCHAR", "NATIONAL CHARACTER"})) {
        if (declared.has_parentheses && !single) return std::nullopt;
        return ColumnType::raw_type(fmt::format("CHARACTER({})", single.value_or(1)));
    }
    if (name == "BIT" || name == "BIT VARYING" || name == "VARBIT") {
        if (declared.has_parentheses && !single) return std::nullopt;
        if (name == "BIT") return ColumnType::raw_type(fmt::format("BIT({})", single.value_or(1)));
        return ColumnType::raw_type(single ? fmt::format("BIT VARYING({})", *single)
                                           : std::string("BIT VARYING"));
    }
    auto plain = plain_type(name);
    if (!plain || !declared.has_parentheses) return plain;
    // A fractional-seconds precision makes a distinct type: kept as Raw, never dropped.
    if (!single || (plain->kind != TypeKind::Time && plain->kind != TypeKind::Timestamp)) {
        return std::nullopt;
    }
    return ColumnType::raw_type(
        fmt::format("{}({}){}", plain->kind == TypeKind::Time ? "TIME" : "TIMESTAMP", *single,
                    plain->with_timezone ? " WITH TIME ZONE" : ""));
}

// Strips "[]", "[3]" and "ARRAY" / "ARRAY[3]" from the end; true when there was any.
bool strip_array_suffix(std::vector<Token>& tokens) {
    bool is_array = false;
    while (!tokens.empty()) {
        if (tokens.back().is("]")) {
            const auto open = std::find_if(tokens.rbegin(), tokens.rend(),
                                           [](const Token& t) { return t.is("["); });
            if (open == tokens.rend()) break;
            tokens.erase(std::prev(open.base()), tokens.end());
            is_array = true;
        } else if (tokens.size() > 1 && tokens.back().is_word("ARRAY")) {
            tokens.pop_back();
            is_array = true;
        } else {
            break;
        }
    }
    return is_array;
}

}  // namespace

std::string PostgresqlDialect::quote_identifier(std::string_view name) const {
    return detail::quote_name(name);
}

bool PostgresqlDialect::is_reserved_word(std::string_view word) const {
    return std::binary_search(detail::kQuotedKeywords.begin(), detail::kQuotedKeywords.end(),
                              text::to_upper(word));
}

std::string PostgresqlDialect::identifier_key(std::string_view name) const {
    // Names are created exactly as spelled (quote_identifier quotes anything PostgreSQL would
    // fold), and quoted names are case-sensitive: the name itself is the key.
    return std::string(name);
}

std::string PostgresqlDialect::render_type(const ColumnType& type) const {
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
            return "DOUBLE PRECISION";
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
            return "BYTEA";
        case TypeKind::Date:
            return "DATE";
        case TypeKind::Time:
            return type.with_timezone ? "TIME WITH TIME ZONE" : "TIME";
        case TypeKind::Timestamp:
            return type.with_timezone ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
        case TypeKind::Uuid:
            return "UUID";
        case TypeKind::Json:
            return "JSONB";
        case TypeKind::Enum:
            // Without a type name: TEXT, and column_definition adds CHECK (col IN (...)).
            return type.enum_name.empty() ? "TEXT" : quote_identifier(type.enum_name);
        case TypeKind::Raw:
            return type.raw;
    }
    return type.raw;
}

ColumnType PostgresqlDialect::normalize_type(std::string_view declared) const {
    std::vector<Token> tokens = detail::tokenize(declared);
    const bool is_array = strip_array_suffix(tokens);
    // Types of the default search path need no schema.
    if (tokens.size() > 2 && tokens[1].is(".") &&
        (tokens[0].is_word("PG_CATALOG") || tokens[0].is_word("PUBLIC"))) {
        tokens.erase(tokens.begin(), tokens.begin() + 2);
    }
    const DeclaredType split_type = split(tokens);
    std::optional<ColumnType> element;
    if (!split_type.has_quotes) element = parameterised_type(split_type);
    if (!element) element = ColumnType::raw_type(spelled(tokens));
    if (!is_array) return *element;
    // PostgreSQL ignores array dimensions and sizes: every array prints as "element[]".
    return ColumnType::raw_type(render_type(*element) + "[]");
}

ColumnType PostgresqlDialect::canonical_type(const ColumnType& type) const {
    // A named enum reads back as itself (the catalog reader builds it from pg_enum).
    if (type.kind == TypeKind::Enum && !type.enum_name.empty()) return type;
    return Dialect::canonical_type(type);
}

const PostgresqlDialect& postgresql_dialect() {
    static const PostgresqlDialect kDialect;
    return kDialect;
}

}  // namespace schemadiff::postgresql
