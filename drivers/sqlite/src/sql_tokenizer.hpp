// SQL tokenizer for the SQLite statements the catalog stores (CREATE TABLE, CREATE INDEX) and for
// default expressions.
//
// Understands what SQLite accepts: identifiers quoted in all four styles ("x", `x`, [x], and 'x'
// where SQLite takes a string as a name), doubled quotes inside quoted text, -- and /* */
// comments, numbers (decimal, exponent, hexadecimal), blob literals X'..' and multi-character
// operators. Tokens are views into the source text, which must outlive them.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace schemadiff::sqlite::detail {

enum class TokenKind {
    Word,              // unquoted identifier or keyword
    QuotedIdentifier,  // "x", `x` or [x]
    String,            // 'x'
    Blob,              // X'00ff'
    Number,            // 12, 1.5, .5, 1e-3, 0x1F
    Punctuation,       // ( ) , ; .
    Operator,          // everything else: = <> || + - * / ...
};

struct Token {
    TokenKind kind = TokenKind::Word;
    std::string_view text;          // exactly as written, quotes included
    std::size_t offset = 0;         // into the source
    bool has_space_before = false;  // whitespace or a comment separates it from the previous token

    // The name or value a token stands for: quotes removed and doubled quotes undoubled for
    // quoted identifiers and strings; the text itself otherwise.
    [[nodiscard]] std::string value() const;
    [[nodiscard]] bool is_keyword(std::string_view keyword) const;
    [[nodiscard]] bool is(char punctuation) const;
    // Word, quoted identifier or string: what SQLite accepts where a name is expected.
    [[nodiscard]] bool is_name() const;
};

// Never throws: an unterminated quote or comment runs to the end of the text.
[[nodiscard]] std::vector<Token> tokenize(std::string_view sql);

// The tokens' text joined with one space wherever the source had whitespace or a comment:
// comments dropped, whitespace collapsed, quoted text kept byte for byte.
[[nodiscard]] std::string join_tokens(std::span<const Token> tokens);

}  // namespace schemadiff::sqlite::detail
