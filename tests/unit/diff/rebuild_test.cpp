// Rebuild folding: one refusal from the dialect turns all of a table's changes into one
// RebuildTable.
#include <doctest/doctest.h>

#include "diff_test_support.hpp"

namespace schemadiff::diff::test {

namespace {

using Lines = std::vector<std::string>;

class RefusingDialect : public TestDialect {
public:
    explicit RefusingDialect(std::set<std::string> refused_ops) {
        refused = std::move(refused_ops);
    }
};

Plan diff_refusing(const Schema& current, const Schema& target,
                   std::set<std::string> refused_ops = {"alter_column"}) {
    const RefusingDialect dialect(std::move(refused_ops));
    return diff(current, target, dialect);
}

}  // namespace

TEST_CASE("a refused AlterColumn folds all of the table's changes into one RebuildTable") {
    Table from = keyed_table("t", {column("a"), column("b")});
    from.indexes = {index("ix_b", {"b"})};
    Table to = keyed_table("t", {column("a", "bigint"), column("c")});
    to.indexes = {index("ix_c", {"c"})};
    const Plan plan = diff_refusing(Schema{{from}, {}}, Schema{{to}, {}});
    CHECK(summaries(plan) == Lines{"rebuild_table t"});
    const auto rebuild = ops_of<RebuildTable>(plan)[0];
    CHECK(rebuild.from == from);
    CHECK(rebuild.to == to);
    CHECK(rebuild.reasons == Lines{"the test dialect cannot alter_column on t"});
}

TEST_CASE("a table the dialect can alter in place is not rebuilt") {
    const Schema current{{keyed_table("t", {column("a")})}, {}};
    const Schema target{{keyed_table("t", {column("a"), column("b")})}, {}};
    CHECK(summaries(diff_refusing(current, target)) == Lines{"add_column t.b"});
}

TEST_CASE("only the table with a refused change is rebuilt") {
    const Schema current{{keyed_table("a", {column("x")}), keyed_table("b", {column("x")})}, {}};
    const Schema target{
        {keyed_table("a", {column("x", "bigint")}), keyed_table("b", {column("x"), column("y")})},
        {}};
    CHECK(summaries(diff_refusing(current, target)) == Lines{"rebuild_table a", "add_column b.y"});
}

TEST_CASE("each operation is judged against the table as it is when the operation runs") {
    // The dialect refuses DropColumn only while an index covers the column; the index is
    // dropped first, so no rebuild is needed.
    class IndexAwareDialect : public TestDialect {
    public:
        bool can_alter_in_place(const Operation& op, const Table& table,
                                std::string& reason) const override {
            const auto* drop = std::get_if<DropColumn>(&op);
            if (drop == nullptr) return true;
            for (const auto& ix : table.indexes) {
                for (const auto& part : ix.parts) {
                    if (part.column == drop->column.name) {
                        reason = "the column is indexed";
                        return false;
                    }
                }
            }
            return true;
        }
    };
    Table from = keyed_table("t", {column("a")});
    from.indexes = {index("ix_a", {"a"})};
    const IndexAwareDialect dialect;
    const Plan plan = diff(Schema{{from}, {}}, Schema{{keyed_table("t", {})}, {}}, dialect);
    CHECK(summaries(plan) == Lines{"drop_index t.ix_a", "drop_column t.a"});
}

TEST_CASE("a rebuilt table keeps its RenameTable and is rebuilt under its new name") {
    Table from = keyed_table("old", {column("a")});
    Table to = keyed_table("new", {column("a", "bigint")});
    to.renamed_from = "old";
    const Plan plan = diff_refusing(Schema{{from}, {}}, Schema{{to}, {}});
    CHECK(summaries(plan) == Lines{"rename_table new from old", "rebuild_table new"});
    const auto rebuild = ops_of<RebuildTable>(plan)[0];
    CHECK(rebuild.from.name == "new");
    CHECK_FALSE(rebuild.to.renamed_from.has_value());
}

TEST_CASE("column renames on a rebuilt table become column sources, not RenameColumn") {
    Table from = keyed_table("t", {column("mail", "text"), column("gone"), column("n")});
    Table to = keyed_table("t", {column("email", "text"), column("n", "bigint"), column("fresh")});
    to.columns[1].renamed_from = "mail";
    const Plan plan = diff_refusing(Schema{{from}, {}}, Schema{{to}, {}});
    CHECK(summaries(plan) == Lines{"rebuild_table t"});
    const auto sources = ops_of<RebuildTable>(plan)[0].column_sources;
    CHECK(sources == std::vector<ColumnSource>{{"id", "id"}, {"email", "mail"}, {"n", "n"}});
}

TEST_CASE("a generated column of the rebuilt table is computed, not copied") {
    Table from = keyed_table("t", {column("a"), column("b")});
    Table to = keyed_table("t", {column("a", "bigint"), column("b")});
    to.columns[2].generated = GeneratedColumn{"a * 2", true};
    const auto rebuild = ops_of<RebuildTable>(diff_refusing(Schema{{from}, {}}, Schema{{to}, {}}));
    REQUIRE(rebuild.size() == 1);
    CHECK(rebuild[0].column_sources == std::vector<ColumnSource>{{"id", "id"}, {"a", "a"}});
}

TEST_CASE("views that name the rebuilt table as a word go with the rebuild") {
    const View by_name{"v_users", "CREATE VIEW v_users AS SELECT * FROM \"Users\""};
    const View other{"v_archive", "CREATE VIEW v_archive AS SELECT * FROM users_archive"};
    const Schema current{{keyed_table("users", {column("a")})}, {other, by_name}};
    const Schema target{{keyed_table("users", {column("a", "bigint")})}, {other, by_name}};
    const auto rebuild = ops_of<RebuildTable>(diff_refusing(current, target));
    REQUIRE(rebuild.size() == 1);
    CHECK(rebuild[0].views == std::vector<View>{by_name});
}

TEST_CASE("a change no ALTER expresses (STRICT) forces a rebuild") {
    Table to = keyed_table("t", {});
    to.is_strict = true;
    const Plan plan = diff(Schema{{keyed_table("t", {})}, {}}, Schema{{to}, {}});
    CHECK(summaries(plan) == Lines{"rebuild_table t"});
    CHECK(ops_of<RebuildTable>(plan)[0].reasons == Lines{"the table becomes STRICT"});
}

TEST_CASE("the reasons of a rebuild are each refusal once, in operation order") {
    const Schema current{{keyed_table("t", {column("a"), column("b")})}, {}};
    const Schema target{
        {keyed_table("t", {column("a", "bigint"), column("b", "bigint"), column("c")})}, {}};
    const auto rebuild =
        ops_of<RebuildTable>(diff_refusing(current, target, {"alter_column", "add_column"}));
    REQUIRE(rebuild.size() == 1);
    CHECK(rebuild[0].reasons == Lines{"the test dialect cannot add_column on t",
                                      "the test dialect cannot alter_column on t"});
}

}  // namespace schemadiff::diff::test
