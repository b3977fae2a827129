// Ordering: renames first, new tables in foreign-key order, existing tables by name with a fixed
// order of changes inside each, dropped tables last with dependents first.
#include <doctest/doctest.h>

#include "diff_test_support.hpp"

namespace schemadiff::diff::test {

namespace {

using Lines = std::vector<std::string>;

Table referencing(std::string name, std::string column_name, std::string referenced) {
    Table out = keyed_table(std::move(name), {column(column_name)});
    out.foreign_keys = {foreign_key({std::move(column_name)}, std::move(referenced))};
    return out;
}

// A dialect that cannot add or drop a foreign key on an existing table (as SQLite).
class NoForeignKeyAlterDialect : public TestDialect {
public:
    NoForeignKeyAlterDialect() { refused = {"add_foreign_key", "drop_foreign_key"}; }
};

}  // namespace

TEST_CASE("new tables are created in foreign-key dependency order") {
    const Schema target{{referencing("comments", "post_id", "posts"),
                         referencing("posts", "author_id", "users"), keyed_table("users", {})},
                        {}};
    CHECK(summaries(diff(Schema{}, target)) ==
          Lines{"create_table users", "create_table posts", "create_table comments"});
}

TEST_CASE("new tables without dependencies between them are created in name order") {
    const Schema target{{keyed_table("b", {}), keyed_table("c", {}), keyed_table("a", {})}, {}};
    CHECK(summaries(diff(Schema{}, target)) ==
          Lines{"create_table a", "create_table b", "create_table c"});
}

TEST_CASE("a foreign-key cycle is broken with AddForeignKey after the tables exist") {
    const Schema target{{referencing("a", "b_id", "b"), referencing("b", "a_id", "a")}, {}};
    const Plan plan = diff(Schema{}, target);
    CHECK(summaries(plan) ==
          Lines{"create_table a", "create_table b", "add_foreign_key a(b_id)->b"});
    CHECK(ops_of<CreateTable>(plan)[0].table.foreign_keys.empty());
    CHECK(ops_of<CreateTable>(plan)[1].table.foreign_keys.size() == 1);
}

TEST_CASE("a table outside a cycle that depends on it waits for the cycle") {
    const Schema target{{referencing("a", "c_id", "c"), referencing("c", "d_id", "d"),
                         referencing("d", "c_id", "c")},
                        {}};
    CHECK(summaries(diff(Schema{}, target)) == Lines{"create_table c", "create_table d",
                                                     "create_table a",
                                                     "add_foreign_key c(d_id)->d"});
}

TEST_CASE("a self-referencing foreign key stays inline") {
    const Schema target{{referencing("nodes", "parent_id", "nodes")}, {}};
    const Plan plan = diff(Schema{}, target);
    CHECK(summaries(plan) == Lines{"create_table nodes"});
    CHECK(ops_of<CreateTable>(plan)[0].table.foreign_keys.size() == 1);
}

TEST_CASE("a cycle stays inline when the dialect cannot add a foreign key afterwards") {
    const Schema target{{referencing("a", "b_id", "b"), referencing("b", "a_id", "a")}, {}};
    const NoForeignKeyAlterDialect dialect;
    const Plan plan = diff(Schema{}, target, dialect);
    CHECK(summaries(plan) == Lines{"create_table a", "create_table b"});
    CHECK(ops_of<CreateTable>(plan)[0].table.foreign_keys.size() == 1);
}

TEST_CASE("dropped tables come last, dependents first") {
    const Table users = keyed_table("users", {});
    const Schema current{
        {referencing("a_posts", "user_id", "users"), keyed_table("kept", {}), users}, {}};
    const Schema target{{keyed_table("kept", {column("x")})}, {}};
    CHECK(summaries(diff(current, target)) ==
          Lines{"add_column kept.x", "drop_table a_posts", "drop_table users"});
}

TEST_CASE("dropping a foreign-key cycle drops the closing foreign key first") {
    const Schema current{{referencing("a", "b_id", "b"), referencing("b", "a_id", "a")}, {}};
    const Plan plan = diff(current, Schema{});
    CHECK(summaries(plan) == Lines{"drop_foreign_key a(b_id)->b", "drop_table b", "drop_table a"});
}

TEST_CASE("new tables come before the changes of existing tables, sorted by table name") {
    const Schema current{{keyed_table("zebra", {}), keyed_table("apple", {})}, {}};
    const Schema target{{keyed_table("zebra", {column("x")}), keyed_table("apple", {column("y")}),
                         keyed_table("mango", {})},
                        {}};
    CHECK(summaries(diff(current, target)) ==
          Lines{"create_table mango", "add_column apple.y", "add_column zebra.x"});
}

TEST_CASE("renames run first so later operations use the target names") {
    Table from = keyed_table("people", {column("mail", "text")});
    Table to = keyed_table("persons", {column("email", "text")});
    to.renamed_from = "people";
    to.columns[1].renamed_from = "mail";
    const Table posts = referencing("posts", "person_id", "persons");
    const Plan plan = diff(Schema{{from}, {}}, Schema{{to, posts}, {}});
    CHECK(summaries(plan) == Lines{"rename_table persons from people",
                                   "rename_column persons.email from mail", "create_table posts"});
}

TEST_CASE("changes inside one table run in a fixed order") {
    Table from = keyed_table("t", {column("old"), column("kept"), column("mail", "text")});
    from.indexes = {index("ix_old", {"old"})};
    Table to = keyed_table("t", {column("kept", "bigint"), column("email", "text"), column("new")});
    to.columns[2].renamed_from = "mail";
    to.primary_key.columns = {"id", "kept"};
    to.indexes = {index("ix_new", {"new"})};
    CHECK(summaries(diff(Schema{{from}, {}}, Schema{{to}, {}})) ==
          Lines{"rename_column t.email from mail", "drop_index t.ix_old", "add_column t.new",
                "alter_column t.kept", "alter_primary_key t", "create_index t.ix_new",
                "drop_column t.old"});
}

TEST_CASE("an index covering a dropped column is dropped before the column") {
    Table from = keyed_table("t", {column("a"), column("b")});
    from.indexes = {index("ix_ab", {"a", "b"})};
    Table to = keyed_table("t", {column("a")});
    to.indexes = {index("ix_ab", {"a"})};
    CHECK(summaries(diff(Schema{{from}, {}}, Schema{{to}, {}})) ==
          Lines{"drop_index t.ix_ab", "create_index t.ix_ab", "drop_column t.b"});
}

}  // namespace schemadiff::diff::test
