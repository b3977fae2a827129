// split_statements: quotes, comments, dollar quoting, line numbers and what a statement keeps.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schemadiff/migrate/revision_script.hpp"

using namespace schemadiff::migrate;

namespace {

std::vector<std::string> sql_of(const std::vector<ScriptStatement>& statements) {
    std::vector<std::string> out;
    for (const auto& statement : statements) out.push_back(statement.sql);
    return out;
}

std::vector<int> lines_of(const std::vector<ScriptStatement>& statements) {
    std::vector<int> out;
    for (const auto& statement : statements) out.push_back(statement.line);
    return out;
}

using Strings = std::vector<std::string>;
using Lines = std::vector<int>;

}  // namespace

TEST_CASE("statements are split at top-level semicolons, without the semicolon") {
    const auto statements = split_statements("CREATE TABLE a (x INT);\nDROP TABLE b;\n", 1);
    CHECK(sql_of(statements) == Strings{"CREATE TABLE a (x INT)", "DROP TABLE b"});
    CHECK(lines_of(statements) == Lines{1, 2});
}

TEST_CASE("each statement reports the file line it starts on") {
    const auto statements = split_statements("\n\nSELECT 1;\n\n  SELECT\n  2; SELECT 3;\n", 10);
    CHECK(sql_of(statements) == Strings{"SELECT 1", "SELECT\n  2", "SELECT 3"});
    CHECK(lines_of(statements) == Lines{12, 14, 15});
}

TEST_CASE("a last statement without a semicolon is kept") {
    CHECK(sql_of(split_statements("SELECT 1;\nSELECT 2  \n\n", 1)) ==
          Strings{"SELECT 1", "SELECT 2"});
}

TEST_CASE("an empty or blank section has no statements") {
    CHECK(split_statements("", 1).empty());
    CHECK(split_statements("\n  \t\n", 1).empty());
    CHECK(split_statements(";;\n;", 1).empty());
}

TEST_CASE("semicolons inside single-quoted strings do not split, '' included") {
    const auto statements =
        split_statements("INSERT INTO t VALUES ('a;b', 'it''s; fine');\nSELECT 1;", 1);
    CHECK(sql_of(statements) == Strings{"INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 1"});
}

TEST_CASE("semicolons inside double-quoted identifiers do not split, \"\" included") {
    CHECK(sql_of(split_statements("CREATE TABLE \"a;\"\"b\" (x INT); SELECT 1", 1)) ==
          Strings{"CREATE TABLE \"a;\"\"b\" (x INT)", "SELECT 1"});
}

TEST_CASE("semicolons inside backtick identifiers do not split, `` included") {
    CHECK(sql_of(split_statements("CREATE TABLE `a;``b` (x INT); SELECT 1", 1)) ==
          Strings{"CREATE TABLE `a;``b` (x INT)", "SELECT 1"});
}

TEST_CASE("semicolons inside bracket identifiers do not split") {
    CHECK(sql_of(split_statements("CREATE TABLE [order;items] (x INT); SELECT 1", 1)) ==
          Strings{"CREATE TABLE [order;items] (x INT)", "SELECT 1"});
}

TEST_CASE("a bracket closes at the first ']' as in SQLite, so nested arrays still split") {
    CHECK(sql_of(split_statements("SELECT ARRAY[[1,2],[3,4]]; SELECT 2", 1)) ==
          Strings{"SELECT ARRAY[[1,2],[3,4]]", "SELECT 2"});
}

TEST_CASE("backslashes escape quotes only in PostgreSQL E'' strings") {
    CHECK(sql_of(split_statements("SELECT E'a\\';b'; SELECT 'C:\\'; SELECT 3", 1)) ==
          Strings{"SELECT E'a\\';b'", "SELECT 'C:\\'", "SELECT 3"});
}

TEST_CASE("semicolons inside line comments do not split") {
    CHECK(sql_of(split_statements("SELECT 1 -- not; here\n+ 1;\nSELECT 2;", 1)) ==
          Strings{"SELECT 1 -- not; here\n+ 1", "SELECT 2"});
}

TEST_CASE("semicolons inside block comments do not split") {
    CHECK(sql_of(split_statements("SELECT /* a; b\n; c */ 1; SELECT 2;", 1)) ==
          Strings{"SELECT /* a; b\n; c */ 1", "SELECT 2"});
}

TEST_CASE("quotes inside comments and comments inside quotes are inert") {
    CHECK(sql_of(split_statements("SELECT '--;' /* ' */ ; SELECT \"/*\"; SELECT 3", 1)) ==
          Strings{"SELECT '--;' /* ' */", "SELECT \"/*\"", "SELECT 3"});
}

TEST_CASE("semicolons inside $$ dollar quotes do not split") {
    const std::string sql =
        "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\n"
        "SELECT f();";
    CHECK(sql_of(split_statements(sql, 1)) ==
          Strings{"CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql",
                  "SELECT f()"});
}

TEST_CASE("tagged dollar quotes end only at the same tag") {
    const std::string sql = "DO $body$ BEGIN PERFORM '$$;'; END $body$; SELECT 2";
    CHECK(sql_of(split_statements(sql, 1)) ==
          Strings{"DO $body$ BEGIN PERFORM '$$;'; END $body$", "SELECT 2"});
}

TEST_CASE("positional parameters and identifiers with '$' are not dollar quotes") {
    CHECK(sql_of(split_statements("SELECT $1; SELECT a$b$c; SELECT 3", 1)) ==
          Strings{"SELECT $1", "SELECT a$b$c", "SELECT 3"});
}

TEST_CASE("comment-only statements are dropped") {
    const auto statements = split_statements("-- nothing to do\n/* really */\n;\n-- the end\n", 1);
    CHECK(statements.empty());
}

TEST_CASE("leading comments stay attached to the statement they precede") {
    const auto statements = split_statements(
        "SELECT 1;\n\n-- WARNING: this drops data\n/* review */\nDROP TABLE \"order\";\n", 3);
    CHECK(sql_of(statements) ==
          Strings{"SELECT 1", "-- WARNING: this drops data\n/* review */\nDROP TABLE \"order\""});
    // The line is the statement's first code, not its comment.
    CHECK(lines_of(statements) == Lines{3, 7});
}

TEST_CASE("a comment on the line of a terminator is not attached to the next statement") {
    CHECK(sql_of(split_statements("SELECT 1; -- first\nSELECT 2; /* second */\n", 1)) ==
          Strings{"SELECT 1", "SELECT 2"});
}

TEST_CASE("trailing whitespace of a statement is trimmed, inner text is kept") {
    CHECK(sql_of(split_statements("  UPDATE t\n\tSET x = 1   \r\n  ;", 1)) ==
          Strings{"UPDATE t\n\tSET x = 1"});
}

TEST_CASE("unterminated quotes and comments run to the end of the section") {
    CHECK(sql_of(split_statements("SELECT 'a; SELECT 2;", 1)) == Strings{"SELECT 'a; SELECT 2;"});
    CHECK(sql_of(split_statements("SELECT 1 /* a; b", 1)) == Strings{"SELECT 1 /* a; b"});
}

TEST_CASE("non-ASCII text in identifiers and strings is kept intact") {
    CHECK(sql_of(split_statements("INSERT INTO \"café\" VALUES ('naïve; ☕'); SELECT 1", 1)) ==
          Strings{"INSERT INTO \"café\" VALUES ('naïve; ☕')", "SELECT 1"});
}

TEST_CASE("line numbers count newlines inside quotes and comments") {
    const auto statements =
        split_statements("SELECT 'a\nb';\n/* c\nd */ SELECT $$\n$$;\nSELECT 3;", 5);
    CHECK(lines_of(statements) == Lines{5, 8, 10});
}

TEST_CASE("statements of a parsed script report their lines in the file") {
    const RevisionScript script = parse_script(
        "-- Message: m\n"                    // 1
        "-- Revision ID: r1\n"               // 2
        "\n"                                 // 3
        "-- migrate:up\n"                    // 4
        "CREATE TABLE a (x INT);\n"          // 5
        "\n"                                 // 6
        "-- WARNING: drops column y\n"       // 7
        "ALTER TABLE a\n"                    // 8
        "  DROP COLUMN y;\n"                 // 9
        "\n"                                 // 10
        "-- migrate:down\n"                  // 11
        "ALTER TABLE a ADD COLUMN y INT;\n"  // 12
        "DROP TABLE a;\n",                   // 13
        "versions/r1_m.sql");
    const auto up = split_statements(script.upgrade_sql, script.upgrade_line);
    const auto down = split_statements(script.downgrade_sql, script.downgrade_line);
    REQUIRE(lines_of(up) == Lines{5, 8});
    CHECK(sql_of(up)[1] == "-- WARNING: drops column y\nALTER TABLE a\n  DROP COLUMN y");
    CHECK(lines_of(down) == Lines{12, 13});
}

TEST_CASE("CRLF line endings count one line each and are trimmed from statements") {
    const auto statements = split_statements("SELECT 1;\r\n\r\nSELECT 2\r\n;\r\n", 1);
    CHECK(sql_of(statements) == Strings{"SELECT 1", "SELECT 2"});
    CHECK(lines_of(statements) == Lines{1, 3});
}
