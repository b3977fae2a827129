#include "sql_tokenizer.hpp"

#include <array>

#include "schemadiff/core/text.hpp"

namespace schemadiff::sqlite::detail {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// SQLite treats every byte >= 0x80 as an identifier character (UTF-8 names).
bool is_word_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_word_char(char c) { return is_word_start(c) || is_digit(c) || c == '$'; }

constexpr std::array<std::string_view, 10> kOperators = {
    "->>", "||", "<=", ">=", "==", "!=", "<>", "<<", ">>", "->"};

// One past the closing quote of the quoted run starting at `i`; doubled quotes stay inside.
std::size_t skip_quoted(std::string_view sql, std::size_t i) {
    const char close = sql[i] == '[' ? ']' : sql[i];
    std::size_t j = i + 1;
    while (j < sql.size()) {
        if (sql[j] == close) {
            if (close != ']' && j + 1 < sql.size() && sql[j + 1] == close) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        ++j;
    }
    return sql.size();
}

std::size_t skip_number(std::string_view sql, std::size_t i) {
    if (sql[i] == '0' && i + 2 < sql.size() && (sql[i + 1] == 'x' || sql[i + 1] == 'X') &&
        is_hex_digit(sql[i + 2])) {
        i += 2;
        while (i < sql.size() && is_hex_digit(sql[i])) ++i;
        return i;
    }
    while (i < sql.size() && is_digit(sql[i])) ++i;
    if (i < sql.size() && sql[i] == '.') {
        ++i;
        while (i < sql.size() && is_digit(sql[i])) ++i;
    }
    if (i < sql.size() && (sql[i] == 'e' || sql[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < sql.size() && (sql[j] == '+' || sql[j] == '-')) ++j;
        if (j < sql.size() && is_digit(sql[j])) {
            while (j < sql.size() && is_digit(sql[j])) ++j;
            i = j;
        }
    }
    return i;
}

}  // namespace

std::string Token::value() const {
    if (kind != TokenKind::QuotedIdentifier && kind != TokenKind::String) return std::string(text);
    const char open = text.front();
    const char close = open == '[' ? ']' : open;
    std::string out;
    const std::size_t end =
        text.size() >= 2 && text.back() == close ? text.size() - 1 : text.size();
    for (std::size_t i = 1; i < end; ++i) {
        out += text[i];
        if (close != ']' && text[i] == close && i + 1 < end && text[i + 1] == close) ++i;
    }
    return out;
}

bool Token::is_keyword(std::string_view keyword) const {
    return kind == TokenKind::Word && text::iequals(text, keyword);
}

bool Token::is(char punctuation) const {
    return (kind == TokenKind::Punctuation || kind == TokenKind::Operator) && text.size() == 1 &&
           text.front() == punctuation;
}

bool Token::is_name() const {
    return kind == TokenKind::Word || kind == TokenKind::QuotedIdentifier ||
           kind == TokenKind::String;
}

std::vector<Token> tokenize(std::string_view sql) {
    std::vector<Token> tokens;
    bool space = false;
    std::size_t i = 0;
    auto push = [&](TokenKind kind, std::size_t end) {
        tokens.push_back(Token{kind, sql.substr(i, end - i), i, space && !tokens.empty()});
        space = false;
        i = end;
    };
    while (i < sql.size()) {
        const char c = sql[i];
        const char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
        if (is_space(c)) {
            space = true;
            ++i;
        } else if (c == '-' && next == '-') {
            const std::size_t eol = sql.find('\n', i);
            i = eol == std::string_view::npos ? sql.size() : eol + 1;
            space = true;
        } else if (c == '/' && next == '*') {
            const std::size_t close = sql.find("*/", i + 2);
            i = close == std::string_view::npos ? sql.size() : close + 2;
            space = true;
        } else if ((c == 'x' || c == 'X') && next == '\'') {
            push(TokenKind::Blob, skip_quoted(sql, i + 1));
        } else if (c == '\'') {
            push(TokenKind::String, skip_quoted(sql, i));
        } else if (c == '"' || c == '`' || c == '[') {
            push(TokenKind::QuotedIdentifier, skip_quoted(sql, i));
        } else if (is_digit(c) || (c == '.' && is_digit(next))) {
            push(TokenKind::Number, skip_number(sql, i));
        } else if (is_word_start(c)) {
            std::size_t end = i + 1;
            while (end < sql.size() && is_word_char(sql[end])) ++end;
            push(TokenKind::Word, end);
        } else if (c == '(' || c == ')' || c == ',' || c == ';' || c == '.') {
            push(TokenKind::Punctuation, i + 1);
        } else {
            std::size_t end = i + 1;
            for (std::string_view op : kOperators) {
                if (sql.substr(i, op.size()) == op) {
                    end = i + op.size();
                    break;
                }
            }
            push(TokenKind::Operator, end);
        }
    }
    return tokens;
}

std::string join_tokens(std::span<const Token> tokens) {
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (i > 0 && tokens[i].has_space_before) out += ' ';
        out += tokens[i].text;
    }
    return out;
}

}  // namespace schemadiff::sqlite::detail
