// PostgresqlDialect: the forms defaults and expressions are compared in. pg_get_expr() prints a
// column default with the casts the server added ('x'::text, '-1'::integer, '1.5'::double
// precision, '2020-01-01 00:00:00'::timestamp without time zone) and a literal in its type's
// output form (uuid lower-case, jsonb re-spaced, booleans true/false); the model writes it the way
// a person would. Both fold to one canonical text here.
#include <optional>
#include <string>

#include "postgresql_expression.hpp"
#include "schemadiff/core/text.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace schemadiff::postgresql {

namespace {

using detail::Token;
using detail::TokenKind;

bool is_numeric_kind(TypeKind kind) {
    return is_integer_kind(kind) || kind == TypeKind::Real || kind == TypeKind::Double ||
           kind == TypeKind::Numeric;
}

// "-01.50e1" -> "-15", "1.0" -> "1", "0.50" -> "0.5"; nullopt when `s` is not a number.
std::optional<std::string> canonical_number(std::string_view s) {
    s = text::trim(s);
    bool is_negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        is_negative = s.front() == '-';
        s.remove_prefix(1);
    }
    std::string digits;
    long point = -1;
    std::size_t i = 0;
    for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
        if (s[i] == '.' && point < 0) {
            point = static_cast<long>(digits.size());
        } else if (s[i] >= '0' && s[i] <= '9') {
            digits += s[i];
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty()) return std::nullopt;
    if (point < 0) point = static_cast<long>(digits.size());
    if (i < s.size()) {
        const std::string exponent(s.substr(i + 1));
        if (exponent.empty() || exponent.size() > 3) return std::nullopt;
        try {
            point += std::stol(exponent);
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    if (point < 0) {
        digits.insert(0, static_cast<std::size_t>(-point), '0');
        point = 0;
    }
    if (point > static_cast<long>(digits.size())) {
        digits.append(static_cast<std::size_t>(point) - digits.size(), '0');
    }
    std::string whole = digits.substr(0, static_cast<std::size_t>(point));
    std::string fraction = digits.substr(static_cast<std::size_t>(point));
    whole.erase(0, whole.find_first_not_of('0'));
    if (whole.empty()) whole.push_back('0');  // not = "0": GCC 12 -O2 false -Wrestrict
    fraction.erase(fraction.find_last_not_of('0') + 1);
    std::string out = fraction.empty() ? whole : whole + "." + fraction;
    return is_negative && out != "0" ? "-" + out : out;
}

std::optional<std::string> boolean_literal(std::string_view value) {
    const std::string v = text::to_lower(text::trim(value));
    for (const char* yes : {"t", "true", "y", "yes", "on", "1"}) {
        if (v == yes) return "TRUE";
    }
    for (const char* no : {"f", "false", "n", "no", "off", "0"}) {
        if (v == no) return "FALSE";
    }
    return std::nullopt;
}

// jsonb prints {"a": 1, "b": [1, 2]}: whitespace outside JSON strings does not count.
std::string compact_json(std::string_view json) {
    std::string out;
    bool is_in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (is_in_string) {
            out += c;
            if (c == '\\' && i + 1 < json.size()) {
                out += json[++i];
            } else if (c == '"') {
                is_in_string = false;
            }
        } else if (c == '"') {
            is_in_string = true;
            out += c;
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            out += c;
        }
    }
    return out;
}

std::string uuid_digits(std::string_view value) {
    std::string out;
    for (char c : text::to_lower(value)) {
        if (c != '-' && c != '{' && c != '}') out += c;
    }
    return out;
}

// A timestamp literal as timestamp's output prints it: '2020-01-01' is midnight.
std::string timestamp_text(std::string value) {
    if (value.size() > 10 && (value[10] == 'T' || value[10] == 't')) value[10] = ' ';
    if (value.size() == 10 && value[4] == '-' && value[7] == '-') value += " 00:00:00";
    return value;
}

// timestamp(3) is Raw (its precision kept) but prints its literals like any timestamp.
bool is_plain_timestamp(const ColumnType& type) {
    if (type.kind == TypeKind::Timestamp) return !type.with_timezone;
    const std::string raw = text::to_upper(type.raw);
    return type.kind == TypeKind::Raw && raw.starts_with("TIMESTAMP") &&
           raw.find("WITH TIME ZONE") == std::string::npos && raw.find('[') == std::string::npos;
}

std::optional<std::string> string_literal(const std::string& value, const ColumnType& type) {
    if (is_plain_timestamp(type)) return detail::quote_literal(timestamp_text(value));
    if (is_numeric_kind(type.kind)) {
        if (auto number = canonical_number(value)) return number;
    }
    switch (type.kind) {
        case TypeKind::Boolean:
            if (auto boolean = boolean_literal(value)) return boolean;
            break;
        case TypeKind::Uuid:
            return detail::quote_literal(uuid_digits(value));
        case TypeKind::Json:
            return detail::quote_literal(compact_json(value));
        default:
            break;
    }
    return detail::quote_literal(value);
}

// A default that is one literal, in the canonical spelling for its column's type.
std::optional<std::string> literal(const Token& token, const ColumnType& type) {
    switch (token.kind) {
        case TokenKind::Number:
            if (is_textual_kind(type.kind)) return detail::quote_literal(token.text);
            return canonical_number(token.text);
        case TokenKind::String:
            if (!token.text.empty()) return std::nullopt;  // B'..', X'..'
            return string_literal(token.value, type);
        case TokenKind::Word:
            if (token.is_word("TRUE") || token.is_word("FALSE") || token.is_word("NULL")) {
                return text::to_upper(token.text);
            }
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

}  // namespace

std::string PostgresqlDialect::normalize_default(std::string_view expression,
                                                 const ColumnType& type) const {
    const std::vector<Token> tokens = detail::canonical_tokens(expression);
    if (tokens.empty()) return {};
    if (tokens.size() == 1) {
        if (auto value = literal(tokens.front(), type)) return *value;
    }
    std::string out = detail::render_tokens(tokens);
    // now() is CURRENT_TIMESTAMP (both the transaction's start); pg_get_expr keeps each spelling.
    if (out == "NOW()" || out == "TRANSACTION_TIMESTAMP()") return "CURRENT_TIMESTAMP";
    return out;
}

std::string PostgresqlDialect::normalize_expression(std::string_view expression) const {
    return detail::render_tokens(detail::canonical_tokens(expression));
}

std::optional<std::vector<std::string>> enum_check_values(std::string_view check_expression,
                                                          std::string_view column) {
    std::string_view expression = text::trim(check_expression);
    // pg_get_constraintdef's "CHECK (...)"; not the start of a column named check_x or checks.
    if (text::starts_with_icase(expression, "CHECK") &&
        (expression.size() == 5 || expression[5] == ' ' || expression[5] == '(')) {
        expression.remove_prefix(5);
    }
    const std::vector<Token> t = detail::canonical_tokens(expression);
    if (t.size() < 3) return std::nullopt;
    const bool is_column = t[0].kind == TokenKind::Word
                               ? text::to_lower(t[0].text) == column
                               : t[0].kind == TokenKind::QuotedIdentifier && t[0].value == column;
    if (!is_column) return std::nullopt;
    auto is_value = [](const Token& token) {
        return token.kind == TokenKind::String && token.text.empty();
    };
    if (t.size() == 3 && t[1].is("=") && is_value(t[2])) {
        return std::vector<std::string>{t[2].value};
    }
    if (!t[1].is_word("IN") || !t[2].is("(") || !t.back().is(")") || t.size() < 5) {
        return std::nullopt;
    }
    std::vector<std::string> values;
    for (std::size_t k = 3; k + 1 < t.size(); k += 2) {
        if (!is_value(t[k])) return std::nullopt;
        if (k + 2 < t.size() && !t[k + 1].is(",")) return std::nullopt;
        values.push_back(t[k].value);
    }
    return values;
}

}  // namespace schemadiff::postgresql
