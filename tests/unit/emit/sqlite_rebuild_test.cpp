// The SQLite 12-step rebuild as golden statements.
#include "golden.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"

using namespace schemadiff;
using testing::Statements;

namespace {

const sqlite::SqliteDialect kSqlite;

Column column(std::string name, ColumnType type, bool is_nullable = true) {
    Column out;
    out.name = std::move(name);
    out.type = std::move(type);
    out.is_nullable = is_nullable;
    return out;
}

// users(id AUTOINCREMENT, name TEXT, age TEXT) -> users(id, full name NOT NULL DEFAULT '',
// age INTEGER, created); "name" is renamed to "full name", age changes affinity.
RebuildTable users_rebuild() {
    RebuildTable op;
    op.from.name = "users";
    op.from.columns = {column("id", ColumnType::of(TypeKind::Integer), false),
                       column("name", ColumnType::of(TypeKind::Text)),
                       column("age", ColumnType::of(TypeKind::Text))};
    op.from.columns[0].is_autoincrement = true;
    op.from.primary_key.columns = {"id"};
    op.to = op.from;
    op.to.columns = {op.from.columns[0], column("full name", ColumnType::of(TypeKind::Text), false),
                     column("age", ColumnType::of(TypeKind::Integer)),
                     column("created", ColumnType::of(TypeKind::Timestamp))};
    op.to.columns[1].default_sql = "''";
    op.to.checks = {{"ck_age", "age >= 0"}};
    op.to.indexes = {
        {"ix_users_age", {{"age", std::nullopt, false, std::nullopt}}, false, std::nullopt}};
    op.to.triggers = {{"tr_users",
                       "CREATE TRIGGER tr_users AFTER DELETE ON users BEGIN "
                       "DELETE FROM log WHERE user_id = old.id; END"}};
    op.column_sources = {{"id", "id"}, {"full name", "name"}, {"age", "age"}};
    op.views = {{"adults", "CREATE VIEW adults AS SELECT * FROM users WHERE age >= 18"},
                {"adult_names", "CREATE VIEW adult_names AS SELECT \"full name\" FROM adults;"}};
    op.reasons = {"SQLite cannot change a column's type with ALTER TABLE."};
    return op;
}

}  // namespace

TEST_CASE("a rebuild follows SQLite's 12 steps: create, copy, drop, rename, recreate") {
    CHECK(kSqlite.rebuild_table(users_rebuild()) ==
          Statements{"CREATE TABLE _schemadiff_new_users (\n"
                     "    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,\n"
                     "    \"full name\" TEXT NOT NULL DEFAULT '',\n"
                     "    age INTEGER,\n"
                     "    created DATETIME,\n"
                     "    CONSTRAINT ck_age CHECK (age >= 0)\n"
                     ")",
                     "INSERT INTO _schemadiff_new_users (id, \"full name\", age)\n"
                     "SELECT id, COALESCE(name, ''), CAST(age AS INTEGER)\n"
                     "FROM users",
                     "DELETE FROM sqlite_sequence WHERE name = '_schemadiff_new_users'",
                     "INSERT INTO sqlite_sequence (name, seq) SELECT '_schemadiff_new_users', seq "
                     "FROM sqlite_sequence WHERE name = 'users'",
                     "DROP VIEW adult_names", "DROP VIEW adults", "DROP TABLE users",
                     "PRAGMA legacy_alter_table=ON",
                     "ALTER TABLE _schemadiff_new_users RENAME TO users",
                     "PRAGMA legacy_alter_table=OFF", "CREATE INDEX ix_users_age ON users (age)",
                     "CREATE TRIGGER tr_users AFTER DELETE ON users BEGIN "
                     "DELETE FROM log WHERE user_id = old.id; END",
                     "CREATE VIEW adults AS SELECT * FROM users WHERE age >= 18",
                     "CREATE VIEW adult_names AS SELECT \"full name\" FROM adults"});
}

TEST_CASE("a rebuild of an oddly named table quotes every use of both names") {
    RebuildTable op;
    op.from.name = "Order Lines";
    op.from.columns = {column("qty", ColumnType::of(TypeKind::Integer))};
    op.to = op.from;
    op.to.columns[0].is_nullable = false;
    op.column_sources = {{"qty", "qty"}};
    CHECK(kSqlite.rebuild_table(op) ==
          Statements{"CREATE TABLE \"_schemadiff_new_Order Lines\" (\n"
                     "    qty INTEGER NOT NULL\n"
                     ")",
                     "INSERT INTO \"_schemadiff_new_Order Lines\" (qty)\n"
                     "SELECT qty\n"
                     "FROM \"Order Lines\"",
                     "DROP TABLE \"Order Lines\"", "PRAGMA legacy_alter_table=ON",
                     "ALTER TABLE \"_schemadiff_new_Order Lines\" RENAME TO \"Order Lines\"",
                     "PRAGMA legacy_alter_table=OFF"});
}

TEST_CASE("a rebuild copies no generated column and casts only across affinities") {
    RebuildTable op;
    op.from.name = "t";
    op.from.columns = {column("a", ColumnType::string(10)),
                       column("b", ColumnType::of(TypeKind::Text)),
                       column("c", ColumnType::of(TypeKind::Integer)),
                       column("d", ColumnType::of(TypeKind::Text))};
    op.to.name = "t";
    op.to.columns = {column("a", ColumnType::of(TypeKind::Text)),
                     column("b", ColumnType::of(TypeKind::Binary)),
                     column("c", ColumnType::of(TypeKind::Double)),
                     column("g", ColumnType::of(TypeKind::Integer))};
    op.to.columns[3].generated = GeneratedColumn{"c + 1", false};
    op.column_sources = {{"a", "a"}, {"b", "b"}, {"c", "c"}, {"g", "d"}};
    const auto statements = kSqlite.rebuild_table(op);
    REQUIRE(statements.size() >= 2);
    CHECK(statements[1] ==
          "INSERT INTO _schemadiff_new_t (a, b, c)\n"
          "SELECT a, b, CAST(c AS REAL)\n"
          "FROM t");
}

TEST_CASE("a rebuild never CASTs to a type name SQLite does not know, nor to NUMERIC") {
    RebuildTable op;
    op.from.name = "t";
    op.from.columns = {column("shape", ColumnType::raw_type("GEOMETRY")),
                       column("text_shape", ColumnType::of(TypeKind::Text)),
                       column("price", ColumnType::of(TypeKind::Text)),
                       column("n", ColumnType::raw_type("MEDIUMINT UNSIGNED")),
                       column("x", ColumnType::raw_type("JSONB"))};
    op.to.name = "t";
    op.to.columns = {column("shape", ColumnType::of(TypeKind::Text)),
                     column("text_shape", ColumnType::raw_type("GEOMETRY")),
                     column("price", ColumnType::numeric(10, 2)),
                     column("n", ColumnType::raw_type("FLOAT8")),
                     column("x", ColumnType::of(TypeKind::Binary))};
    op.column_sources = {{"shape", "shape"},
                         {"text_shape", "text_shape"},
                         {"price", "price"},
                         {"n", "n"},
                         {"x", "x"}};
    const auto statements = kSqlite.rebuild_table(op);
    REQUIRE(statements.size() >= 2);
    CHECK(statements[1] ==
          "INSERT INTO _schemadiff_new_t (shape, text_shape, price, n, x)\n"
          "SELECT CAST(shape AS TEXT), text_shape, price, CAST(n AS REAL), x\n"
          "FROM t");
}

TEST_CASE("a rebuild into a STRICT table CASTs to BLOB, which STRICT requires") {
    RebuildTable op;
    op.from.name = "t";
    op.from.columns = {column("data", ColumnType::of(TypeKind::Text))};
    op.to = op.from;
    op.to.columns[0].type = ColumnType::of(TypeKind::Binary);
    op.to.is_strict = true;
    op.column_sources = {{"data", "data"}};
    const auto statements = kSqlite.rebuild_table(op);
    REQUIRE(statements.size() >= 2);
    CHECK(statements[1] ==
          "INSERT INTO _schemadiff_new_t (data)\nSELECT CAST(data AS BLOB)\nFROM t");
}

TEST_CASE("a rebuild in which no column survives keeps the rows through their rowid") {
    RebuildTable op;
    op.from.name = "t";
    op.from.columns = {column("a", ColumnType::of(TypeKind::Text))};
    op.to.name = "t";
    op.to.columns = {column("b", ColumnType::of(TypeKind::Text))};
    const auto statements = kSqlite.rebuild_table(op);
    REQUIRE(statements.size() >= 2);
    CHECK(statements[1] == "INSERT INTO _schemadiff_new_t (rowid)\nSELECT rowid\nFROM t");
}
