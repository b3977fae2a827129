#include "postgresql_sql_tokens.hpp"

#include <cctype>

#include "postgresql_keywords.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::postgresql::detail {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_word_char(char c) { return is_word_start(c) || is_digit(c) || c == '$'; }
bool is_operator_char(char c) {
    return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos;
}

// Index one past a comment opening at `i`, or `i` when none opens there.
std::size_t skip_comment(std::string_view s, std::size_t i) {
    if (s.substr(i, 2) == "--") {
        const std::size_t end = s.find('\n', i);
        return end == std::string_view::npos ? s.size() : end + 1;
    }
    if (s.substr(i, 2) == "/*") {
        int depth = 0;  // PostgreSQL nests block comments
        for (std::size_t j = i; j + 1 < s.size(); ++j) {
            if (s.substr(j, 2) == "/*") {
                ++depth;
                ++j;
            } else if (s.substr(j, 2) == "*/") {
                ++j;
                if (--depth == 0) return j + 1;
            }
        }
        return s.size();
    }
    return i;
}

// A '...' literal opening at `open`; backslash escapes a character when `has_escapes` (E'').
std::size_t read_string(std::string_view s, std::size_t open, bool has_escapes,
                        std::string& value) {
    std::size_t j = open + 1;
    while (j < s.size()) {
        const char c = s[j];
        if (has_escapes && c == '\\' && j + 1 < s.size()) {
            value += s[j + 1];
            j += 2;
        } else if (c == '\'') {
            if (j + 1 < s.size() && s[j + 1] == '\'') {
                value += '\'';
                j += 2;
            } else {
                return j + 1;
            }
        } else {
            value += c;
            ++j;
        }
    }
    return s.size();
}

// "$tag$" opening at `i` (the tag may be empty), or 0 when `i` opens none.
std::size_t dollar_tag_length(std::string_view s, std::size_t i) {
    std::size_t j = i + 1;
    if (j < s.size() && is_digit(s[j])) return 0;  // $1: a parameter
    while (j < s.size() && (is_word_start(s[j]) || is_digit(s[j]))) ++j;
    return j < s.size() && s[j] == '$' ? j + 1 - i : 0;
}

std::size_t read_number(std::string_view s, std::size_t i) {
    while (i < s.size() && (is_digit(s[i]) || s[i] == '.')) {
        // "1..2" is not a number; stop before a second point
        if (s[i] == '.' && i + 1 < s.size() && s[i + 1] == '.') break;
        ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < s.size() && is_digit(s[j])) {
            while (j < s.size() && is_digit(s[j])) ++j;
            i = j;
        }
    }
    return i;
}

std::size_t read_operator(std::string_view s, std::size_t i) {
    const std::size_t start = i;
    while (i < s.size() && is_operator_char(s[i])) {
        if (i > start && (s.substr(i, 2) == "--" || s.substr(i, 2) == "/*")) break;
        ++i;
    }
    // A multi-character operator ends in + or - only if it holds one of ~ ! @ # % ^ & | ` ?
    // ("<-1" is "<" then "-1").
    std::string_view op = s.substr(start, i - start);
    if (op.size() > 1 && op.find_first_of("~!@#%^&|`?") == std::string_view::npos) {
        while (op.size() > 1 && (op.back() == '+' || op.back() == '-')) op.remove_suffix(1);
    }
    return start + op.size();
}

}  // namespace

bool Token::is_word(std::string_view upper_word) const {
    return kind == TokenKind::Word && text::iequals(text, upper_word);
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (const std::size_t after = skip_comment(s, i); after != i) {
            i = after;
            continue;
        }
        Token token;
        std::size_t end = i + 1;
        if (c == '\'') {
            token.kind = TokenKind::String;
            end = read_string(s, i, false, token.value);
        } else if (c == '"') {
            token.kind = TokenKind::QuotedIdentifier;
            end = text::skip_quoted(s, i, &token.value);
        } else if (c == '$' && dollar_tag_length(s, i) > 0) {
            const std::size_t tag = dollar_tag_length(s, i);
            const std::string_view delimiter = s.substr(i, tag);
            const std::size_t close = s.find(delimiter, i + tag);
            token.kind = TokenKind::String;
            const std::size_t body_end = close == std::string_view::npos ? s.size() : close;
            token.value = std::string(s.substr(i + tag, body_end - i - tag));
            end = close == std::string_view::npos ? s.size() : close + tag;
        } else if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
            token.kind = TokenKind::Number;
            end = read_number(s, i);
        } else if (is_word_start(c) || c == '$') {
            while (end < s.size() && is_word_char(s[end])) ++end;
            const std::string_view word = s.substr(i, end - i);
            // E'..', B'..', X'..', N'..', U&'..': a string with a prefix.
            const bool is_prefix = word.size() == 1 && std::string_view("eEbBxXnN").find(word[0]) !=
                                                           std::string_view::npos;
            if (is_prefix && end < s.size() && s[end] == '\'') {
                token.kind = TokenKind::String;
                end = read_string(s, end, word[0] == 'e' || word[0] == 'E', token.value);
                // Bit strings keep their prefix; E'' and N'' are plain text once unescaped.
                const char prefix = text::to_upper(word)[0];
                token.text = prefix == 'B' || prefix == 'X' ? std::string(1, prefix) : "";
            } else {
                token.kind = TokenKind::Word;
            }
        } else if (s.substr(i, 2) == "::") {
            token.kind = TokenKind::Punct;
            end = i + 2;
        } else if (is_operator_char(c)) {
            token.kind = TokenKind::Operator;
            end = read_operator(s, i);
        } else {
            token.kind = TokenKind::Punct;
        }
        if (token.kind != TokenKind::String) token.text = std::string(s.substr(i, end - i));
        tokens.push_back(std::move(token));
        i = end;
    }
    return tokens;
}

bool is_bare_identifier(std::string_view name) {
    if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return false;
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '_')) return false;
    }
    return !std::binary_search(kQuotedKeywords.begin(), kQuotedKeywords.end(),
                               text::to_upper(name));
}

std::string quote_name(std::string_view name) {
    if (is_bare_identifier(name)) return std::string(name);
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string quote_literal(std::string_view value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

}  // namespace schemadiff::postgresql::detail
