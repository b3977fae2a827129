// parse_script: what a hand-written script may contain, and each way it can be malformed,
// with the exact file and line reported.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "schemadiff/core/error.hpp"
#include "schemadiff/migrate/revision_script.hpp"

using namespace schemadiff;
using namespace schemadiff::migrate;

namespace {

constexpr std::string_view kSections = "\n-- migrate:up\nSELECT 1;\n\n-- migrate:down\nSELECT 2;\n";

// The Error parse_script throws for `text`, read as "versions/bad.sql".
Error parse_error(std::string_view text) {
    try {
        (void)parse_script(text, "versions/bad.sql");
    } catch (const Error& error) {
        return error;
    }
    FAIL("parse_script accepted a malformed script");
    return Error(ErrorKind::Internal, "unreachable");
}

std::string with_header(std::string_view header) {
    return std::string(header) + std::string(kSections);
}

}  // namespace

TEST_CASE("a minimal script needs only a Revision ID and both markers") {
    const RevisionScript script =
        parse_script("-- Revision ID: abc_123\n-- migrate:up\n-- migrate:down\n", "m.sql");
    CHECK(script.revision == "abc_123");
    CHECK(script.revises.empty());
    CHECK(script.message.empty());
    CHECK(script.is_transactional);
    CHECK(script.upgrade_sql.empty());
    CHECK(script.downgrade_sql.empty());
    CHECK(script.upgrade_line == 3);
    CHECK(script.downgrade_line == 4);
}

TEST_CASE("hand-written section text is kept byte for byte") {
    const std::string up = "  -- note\r\ninsert into t values ('a;b');   \n\n\n";
    const std::string down = "delete from t;\n-- trailing comment";
    const RevisionScript script = parse_script(
        "-- Revision ID: r1\n-- migrate:up\n" + up + "-- migrate:down\n" + down, "m.sql");
    CHECK(script.upgrade_sql == up);
    CHECK(script.downgrade_sql == down);
}

TEST_CASE("an empty or absent Revises makes a base revision") {
    CHECK(parse_script(with_header("-- Revision ID: r1\n-- Revises:\n"), "m.sql").revises.empty());
    CHECK(
        parse_script(with_header("-- Revision ID: r1\n-- Revises:   \n"), "m.sql").revises.empty());
    CHECK(parse_script(with_header("-- Revision ID: r1\n"), "m.sql").revises.empty());
}

TEST_CASE("Revises with several ids makes a merge revision, in the written order") {
    const RevisionScript script =
        parse_script(with_header("-- Revision ID: m1\n-- Revises: bbb,aaa ,  ccc\n"), "m.sql");
    CHECK(script.revises == std::vector<std::string>{"bbb", "aaa", "ccc"});
}

TEST_CASE("header values are trimmed and a message may contain colons") {
    const RevisionScript script = parse_script(
        with_header("--   Message:   fix: the \"order\" table  \n-- Revision ID:  r1  \n"),
        "m.sql");
    CHECK(script.message == "fix: the \"order\" table");
    CHECK(script.revision == "r1");
}

TEST_CASE("blank lines and CRLF line endings are accepted in the header") {
    const RevisionScript script = parse_script(
        "\r\n-- Revision ID: r1\r\n\r\n-- Dialect: postgresql\r\n\r\n-- migrate:up\r\nSELECT 1;\r\n"
        "-- migrate:down\r\n",
        "m.sql");
    CHECK(script.revision == "r1");
    CHECK(script.dialect == "postgresql");
    CHECK(script.upgrade_sql == "SELECT 1;\r\n");
    CHECK(script.upgrade_line == 7);
}

TEST_CASE("a UTF-8 byte order mark before the header is ignored") {
    CHECK(parse_script("\xEF\xBB\xBF-- Revision ID: r1\n-- migrate:up\n-- migrate:down\n", "m.sql")
              .revision == "r1");
}

TEST_CASE("Transactional accepts only true or false") {
    CHECK(parse_script(with_header("-- Revision ID: r1\n-- Transactional: true\n"), "m.sql")
              .is_transactional);
    CHECK_FALSE(parse_script(with_header("-- Revision ID: r1\n-- Transactional: false\n"), "m.sql")
                    .is_transactional);
    const Error error = parse_error(with_header("-- Revision ID: r1\n-- Transactional: no\n"));
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "'Transactional' must be 'true' or 'false', not 'no'");
    CHECK(error.context() == "versions/bad.sql:2");
}

TEST_CASE("a missing Revision ID is an error at line 1") {
    const Error error = parse_error(with_header("-- Message: hello\n-- Revises: abc\n"));
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "missing 'Revision ID' header");
    CHECK(error.context() == "versions/bad.sql:1");
    CHECK(std::string(error.what()) == "missing 'Revision ID' header (versions/bad.sql:1)");
}

TEST_CASE("a duplicate Revision ID is an error at its second line") {
    const Error error =
        parse_error(with_header("-- Revision ID: aaa\n-- Message: m\n-- Revision ID: bbb\n"));
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "header key 'Revision ID' appears twice (first on line 1)");
    CHECK(error.context() == "versions/bad.sql:3");
}

TEST_CASE("any duplicate header key is an error") {
    const Error error =
        parse_error(with_header("-- Revision ID: a\n-- Revises: b\n-- Revises: c\n"));
    CHECK(error.message() == "header key 'Revises' appears twice (first on line 2)");
    CHECK(error.context() == "versions/bad.sql:3");
}

TEST_CASE("an unknown header key is an error") {
    const Error error = parse_error(with_header("-- Revision ID: a\n-- Author: me\n"));
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "unknown header key 'Author'");
    CHECK(error.context() == "versions/bad.sql:2");
}

TEST_CASE("header keys are case-sensitive") {
    const Error error = parse_error(with_header("-- revision id: a\n"));
    CHECK(error.message() == "unknown header key 'revision id'");
    CHECK(error.context() == "versions/bad.sql:1");
}

TEST_CASE("a Revision ID outside [0-9A-Za-z_] is an error") {
    const Error error = parse_error(with_header("-- Message: m\n-- Revision ID: 3f2a-9c\n"));
    CHECK(error.message() == "invalid Revision ID '3f2a-9c' (expected letters, digits and '_')");
    CHECK(error.context() == "versions/bad.sql:2");
    CHECK(parse_error(with_header("-- Revision ID:\n")).message() ==
          "invalid Revision ID '' (expected letters, digits and '_')");
    CHECK(parse_error(with_header("-- Revision ID: é1\n")).context() == "versions/bad.sql:1");
}

TEST_CASE("a Revises list with an empty, invalid or repeated item is an error") {
    CHECK(parse_error(with_header("-- Revision ID: a\n-- Revises: b,,c\n")).message() ==
          "'Revises' has an empty item in 'b,,c'");
    CHECK(parse_error(with_header("-- Revision ID: a\n-- Revises: b c\n")).message() ==
          "'Revises' has an invalid item 'b c'");
    const Error repeated = parse_error(with_header("-- Revision ID: a\n-- Revises: b, b\n"));
    CHECK(repeated.message() == "'Revises' lists 'b' twice");
    CHECK(repeated.context() == "versions/bad.sql:2");
}

TEST_CASE("branch labels may not contain '@' or blanks") {
    CHECK(parse_error(with_header("-- Revision ID: a\n-- Branch Labels: x@head\n")).message() ==
          "'Branch Labels' has an invalid item 'x@head'");
    CHECK(parse_script(with_header("-- Revision ID: a\n-- Branch Labels: eu-west, v2.0\n"), "m.sql")
              .branch_labels == std::vector<std::string>{"eu-west", "v2.0"});
}

TEST_CASE("a line in the header that is not '-- Key: value' is an error") {
    const Error sql = parse_error(with_header("-- Revision ID: a\nCREATE TABLE t (x INT);\n"));
    CHECK(sql.message() ==
          "expected a '-- Key: value' header line or '-- migrate:up', found 'CREATE TABLE t (x "
          "INT);'");
    CHECK(sql.context() == "versions/bad.sql:2");
    const Error comment = parse_error(with_header("-- Revision ID: a\n-- just a note\n"));
    CHECK(comment.message() == "expected a '-- Key: value' header line, found '-- just a note'");
    CHECK(comment.context() == "versions/bad.sql:2");
}

TEST_CASE("a missing up marker is an error at the last line") {
    const Error error = parse_error("-- Revision ID: a\n-- Message: m\n");
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "missing '-- migrate:up' marker");
    CHECK(error.context() == "versions/bad.sql:2");
    CHECK(parse_error("").context() == "versions/bad.sql:1");
}

TEST_CASE("a missing down marker is an error at the up marker's line") {
    const Error error = parse_error("-- Revision ID: a\n\n-- migrate:up\nSELECT 1;\n");
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "missing '-- migrate:down' marker after '-- migrate:up'");
    CHECK(error.context() == "versions/bad.sql:3");
}

TEST_CASE("a down marker before the up marker is an error") {
    const Error error =
        parse_error("-- Revision ID: a\n-- migrate:down\nSELECT 2;\n-- migrate:up\nSELECT 1;\n");
    CHECK(error.message() == "'-- migrate:down' comes before '-- migrate:up'");
    CHECK(error.context() == "versions/bad.sql:2");
}

TEST_CASE("an up marker twice is an error at the second one") {
    const Error error = parse_error(
        "-- Revision ID: a\n-- migrate:up\nSELECT 1;\n-- migrate:up\n-- migrate:down\n");
    CHECK(error.message() == "'-- migrate:up' appears twice (first on line 2)");
    CHECK(error.context() == "versions/bad.sql:4");
}

TEST_CASE("an up marker after the down marker is an error") {
    const Error error = parse_error(
        "-- Revision ID: a\n-- migrate:up\n-- migrate:down\nSELECT 2;\n-- migrate:up\n");
    CHECK(error.message() == "'-- migrate:up' appears twice (first on line 2)");
    CHECK(error.context() == "versions/bad.sql:5");
}

TEST_CASE("a down marker twice is an error at the second one") {
    const Error error = parse_error(
        "-- Revision ID: a\n-- migrate:up\n-- migrate:down\nSELECT 2;\n\n-- migrate:down\n");
    CHECK(error.message() == "'-- migrate:down' appears twice (first on line 3)");
    CHECK(error.context() == "versions/bad.sql:6");
}

TEST_CASE("a misspelt marker is an error rather than a comment") {
    const Error error =
        parse_error("-- Revision ID: a\n-- migrate:up\nSELECT 1;\n-- migrate: down\nSELECT 2;\n");
    CHECK(error.message() ==
          "unknown section marker 'migrate: down' (expected '-- migrate:up' or '-- migrate:down')");
    CHECK(error.context() == "versions/bad.sql:4");
}

TEST_CASE("markers tolerate a missing space after '--' and trailing blanks") {
    const RevisionScript script =
        parse_script("-- Revision ID: a\n--migrate:up  \nSELECT 1;\n-- migrate:down\t\n", "m.sql");
    CHECK(script.upgrade_sql == "SELECT 1;\n");
    CHECK(script.downgrade_line == 5);
}

TEST_CASE("an error in a script without a path names it <script>") {
    try {
        (void)parse_script("-- migrate:up\n", "");
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.context() == "<script>:1");
    }
}
