// Matching: tables and columns by name as the dialect folds it, or through renamed_from hints.
#include <doctest/doctest.h>

#include "diff_test_support.hpp"

namespace schemadiff::diff::test {

using Lines = std::vector<std::string>;

TEST_CASE("a table only in the target becomes CreateTable") {
    const Schema target{{keyed_table("users", {column("email", "string(255)")})}, {}};
    const Plan plan = diff(Schema{}, target);
    CHECK(summaries(plan) == Lines{"create_table users"});
    REQUIRE(ops_of<CreateTable>(plan).size() == 1);
    CHECK(ops_of<CreateTable>(plan)[0].table == target.tables[0]);
}

TEST_CASE("a table only in the current schema becomes DropTable with its full definition") {
    const Schema current{{keyed_table("users", {column("email", "string(255)")})}, {}};
    const Plan plan = diff(current, Schema{});
    CHECK(summaries(plan) == Lines{"drop_table users"});
    CHECK(ops_of<DropTable>(plan)[0].table == current.tables[0]);
}

TEST_CASE("tables and columns match by name case-insensitively when the dialect folds case") {
    const Schema current{{keyed_table("Users", {column("Email", "text")})}, {}};
    const Schema target{{keyed_table("users", {column("EMAIL", "text")})}, {}};
    CHECK(diff(current, target).empty());
}

TEST_CASE("a table with renamed_from naming a vanished table becomes RenameTable") {
    const Schema current{{keyed_table("people", {column("name", "text")})}, {}};
    Table renamed = keyed_table("persons", {column("name", "text"), column("email", "text")});
    renamed.renamed_from = "people";
    const Plan plan = diff(current, Schema{{renamed}, {}});
    CHECK(summaries(plan) == Lines{"rename_table persons from people", "add_column persons.email"});
}

TEST_CASE("a renamed_from hint is ignored while the old table is still in the target") {
    const Table people = keyed_table("people", {column("name", "text")});
    Table persons = keyed_table("persons", {column("name", "text")});
    persons.renamed_from = "people";
    const Plan plan = diff(Schema{{people}, {}}, Schema{{people, persons}, {}});
    CHECK(summaries(plan) == Lines{"create_table persons"});
}

TEST_CASE("a renamed_from hint naming no current table creates the table") {
    Table persons = keyed_table("persons", {});
    persons.renamed_from = "nobody";
    const Plan plan = diff(Schema{}, Schema{{persons}, {}});
    CHECK(summaries(plan) == Lines{"create_table persons"});
    CHECK_FALSE(ops_of<CreateTable>(plan)[0].table.renamed_from.has_value());
}

TEST_CASE("a column only in the target becomes AddColumn") {
    const Schema current{{keyed_table("users", {})}, {}};
    const Schema target{{keyed_table("users", {column("email", "string(255)")})}, {}};
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) == Lines{"add_column users.email"});
    CHECK(ops_of<AddColumn>(plan)[0].column == target.tables[0].columns[1]);
}

TEST_CASE("a column only in the current table becomes DropColumn with its definition") {
    const Schema current{{keyed_table("users", {column("email", "string(255)")})}, {}};
    const Schema target{{keyed_table("users", {})}, {}};
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) == Lines{"drop_column users.email"});
    CHECK(ops_of<DropColumn>(plan)[0].column == current.tables[0].columns[1]);
}

TEST_CASE("a column with renamed_from naming a vanished column becomes RenameColumn") {
    const Schema current{{keyed_table("users", {column("mail", "text")})}, {}};
    Column email = column("email", "text");
    email.renamed_from = "MAIL";
    const Plan plan = diff(current, Schema{{keyed_table("users", {email})}, {}});
    CHECK(summaries(plan) == Lines{"rename_column users.email from mail"});
}

TEST_CASE("a renamed column whose type changes too is renamed, then altered under its new name") {
    const Schema current{{keyed_table("users", {column("mail", "string(100)")})}, {}};
    Column email = column("email", "string(200)");
    email.renamed_from = "mail";
    const Plan plan = diff(current, Schema{{keyed_table("users", {email})}, {}});
    CHECK(summaries(plan) ==
          Lines{"rename_column users.email from mail", "alter_column users.email"});
    const auto alter = ops_of<AlterColumn>(plan)[0];
    CHECK(alter.from.name == "email");
    CHECK(alter.from.type == ColumnType::string(100));
    CHECK_FALSE(alter.to.renamed_from.has_value());
}

TEST_CASE("odd identifiers match and compare like any other name") {
    const Schema current{{keyed_table("order", {column("select", "text"), column("my col", "text"),
                                                column("we\"ird", "text")})},
                         {}};
    const Schema target{
        {keyed_table("ORDER", {column("Select", "text"), column("my col", "text"),
                               column("we\"ird", "text"), column("na\xc3\xafve", "text")})},
        {}};
    const Plan plan = diff(current, target);
    CHECK(summaries(plan) == Lines{"add_column ORDER.na\xc3\xafve"});
}

}  // namespace schemadiff::diff::test
