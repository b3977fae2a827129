#include "create_index_parser.hpp"

#include "schemadiff/core/error.hpp"
#include "sql_tokenizer.hpp"
#include "token_cursor.hpp"

namespace schemadiff::sqlite::detail {

namespace {

[[noreturn]] void fail(std::string_view sql) {
    constexpr std::size_t kShown = 120;
    std::string shown(sql.substr(0, kShown));
    if (sql.size() > kShown) shown += "...";
    throw Error(ErrorKind::Introspection, "cannot parse a CREATE INDEX statement", "in: " + shown);
}

// "lower(name) COLLATE NOCASE DESC": peels ASC/DESC, then a trailing COLLATE name.
ParsedIndexPart parse_part(std::span<const Token> tokens) {
    ParsedIndexPart part;
    if (!tokens.empty() && (tokens.back().is_keyword("ASC") || tokens.back().is_keyword("DESC"))) {
        part.is_descending = tokens.back().is_keyword("DESC");
        tokens = tokens.first(tokens.size() - 1);
    }
    if (tokens.size() >= 3 && tokens[tokens.size() - 2].is_keyword("COLLATE") &&
        tokens.back().is_name()) {
        part.collation = tokens.back().value();
        tokens = tokens.first(tokens.size() - 2);
    }
    part.expression = join_tokens(tokens);
    if (tokens.size() == 1 && tokens.front().kind != TokenKind::String &&
        tokens.front().is_name()) {
        part.column = tokens.front().value();
    }
    return part;
}

}  // namespace

ParsedCreateIndex parse_create_index(std::string_view sql) {
    const std::vector<Token> tokens = tokenize(sql);
    TokenCursor cursor(tokens);
    ParsedCreateIndex index;
    if (!cursor.accept_keyword("CREATE")) fail(sql);
    index.is_unique = cursor.accept_keyword("UNIQUE");
    if (!cursor.accept_keyword("INDEX")) fail(sql);
    cursor.accept_keywords({"IF", "NOT", "EXISTS"});
    index.name = read_qualified_name(cursor);
    if (!cursor.accept_keyword("ON")) fail(sql);
    index.table = read_qualified_name(cursor);
    if (!cursor.peek_is('(')) fail(sql);
    for (std::span<const Token> part : split_top_level(cursor.take_parenthesized())) {
        index.parts.push_back(parse_part(part));
    }
    if (cursor.accept_keyword("WHERE")) {
        const std::size_t start = cursor.position();
        std::size_t end = tokens.size();
        if (end > start && tokens[end - 1].is(';')) --end;
        index.where = join_tokens(std::span<const Token>(tokens).subspan(start, end - start));
    }
    return index;
}

}  // namespace schemadiff::sqlite::detail
