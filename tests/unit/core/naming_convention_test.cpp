#include "schemadiff/core/naming_convention.hpp"

#include <doctest/doctest.h>

#include <string>

#include "schemadiff/core/error.hpp"

using namespace schemadiff;

namespace {

Column column(const std::string& name) {
    return Column{.name = name, .type = ColumnType::of(TypeKind::Integer)};
}

// users(id, org_id, email, name) and orgs(id), every key and constraint unnamed.
Schema unnamed_schema() {
    Table orgs;
    orgs.name = "orgs";
    orgs.columns = {column("id")};
    orgs.primary_key.columns = {"id"};
    Table users;
    users.name = "users";
    users.columns = {column("id"), column("org_id"), column("email"), column("name")};
    users.primary_key.columns = {"id"};
    users.unique_constraints = {UniqueConstraint{std::nullopt, {"email", "name"}}};
    users.indexes = {Index{.name = "", .parts = {IndexPart{.column = "name"}}}};
    users.foreign_keys = {ForeignKey{.columns = {"org_id"}, .referenced_table = "orgs"}};
    users.checks = {CheckConstraint{std::nullopt, "id > 0"}};
    Schema schema;
    schema.tables = {users, orgs};
    return schema;
}

const Table& table_of(const Schema& schema, const std::string& name) {
    const Table* table = schema.find_table(name);
    REQUIRE(table != nullptr);
    return *table;
}

// The name `index_template` gives the one unnamed index of `table`.
std::string index_name(const std::string& index_template, Table table) {
    Schema schema;
    schema.tables = {std::move(table)};
    NamingConvention convention;
    convention.index = index_template;
    apply_naming_convention(schema, convention);
    return schema.tables.front().indexes.front().name;
}

Table table_with_index(const std::string& name, std::vector<IndexPart> parts) {
    Table table;
    table.name = name;
    table.columns = {column("a"), column("b")};
    table.indexes = {Index{.name = "", .parts = std::move(parts)}};
    return table;
}

std::string usage_message(const NamingConvention& convention) {
    try {
        validate_naming_convention(convention);
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::Usage);
        return error.message();
    }
    return "no error";
}

}  // namespace

TEST_CASE("the default convention names every unnamed key, index and constraint") {
    Schema schema = unnamed_schema();
    apply_naming_convention(schema, default_naming_convention());
    const Table& users = table_of(schema, "users");
    CHECK(users.primary_key.name == "pk_users");
    CHECK(users.unique_constraints.front().name == "uq_users_email_name");
    CHECK(users.indexes.front().name == "ix_users_name");
    CHECK(users.foreign_keys.front().name == "fk_users_org_id_orgs");
    CHECK(users.checks.front().name == "ck_users");
    CHECK(table_of(schema, "orgs").primary_key.name == "pk_orgs");
}

TEST_CASE("an empty convention or an empty template leaves items unnamed") {
    Schema schema = unnamed_schema();
    const Schema before = schema;
    apply_naming_convention(schema, NamingConvention{});
    CHECK(schema == before);
    NamingConvention only_pk;
    only_pk.primary_key = "pk_%(table_name)s";
    apply_naming_convention(schema, only_pk);
    const Table& users = table_of(schema, "users");
    CHECK(users.primary_key.name == "pk_users");
    CHECK_FALSE(users.unique_constraints.front().name.has_value());
    CHECK(users.indexes.front().name.empty());
    CHECK_FALSE(users.foreign_keys.front().name.has_value());
    CHECK_FALSE(users.checks.front().name.has_value());
}

TEST_CASE("column tokens follow SQLAlchemy: 0N joins with nothing, 0_N with underscores") {
    const Table table = table_with_index("t", {IndexPart{.column = "a"}, IndexPart{.column = "b"}});
    CHECK(index_name("ix_%(column_0_name)s", table) == "ix_a");
    CHECK(index_name("ix_%(column_1_name)s", table) == "ix_b");
    CHECK(index_name("ix_%(column_2_name)s", table) == "ix_");
    CHECK(index_name("ix_%(column_0N_name)s", table) == "ix_ab");
    CHECK(index_name("ix_%(column_0_N_name)s", table) == "ix_a_b");
    CHECK(index_name("ix_%(column_0_key)s", table) == "ix_a");
    CHECK(index_name("ix_%(column_0_label)s", table) == "ix_t_a");
    CHECK(index_name("ix_%(column_0_N_label)s", table) == "ix_t_a_t_b");
    CHECK(index_name("%(table_name)s%%idx", table) == "t%idx");
}

TEST_CASE("an expression part of an index is named expr") {
    const Table table =
        table_with_index("t", {IndexPart{.expression = "lower(a)"}, IndexPart{.column = "b"}});
    CHECK(index_name("ix_%(table_name)s_%(column_0_N_name)s", table) == "ix_t_expr_b");
}

TEST_CASE("foreign key tokens name the referenced table and its key columns") {
    Schema schema = unnamed_schema();
    NamingConvention convention;
    convention.foreign_key =
        "fk_%(referred_table_name)s_%(referred_column_0_name)s_%(referred_column_0N_name)s";
    apply_naming_convention(schema, convention);
    CHECK(table_of(schema, "users").foreign_keys.front().name == "fk_orgs_id_id");
}

TEST_CASE("a referred column token on a key to a table without primary key is an error") {
    Schema schema = unnamed_schema();
    schema.tables[0].foreign_keys.front().referenced_table = "missing";
    NamingConvention convention;
    convention.foreign_key = "fk_%(referred_column_0_name)s";
    CHECK_THROWS_WITH_AS(apply_naming_convention(schema, convention),
                         doctest::Contains("referenced columns"), Error);
}

TEST_CASE("named keys, indexes and constraints are kept as they are") {
    Schema schema = unnamed_schema();
    Table& users = schema.tables[0];
    users.primary_key.name = "users_pkey";
    users.unique_constraints.front().name = "Email_Name";
    users.indexes.front().name = "by_name";
    users.foreign_keys.front().name = "to_org";
    users.checks.front().name = "positive";
    const Schema before = schema;
    apply_naming_convention(schema, default_naming_convention());
    CHECK(table_of(schema, "users") == table_of(before, "users"));
}

TEST_CASE("a generated name that clashes gets _2, _3 and never reuses a taken name") {
    Table table;
    table.name = "t";
    table.columns = {column("a"), column("b")};
    table.unique_constraints = {UniqueConstraint{std::nullopt, {"b"}},
                                UniqueConstraint{std::nullopt, {"a"}}};
    table.indexes = {Index{.name = "UQ_T", .parts = {IndexPart{.column = "a"}}}};
    Schema schema;
    schema.tables = {table};
    NamingConvention convention;
    convention.unique = "uq_%(table_name)s";
    apply_naming_convention(schema, convention);
    const auto& uniques = schema.tables.front().unique_constraints;
    REQUIRE(uniques.size() == 2);
    // "uq_t" is taken by the index (names compare ignoring case); content order decides.
    CHECK(uniques[0].name == "uq_t_2");
    CHECK(uniques[0].columns == std::vector<std::string>{"a"});
    CHECK(uniques[1].name == "uq_t_3");
}

TEST_CASE("one unnamed check gets the plain name, several are numbered by expression") {
    Schema schema = unnamed_schema();
    schema.tables[0].checks = {CheckConstraint{std::nullopt, "name <> ''"},
                               CheckConstraint{"ck_users_1", "id < 10"},
                               CheckConstraint{std::nullopt, "id > 0"}};
    apply_naming_convention(schema, default_naming_convention());
    const auto& checks = table_of(schema, "users").checks;
    REQUIRE(checks.size() == 3);
    CHECK(checks[0].name == "ck_users_1");
    CHECK(checks[0].expression == "id < 10");
    CHECK(checks[1].name == "ck_users_1_2");  // "id > 0" is first, and its name was taken
    CHECK(checks[1].expression == "id > 0");
    CHECK(checks[2].name == "ck_users_2");
}

TEST_CASE("a name longer than the limit is cut with a stable hash of the whole name") {
    const std::string long_table(70, 'a');
    const Table table = table_with_index(long_table, {IndexPart{.column = "id"}});
    const std::string name = index_name("ix_%(table_name)s_%(column_0_name)s", table);
    CHECK(name.size() == 63);
    CHECK(name == "ix_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_276a2e85");
    const Table other = table_with_index(long_table, {IndexPart{.column = "ie"}});
    CHECK(index_name("ix_%(table_name)s_%(column_0_name)s", other) != name);
    CHECK(index_name("ix_%(column_0_name)s", table) == "ix_id");
}

TEST_CASE("a cut never splits a multi-byte UTF-8 character") {
    std::string long_table;
    for (int i = 0; i < 40; ++i) long_table += "\xc3\xa9";  // "é" 40 times: 80 bytes
    const Table table = table_with_index(long_table, {IndexPart{.column = "a"}});
    const std::string name = index_name("i%(table_name)s", table);
    CHECK(name.size() == 62);  // "i" + 26 whole characters (52 bytes) + "_" + 8 hex digits
    CHECK(name.substr(0, 53) == "i" + long_table.substr(0, 52));
    CHECK(name[53] == '_');
}

TEST_CASE("naming is deterministic, idempotent and independent of the model's order") {
    Table table;
    table.name = "t";
    table.columns = {column("a"), column("b")};
    table.indexes = {Index{.name = "", .parts = {IndexPart{.column = "b"}}},
                     Index{.name = "", .parts = {IndexPart{.column = "a"}}}};
    Schema first;
    first.tables = {table};
    std::swap(table.indexes[0], table.indexes[1]);
    Schema second;
    second.tables = {table};
    NamingConvention convention;
    convention.index = "ix_%(table_name)s";
    apply_naming_convention(first, convention);
    apply_naming_convention(second, convention);
    CHECK(first == second);
    CHECK(first.tables.front().indexes[0].name == "ix_t");
    CHECK(first.tables.front().indexes[0].parts.front().column == "a");
    CHECK(first.tables.front().indexes[1].name == "ix_t_2");
    const Schema once = first;
    apply_naming_convention(first, convention);
    CHECK(first == once);
}

TEST_CASE("an unknown or misplaced token is a usage error naming the kind and the token") {
    NamingConvention convention;
    convention.unique = "uq_%(colum_0_name)s";
    CHECK(usage_message(convention) == "naming convention uq: unknown token %(colum_0_name)s");
    convention = {};
    convention.check = "ck_%(table_name)s_%(column_0_name)s";
    CHECK(usage_message(convention) ==
          "naming convention ck: %(column_0_name)s cannot be used for ck");
    convention = {};
    convention.index = "ix_%(referred_table_name)s";
    CHECK(usage_message(convention) ==
          "naming convention ix: %(referred_table_name)s can only be used for fk");
    convention = {};
    convention.check = "ck_%(table_name)s_%(constraint_name)s";
    CHECK(usage_message(convention) ==
          "naming convention ck: %(constraint_name)s is not supported");
    convention = {};
    convention.primary_key = "pk_%(table_name)";
    CHECK(usage_message(convention).find("naming convention pk: a \"%\" that opens no") == 0);
    convention = {};
    convention.index = "ix_%(column_1N_name)s";
    CHECK(usage_message(convention) == "naming convention ix: unknown token %(column_1N_name)s");
    CHECK(usage_message(default_naming_convention()) == "no error");
}
