// CREATE TABLE as the SQLite dialect writes it, run on real SQLite: every column feature
// works, and the catalog reader reads back the table that was written (no false difference).
#include "golden.hpp"
#include "schemadiff/sqlite/sqlite_connection.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "sqlite_db.hpp"

using namespace schemadiff;
using testing::Rows;

namespace {

const sqlite::SqliteDialect kSqlite;

Column column(std::string name, ColumnType type, bool is_nullable = true) {
    Column out;
    out.name = std::move(name);
    out.type = std::move(type);
    out.is_nullable = is_nullable;
    return out;
}

Table parent_table() {
    Table parent;
    parent.name = "Parent Table";
    parent.columns = {column("id", ColumnType::of(TypeKind::Integer), false)};
    parent.primary_key.columns = {"id"};
    return parent;
}

// One column per feature, with the identifiers that need quoting.
Table items_table() {
    Table t;
    t.name = "order";
    t.columns = {
        column("id", ColumnType::of(TypeKind::Integer), false),
        column("status", ColumnType::enumeration({"new", "it's", "done"}), false),
        column("Mixed Case", ColumnType::string(40)),
        column("price", ColumnType::numeric(10, 2), false),
        column("qty", ColumnType::of(TypeKind::Integer)),
        column("total", ColumnType::numeric(10, 2)),
        column("created", ColumnType::of(TypeKind::Timestamp)),
        column("code", ColumnType::of(TypeKind::Text)),
        column("naïve", ColumnType::of(TypeKind::Text)),
        column("say \"hi\"", ColumnType::of(TypeKind::Text)),
        column("parent_id", ColumnType::of(TypeKind::Integer)),
    };
    t.columns[0].is_autoincrement = true;
    t.columns[1].default_sql = "'new'";
    t.columns[2].collation = "NOCASE";
    t.columns[3].default_sql = "0";
    t.columns[4].default_sql = "1";
    t.columns[5].generated = GeneratedColumn{"price * qty", false};
    t.columns[6].default_sql = "CURRENT_TIMESTAMP";
    t.columns[7].default_sql = "lower('ABC')";
    t.primary_key.columns = {"id"};
    t.unique_constraints = {{"uq_order_code", {"code"}}};
    ForeignKey key;
    key.name = "fk_order_parent";
    key.columns = {"parent_id"};
    key.referenced_table = "Parent Table";
    key.referenced_columns = {"id"};
    key.on_delete = ForeignKeyAction::SetNull;
    t.foreign_keys = {key};
    t.checks = {{"ck_order_qty", "qty > 0"}};
    t.indexes = {
        {"ix_order_lower",
         {{"", "lower(\"Mixed Case\")", false, std::nullopt}},
         false,
         std::nullopt},
        {"ix_order_qty", {{"qty", std::nullopt, true, std::nullopt}}, false, "qty > 1"},
    };
    return t;
}

}  // namespace

TEST_CASE("every SQLite column feature the dialect writes works in SQLite") {
    testing::SqliteDb db;
    db.exec("PRAGMA foreign_keys=ON");
    for (const Table& table : {parent_table(), items_table()}) {
        for (const auto& statement : kSqlite.create_table(table)) db.exec(statement);
    }
    db.exec("INSERT INTO \"Parent Table\" (id) VALUES (7)");
    db.exec("INSERT INTO \"order\" (price, qty, parent_id) VALUES (2.5, 4, 7)");
    CHECK(db.query("SELECT id, status, total, code, created IS NOT NULL FROM \"order\"") ==
          Rows{{"1", "new", "10", "abc", "1"}});
    CHECK_THROWS(db.exec("INSERT INTO \"order\" (status, price) VALUES ('bad', 1)"));
    CHECK_THROWS(db.exec("INSERT INTO \"order\" (price, qty) VALUES (1, 0)"));
    CHECK_THROWS(db.exec("INSERT INTO \"order\" (price, parent_id) VALUES (1, 8)"));
    db.exec("INSERT INTO \"order\" (status, price, code) VALUES ('it''s', 1, 'x')");
    db.exec("DELETE FROM \"Parent Table\"");
    CHECK(db.query("SELECT parent_id FROM \"order\" ORDER BY id") == Rows{{"NULL"}, {"NULL"}});
    CHECK(db.scalar("SELECT count(*) FROM \"order\" WHERE \"MIXED CASE\" IS NULL") == "2");
}

TEST_CASE("the SQLite catalog reader reads back the table the dialect wrote") {
    const auto connection = sqlite::open_sqlite("", sqlite::OpenMode::ReadWriteCreate);
    const Table expected = items_table();
    for (const Table& table : {parent_table(), expected}) {
        for (const auto& statement : kSqlite.create_table(table)) connection->execute(statement);
    }
    const Schema schema = connection->read_schema({});
    const Table* read = schema.find_table("order");
    REQUIRE(read != nullptr);
    REQUIRE(read->columns.size() == expected.columns.size());
    for (std::size_t i = 0; i < expected.columns.size(); ++i) {
        const Column& want = expected.columns[i];
        const Column& got = read->columns[i];
        CAPTURE(want.name);
        CHECK(got.name == want.name);
        CHECK(kSqlite.canonical_type(got.type) == kSqlite.canonical_type(want.type));
        CHECK(got.is_nullable == want.is_nullable);
        CHECK(got.collation == want.collation);
        CHECK(got.is_autoincrement == want.is_autoincrement);
        CHECK(got.generated.has_value() == want.generated.has_value());
        CHECK(got.default_sql.has_value() == want.default_sql.has_value());
        if (got.default_sql && want.default_sql) {
            CHECK(kSqlite.normalize_default(*got.default_sql, got.type) ==
                  kSqlite.normalize_default(*want.default_sql, want.type));
        }
    }
    CHECK(read->primary_key.columns == expected.primary_key.columns);
    CHECK(read->unique_constraints == expected.unique_constraints);
    CHECK(read->foreign_keys == expected.foreign_keys);
    REQUIRE(read->checks.size() == 1);
    CHECK(kSqlite.normalize_expression(read->checks[0].expression) ==
          kSqlite.normalize_expression("qty > 0"));
    REQUIRE(read->indexes.size() == 2);
    CHECK(read->indexes[1] == expected.indexes[1]);
}

TEST_CASE("after a rebuild the catalog reader reads back the target table") {
    const auto connection = sqlite::open_sqlite("", sqlite::OpenMode::ReadWriteCreate);
    Table from = items_table();
    from.indexes.clear();
    for (const Table& table : {parent_table(), from}) {
        for (const auto& statement : kSqlite.create_table(table)) connection->execute(statement);
    }
    connection->execute("INSERT INTO \"order\" (price, code) VALUES (3, 'a')");

    RebuildTable op;
    op.from = from;
    op.to = items_table();
    op.to.columns[4].is_nullable = false;  // qty becomes NOT NULL
    op.to.checks.clear();
    for (const auto& c : from.columns) op.column_sources.push_back({c.name, c.name});
    for (const auto& statement : kSqlite.before_transaction({op})) connection->execute(statement);
    connection->begin();
    for (const auto& statement : kSqlite.rebuild_table(op)) connection->execute(statement);
    connection->commit();
    for (const auto& statement : kSqlite.after_transaction({op})) connection->execute(statement);

    const Schema schema = connection->read_schema({});
    const Table* read = schema.find_table("order");
    REQUIRE(read != nullptr);
    REQUIRE(read->columns.size() == op.to.columns.size());
    CHECK_FALSE(read->columns[4].is_nullable);
    CHECK(read->checks.empty());
    CHECK(read->indexes.size() == 2);
    CHECK(read->foreign_keys == op.to.foreign_keys);
    CHECK(read->columns[0].is_autoincrement);
    CHECK(schema.find_table("_schemadiff_new_order") == nullptr);
}
