// A PostgreSQL lexer just good enough to compare expressions and read type names: words,
// quoted identifiers, string literals (with E/B/X/U& prefixes and $tag$ quoting), numbers,
// operators (maximal munch, PostgreSQL's rule for a trailing + or -), and punctuation, with
// "::" a token of its own. Comments and whitespace are dropped. Private to the dialect.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace schemadiff::postgresql::detail {

enum class TokenKind { Word, QuotedIdentifier, String, Number, Operator, Punct };

struct Token {
    TokenKind kind = TokenKind::Word;
    std::string text;   // as written (callers fold case); a String: its prefix, "", "B" or "X"
    std::string value;  // String: the unescaped content; QuotedIdentifier: the name

    [[nodiscard]] bool is(std::string_view punct_or_operator) const {
        return (kind == TokenKind::Punct || kind == TokenKind::Operator) &&
               text == punct_or_operator;
    }
    // A word equal to `upper_word` ignoring ASCII case.
    [[nodiscard]] bool is_word(std::string_view upper_word) const;
};

[[nodiscard]] std::vector<Token> tokenize(std::string_view sql);

// Whether `name` prints without quotes: [a-z_][a-z0-9_]* and not a keyword PostgreSQL's
// quote_ident() quotes (see postgresql_keywords.hpp).
[[nodiscard]] bool is_bare_identifier(std::string_view name);
// `name` as PostgreSQL's quote_ident() prints it.
[[nodiscard]] std::string quote_name(std::string_view name);

// A string literal with standard quoting: 'it''s'.
[[nodiscard]] std::string quote_literal(std::string_view value);

}  // namespace schemadiff::postgresql::detail
