// The PostgreSQL dialect's ALTER statements run on a real server: each case creates a start
// table (with rows), diffs it against a target, applies the plan in one transaction, and checks
// that the database now reads back as the target (an empty second diff) and that the inverse
// plan brings the start back.
#include <doctest/doctest.h>

#include "postgresql_plan_support.hpp"
#include "schemadiff/emit/report.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;

namespace {

// start -> target -> start, each step checked by an empty diff against what the server holds.
void check_migration(const Table& start, const Table& target,
                     const std::vector<std::string>& seed = {}, bool is_reversible = true) {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    create(*connection, start);
    for (const auto& statement : seed) connection->execute(statement);
    const Schema start_schema = schema_of(start);
    const Schema target_schema = schema_of(target);

    const Plan upgrade = diff_schemas(read(db), target_schema, options());
    REQUIRE_FALSE(upgrade.empty());
    apply(*connection, upgrade);
    const Plan after = diff_schemas(read(db), target_schema, options());
    CHECK_MESSAGE(after.empty(), emit::render_json_report(after));
    if (!is_reversible) return;

    const Plan downgrade = diff_schemas(read(db), start_schema, options());
    apply(*connection, downgrade);
    const Plan back = diff_schemas(read(db), start_schema, options());
    CHECK_MESSAGE(back.empty(), emit::render_json_report(back));
}

}  // namespace

TEST_CASE("text holding numbers becomes integer through USING, and back") {
    check_migration(table_of("t", {column("n", of(TypeKind::Text))}),
                    table_of("t", {column("n", of(TypeKind::Integer))}),
                    {"INSERT INTO t VALUES ('1'), ('22'), (NULL)"});
}

TEST_CASE("a type change with a default that does not cast keeps the new default") {
    Column from = column("n", of(TypeKind::Text));
    from.default_sql = "'x'";
    Column to = column("n", of(TypeKind::Integer), false);
    to.default_sql = "-1";
    check_migration(table_of("t", {from}), table_of("t", {to}), {"INSERT INTO t VALUES ('7')"});
}

TEST_CASE("booleans and integers convert both ways") {
    check_migration(table_of("t", {column("b", of(TypeKind::Boolean))}),
                    table_of("t", {column("b", of(TypeKind::SmallInt))}),
                    {"INSERT INTO t VALUES (true), (false)"});
}

TEST_CASE("defaults of every kind are set and read back without a difference") {
    Column price = column("price", ColumnType::numeric(10, 2));
    Column ratio = column("ratio", of(TypeKind::Double));
    Column at = column("at", of(TypeKind::Timestamp));
    Column id = column("uid", of(TypeKind::Uuid));
    Column doc = column("doc", of(TypeKind::Json));
    Column day = column("day", of(TypeKind::Date));
    const Table start = table_of("t", {price, ratio, at, id, doc, day});
    price.default_sql = "0";
    ratio.default_sql = "-2";
    at.default_sql = "now()";
    id.default_sql = "'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'";
    doc.default_sql = "'{\"a\":1}'";
    day.default_sql = "'2020-01-01'";
    check_migration(start, table_of("t", {price, ratio, at, id, doc, day}));
}

TEST_CASE("an identity column is added past existing ids and removed again") {
    Column id = column("id", of(TypeKind::Integer), false);
    Table start = table_of("Order", {id, column("select", of(TypeKind::Text))});
    start.primary_key.columns = {"id"};
    Table target = start;
    target.columns[0].is_autoincrement = true;
    target.columns[0].identity = IdentityKind::ByDefault;
    check_migration(start, target, {"INSERT INTO \"Order\" VALUES (5, 'a')"});
}

TEST_CASE("a serial is added as an owned sequence and removed again") {
    Table start = table_of("t", {column("id", of(TypeKind::BigInt), false)});
    Table target = start;
    target.columns[0].is_autoincrement = true;
    check_migration(start, target, {"INSERT INTO t VALUES (3)"});
}

TEST_CASE("an enum without a type name gains a value by swapping its CHECK") {
    check_migration(table_of("t", {column("s", ColumnType::enumeration({"a", "b"}))}),
                    table_of("t", {column("s", ColumnType::enumeration({"a", "b", "it's"}))}),
                    {"INSERT INTO t VALUES ('a')"});
}

TEST_CASE("a generated column's expression changes by re-creating it") {
    Column total = column("total", of(TypeKind::Integer));
    total.generated = GeneratedColumn{"a + b", true};
    const Table start = table_of(
        "t", {column("a", of(TypeKind::Integer)), column("b", of(TypeKind::Integer)), total});
    Table target = start;
    target.columns[2].generated->expression = "a * b";
    check_migration(start, target, {"INSERT INTO t (a, b) VALUES (2, 3)"});
}

TEST_CASE("constraints, indexes and comments are added and dropped") {
    Table start = table_of(
        "p", {column("id", of(TypeKind::Integer), false), column("Code", ColumnType::string(10)),
              column("doc", of(TypeKind::Json)), column("parent", of(TypeKind::Integer))});
    start.primary_key.columns = {"id"};
    Table target = start;
    target.columns[1].type = ColumnType::string(20);
    target.columns[1].comment = "the code";
    target.comment = "parts";
    target.unique_constraints = {{std::nullopt, {"Code"}}};
    target.checks = {{"ck_code", "length(\"Code\") > 0 AND \"Code\" <> 'x'"}};
    ForeignKey parent;
    parent.name = "fk_parent";
    parent.columns = {"parent"};
    parent.referenced_table = "p";
    parent.referenced_columns = {"id"};
    parent.is_match_full = true;
    parent.is_deferrable = true;
    parent.is_initially_deferred = true;
    parent.on_delete = ForeignKeyAction::Cascade;
    target.foreign_keys = {parent};
    Index by_code;
    by_code.name = "ix_code";
    IndexPart code{"Code"};
    code.is_descending = true;
    code.nulls_first = false;
    by_code.parts = {code, IndexPart{.expression = "lower(\"Code\")"}};
    by_code.include = {"parent"};
    by_code.where = "parent IS NOT NULL AND id > 0";
    Index by_doc;
    by_doc.name = "ix_doc";
    by_doc.method = "gin";
    by_doc.parts = {{"doc"}};
    target.indexes = {by_code, by_doc};
    check_migration(start, target, {"INSERT INTO p VALUES (1, 'ab', '{}', NULL)"});
}

TEST_CASE("odd names, precise timestamps and arrays survive a round of changes") {
    Table start = table_of("Mixed Case", {column("order", ColumnType::raw_type("timestamp(3)")),
                                          column("naïve", ColumnType::raw_type("integer[]"))});
    Table target = start;
    target.columns[0].default_sql = "'2020-01-01'";
    target.columns[1].default_sql = "'{}'";
    target.columns[1].is_nullable = false;
    target.columns.push_back(column("Total", ColumnType::numeric(12, 3), false));
    target.columns.back().default_sql = "1.5";
    check_migration(start, target, {"INSERT INTO \"Mixed Case\" VALUES (now(), '{1,2}')"});
}
