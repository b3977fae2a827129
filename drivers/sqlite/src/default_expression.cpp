#include "default_expression.hpp"

#include <charconv>
#include <cstdint>
#include <vector>

#include "schemadiff/core/text.hpp"
#include "sql_tokenizer.hpp"

namespace schemadiff::sqlite::detail {

namespace {

constexpr long kMaxShift = 64;  // longer exponents keep their spelling

bool is_numeric_kind(TypeKind kind) {
    return is_integer_kind(kind) || kind == TypeKind::Real || kind == TypeKind::Double ||
           kind == TypeKind::Numeric || kind == TypeKind::Boolean;
}

std::optional<std::string> canonical_hex(std::string_view digits, bool negative) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    // SQLite reads hexadecimal literals as 64-bit two's complement.
    const auto as_signed = static_cast<std::int64_t>(value);
    if (as_signed == 0) return "0";
    if (negative) {
        if (as_signed == INT64_MIN) return std::nullopt;
        return std::to_string(-as_signed);
    }
    return std::to_string(as_signed);
}

std::optional<std::string> canonical_decimal(std::string_view s, bool negative, bool as_value) {
    std::string digits;
    long point = -1;  // digits before the decimal point
    std::size_t i = 0;
    for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
        if (s[i] == '.') {
            if (point >= 0) return std::nullopt;
            point = static_cast<long>(digits.size());
        } else if (s[i] >= '0' && s[i] <= '9') {
            digits += s[i];
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty()) return std::nullopt;
    const bool is_real = point >= 0 || i < s.size();
    if (point < 0) point = static_cast<long>(digits.size());
    if (i < s.size()) {
        long exponent = 0;
        std::string_view e = s.substr(i + 1);
        if (!e.empty() && e.front() == '+') e.remove_prefix(1);
        const auto [end, ec] = std::from_chars(e.data(), e.data() + e.size(), exponent);
        if (ec != std::errc{} || end != e.data() + e.size() || exponent > kMaxShift ||
            exponent < -kMaxShift) {
            return std::nullopt;
        }
        point += exponent;
    }
    // Place the point: pad with zeros on either side as needed.
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
    if (whole.empty()) whole.push_back('0');
    fraction.erase(fraction.find_last_not_of('0') + 1);
    std::string out = whole;
    if (!fraction.empty()) {
        out += "." + fraction;
    } else if (is_real && !as_value) {
        out += ".0";
    }
    const bool is_zero = whole == "0" && fraction.empty();
    return negative && !is_zero ? "-" + out : out;
}

std::string quote(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

// The text of a (signed) numeric literal: "12", "-1.5", "- 1" -> "-1".
std::optional<std::string> signed_number(const std::vector<Token>& tokens) {
    if (tokens.size() == 1 && tokens[0].kind == TokenKind::Number) {
        return std::string(tokens[0].text);
    }
    if (tokens.size() == 2 && (tokens[0].is('-') || tokens[0].is('+')) &&
        tokens[1].kind == TokenKind::Number) {
        return std::string(tokens[0].text) + std::string(tokens[1].text);
    }
    return std::nullopt;
}

// A literal default: a (signed) number, keyword, string or blob. nullopt for expressions.
std::optional<std::string> normalize_literal(const std::vector<Token>& tokens,
                                             const ColumnType& type) {
    const bool numeric_column = is_numeric_kind(type.kind);
    if (const auto literal = signed_number(tokens)) {
        auto number = canonical_number(*literal, numeric_column);
        if (number && type.kind == TypeKind::Boolean && (*number == "0" || *number == "1")) {
            return *number == "1" ? "TRUE" : "FALSE";
        }
        return number;
    }
    if (tokens.size() != 1) return std::nullopt;
    const Token& token = tokens.front();
    switch (token.kind) {
        case TokenKind::String:
            return std::string(token.text);
        case TokenKind::Blob: {
            std::string blob = text::to_upper(token.text);
            blob.front() = 'X';
            return blob;
        }
        case TokenKind::QuotedIdentifier:
            // SQLite reads a double-quoted default that names no column as a string literal.
            if (token.text.front() == '"') return quote(token.value());
            return std::nullopt;
        case TokenKind::Word: {
            const std::string word = text::to_upper(token.text);
            if (word == "TRUE" || word == "FALSE") {
                if (is_integer_kind(type.kind) || type.kind == TypeKind::Numeric) {
                    return word == "TRUE" ? "1" : "0";
                }
                return word;
            }
            if (word == "NULL" || word == "CURRENT_TIMESTAMP" || word == "CURRENT_DATE" ||
                word == "CURRENT_TIME") {
                return word;
            }
            return std::nullopt;
        }
        default:
            return std::nullopt;
    }
}

}  // namespace

std::optional<std::string> canonical_number(std::string_view literal, bool as_value) {
    literal = text::trim(literal);
    bool negative = false;
    if (!literal.empty() && (literal.front() == '-' || literal.front() == '+')) {
        negative = literal.front() == '-';
        literal = text::trim(literal.substr(1));
    }
    if (literal.size() > 2 && literal[0] == '0' && (literal[1] == 'x' || literal[1] == 'X')) {
        return canonical_hex(literal.substr(2), negative);
    }
    return canonical_decimal(literal, negative, as_value);
}

std::string catalog_default(std::string_view dflt_value) {
    const std::vector<Token> tokens = tokenize(dflt_value);
    if (tokens.size() != 1) return std::string(dflt_value);
    const Token& token = tokens.front();
    if (token.kind == TokenKind::QuotedIdentifier) return quote(token.value());
    if (token.kind != TokenKind::Word) return std::string(dflt_value);
    // The words SQLite's grammar takes as literals rather than as an identifier.
    const std::string word = text::to_upper(token.text);
    if (word == "NULL" || word == "TRUE" || word == "FALSE" || word == "CURRENT_TIMESTAMP" ||
        word == "CURRENT_DATE" || word == "CURRENT_TIME") {
        return std::string(dflt_value);
    }
    return quote(token.text);
}

std::string normalize_default_expression(std::string_view expression, const ColumnType& type) {
    const std::string stripped = text::strip_outer_parentheses(expression);
    const std::vector<Token> tokens = tokenize(stripped);
    if (tokens.empty()) return {};
    if (auto literal = normalize_literal(tokens, type)) return *literal;
    std::string normalized = text::normalize_sql_expression(join_tokens(tokens));
    // The date functions called with 'now' are the CURRENT_* keywords spelled differently.
    const std::string upper = text::to_upper(normalized);
    if (upper == "DATETIME('NOW')") return "CURRENT_TIMESTAMP";
    if (upper == "DATE('NOW')") return "CURRENT_DATE";
    if (upper == "TIME('NOW')") return "CURRENT_TIME";
    return normalized;
}

}  // namespace schemadiff::sqlite::detail
