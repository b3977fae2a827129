// TokenCursor — a position in a token list with the look-ahead helpers the CREATE TABLE and
// CREATE INDEX parsers share.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sql_tokenizer.hpp"

namespace schemadiff::sqlite::detail {

class TokenCursor {
public:
    explicit TokenCursor(std::span<const Token> tokens) : tokens_(tokens) {}

    [[nodiscard]] bool at_end() const { return pos_ >= tokens_.size(); }
    [[nodiscard]] std::size_t position() const { return pos_; }
    // The token `ahead` places on, or nullptr past the end.
    [[nodiscard]] const Token* peek(std::size_t ahead = 0) const {
        return pos_ + ahead < tokens_.size() ? &tokens_[pos_ + ahead] : nullptr;
    }
    const Token* next() { return at_end() ? nullptr : &tokens_[pos_++]; }

    [[nodiscard]] bool peek_keyword(std::string_view keyword, std::size_t ahead = 0) const {
        const Token* token = peek(ahead);
        return token != nullptr && token->is_keyword(keyword);
    }
    [[nodiscard]] bool peek_is(char punctuation) const {
        const Token* token = peek();
        return token != nullptr && token->is(punctuation);
    }
    // Consumes the keyword (or keyword sequence) when it is next.
    bool accept_keyword(std::string_view keyword) {
        if (!peek_keyword(keyword)) return false;
        ++pos_;
        return true;
    }
    bool accept_keywords(std::initializer_list<std::string_view> keywords) {
        std::size_t ahead = 0;
        for (std::string_view keyword : keywords) {
            if (!peek_keyword(keyword, ahead++)) return false;
        }
        pos_ += keywords.size();
        return true;
    }
    bool accept(char punctuation) {
        if (!peek_is(punctuation)) return false;
        ++pos_;
        return true;
    }

    // Given the cursor on '(', returns the tokens strictly inside the matching ')' and moves
    // past it. Unbalanced input returns everything to the end.
    std::span<const Token> take_parenthesized() {
        const std::size_t open = pos_++;
        int depth = 1;
        while (!at_end()) {
            const Token& token = tokens_[pos_++];
            if (token.is('(')) ++depth;
            if (token.is(')') && --depth == 0) return tokens_.subspan(open + 1, pos_ - open - 2);
        }
        return tokens_.subspan(open + 1);
    }

    // Skips one token, or a whole parenthesised group when on '('.
    void skip() {
        if (peek_is('(')) {
            (void)take_parenthesized();
        } else if (!at_end()) {
            ++pos_;
        }
    }

private:
    std::span<const Token> tokens_;
    std::size_t pos_ = 0;
};

// `schema.name` or `name` at the cursor: the last part, unquoted ("" when no name is there).
[[nodiscard]] inline std::string read_qualified_name(TokenCursor& cursor) {
    const Token* token = cursor.next();
    if (token == nullptr || !token->is_name()) return {};
    std::string name = token->value();
    while (cursor.peek_is('.') && cursor.peek(1) != nullptr && cursor.peek(1)->is_name()) {
        cursor.next();
        name = cursor.next()->value();
    }
    return name;
}

// Splits tokens at the commas outside parentheses.
[[nodiscard]] inline std::vector<std::span<const Token>> split_top_level(
    std::span<const Token> tokens) {
    std::vector<std::span<const Token>> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].is('(')) ++depth;
        if (tokens[i].is(')')) --depth;
        if (depth == 0 && tokens[i].is(',')) {
            parts.push_back(tokens.subspan(start, i - start));
            start = i + 1;
        }
    }
    if (start < tokens.size() || !parts.empty()) parts.push_back(tokens.subspan(start));
    return parts;
}

}  // namespace schemadiff::sqlite::detail
