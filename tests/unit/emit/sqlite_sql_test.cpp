// Golden SQL of the SQLite dialect: quoting, column definitions, CREATE TABLE options and what
// render refuses because only a rebuild can do it.
#include "golden.hpp"
#include "schemadiff/core/error.hpp"
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

Table table_named(std::string name) {
    Table table;
    table.name = std::move(name);
    return table;
}

std::string definition(const Column& c) { return kSqlite.column_definition(c, table_named("t")); }

}  // namespace

TEST_CASE("SQLite quotes its keywords, odd characters and embedded quotes") {
    CHECK(kSqlite.quote_identifier("users") == "users");
    CHECK(kSqlite.quote_identifier("order") == "\"order\"");
    CHECK(kSqlite.quote_identifier("Group") == "\"Group\"");
    CHECK(kSqlite.quote_identifier("Mixed Case") == "\"Mixed Case\"");
    CHECK(kSqlite.quote_identifier("MixedCase") == "MixedCase");
    CHECK(kSqlite.quote_identifier("a\"b") == "\"a\"\"b\"");
    CHECK(kSqlite.quote_identifier("café") == "\"café\"");
    CHECK(kSqlite.quote_identifier("1st") == "\"1st\"");
}

TEST_CASE("an enum column is TEXT with an inline IN check on the column") {
    Column status = column("status", ColumnType::enumeration({"new", "it's", "done"}), false);
    status.default_sql = "'new'";
    CHECK(definition(status) ==
          "status TEXT CHECK (status IN ('new', 'it''s', 'done')) NOT NULL DEFAULT 'new'");
    CHECK(definition(column("order", ColumnType::enumeration({"a"}))) ==
          "\"order\" TEXT CHECK (\"order\" IN ('a'))");
}

TEST_CASE("an autoincrement primary key is an inline INTEGER PRIMARY KEY AUTOINCREMENT") {
    Table table = table_named("t");
    table.columns = {column("id", ColumnType::of(TypeKind::BigInt), false)};
    table.columns[0].is_autoincrement = true;
    table.primary_key.columns = {"id"};
    CHECK(kSqlite.column_definition(table.columns[0], table) ==
          "id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL");
    table.primary_key.name = "pk_t";
    CHECK(kSqlite.column_definition(table.columns[0], table) ==
          "id INTEGER CONSTRAINT pk_t PRIMARY KEY AUTOINCREMENT NOT NULL");
    CHECK(kSqlite.create_table(table) ==
          Statements{"CREATE TABLE t (\n"
                     "    id INTEGER CONSTRAINT pk_t PRIMARY KEY AUTOINCREMENT NOT NULL\n"
                     ")"});
}

TEST_CASE("SQLite defaults are parenthesised unless they are literals or CURRENT_*") {
    auto with_default = [](std::string sql) {
        Column c = column("c", ColumnType::of(TypeKind::Text));
        c.default_sql = std::move(sql);
        return definition(c);
    };
    CHECK(with_default("'x'") == "c TEXT DEFAULT 'x'");
    CHECK(with_default("-1.5e3") == "c TEXT DEFAULT -1.5e3");
    CHECK(with_default("0x1F") == "c TEXT DEFAULT 0x1F");
    CHECK(with_default("NULL") == "c TEXT DEFAULT NULL");
    CHECK(with_default("true") == "c TEXT DEFAULT true");
    CHECK(with_default("X'00ff'") == "c TEXT DEFAULT X'00ff'");
    CHECK(with_default("CURRENT_TIMESTAMP") == "c TEXT DEFAULT CURRENT_TIMESTAMP");
    CHECK(with_default("datetime('now')") == "c TEXT DEFAULT (datetime('now'))");
    CHECK(with_default("(1 + 1)") == "c TEXT DEFAULT (1 + 1)");
    CHECK(with_default("'a' || 'b'") == "c TEXT DEFAULT ('a' || 'b')");
}

TEST_CASE("SQLite column definitions carry collation and generated expressions") {
    Column name = column("name", ColumnType::string(40), false);
    name.collation = "NOCASE";
    CHECK(definition(name) == "name VARCHAR(40) COLLATE NOCASE NOT NULL");
    Column total = column("total", ColumnType::numeric(10, 2));
    total.generated = GeneratedColumn{"price * qty", true};
    CHECK(definition(total) == "total NUMERIC(10,2) GENERATED ALWAYS AS (price * qty) STORED");
    total.generated->is_stored = false;
    CHECK(definition(total) == "total NUMERIC(10,2) GENERATED ALWAYS AS (price * qty) VIRTUAL");
}

TEST_CASE("SQLite CREATE TABLE keeps foreign keys inline and appends table options") {
    Table table = table_named("line items");
    table.columns = {column("order_id", ColumnType::of(TypeKind::Integer), false),
                     column("sku", ColumnType::of(TypeKind::Text), false)};
    table.columns[1].comment = "stock keeping unit";
    table.comment = "lines";
    table.primary_key.columns = {"order_id", "sku"};
    ForeignKey key;
    key.columns = {"order_id"};
    key.referenced_table = "order";
    key.referenced_columns = {"id"};
    key.on_delete = ForeignKeyAction::Cascade;
    table.foreign_keys = {key};
    table.is_without_rowid = true;
    table.is_strict = true;
    CHECK(kSqlite.create_table(table) ==
          Statements{"CREATE TABLE \"line items\" (\n"
                     "    order_id INTEGER NOT NULL,\n"
                     "    sku TEXT NOT NULL,\n"
                     "    PRIMARY KEY (order_id, sku),\n"
                     "    FOREIGN KEY (order_id) REFERENCES \"order\" (id) ON DELETE CASCADE\n"
                     ") WITHOUT ROWID, STRICT"});
    table.is_strict = false;
    CHECK(kSqlite.create_table(table).front().ends_with("\n) WITHOUT ROWID"));
}

TEST_CASE("SQLite ADD COLUMN renders the SQLite column definition and no comment") {
    Column status = column("state", ColumnType::enumeration({"on", "off"}), false);
    status.default_sql = "'on'";
    status.comment = "switch";
    CHECK(kSqlite.render(AddColumn{"devices", status}) ==
          Statements{"ALTER TABLE devices ADD COLUMN state TEXT CHECK (state IN ('on', 'off'))"
                     " NOT NULL DEFAULT 'on'"});
    CHECK(kSqlite.render(DropColumn{"devices", status}) ==
          Statements{"ALTER TABLE devices DROP COLUMN state"});
    CHECK(kSqlite.render(RenameColumn{"devices", "state", "Power State"}) ==
          Statements{"ALTER TABLE devices RENAME COLUMN state TO \"Power State\""});
    CHECK(kSqlite.render(RenameTable{"devices", "gadgets"}) ==
          Statements{"ALTER TABLE devices RENAME TO gadgets"});
}

TEST_CASE("SQLite has no comments, so a table comment renders no statement") {
    CHECK(kSqlite.render(SetTableComment{"t", std::nullopt, "x"}).empty());
}

TEST_CASE("SQLite refuses to render what only a rebuild can do") {
    const std::vector<Operation> refused = {
        AlterColumn{"t", column("a", ColumnType::of(TypeKind::Integer)),
                    column("a", ColumnType::of(TypeKind::Text))},
        AddUniqueConstraint{"t", {"uq", {"a"}}},
        DropUniqueConstraint{"t", {"uq", {"a"}}},
        AddForeignKey{"t", {}},
        DropForeignKey{"t", {}},
        AddCheckConstraint{"t", {"ck", "a > 0"}},
        DropCheckConstraint{"t", {"ck", "a > 0"}},
        AlterPrimaryKey{"t", {}, {std::nullopt, {"a"}}},
    };
    for (const auto& op : refused) {
        CAPTURE(operation_name(op));
        try {
            (void)kSqlite.render(op);
            FAIL("expected an error");
        } catch (const Error& error) {
            CHECK(error.kind() == ErrorKind::UnsupportedOperation);
            CHECK(error.context() == "table t");
        }
    }
}

TEST_CASE("SQLite switches foreign keys off around a script that rebuilds or drops tables") {
    const std::vector<Operation> rebuild = {RebuildTable{}};
    CHECK(kSqlite.before_transaction(rebuild) == Statements{"PRAGMA foreign_keys=OFF"});
    CHECK(kSqlite.before_commit(rebuild) == Statements{"PRAGMA foreign_key_check"});
    CHECK(kSqlite.after_transaction(rebuild) == Statements{"PRAGMA foreign_keys=ON"});
    const std::vector<Operation> drop = {CreateIndex{}, DropTable{}};
    CHECK(kSqlite.before_transaction(drop) == Statements{"PRAGMA foreign_keys=OFF"});

    const std::vector<Operation> plain = {CreateIndex{}, AddColumn{}};
    CHECK(kSqlite.before_transaction(plain).empty());
    CHECK(kSqlite.before_commit(plain).empty());
    CHECK(kSqlite.after_transaction(plain).empty());
}
