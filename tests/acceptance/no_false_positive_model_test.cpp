// No false positives, models: a schema created on SQLite from a model (diff_schemas(empty, model),
// emitted and applied) and read back must diff EMPTY against that model, for every portable type,
// every common default form, keys, constraints, indexes, table options and odd identifiers.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "no_false_positive_support.hpp"
#include "schemadiff/core/schema_json.hpp"

using namespace schemadiff;
using namespace schemadiff::acceptance::nfp;

namespace {

const std::vector<std::string> kPortableTypes = {
    "smallint",  "integer",       "bigint",
    "boolean",   "real",          "double",
    "numeric",   "numeric(10)",   "numeric(10,2)",
    "string",    "string(255)",   "text",
    "binary",    "date",          "time",
    "timestamp", "timestamptz",   "uuid",
    "json",      "enum('a','b')", "enum('it''s','Mixed Case','with space')",
};

// (type, default) pairs: every common default form on a type it fits.
const std::vector<std::pair<std::string, std::string>> kDefaults = {
    {"text", "'x'"},
    {"text", "''"},
    {"text", "'it''s'"},
    {"text", "'Mixed Case'"},
    {"text", "'with \"double\" quotes'"},
    {"text", "'ünïcödé'"},
    {"text", "'(not an expression)'"},
    {"text", "NULL"},
    {"text", "(lower('X'))"},
    {"string(255)", "'abc'"},
    {"string(20)", "'0'"},
    {"integer", "0"},
    {"integer", "42"},
    {"integer", "-1"},
    {"integer", "NULL"},
    {"bigint", "9007199254740993"},
    {"smallint", "-32768"},
    {"boolean", "TRUE"},
    {"boolean", "FALSE"},
    {"boolean", "true"},
    {"boolean", "false"},
    {"boolean", "1"},
    {"boolean", "0"},
    {"real", "1.5"},
    {"real", "-0.25"},
    {"double", "3.141592653589793"},
    {"double", "-2.5"},
    {"numeric", "0"},
    {"numeric(10,2)", "12.50"},
    {"numeric(10,2)", "-1.25"},
    {"numeric(10)", "100"},
    {"date", "CURRENT_DATE"},
    {"date", "'2024-01-31'"},
    {"time", "CURRENT_TIME"},
    {"time", "'12:00:00'"},
    {"timestamp", "CURRENT_TIMESTAMP"},
    {"timestamp", "current_timestamp"},
    {"timestamp", "(datetime('now'))"},
    {"timestamp", "'2024-01-31 12:00:00'"},
    {"timestamptz", "CURRENT_TIMESTAMP"},
    {"uuid", "'00000000-0000-0000-0000-000000000000'"},
    {"json", "'{}'"},
    {"json", "'[1, 2]'"},
    {"enum('a','b')", "'a'"},
    {"binary", "X'00FF'"},
};

}  // namespace

TEST_CASE("every portable type created from a model and read back shows no change") {
    for (const auto& type : kPortableTypes) {
        SUBCASE(type.c_str()) {
            Table table = table_with_id("t");
            table.columns.push_back(column("value", type));
            table.columns.push_back(column("required", type, false));
            check_model(schema_of({table}), type);
        }
    }
}

TEST_CASE("every portable type as a primary key or in an index shows no change") {
    for (const auto& type : kPortableTypes) {
        SUBCASE(type.c_str()) {
            Table table;
            table.name = "keyed";
            table.columns = {column("k", type, false), column("other", type)};
            table.primary_key.columns = {"k"};
            table.indexes.push_back(index("ix_keyed_other", {part("other")}));
            check_model(schema_of({table}), type);
        }
    }
}

TEST_CASE("every common default form created from a model and read back shows no change") {
    for (const auto& [type, default_sql] : kDefaults) {
        const auto label = type + " DEFAULT " + default_sql;
        SUBCASE(label.c_str()) {
            Table table = table_with_id("t");
            table.columns.push_back(column("value", type, true, default_sql));
            table.columns.push_back(column("required", type, false, default_sql));
            check_model(schema_of({table}), label);
        }
    }
}

TEST_CASE("keys, constraints, indexes and table options from a model show no change") {
    Table parent = table_with_id("parent");
    parent.columns.push_back(column("code", "string(10)", false));
    parent.columns.push_back(column("region", "string(10)", false));
    parent.unique_constraints = {UniqueConstraint{"uq_parent_code", {"code"}},
                                 UniqueConstraint{std::nullopt, {"code", "region"}}};

    Table child;
    child.name = "child";
    child.columns = {column("id", "integer", false),
                     column("parent_id", "integer"),
                     column("parent_code", "string(10)"),
                     column("parent_region", "string(10)"),
                     column("name", "text", false),
                     column("price", "numeric(10,2)"),
                     column("status", "enum('new','done')", false, "'new'")};
    child.columns[0].is_autoincrement = true;
    child.columns[4].collation = "NOCASE";
    Column doubled = column("doubled", "numeric(10,2)");
    doubled.generated = GeneratedColumn{"price * 2", false};
    Column lowered = column("lowered", "text");
    lowered.generated = GeneratedColumn{"lower(name)", true};
    child.columns.push_back(doubled);
    child.columns.push_back(lowered);
    child.primary_key.columns = {"id"};
    ForeignKey to_parent = foreign_key("fk_child_parent", {"parent_id"}, "parent", {"id"});
    to_parent.on_delete = ForeignKeyAction::Cascade;
    to_parent.on_update = ForeignKeyAction::SetNull;
    ForeignKey to_code =
        foreign_key(std::nullopt, {"parent_code", "parent_region"}, "parent", {"code", "region"});
    to_code.is_deferrable = true;
    to_code.is_initially_deferred = true;
    child.foreign_keys = {to_parent, to_code};
    child.checks = {CheckConstraint{"ck_child_price", "price >= 0"},
                    CheckConstraint{std::nullopt, "length(name) > 0"}};
    child.indexes = {
        index("ix_child_name_desc", {part("name", true), part("price")}),
        index("ix_child_lower", {expression_part("lower(name)")}),
        index("uq_child_name_live", {part("name")}, true, "status <> 'done'"),
        index("ix_child_name_nocase", {part("name", false, "NOCASE")}),
    };
    child.triggers = {Trigger{"tr_child_touch",
                              "CREATE TRIGGER tr_child_touch AFTER UPDATE ON child BEGIN "
                              "UPDATE child SET price = price WHERE id = new.id; END"}};

    Table pairs;
    pairs.name = "pairs";
    pairs.columns = {column("a", "integer", false), column("b", "string(10)", false),
                     column("note", "text")};
    pairs.primary_key = PrimaryKey{"pk_pairs", {"a", "b"}};
    pairs.is_without_rowid = true;

    Table strict;
    strict.name = "strict_values";
    strict.columns = {column("id", "integer", false), column("label", "text", false),
                      column("amount", "real"), column("data", "binary")};
    strict.primary_key.columns = {"id"};
    strict.is_strict = true;

    Schema schema = schema_of({parent, child, pairs, strict});
    schema.views = {View{"v_child", "CREATE VIEW v_child AS SELECT id, name FROM child"}};
    check_model(schema, "constraints");
}

TEST_CASE("an autoincrement key of every integer type shows no change") {
    for (const std::string type : {"smallint", "integer", "bigint"}) {
        SUBCASE(type.c_str()) {
            Table table;
            table.name = "ids";
            table.columns = {column("id", type, false), column("name", "text")};
            table.columns[0].is_autoincrement = true;
            table.primary_key.columns = {"id"};
            check_model(schema_of({table}), "autoincrement " + type);
        }
    }
}

TEST_CASE("odd identifiers from a model show no change") {
    const std::vector<std::string> names = {"order",   "Mixed Case",        "with space",
                                            "quo\"te", "ünïcödé",           "select",
                                            "group",   "1starts_with_digit"};
    for (const auto& name : names) {
        SUBCASE(name.c_str()) {
            Table parent = table_with_id(name);
            parent.columns.push_back(column(name + "_col", "string(20)", false, "'x'"));
            parent.columns.push_back(column("from", "integer"));
            parent.indexes = {index("ix " + name, {part("from")})};
            parent.unique_constraints = {UniqueConstraint{std::nullopt, {name + "_col"}}};
            Table child = table_with_id(name + " child");
            child.columns.push_back(column("where", "integer"));
            child.foreign_keys = {foreign_key(std::nullopt, {"where"}, name, {"id"})};
            child.checks = {CheckConstraint{"check " + name, "\"where\" > 0"}};
            check_model(schema_of({parent, child}), name);
        }
    }
}

TEST_CASE("a model written as JSON, created and read back, shows no change") {
    const auto model = schema_from_json(R"json({
  "format": "schemadiff-model",
  "version": 1,
  "tables": [
    {
      "name": "accounts",
      "columns": [
        {"name": "id", "type": "bigint", "nullable": false},
        {"name": "email", "type": "string(320)", "nullable": false},
        {"name": "balance", "type": "numeric(12,2)", "nullable": false, "default": "0"},
        {"name": "active", "type": "boolean", "nullable": false, "default": "TRUE"},
        {"name": "kind", "type": "enum('personal','business')", "default": "'personal'"},
        {"name": "created_at", "type": "timestamp", "nullable": false,
         "default": "CURRENT_TIMESTAMP"},
        {"name": "settings", "type": "json", "default": "'{}'"},
        {"name": "token", "type": "uuid"}
      ],
      "primary_key": {"columns": ["id"]},
      "unique_constraints": [{"name": "uq_accounts_email", "columns": ["email"]}],
      "indexes": [{"name": "ix_accounts_created", "parts": [{"column": "created_at"}]}]
    }
  ]
})json",
                                        "no_false_positive_test.json");
    check_model(model, "accounts.json");
}
