// The emitted rebuild run on real SQLite: rows, ids, the AUTOINCREMENT counter, triggers,
// views and foreign keys into the rebuilt table all survive, and a rebuild that would break a
// foreign key is rolled back whole.
#include "golden.hpp"
#include "schemadiff/emit/sql.hpp"
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

Table users_table() {
    Table users;
    users.name = "users";
    users.columns = {column("id", ColumnType::of(TypeKind::Integer), false),
                     column("name", ColumnType::of(TypeKind::Text)),
                     column("age", ColumnType::of(TypeKind::Text))};
    users.columns[0].is_autoincrement = true;
    users.primary_key.columns = {"id"};
    users.triggers = {{"tr_users_deleted",
                       "CREATE TRIGGER tr_users_deleted AFTER DELETE ON users "
                       "BEGIN INSERT INTO log (msg) VALUES ('bye ' || old.name); "
                       "END"}};
    return users;
}

Table posts_table() {
    Table posts;
    posts.name = "posts";
    posts.columns = {column("id", ColumnType::of(TypeKind::Integer), false),
                     column("user_id", ColumnType::of(TypeKind::Integer))};
    posts.primary_key.columns = {"id"};
    ForeignKey to_users;
    to_users.columns = {"user_id"};
    to_users.referenced_table = "users";
    to_users.referenced_columns = {"id"};
    to_users.on_delete = ForeignKeyAction::Cascade;
    posts.foreign_keys = {to_users};
    // A trigger on another table that names users: it must not break the rename.
    posts.triggers = {{"tr_posts_added",
                       "CREATE TRIGGER tr_posts_added AFTER INSERT ON posts "
                       "BEGIN INSERT INTO log (msg) SELECT 'post by ' || id "
                       "FROM users WHERE id = new.user_id; END"}};
    return posts;
}

const std::vector<View> kViews = {
    {"adults", "CREATE VIEW adults AS SELECT * FROM users WHERE age >= 18"},
    {"adult_names", "CREATE VIEW adult_names AS SELECT \"full name\" AS n FROM adults"},
};

// users: 3 rows inserted, the last deleted (the counter stays at 3); two posts by users 1, 2.
void create_start(testing::SqliteDb& db) {
    db.exec("PRAGMA foreign_keys=ON");
    db.exec("CREATE TABLE log (msg TEXT)");
    for (const Table& table : {users_table(), posts_table()}) {
        for (const auto& statement : kSqlite.create_table(table)) db.exec(statement);
    }
    db.exec("INSERT INTO users (name, age) VALUES ('ann', '41'), (NULL, '17'), ('cy', '30')");
    db.exec("DELETE FROM users WHERE id = 3");
    db.exec("INSERT INTO posts (id, user_id) VALUES (10, 1), (11, 2)");
    db.exec("CREATE VIEW adults AS SELECT * FROM users WHERE age >= 18");
    db.exec("CREATE VIEW adult_names AS SELECT name AS n FROM adults");
    db.exec("DELETE FROM log");
}

// Renames name to "full name" (NOT NULL DEFAULT ''), makes age INTEGER, adds an index.
Plan users_plan() {
    RebuildTable op;
    op.from = users_table();
    op.to = users_table();
    op.to.columns[1] = column("full name", ColumnType::of(TypeKind::Text), false);
    op.to.columns[1].default_sql = "''";
    op.to.columns[2].type = ColumnType::of(TypeKind::Integer);
    op.to.indexes = {
        {"ix_users_age", {{"age", std::nullopt, false, std::nullopt}}, false, std::nullopt}};
    op.to.triggers[0].sql =
        "CREATE TRIGGER tr_users_deleted AFTER DELETE ON users BEGIN "
        "INSERT INTO log (msg) VALUES ('bye ' || old.\"full name\"); END";
    op.column_sources = {{"id", "id"}, {"full name", "name"}, {"age", "age"}};
    op.views = kViews;
    Plan plan;
    plan.operations.emplace_back(std::move(op));
    plan.findings.push_back({FindingKind::TableRebuild, 0, "users", "", "rebuilds table users"});
    return plan;
}

}  // namespace

TEST_CASE("a SQLite rebuild keeps rows, ids, triggers, views and the AUTOINCREMENT counter") {
    testing::SqliteDb db;
    create_start(db);
    db.apply(emit::emit_sql(users_plan(), kSqlite));

    CHECK(db.query("SELECT id, \"full name\", age, typeof(age) FROM users ORDER BY id") ==
          Rows{{"1", "ann", "41", "integer"}, {"2", "", "17", "integer"}});
    CHECK(db.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'users'") == "3");
    CHECK(db.scalar("SELECT count(*) FROM sqlite_sequence") == "1");
    db.exec("INSERT INTO users (\"full name\", age) VALUES ('dee', 50)");
    CHECK(db.scalar("SELECT max(id) FROM users") == "4");

    CHECK(db.query("SELECT n FROM adult_names ORDER BY n") == Rows{{"ann"}, {"dee"}});
    CHECK(db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'ix_users_age'") == "1");
    CHECK(db.scalar("SELECT count(*) FROM sqlite_schema WHERE name LIKE '_schemadiff_new_%'") ==
          "0");
    CHECK(db.query("PRAGMA foreign_key_check").empty());
    CHECK(db.scalar("PRAGMA integrity_check") == "ok");
}

TEST_CASE("after a parent rebuild the children's rows and their foreign keys still work") {
    testing::SqliteDb db;
    create_start(db);
    db.apply(emit::emit_sql(users_plan(), kSqlite));

    CHECK(db.scalar("PRAGMA foreign_keys") == "1");
    CHECK(db.query("SELECT id, user_id FROM posts ORDER BY id") == Rows{{"10", "1"}, {"11", "2"}});
    db.exec("INSERT INTO posts (id, user_id) VALUES (12, 1)");
    CHECK(db.query("SELECT msg FROM log") == Rows{{"post by 1"}});
    CHECK_THROWS(db.exec("INSERT INTO posts (id, user_id) VALUES (13, 99)"));
    db.exec("DELETE FROM users WHERE id = 1");
    CHECK(db.query("SELECT id FROM posts ORDER BY id") == Rows{{"11"}});
    CHECK(db.query("SELECT msg FROM log") == Rows{{"post by 1"}, {"bye ann"}});
}

TEST_CASE("the rendered rebuild script runs as one text in SQLite's own client") {
    testing::SqliteDb db;
    create_start(db);
    db.exec(emit::render_sql(emit::emit_sql(users_plan(), kSqlite), {}));
    CHECK(db.query("SELECT id, \"full name\" FROM users ORDER BY id") ==
          Rows{{"1", "ann"}, {"2", ""}});
    CHECK(db.scalar("SELECT count(*) FROM posts") == "2");
    CHECK(db.scalar("PRAGMA foreign_keys") == "1");
}

TEST_CASE("a rebuild that leaves a dangling foreign key is rolled back whole") {
    testing::SqliteDb db;
    create_start(db);
    db.exec("PRAGMA foreign_keys=OFF");
    db.exec("INSERT INTO posts (id, user_id) VALUES (12, 99)");  // already dangling
    db.exec("PRAGMA foreign_keys=ON");

    RebuildTable op;
    op.from = posts_table();
    op.to = posts_table();
    op.to.columns.push_back(column("title", ColumnType::of(TypeKind::Text)));
    op.column_sources = {{"id", "id"}, {"user_id", "user_id"}};
    Plan plan;
    plan.operations.emplace_back(op);
    CHECK_THROWS(db.apply(emit::emit_sql(plan, kSqlite)));

    CHECK(db.scalar("SELECT count(*) FROM pragma_table_info('posts')") == "2");
    CHECK(db.scalar("SELECT count(*) FROM posts") == "3");
}

TEST_CASE("a rebuild of a child table keeps its rows and changes its foreign key action") {
    testing::SqliteDb db;
    create_start(db);
    RebuildTable op;
    op.from = posts_table();
    op.to = posts_table();
    op.to.foreign_keys[0].on_delete = ForeignKeyAction::SetNull;
    op.column_sources = {{"id", "id"}, {"user_id", "user_id"}};
    Plan plan;
    plan.operations.emplace_back(op);
    db.apply(emit::emit_sql(plan, kSqlite));

    db.exec("DELETE FROM users WHERE id = 2");
    CHECK(db.query("SELECT id, user_id FROM posts ORDER BY id") ==
          Rows{{"10", "1"}, {"11", "NULL"}});
}

TEST_CASE("text in a column of a raw type survives a rebuild to TEXT and back") {
    testing::SqliteDb db;
    db.exec("CREATE TABLE items (id INTEGER PRIMARY KEY, shape GEOMETRY)");
    db.exec("INSERT INTO items VALUES (1, 'POINT(1 2)'), (2, 12), (3, '7'), (4, NULL)");
    RebuildTable op;
    op.from.name = "items";
    op.from.columns = {column("id", ColumnType::of(TypeKind::Integer), false),
                       column("shape", ColumnType::raw_type("GEOMETRY"))};
    op.from.primary_key.columns = {"id"};
    op.to = op.from;
    op.to.columns[1].type = ColumnType::of(TypeKind::Text);
    op.column_sources = {{"id", "id"}, {"shape", "shape"}};
    RebuildTable back{op.to, op.from, op.column_sources, {}, {}};

    db.apply(emit::emit_sql(Plan{{op}, {}}, kSqlite));
    CHECK(db.query("SELECT id, shape, typeof(shape) FROM items ORDER BY id") ==
          Rows{{"1", "POINT(1 2)", "text"},
               {"2", "12", "text"},
               {"3", "7", "text"},
               {"4", "NULL", "null"}});
    db.apply(emit::emit_sql(Plan{{back}, {}}, kSqlite));
    CHECK(db.query("SELECT id, shape, typeof(shape) FROM items ORDER BY id") ==
          Rows{{"1", "POINT(1 2)", "text"},
               {"2", "12", "integer"},
               {"3", "7", "integer"},
               {"4", "NULL", "null"}});
}

TEST_CASE("view and trigger operations run on SQLite, named oddly, and undo each other") {
    testing::SqliteDb db;
    db.exec("CREATE TABLE \"order\" (id INTEGER PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0)");
    const View view{"Big Orders",
                    "CREATE VIEW \"Big Orders\" AS SELECT id FROM \"order\" "
                    "WHERE n > 1;"};
    const Trigger trigger{"tr order",
                          "CREATE TRIGGER \"tr order\" AFTER INSERT ON \"order\"\n"
                          "BEGIN\n    UPDATE \"order\" SET n = 5 WHERE id = new.id;\n"
                          "END;"};
    db.apply(
        emit::emit_sql(Plan{{CreateView{view}, CreateTrigger{"order", trigger}}, {}}, kSqlite));
    db.exec("INSERT INTO \"order\" (id) VALUES (1)");
    CHECK(db.query("SELECT id FROM \"Big Orders\"") == Rows{{"1"}});

    db.apply(emit::emit_sql(Plan{{DropTrigger{"order", trigger}, DropView{view}}, {}}, kSqlite));
    CHECK(db.scalar("SELECT count(*) FROM sqlite_schema WHERE type IN ('view', 'trigger')") == "0");
    db.exec("INSERT INTO \"order\" (id) VALUES (2)");
    CHECK(db.scalar("SELECT n FROM \"order\" WHERE id = 2") == "0");
}
