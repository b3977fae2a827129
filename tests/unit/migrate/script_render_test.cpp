// render_script: the exact bytes of a revision script, and the round trip through parse_script.
#include <doctest/doctest.h>

#include <string>

#include "schemadiff/migrate/revision_script.hpp"

using namespace schemadiff::migrate;

namespace {

RevisionScript sample_script() {
    RevisionScript script;
    script.message = "add email to users";
    script.revision = "3f2a9c1d8e7b";
    script.revises = {"1a2b3c4d5e6f"};
    script.create_date = "2026-11-24 04:10:11";
    script.dialect = "sqlite";
    script.upgrade_sql = "ALTER TABLE \"users\" ADD COLUMN \"email\" TEXT;\n";
    script.downgrade_sql = "ALTER TABLE \"users\" DROP COLUMN \"email\";\n";
    return script;
}

}  // namespace

TEST_CASE("a rendered script has the header, a blank line, both sections and a final newline") {
    CHECK(render_script(sample_script()) ==
          "-- Message: add email to users\n"
          "-- Revision ID: 3f2a9c1d8e7b\n"
          "-- Revises: 1a2b3c4d5e6f\n"
          "-- Create Date: 2026-11-24 04:10:11\n"
          "-- Dialect: sqlite\n"
          "\n"
          "-- migrate:up\n"
          "ALTER TABLE \"users\" ADD COLUMN \"email\" TEXT;\n"
          "\n"
          "-- migrate:down\n"
          "ALTER TABLE \"users\" DROP COLUMN \"email\";\n");
}

TEST_CASE("optional header keys are rendered only when they differ from their defaults") {
    RevisionScript script = sample_script();
    script.revises = {"aaa111", "bbb222"};
    script.branch_labels = {"billing", "eu"};
    script.depends_on = {"9e8d7c6b5a4f"};
    script.is_transactional = false;
    CHECK(render_script(script) ==
          "-- Message: add email to users\n"
          "-- Revision ID: 3f2a9c1d8e7b\n"
          "-- Revises: aaa111, bbb222\n"
          "-- Create Date: 2026-11-24 04:10:11\n"
          "-- Dialect: sqlite\n"
          "-- Branch Labels: billing, eu\n"
          "-- Depends On: 9e8d7c6b5a4f\n"
          "-- Transactional: false\n"
          "\n"
          "-- migrate:up\n"
          "ALTER TABLE \"users\" ADD COLUMN \"email\" TEXT;\n"
          "\n"
          "-- migrate:down\n"
          "ALTER TABLE \"users\" DROP COLUMN \"email\";\n");
}

TEST_CASE("a base revision renders an empty Revises without trailing blanks") {
    RevisionScript script = sample_script();
    script.revises.clear();
    const std::string text = render_script(script);
    CHECK(text.find("-- Revises:\n") != std::string::npos);
    CHECK(text.find(" \n") == std::string::npos);
}

TEST_CASE("an empty script keeps a blank line to fill in under each marker's section") {
    RevisionScript script = sample_script();
    script.upgrade_sql.clear();
    script.downgrade_sql.clear();
    CHECK(render_script(script) ==
          "-- Message: add email to users\n"
          "-- Revision ID: 3f2a9c1d8e7b\n"
          "-- Revises: 1a2b3c4d5e6f\n"
          "-- Create Date: 2026-11-24 04:10:11\n"
          "-- Dialect: sqlite\n"
          "\n"
          "-- migrate:up\n"
          "\n"
          "-- migrate:down\n");
}

TEST_CASE("section text is rendered as given, without its trailing blank lines") {
    RevisionScript script = sample_script();
    script.upgrade_sql = "-- WARNING: drops data\n  DROP TABLE \"old\";\n\n\n  \n";
    script.downgrade_sql = "SELECT 1;";
    const std::string text = render_script(script);
    CHECK(text.substr(text.find("-- migrate:up")) ==
          "-- migrate:up\n"
          "-- WARNING: drops data\n"
          "  DROP TABLE \"old\";\n"
          "\n"
          "-- migrate:down\n"
          "SELECT 1;\n");
}

TEST_CASE("header values are rendered on one line, trimmed") {
    RevisionScript script = sample_script();
    script.message = "  two\nlines  ";
    const std::string text = render_script(script);
    CHECK(text.substr(0, text.find('\n') + 1) == "-- Message: two lines\n");
}

TEST_CASE("rendering is deterministic: the same script gives the same bytes") {
    CHECK(render_script(sample_script()) == render_script(sample_script()));
}

TEST_CASE("parsing a rendered script and rendering it again gives the same bytes") {
    RevisionScript script = sample_script();
    script.revises = {"aaa111", "bbb222"};
    script.branch_labels = {"billing"};
    script.depends_on = {"ccc333", "ddd444"};
    script.is_transactional = false;
    script.message = "Ajouter l'adresse e-mail: « utilisateurs » ✓";
    script.upgrade_sql = "/* keep */\nCREATE TABLE \"order\" (\"x\" INTEGER);\n";
    const std::string text = render_script(script);
    CHECK(render_script(parse_script(text, "v.sql")) == text);

    RevisionScript empty = sample_script();
    empty.upgrade_sql.clear();
    empty.downgrade_sql.clear();
    empty.revises.clear();
    const std::string empty_text = render_script(empty);
    CHECK(render_script(parse_script(empty_text, "e.sql")) == empty_text);
}

TEST_CASE("parsing a rendered script gives back every field") {
    RevisionScript script = sample_script();
    script.revises = {"aaa111", "bbb222"};
    script.branch_labels = {"billing", "eu-west"};
    script.depends_on = {"ccc333"};
    script.is_transactional = false;
    const RevisionScript parsed = parse_script(render_script(script), "versions/x.sql");
    CHECK(parsed.path == "versions/x.sql");
    CHECK(parsed.message == script.message);
    CHECK(parsed.revision == script.revision);
    CHECK(parsed.revises == script.revises);
    CHECK(parsed.create_date == script.create_date);
    CHECK(parsed.dialect == script.dialect);
    CHECK(parsed.branch_labels == script.branch_labels);
    CHECK(parsed.depends_on == script.depends_on);
    CHECK_FALSE(parsed.is_transactional);
    // The section text is what lies between the markers, blank separator line included.
    CHECK(parsed.upgrade_sql == script.upgrade_sql + "\n");
    CHECK(parsed.downgrade_sql == script.downgrade_sql);
    CHECK(parsed.upgrade_line == 11);
    CHECK(parsed.downgrade_line == 14);
}
