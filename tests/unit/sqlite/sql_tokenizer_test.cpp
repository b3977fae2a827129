#include "sql_tokenizer.hpp"

#include <doctest/doctest.h>

using namespace schemadiff::sqlite::detail;

namespace {

std::vector<std::string> values(std::string_view sql) {
    std::vector<std::string> out;
    for (const auto& token : tokenize(sql)) out.push_back(token.value());
    return out;
}

}  // namespace

TEST_CASE("identifiers quoted in all four SQLite styles unquote to their names") {
    const auto tokens = tokenize(R"("a b" `c``d` [e"f] 'g''h' plain)");
    REQUIRE(tokens.size() == 5);
    CHECK(tokens[0].kind == TokenKind::QuotedIdentifier);
    CHECK(tokens[0].value() == "a b");
    CHECK(tokens[1].value() == "c`d");
    CHECK(tokens[2].value() == "e\"f");
    CHECK(tokens[3].kind == TokenKind::String);
    CHECK(tokens[3].value() == "g'h");
    CHECK(tokens[4].kind == TokenKind::Word);
}

TEST_CASE("comments are skipped and count as whitespace") {
    CHECK(values("a -- line comment ( ' \n b /* block ) */ c") ==
          std::vector<std::string>{"a", "b", "c"});
    CHECK(join_tokens(tokenize("x/**/+ -- c\n  y")) == "x + y");
}

TEST_CASE("a comment marker inside a string is text") {
    const auto tokens = tokenize("'a -- b /* c' d");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].value() == "a -- b /* c");
}

TEST_CASE("numbers, blobs and multi-character operators are single tokens") {
    const auto tokens = tokenize("1.5e-3 0x1F .5 X'00ff' a||b <> ->>");
    REQUIRE(tokens.size() == 9);
    CHECK(tokens[0].kind == TokenKind::Number);
    CHECK(tokens[0].text == "1.5e-3");
    CHECK(tokens[1].text == "0x1F");
    CHECK(tokens[2].text == ".5");
    CHECK(tokens[3].kind == TokenKind::Blob);
    CHECK(tokens[5].text == "||");
    CHECK(tokens[7].text == "<>");
    CHECK(tokens[8].text == "->>");
}

TEST_CASE("non-ASCII names are single words") {
    const auto tokens = tokenize("ünïcödé_col");
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].kind == TokenKind::Word);
    CHECK(tokens[0].value() == "ünïcödé_col");
}

TEST_CASE("an unterminated quote runs to the end instead of failing") {
    const auto tokens = tokenize("a 'open");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[1].value() == "open");
}

TEST_CASE("joined tokens keep quoted text byte for byte and collapse the rest") {
    CHECK(join_tokens(tokenize("lower(  name )\n\t||  'a   b'")) == "lower( name ) || 'a   b'");
}
