// The fields PostgreSQL brought in take part in the comparison: identity columns, named enum
// types (where the dialect keeps the name), index methods, INCLUDE columns, NULLS placement,
// MATCH FULL and the schema of a referenced table. Spellings of the defaults (btree, NULLS LAST
// ascending) are not a change. (That an inline enum drops its name is Dialect::canonical_type's
// rule, tested with the dialects.)
#include <doctest/doctest.h>

#include "diff_test_support.hpp"

namespace schemadiff::diff::test {

namespace {

using Lines = std::vector<std::string>;

// A dialect that keeps enum type names, as PostgreSQL does.
class NamedEnumDialect final : public TestDialect {
public:
    [[nodiscard]] ColumnType canonical_type(const ColumnType& type) const override {
        if (type.kind == TypeKind::Enum) return type;
        return TestDialect::canonical_type(type);
    }
};

Table with_index(Index index) {
    Table table = keyed_table("t", {column("a", "text"), column("b", "text")});
    table.indexes = {std::move(index)};
    return table;
}

Index index_on_a() { return index("ix", {"a"}); }

Plan diff_tables(const Table& from, const Table& to) {
    return diff(Schema{{from}, {}}, Schema{{to}, {}});
}

}  // namespace

TEST_CASE("an identity change becomes AlterColumn carrying the new kind") {
    Column from = not_null("c", "bigint");
    from.is_autoincrement = true;
    from.identity = IdentityKind::ByDefault;
    Column to = from;
    to.identity = IdentityKind::Always;
    const Plan plan = diff_tables(keyed_table("t", {from}), keyed_table("t", {to}));
    REQUIRE(summaries(plan) == Lines{"alter_column t.c"});
    CHECK(ops_of<AlterColumn>(plan)[0].to.identity == IdentityKind::Always);
    CHECK(ops_of<AlterColumn>(plan)[0].from.identity == IdentityKind::ByDefault);
}

TEST_CASE(
    "an enum type renamed where the dialect keeps enum names becomes AlterColumn between "
    "creating the new type and dropping the old") {
    Column from = column("c");
    from.type = ColumnType::enumeration({"a", "b"});
    from.type.enum_name = "old_kind";
    Column to = from;
    to.type.enum_name = "new_kind";
    const NamedEnumDialect named;
    const Plan plan =
        diff(Schema{{keyed_table("t", {from})}, {}}, Schema{{keyed_table("t", {to})}, {}}, named);
    REQUIRE(summaries(plan) ==
            Lines{"create_enum_type new_kind", "alter_column t.c", "drop_enum_type old_kind"});
    CHECK(ops_of<AlterColumn>(plan)[0].to.type.enum_name == "new_kind");
    CHECK(
        diff(Schema{{keyed_table("t", {from})}, {}}, Schema{{keyed_table("t", {from})}, {}}, named)
            .empty());
}

TEST_CASE("an index whose method, include list or nulls placement changes is recreated") {
    const Lines recreate{"drop_index t.ix", "create_index t.ix"};
    Index method = index_on_a();
    method.method = "hash";
    CHECK(summaries(diff_tables(with_index(index_on_a()), with_index(method))) == recreate);
    Index include = index_on_a();
    include.include = {"b"};
    CHECK(summaries(diff_tables(with_index(index_on_a()), with_index(include))) == recreate);
    Index nulls = index_on_a();
    nulls.parts[0].nulls_first = true;
    CHECK(summaries(diff_tables(with_index(index_on_a()), with_index(nulls))) == recreate);
}

TEST_CASE("btree and the default nulls placement spelled out are not a change") {
    Index spelled = index_on_a();
    spelled.method = "BTREE";
    spelled.parts[0].nulls_first = false;  // NULLS LAST: the ascending default
    CHECK(diff_tables(with_index(index_on_a()), with_index(spelled)).empty());
    Index descending = index_on_a();
    descending.parts[0].is_descending = true;
    Index descending_spelled = descending;
    descending_spelled.parts[0].nulls_first = true;  // NULLS FIRST: the descending default
    CHECK(diff_tables(with_index(descending), with_index(descending_spelled)).empty());
}

TEST_CASE("an index whose operator class changes, appears or goes is recreated") {
    const Lines recreate{"drop_index t.ix", "create_index t.ix"};
    Index pattern = index_on_a();
    pattern.parts[0].operator_class = "text_pattern_ops";
    Index other = index_on_a();
    other.parts[0].operator_class = "varchar_pattern_ops";
    CHECK(summaries(diff_tables(with_index(index_on_a()), with_index(pattern))) == recreate);
    CHECK(summaries(diff_tables(with_index(pattern), with_index(index_on_a()))) == recreate);
    CHECK(summaries(diff_tables(with_index(pattern), with_index(other))) == recreate);
    CHECK(ops_of<CreateIndex>(diff_tables(with_index(pattern), with_index(other)))[0]
              .index.parts[0]
              .operator_class == "varchar_pattern_ops");
    CHECK(diff_tables(with_index(pattern), with_index(pattern)).empty());
}

TEST_CASE("indexes are compared in the form the dialect's canonical_index gives them") {
    // A dialect without operator classes (as SQLite): a model that names one shows no change.
    class NoOperatorClassDialect final : public TestDialect {
    public:
        [[nodiscard]] Index canonical_index(const Index& index) const override {
            Index canonical = index;
            for (auto& part : canonical.parts) part.operator_class.reset();
            return canonical;
        }
    };
    const NoOperatorClassDialect dialect;
    Index pattern = index_on_a();
    pattern.parts[0].operator_class = "text_pattern_ops";
    CHECK(diff(Schema{{with_index(index_on_a())}, {}}, Schema{{with_index(pattern)}, {}}, dialect)
              .empty());
    Index descending = pattern;
    descending.parts[0].is_descending = true;
    CHECK(summaries(diff(Schema{{with_index(index_on_a())}, {}},
                         Schema{{with_index(descending)}, {}}, dialect)) ==
          Lines{"drop_index t.ix", "create_index t.ix"});
}

TEST_CASE("a foreign key that becomes MATCH FULL is dropped and added") {
    Table from = keyed_table("t", {column("parent_id")});
    from.foreign_keys = {foreign_key({"parent_id"}, "t")};
    Table to = from;
    to.foreign_keys[0].is_match_full = true;
    CHECK(summaries(diff_tables(from, to)) ==
          Lines{"drop_foreign_key t(parent_id)->t", "add_foreign_key t(parent_id)->t"});
}

TEST_CASE("a foreign key into another schema is never a table of this one") {
    // This schema has its own "accounts", renamed; the key points at billing.accounts.
    Table accounts = keyed_table("accounts", {column("code")});
    Table from = keyed_table("invoices", {column("account_id")});
    ForeignKey outside = foreign_key({"account_id"}, "accounts");
    outside.referenced_schema = "billing";
    outside.referenced_columns = {"id"};
    from.foreign_keys = {outside};
    Table renamed = accounts;
    renamed.name = "customers";
    renamed.renamed_from = "accounts";
    const Plan same = diff(Schema{{accounts, from}, {}}, Schema{{renamed, from}, {}});
    CHECK(summaries(same) == Lines{"rename_table customers from accounts"});
    const auto renames = ops_of<RenameTable>(same);
    REQUIRE(renames.size() == 1);
    // The same key into this schema's accounts is a different key.
    Table inside = from;
    inside.foreign_keys[0].referenced_schema.reset();
    CHECK(summaries(diff_tables(from, inside)) ==
          Lines{"drop_foreign_key invoices(account_id)->accounts",
                "add_foreign_key invoices(account_id)->accounts"});
}

}  // namespace schemadiff::diff::test
