// SqliteDialect::can_alter_in_place against SQLite itself: whenever the dialect says an ALTER
// works in place, SQLite runs it on a table with rows; whenever it says no for a documented
// restriction, SQLite refuses it.
#include "golden.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "sqlite_db.hpp"

using namespace schemadiff;

namespace {

const sqlite::SqliteDialect kSqlite;

Column column(std::string name, ColumnType type, bool is_nullable = true) {
    Column out;
    out.name = std::move(name);
    out.type = std::move(type);
    out.is_nullable = is_nullable;
    return out;
}

ColumnType integer() { return ColumnType::of(TypeKind::Integer); }

// A table that uses its columns in every way DROP COLUMN cares about.
Table crowded_table() {
    Table t;
    t.name = "t";
    t.columns = {
        column("id", integer(), false), column("free", integer()),    column("uniq", integer()),
        column("ref", integer()),       column("checked", integer()), column("base", integer()),
        column("doubled", integer()),   column("Watched", integer()), column("Order", integer())};
    t.columns[6].generated = GeneratedColumn{"base * 2", false};
    t.primary_key.columns = {"id"};
    t.unique_constraints = {{std::nullopt, {"uniq"}}};
    ForeignKey key;
    key.columns = {"ref"};
    key.referenced_table = "parent";
    t.foreign_keys = {key};
    t.checks = {{"ck_checked", "\"CHECKED\" > 0"}};
    t.triggers = {{"tr_t",
                   "CREATE TRIGGER tr_t AFTER UPDATE ON t BEGIN "
                   "SELECT new.watched; END"}};
    return t;
}

void create_with_row(testing::SqliteDb& db, const Table& table) {
    db.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
    for (const auto& statement : kSqlite.create_table(table)) db.exec(statement);
    db.exec("INSERT INTO " + kSqlite.quote_identifier(table.name) + " (id) VALUES (1)");
}

bool runs(const Table& table, const Operation& op) {
    testing::SqliteDb db;
    create_with_row(db, table);
    try {
        for (const auto& statement : kSqlite.render(op)) db.exec(statement);
        return true;
    } catch (const std::runtime_error&) {
        return false;
    }
}

}  // namespace

TEST_CASE("ADD COLUMN is in place exactly when SQLite accepts it on a table with rows") {
    Table table;
    table.name = "t";
    table.columns = {column("id", integer(), false)};
    table.primary_key.columns = {"id"};

    struct Case {
        const char* label;
        Column column;
        bool in_place;
    };
    auto with = [](Column c, auto&& change) {
        change(c);
        return c;
    };
    const std::vector<Case> cases = {
        {"nullable", column("c", integer()), true},
        {"not null with default",
         with(column("c", integer(), false), [](Column& c) { c.default_sql = "0"; }), true},
        {"enum with default",
         with(column("c", ColumnType::enumeration({"a", "b"}), false),
              [](Column& c) { c.default_sql = "'a'"; }),
         true},
        {"virtual generated",
         with(column("c", integer()), [](Column& c) { c.generated = GeneratedColumn{"id + 1"}; }),
         true},
        {"not null without default", column("c", integer(), false), false},
        {"not null with NULL default",
         with(column("c", integer(), false), [](Column& c) { c.default_sql = "NULL"; }), false},
        {"CURRENT_TIMESTAMP default",
         with(column("c", ColumnType::of(TypeKind::Timestamp)),
              [](Column& c) { c.default_sql = "CURRENT_TIMESTAMP"; }),
         false},
        {"expression default",
         with(column("c", ColumnType::of(TypeKind::Text)),
              [](Column& c) { c.default_sql = "datetime('now')"; }),
         false},
        {"stored generated",
         with(column("c", integer()),
              [](Column& c) {
                  c.generated = GeneratedColumn{"id + 1", true};
              }),
         false},
        {"autoincrement key",
         with(column("c", integer(), false), [](Column& c) { c.is_autoincrement = true; }), false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.label);
        const AddColumn op{"t", c.column};
        std::string reason;
        CHECK(kSqlite.can_alter_in_place(op, table, reason) == c.in_place);
        CHECK(reason.empty() == c.in_place);
        if (c.column.is_autoincrement) continue;  // renders as a plain column outside a key
        CHECK(runs(table, op) == c.in_place);
    }
}

TEST_CASE("DROP COLUMN is refused for key, unique, foreign key, check, generated and trigger use") {
    const Table table = crowded_table();
    struct Case {
        std::string column;
        bool in_place;
    };
    const std::vector<Case> cases = {
        {"free", true}, {"doubled", true},  {"Order", true}, {"id", false},      {"uniq", false},
        {"ref", false}, {"checked", false}, {"base", false}, {"Watched", false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.column);
        const DropColumn op{"t", *table.find_column(c.column)};
        std::string reason;
        CHECK(kSqlite.can_alter_in_place(op, table, reason) == c.in_place);
        CHECK(reason.empty() == c.in_place);
        CHECK(runs(table, op) == c.in_place);
    }
}

TEST_CASE("a DROP COLUMN refusal names the table, the column and the obstacle") {
    std::string reason;
    const Table table = crowded_table();
    CHECK_FALSE(
        kSqlite.can_alter_in_place(DropColumn{"t", *table.find_column("Watched")}, table, reason));
    CHECK(reason == "SQLite cannot drop column t.Watched: trigger tr_t mentions it.");
}

TEST_CASE("a trigger that only assigns the column also keeps it from being dropped in place") {
    // SQLite itself accepts this DROP COLUMN and leaves a trigger that fails when it fires.
    Table table = crowded_table();
    table.triggers = {{"tr_t",
                       "CREATE TRIGGER tr_t AFTER UPDATE ON t BEGIN "
                       "UPDATE t SET \"watched\" = 1 WHERE id = new.id; END"}};
    std::string reason;
    CHECK_FALSE(
        kSqlite.can_alter_in_place(DropColumn{"t", *table.find_column("Watched")}, table, reason));
    CHECK(kSqlite.can_alter_in_place(DropColumn{"t", *table.find_column("free")}, table, reason));
}

TEST_CASE("renames and index changes are in place, constraint and type changes are not") {
    const Table table = crowded_table();
    std::string reason;
    for (const Operation& op :
         std::vector<Operation>{RenameTable{"t", "u"}, RenameColumn{"t", "free", "loose"},
                                CreateIndex{}, DropIndex{}, CreateTable{}, DropTable{}}) {
        CAPTURE(operation_name(op));
        CHECK(kSqlite.can_alter_in_place(op, table, reason));
    }
    for (const Operation& op : std::vector<Operation>{
             AlterColumn{}, AlterPrimaryKey{}, AddUniqueConstraint{}, DropUniqueConstraint{},
             AddForeignKey{}, DropForeignKey{}, AddCheckConstraint{}, DropCheckConstraint{}}) {
        CAPTURE(operation_name(op));
        CHECK_FALSE(kSqlite.can_alter_in_place(op, table, reason));
        CHECK(reason.starts_with("SQLite cannot "));
    }
}
