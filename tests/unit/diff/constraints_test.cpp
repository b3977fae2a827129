// Keys, indexes and constraints: matched by name, unnamed ones by what they are; a changed one is
// dropped and created again.
#include <doctest/doctest.h>

#include "diff_test_support.hpp"

namespace schemadiff::diff::test {

namespace {

using Lines = std::vector<std::string>;

Table users() {
    return keyed_table("users",
                       {column("email", "text"), column("name", "text"), column("org_id")});
}

Table orgs() { return keyed_table("orgs", {}); }

Plan diff_users(const Table& from, const Table& to) {
    return diff(Schema{{from, orgs()}, {}}, Schema{{to, orgs()}, {}});
}

UniqueConstraint unique(std::optional<std::string> name, std::vector<std::string> columns) {
    return UniqueConstraint{std::move(name), std::move(columns)};
}

}  // namespace

TEST_CASE("a primary key change becomes AlterPrimaryKey with both keys") {
    Table to = users();
    to.primary_key.columns = {"id", "email"};
    const Plan plan = diff_users(users(), to);
    CHECK(summaries(plan) == Lines{"alter_primary_key users"});
    CHECK(ops_of<AlterPrimaryKey>(plan)[0].from.columns == std::vector<std::string>{"id"});
    CHECK(ops_of<AlterPrimaryKey>(plan)[0].to.columns == std::vector<std::string>{"id", "email"});
}

TEST_CASE("a primary key name missing on one side is not a change") {
    Table to = users();
    to.primary_key.name = "users_pkey";
    CHECK(diff_users(users(), to).empty());
}

TEST_CASE("a new index becomes CreateIndex and a vanished one DropIndex") {
    Table from = users();
    from.indexes = {index("ix_name", {"name"})};
    Table to = users();
    to.indexes = {index("ix_email", {"email"})};
    CHECK(summaries(diff_users(from, to)) ==
          Lines{"drop_index users.ix_name", "create_index users.ix_email"});
}

TEST_CASE("any change to an index is DropIndex then CreateIndex") {
    Table from = users();
    from.indexes = {index("ix", {"email"})};
    const Lines recreate{"drop_index users.ix", "create_index users.ix"};
    Table to = from;
    to.indexes[0].parts.push_back(column_part("name"));
    CHECK(summaries(diff_users(from, to)) == recreate);
    to = from;
    to.indexes[0].is_unique = true;
    CHECK(summaries(diff_users(from, to)) == recreate);
    to = from;
    to.indexes[0].parts[0].is_descending = true;
    CHECK(summaries(diff_users(from, to)) == recreate);
    to = from;
    to.indexes[0].where = "name IS NOT NULL";
    CHECK(summaries(diff_users(from, to)) == recreate);
    to = from;
    to.indexes[0].parts[0] = expression_part("lower(email)");
    CHECK(summaries(diff_users(from, to)) == recreate);
}

TEST_CASE("index predicates and expressions that normalise equal are not a change") {
    Table from = users();
    from.indexes = {index("ix", {})};
    from.indexes[0].parts = {expression_part("lower( email )")};
    from.indexes[0].where = "(name is not null)";
    Table to = users();
    to.indexes = {index("IX", {})};
    to.indexes[0].parts = {expression_part("LOWER(email)")};
    to.indexes[0].where = "name IS NOT NULL";
    CHECK(diff_users(from, to).empty());
}

TEST_CASE("unique constraints match by name and unnamed ones by their columns") {
    Table from = users();
    from.unique_constraints = {unique("uq_email", {"email"}), unique(std::nullopt, {"name"})};
    Table to = users();
    to.unique_constraints = {unique("uq_email", {"email"}), unique("uq_name", {"name"})};
    CHECK(diff_users(from, to).empty());
}

TEST_CASE("a unique constraint on other columns is dropped and added") {
    Table from = users();
    from.unique_constraints = {unique(std::nullopt, {"email"})};
    Table to = users();
    to.unique_constraints = {unique(std::nullopt, {"email", "name"})};
    CHECK(summaries(diff_users(from, to)) ==
          Lines{"drop_unique users(email)", "add_unique users(email,name)"});
}

TEST_CASE("a new foreign key becomes AddForeignKey") {
    Table to = users();
    to.foreign_keys = {foreign_key({"org_id"}, "orgs")};
    CHECK(summaries(diff_users(users(), to)) == Lines{"add_foreign_key users(org_id)->orgs"});
}

TEST_CASE("a foreign key name missing on one side is not a change") {
    Table from = users();
    from.foreign_keys = {foreign_key({"org_id"}, "orgs")};
    Table to = from;
    to.foreign_keys[0].name = "fk_users_org";
    CHECK(diff_users(from, to).empty());
}

TEST_CASE("foreign keys with different names on both sides are dropped and added") {
    Table from = users();
    from.foreign_keys = {foreign_key({"org_id"}, "orgs")};
    from.foreign_keys[0].name = "fk_a";
    Table to = from;
    to.foreign_keys[0].name = "fk_b";
    CHECK(summaries(diff_users(from, to)) ==
          Lines{"drop_foreign_key users(org_id)->orgs", "add_foreign_key users(org_id)->orgs"});
}

TEST_CASE("a foreign key whose action or deferrability changes is dropped and added") {
    Table from = users();
    from.foreign_keys = {foreign_key({"org_id"}, "orgs")};
    const Lines recreate{"drop_foreign_key users(org_id)->orgs",
                         "add_foreign_key users(org_id)->orgs"};
    Table to = from;
    to.foreign_keys[0].on_delete = ForeignKeyAction::Cascade;
    CHECK(summaries(diff_users(from, to)) == recreate);
    to = from;
    to.foreign_keys[0].is_deferrable = true;
    CHECK(summaries(diff_users(from, to)) == recreate);
}

TEST_CASE("a foreign key to the referenced primary key matches one naming its columns") {
    Table from = users();
    from.foreign_keys = {foreign_key({"org_id"}, "orgs", {"id"})};
    Table to = users();
    to.foreign_keys = {foreign_key({"org_id"}, "ORGS", {})};
    CHECK(diff_users(from, to).empty());
}

TEST_CASE("a foreign key to a renamed table is not a change") {
    Table from = users();
    from.foreign_keys = {foreign_key({"org_id"}, "orgs")};
    Table to = users();
    to.foreign_keys = {foreign_key({"org_id"}, "organisations")};
    Table organisations = keyed_table("organisations", {});
    organisations.renamed_from = "orgs";
    const Plan plan = diff(Schema{{from, orgs()}, {}}, Schema{{to, organisations}, {}});
    CHECK(summaries(plan) == Lines{"rename_table organisations from orgs"});
}

TEST_CASE("indexes and constraints on a renamed column are not a change") {
    Table from = users();
    from.indexes = {index("ix_email", {"email"})};
    from.unique_constraints = {unique(std::nullopt, {"email"})};
    Table to = from;
    to.columns[1].name = "mail";
    to.columns[1].renamed_from = "email";
    to.indexes[0].parts[0].column = "mail";
    to.unique_constraints[0].columns = {"mail"};
    CHECK(summaries(diff_users(from, to)) == Lines{"rename_column users.mail from email"});
}

TEST_CASE("check constraints match by name and unnamed ones by normalised expression") {
    Table from = users();
    from.checks = {{"ck_id", "id > 0"}, {std::nullopt, "(length(name) < 10)"}};
    Table to = users();
    to.checks = {{"ck_id", "ID  >  0"}, {std::nullopt, "LENGTH(name) < 10"}};
    CHECK(diff_users(from, to).empty());
}

TEST_CASE("a check constraint whose expression changes is dropped and added") {
    Table from = users();
    from.checks = {{"ck_id", "id > 0"}};
    Table to = users();
    to.checks = {{"ck_id", "id > 1"}};
    CHECK(summaries(diff_users(from, to)) ==
          Lines{"drop_check users id > 0", "add_check users id > 1"});
}

TEST_CASE("a table comment change becomes SetTableComment") {
    Table to = users();
    to.comment = "people who log in";
    const Plan plan = diff_users(users(), to);
    CHECK(summaries(plan) == Lines{"set_table_comment users"});
    CHECK_FALSE(ops_of<SetTableComment>(plan)[0].from.has_value());
    CHECK(ops_of<SetTableComment>(plan)[0].to == "people who log in");
}

}  // namespace schemadiff::diff::test

namespace schemadiff::diff::test {

TEST_CASE("comments are not compared when the dialect has nowhere to store them") {
    class NoCommentDialect : public TestDialect {
    public:
        std::vector<std::string> set_table_comment(const SetTableComment&) const override {
            return {};
        }
    };
    Table to = keyed_table("t", {column("c")});
    to.comment = "kept nowhere";
    to.columns[1].comment = "nor here";
    const NoCommentDialect dialect;
    CHECK(diff(Schema{{keyed_table("t", {column("c")})}, {}}, Schema{{to}, {}}, dialect).empty());
}

}  // namespace schemadiff::diff::test

namespace schemadiff::diff::test {

TEST_CASE("expressions naming a renamed column compare as the database rewrites them") {
    Table from = keyed_table("t", {column("mail", "text")});
    from.checks = {{"ck_mail", "length(\"mail\") > 3 AND mail <> 'mail'"}};
    from.indexes = {index("ix_lower", {})};
    from.indexes[0].parts = {expression_part("lower(mail)")};
    from.indexes[0].where = "t.mail IS NOT NULL";
    Table to = keyed_table("t", {column("email", "text")});
    to.columns[1].renamed_from = "mail";
    to.checks = {{"ck_mail", "length(\"email\") > 3 AND email <> 'mail'"}};
    to.indexes = {index("ix_lower", {})};
    to.indexes[0].parts = {expression_part("lower(email)")};
    to.indexes[0].where = "t.email IS NOT NULL";
    CHECK(summaries(diff(Schema{{from}, {}}, Schema{{to}, {}})) ==
          std::vector<std::string>{"rename_column t.email from mail"});
}

}  // namespace schemadiff::diff::test
