#include "sqlite_catalog.hpp"

#include <doctest/doctest.h>

#include "schemadiff/core/error.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "sqlite_test_support.hpp"

using namespace schemadiff;
using schemadiff::testing::read_back;
using schemadiff::testing::table_named;

namespace {

Column column(std::string name, ColumnType type, bool nullable = true,
              std::optional<std::string> default_sql = std::nullopt) {
    Column out;
    out.name = std::move(name);
    out.type = std::move(type);
    out.is_nullable = nullable;
    out.default_sql = std::move(default_sql);
    return out;
}

IndexPart part(std::string name, bool descending = false) {
    IndexPart out;
    out.column = std::move(name);
    out.is_descending = descending;
    return out;
}

}  // namespace

TEST_CASE("columns come back in declared order with type, nullability and default") {
    const Schema schema = read_back(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL,"
        " score REAL DEFAULT (0), active BOOLEAN NOT NULL DEFAULT 1,"
        " note TEXT DEFAULT 'it''s', created DATETIME DEFAULT CURRENT_TIMESTAMP, blob_col)");
    REQUIRE(schema.tables.size() == 1);
    const Table& users = schema.tables[0];
    CHECK(users.name == "users");
    const std::vector<Column> expected = {
        column("id", ColumnType::of(TypeKind::Integer), false),
        column("email", ColumnType::string(255), false),
        column("score", ColumnType::of(TypeKind::Real), true, "0"),
        column("active", ColumnType::of(TypeKind::Boolean), false, "1"),
        column("note", ColumnType::of(TypeKind::Text), true, "'it''s'"),
        column("created", ColumnType::of(TypeKind::Timestamp), true, "CURRENT_TIMESTAMP"),
        column("blob_col", ColumnType::raw_type(""), true),
    };
    CHECK(users.columns == expected);
    CHECK(users.primary_key == PrimaryKey{std::nullopt, {"id"}});
    CHECK_FALSE(users.is_without_rowid);
    CHECK_FALSE(users.is_strict);
}

TEST_CASE("a composite named primary key, WITHOUT ROWID and STRICT are read") {
    const Schema schema = read_back(
        "CREATE TABLE pairs (a INTEGER, b TEXT, c INT,"
        " CONSTRAINT pk_pairs PRIMARY KEY (b, a)) WITHOUT ROWID, STRICT");
    const Table& pairs = table_named(schema, "pairs");
    CHECK(pairs.primary_key == PrimaryKey{"pk_pairs", {"b", "a"}});
    CHECK(pairs.is_without_rowid);
    CHECK(pairs.is_strict);
    // WITHOUT ROWID enforces NOT NULL on key columns.
    CHECK_FALSE(pairs.columns[0].is_nullable);
    CHECK_FALSE(pairs.columns[1].is_nullable);
    CHECK(pairs.columns[2].is_nullable);
}

TEST_CASE("a primary key column of a rowid table that is not the rowid stays nullable") {
    const Schema schema = read_back("CREATE TABLE t (code TEXT PRIMARY KEY, n INT)");
    const Table& t = table_named(schema, "t");
    CHECK(t.primary_key.columns == std::vector<std::string>{"code"});
    CHECK(t.columns[0].is_nullable);
    CHECK(t.unique_constraints.empty());
    CHECK(t.indexes.empty());
}

TEST_CASE("AUTOINCREMENT is read and sqlite_sequence is not a table of the schema") {
    const Schema schema = read_back(
        "CREATE TABLE t (id INTEGER CONSTRAINT pk_t PRIMARY KEY AUTOINCREMENT, x TEXT);"
        "INSERT INTO t (x) VALUES ('a');");
    REQUIRE(schema.tables.size() == 1);
    const Table& t = schema.tables[0];
    CHECK(t.columns[0].is_autoincrement);
    CHECK_FALSE(t.columns[1].is_autoincrement);
    CHECK(t.primary_key == PrimaryKey{"pk_t", {"id"}});
}

TEST_CASE("generated columns come back with their expression and storage") {
    const Schema schema = read_back(
        "CREATE TABLE t (a INT, b INT GENERATED ALWAYS AS (a * 2) STORED,"
        " c TEXT AS (a || 'x') VIRTUAL, d AS (a + 1))");
    const Table& t = table_named(schema, "t");
    REQUIRE(t.columns.size() == 4);
    CHECK(t.columns[1].generated == GeneratedColumn{"a * 2", true});
    CHECK(t.columns[1].type == ColumnType::of(TypeKind::Integer));
    CHECK_FALSE(t.columns[1].default_sql.has_value());
    CHECK(t.columns[2].generated == GeneratedColumn{"a || 'x'", false});
    CHECK(t.columns[2].type == ColumnType::of(TypeKind::Text));
    CHECK(t.columns[3].generated == GeneratedColumn{"a + 1", false});
    CHECK_FALSE(t.columns[0].generated.has_value());
}

TEST_CASE("column collations are read, built-in names in one spelling") {
    const Schema schema =
        read_back("CREATE TABLE t (a TEXT COLLATE nocase, b TEXT COLLATE RTRIM, c TEXT)");
    const Table& t = table_named(schema, "t");
    CHECK(t.columns[0].collation == "NOCASE");
    CHECK(t.columns[1].collation == "RTRIM");
    CHECK_FALSE(t.columns[2].collation.has_value());
}

TEST_CASE("indexes keep uniqueness, parts, order, collation, expressions and predicates") {
    const Schema schema = read_back(
        "CREATE TABLE t (a INT, b TEXT COLLATE NOCASE, c INT);"
        "CREATE UNIQUE INDEX ux_a ON t (a);"
        "CREATE INDEX ix_comp ON t (a DESC, b, c COLLATE BINARY);"
        "CREATE INDEX ix_partial ON t (c) WHERE c > 0 AND a IS NOT NULL;"
        "CREATE INDEX ix_expr ON t (lower(b), a + c DESC);");
    const Table& t = table_named(schema, "t");
    REQUIRE(t.indexes.size() == 4);
    // Sorted by name.
    const Index& comp = t.indexes[0];
    CHECK(comp.name == "ix_comp");
    CHECK_FALSE(comp.is_unique);
    IndexPart collated = part("c");
    collated.collation = "BINARY";
    // b's NOCASE comes from the column, not the index: it is not repeated on the part.
    CHECK(comp.parts == std::vector<IndexPart>{part("a", true), part("b"), collated});

    const Index& expr = t.indexes[1];
    CHECK(expr.name == "ix_expr");
    REQUIRE(expr.parts.size() == 2);
    CHECK(expr.parts[0].column.empty());
    CHECK(expr.parts[0].expression == "lower(b)");
    CHECK(expr.parts[1].expression == "a + c");
    CHECK(expr.parts[1].is_descending);

    const Index& partial = t.indexes[2];
    CHECK(partial.name == "ix_partial");
    CHECK(partial.where == "c > 0 AND a IS NOT NULL");

    const Index& unique = t.indexes[3];
    CHECK(unique.name == "ux_a");
    CHECK(unique.is_unique);
    CHECK(unique.parts == std::vector<IndexPart>{part("a")});
    CHECK_FALSE(unique.where.has_value());
}

TEST_CASE("automatic indexes are unique constraints, named from the CREATE TABLE text") {
    const Schema schema = read_back(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT CONSTRAINT uq_email UNIQUE,"
        " code TEXT UNIQUE, a INT, b INT, CONSTRAINT uq_ab UNIQUE (a, b), UNIQUE (b, a))");
    const Table& t = table_named(schema, "t");
    CHECK(t.indexes.empty());
    const std::vector<UniqueConstraint> expected = {
        {"uq_ab", {"a", "b"}},
        {"uq_email", {"email"}},
        {std::nullopt, {"b", "a"}},
        {std::nullopt, {"code"}},
    };
    CHECK(t.unique_constraints == expected);
}

TEST_CASE("a non-integer primary key's automatic index is the primary key, not a unique") {
    const Schema schema =
        read_back("CREATE TABLE t (a TEXT, b TEXT, CONSTRAINT pk PRIMARY KEY (a, b))");
    const Table& t = table_named(schema, "t");
    CHECK(t.primary_key == PrimaryKey{"pk", {"a", "b"}});
    CHECK(t.unique_constraints.empty());
    CHECK(t.indexes.empty());
}

TEST_CASE("foreign keys: composite, actions, deferrable, named and to the implicit key") {
    const Schema schema = read_back(
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, a INT, b INT, UNIQUE (a, b));"
        "CREATE TABLE child (id INTEGER PRIMARY KEY,"
        " parent_id INTEGER REFERENCES Parent ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,"
        " x INT, y INT, z INT CONSTRAINT fk_z REFERENCES parent (id) ON UPDATE SET NULL,"
        " CONSTRAINT fk_xy FOREIGN KEY (x, y) REFERENCES parent (a, b)"
        " ON DELETE RESTRICT ON UPDATE SET DEFAULT);");
    const Table& child = table_named(schema, "child");
    REQUIRE(child.foreign_keys.size() == 3);

    ForeignKey xy;
    xy.name = "fk_xy";
    xy.columns = {"x", "y"};
    xy.referenced_table = "parent";
    xy.referenced_columns = {"a", "b"};
    xy.on_delete = ForeignKeyAction::Restrict;
    xy.on_update = ForeignKeyAction::SetDefault;
    CHECK(child.foreign_keys[0] == xy);

    ForeignKey z;
    z.name = "fk_z";
    z.columns = {"z"};
    z.referenced_table = "parent";
    z.referenced_columns = {"id"};
    z.on_update = ForeignKeyAction::SetNull;
    CHECK(child.foreign_keys[1] == z);

    ForeignKey implicit;
    implicit.columns = {"parent_id"};
    implicit.referenced_table = "parent";  // spelled as the table is, not as referenced
    implicit.on_delete = ForeignKeyAction::Cascade;
    implicit.is_deferrable = true;
    implicit.is_initially_deferred = true;
    CHECK(child.foreign_keys[2] == implicit);
}

TEST_CASE("CHECK constraints, named and unnamed, column- and table-level, become table checks") {
    const Schema schema = read_back(
        "CREATE TABLE t (a INT CHECK (a > 0), b INT CONSTRAINT ck_b CHECK (b <> 5),"
        " CONSTRAINT ck_ab CHECK (a < b), CHECK (a + b < 100))");
    const Table& t = table_named(schema, "t");
    const std::vector<CheckConstraint> expected = {
        {"ck_ab", "a < b"},
        {"ck_b", "b <> 5"},
        {std::nullopt, "a + b < 100"},
        {std::nullopt, "a > 0"},
    };
    CHECK(t.checks == expected);
}

TEST_CASE("a column-level IN-list CHECK on a TEXT column is an enum type, not a check") {
    const Schema schema = read_back(
        "CREATE TABLE t (status TEXT NOT NULL DEFAULT 'draft'"
        " CHECK (\"status\" IN ('draft', 'published', 'it''s')),"
        " kind TEXT CHECK (kind IN ('a')),"
        " other TEXT CHECK (status IN ('x')),"
        " n INTEGER CHECK (n IN ('1', '2')),"
        " mixed TEXT CHECK (mixed IN ('a', 1)),"
        " shaped TEXT CHECK (shaped IN ('a') AND 1),"
        " tabled TEXT, CHECK (tabled IN ('p', 'q')))");
    const Table& t = table_named(schema, "t");
    CHECK(t.columns[0].type == ColumnType::enumeration({"draft", "published", "it's"}));
    CHECK_FALSE(t.columns[0].is_nullable);
    CHECK(t.columns[0].default_sql == "'draft'");
    CHECK(t.columns[1].type == ColumnType::enumeration({"a"}));
    for (std::size_t i = 2; i < t.columns.size(); ++i) {
        CAPTURE(t.columns[i].name);
        CHECK(t.columns[i].type.kind != TypeKind::Enum);
    }
    const std::vector<CheckConstraint> expected = {
        {std::nullopt, "mixed IN ('a', 1)"},     {std::nullopt, "n IN ('1', '2')"},
        {std::nullopt, "shaped IN ('a') AND 1"}, {std::nullopt, "status IN ('x')"},
        {std::nullopt, "tabled IN ('p', 'q')"},
    };
    CHECK(t.checks == expected);
}

TEST_CASE("triggers are attached to their table and views are kept whole") {
    const std::string trigger =
        "CREATE TRIGGER tr_audit AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.a); END";
    const std::string view = "CREATE VIEW v_t AS SELECT a FROM t WHERE a > 0";
    const Schema schema =
        read_back("CREATE TABLE t (a INT); CREATE TABLE log (a INT);" + trigger + ";" + view + ";");
    CHECK(table_named(schema, "t").triggers == std::vector<Trigger>{{"tr_audit", trigger}});
    CHECK(table_named(schema, "log").triggers.empty());
    CHECK(schema.views == std::vector<View>{{"v_t", view}});
}

TEST_CASE("the version table, its companions and excluded tables are not read") {
    ReadOptions options;
    options.version_table = "schemadiff_version";
    options.excluded_tables = {"Skipped"};
    const Schema schema = read_back(
        "CREATE TABLE schemadiff_version (version_num TEXT);"
        "CREATE TABLE schemadiff_version_history (id INT);"
        "CREATE TABLE SchemaDiff_Version_lock (id INT);"
        "CREATE TABLE schemadiff_versions (id INT);"
        "CREATE TABLE skipped (id INT);"
        "CREATE INDEX ix_skipped ON skipped (id);"
        "CREATE TABLE kept (id INT);",
        options);
    std::vector<std::string> names;
    for (const auto& table : schema.tables) names.push_back(table.name);
    CHECK(names == std::vector<std::string>{"kept", "schemadiff_versions"});
}

TEST_CASE("odd identifiers survive the whole catalog read") {
    const Schema schema = read_back(
        "CREATE TABLE \"order\" (\"select\" INTEGER PRIMARY KEY, \"Mixed Case\" TEXT,"
        " \"with space\" TEXT, \"quo\"\"te\" TEXT, ünïcödé TEXT,"
        " UNIQUE (\"with space\"));"
        "CREATE INDEX \"ix \"\"odd\"\"\" ON \"order\" (\"quo\"\"te\", [Mixed Case]);"
        "CREATE TABLE `Child Table` (id INTEGER PRIMARY KEY,"
        " ref INTEGER REFERENCES \"ORDER\" (\"Select\"));");
    const Table& order = table_named(schema, "order");
    std::vector<std::string> names;
    for (const auto& c : order.columns) names.push_back(c.name);
    CHECK(names ==
          std::vector<std::string>{"select", "Mixed Case", "with space", "quo\"te", "ünïcödé"});
    REQUIRE(order.indexes.size() == 1);
    CHECK(order.indexes[0].name == "ix \"odd\"");
    CHECK(order.indexes[0].parts == std::vector<IndexPart>{part("quo\"te"), part("Mixed Case")});
    CHECK(order.unique_constraints ==
          std::vector<UniqueConstraint>{{std::nullopt, {"with space"}}});
    const Table& child = table_named(schema, "Child Table");
    REQUIRE(child.foreign_keys.size() == 1);
    CHECK(child.foreign_keys[0].referenced_table == "order");
    CHECK(child.foreign_keys[0].referenced_columns == std::vector<std::string>{"select"});
    // Tables sorted by name (byte order).
    CHECK(schema.tables[0].name == "Child Table");
    CHECK(schema.tables[1].name == "order");
}

TEST_CASE("a temporary table does not shadow the real table of the same name") {
    auto db = schemadiff::testing::memory_database(
        "CREATE TABLE t (real_column INT); CREATE TEMP TABLE t (temp_column INT);");
    const Schema schema = db->read_schema({});
    REQUIRE(schema.tables.size() == 1);
    REQUIRE(schema.tables[0].columns.size() == 1);
    CHECK(schema.tables[0].columns[0].name == "real_column");
}

TEST_CASE("reading the same database twice gives equal schemas") {
    auto db = schemadiff::testing::memory_database(
        "CREATE TABLE b (id INTEGER PRIMARY KEY, x TEXT UNIQUE, y INT CHECK (y > 0));"
        "CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INT REFERENCES b (id));"
        "CREATE INDEX ix_a ON a (b_id);");
    CHECK(db->read_schema({}) == db->read_schema({}));
}

TEST_CASE("the number of catalog queries does not grow with the number of tables") {
    auto count_for = [](int tables) {
        auto db = sqlite::open_sqlite(":memory:", sqlite::OpenMode::ReadWriteCreate);
        db->execute("BEGIN");
        for (int i = 0; i < tables; ++i) {
            const std::string name = "t" + std::to_string(i);
            db->execute("CREATE TABLE " + name +
                        " (id INTEGER PRIMARY KEY, parent INT REFERENCES " + name +
                        " (id), code TEXT UNIQUE, n INT CHECK (n > 0))");
            db->execute("CREATE INDEX ix_" + name + " ON " + name + " (n)");
        }
        db->execute("COMMIT");
        const Schema schema = db->read_schema({});
        CHECK(schema.tables.size() == static_cast<std::size_t>(tables));
        return db->catalog_query_count();
    };
    const std::size_t few = count_for(5);
    const std::size_t many = count_for(300);
    CHECK(few == many);
    CHECK(few > 0);
    CHECK(few <= 6);
}

TEST_CASE("catalog queries accumulate over reads") {
    auto db = schemadiff::testing::memory_database("CREATE TABLE t (a INT)");
    (void)db->read_schema({});
    const std::size_t once = db->catalog_query_count();
    (void)db->read_schema({});
    CHECK(db->catalog_query_count() == 2 * once);
}

TEST_CASE("names in constraints take the spelling of the columns and tables they refer to") {
    const Schema schema = read_back(
        "CREATE TABLE Parent (ID INTEGER PRIMARY KEY, Code TEXT, CONSTRAINT uq UNIQUE (CODE));"
        "CREATE TABLE child (x INT, y TEXT,"
        " CONSTRAINT fk FOREIGN KEY (X, Y) REFERENCES PARENT (id, code) DEFERRABLE);"
        "CREATE INDEX ix ON child (Y);");
    const Table& parent = table_named(schema, "Parent");
    CHECK(parent.unique_constraints == std::vector<UniqueConstraint>{{"uq", {"Code"}}});
    const Table& child = table_named(schema, "child");
    REQUIRE(child.foreign_keys.size() == 1);
    const ForeignKey& fk = child.foreign_keys[0];
    CHECK(fk.name == "fk");
    CHECK(fk.columns == std::vector<std::string>{"x", "y"});
    CHECK(fk.referenced_table == "Parent");
    CHECK(fk.referenced_columns == std::vector<std::string>{"ID", "Code"});
    CHECK(fk.is_deferrable);
    REQUIRE(child.indexes.size() == 1);
    CHECK(child.indexes[0].parts == std::vector<IndexPart>{part("y")});
}

TEST_CASE("columns added by ALTER TABLE are read like declared ones") {
    const Schema schema = read_back(
        "CREATE TABLE t (a INT);"
        "ALTER TABLE t ADD COLUMN b TEXT CONSTRAINT ck_b CHECK (length(b) < 5) DEFAULT 'x';"
        "ALTER TABLE t RENAME COLUMN a TO \"renamed a\";");
    const Table& t = table_named(schema, "t");
    REQUIRE(t.columns.size() == 2);
    CHECK(t.columns[0].name == "renamed a");
    CHECK(t.columns[1].default_sql == "'x'");
    CHECK(t.checks == std::vector<CheckConstraint>{{"ck_b", "length(b) < 5"}});
}

TEST_CASE("only a primary key that is the rowid is reported NOT NULL without declaring it") {
    const Schema schema = read_back(
        "CREATE TABLE rowid_alias (id INTEGER PRIMARY KEY, x INT);"
        "CREATE TABLE descending (id INTEGER PRIMARY KEY DESC, x INT);"
        "CREATE TABLE int_key (id INT PRIMARY KEY, x INT);"
        "CREATE TABLE declared (id TEXT NOT NULL PRIMARY KEY, x INT);");
    CHECK_FALSE(table_named(schema, "rowid_alias").columns[0].is_nullable);
    CHECK(table_named(schema, "descending").columns[0].is_nullable);
    CHECK(table_named(schema, "int_key").columns[0].is_nullable);
    CHECK_FALSE(table_named(schema, "declared").columns[0].is_nullable);
    for (const auto& table : schema.tables) {
        CAPTURE(table.name);
        CHECK(table.primary_key.columns == std::vector<std::string>{"id"});
        CHECK(table.unique_constraints.empty());
        CHECK(table.indexes.empty());
        CHECK(table.columns[1].is_nullable);
    }
}

TEST_CASE("a default written as a bare identifier reads back as the string literal it is") {
    // SQLite takes DEFAULT "dq" (and [x], `x`, a bare word) as a string when creating the
    // table; written back as DEFAULT ("dq") it would be a column reference SQLite rejects.
    const std::string ddl =
        "CREATE TABLE t (id INTEGER PRIMARY KEY, e TEXT DEFAULT \"dq\", b TEXT DEFAULT [br],"
        " g TEXT DEFAULT `bt`, w TEXT DEFAULT abc, q TEXT DEFAULT \"it's\","
        " f TEXT DEFAULT \"true\", n BOOLEAN DEFAULT true, s TEXT DEFAULT 'x')";
    const Schema schema = read_back(ddl);
    const Table& t = table_named(schema, "t");
    std::vector<std::optional<std::string>> defaults;
    for (const auto& c : t.columns) defaults.push_back(c.default_sql);
    CHECK(defaults == std::vector<std::optional<std::string>>{std::nullopt, "'dq'", "'br'", "'bt'",
                                                              "'abc'", "'it''s'", "'true'", "true",
                                                              "'x'"});

    // Recreated from what was read, the table stores the same values and reads back equal.
    const sqlite::SqliteDialect dialect;
    auto copy = sqlite::open_sqlite(":memory:", sqlite::OpenMode::ReadWriteCreate);
    for (const auto& statement : dialect.create_table(t)) {
        CAPTURE(statement);
        copy->execute(statement);
    }
    CHECK(copy->read_schema({}) == schema);
    auto original = schemadiff::testing::memory_database(ddl);
    const std::string insert = "INSERT INTO t (id) VALUES (1)";
    const std::string select =
        "SELECT quote(e), quote(b), quote(g), quote(w), quote(q),"
        " quote(f), quote(n), quote(s) FROM t";
    original->execute(insert);
    copy->execute(insert);
    CHECK(copy->query(select) == original->query(select));
    CHECK(copy->query(select).at(0).at(0) == "'dq'");
}

TEST_CASE("index key parts name the columns SQLite resolves them to, however they are written") {
    auto db = schemadiff::testing::memory_database(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, \"B c\" TEXT, \"null\" INT);"
        "CREATE INDEX ix_parts ON t ((a COLLATE nocase) DESC, 'a', \"nosuch\", (((\"b C\"))),"
        " [A] COLLATE rtrim, (a) COLLATE binary, ('A'), (\"a\"), NULL, \"null\", a + 1,"
        " (a) || 'x', lower(a) COLLATE nocase);"
        "CREATE UNIQUE INDEX \"Ux Mixed\" ON T (\"B C\" DESC) WHERE a IS NOT NULL;");
    const Schema schema = db->read_schema({});
    const Table& t = table_named(schema, "t");
    REQUIRE(t.indexes.size() == 2);
    for (const Index& index : t.indexes) {
        CAPTURE(index.name);
        // SQLite's own resolution of every key part: cid -2 is an expression.
        const auto rows = db->query("SELECT cid, name, \"desc\" FROM pragma_index_xinfo(" +
                                    sqlite::SqliteDialect().quote_string(index.name) +
                                    ") WHERE key ORDER BY seqno");
        REQUIRE(rows.size() == index.parts.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            CAPTURE(i);
            const IndexPart& read = index.parts[i];
            if (rows[i][0] == "-2") {
                CHECK(read.column.empty());
                CHECK(read.expression.has_value());
            } else {
                CHECK(read.column == rows[i][1].value_or(""));
                CHECK_FALSE(read.expression.has_value());
            }
            CHECK(read.is_descending == (rows[i][2] == "1"));
        }
    }
    const Index& parts = t.indexes[1];
    CHECK(parts.name == "ix_parts");
    CHECK(parts.parts[0].collation == "NOCASE");
    CHECK(parts.parts[2].expression == "\"nosuch\"");
    CHECK(parts.parts[3].column == "B c");
    CHECK(parts.parts[4].collation == "RTRIM");
    CHECK(parts.parts[5].collation == "BINARY");
    CHECK(parts.parts[8].expression == "NULL");
    CHECK(parts.parts[9].column == "null");
    CHECK(parts.parts[12].expression == "lower(a)");
    CHECK(parts.parts[12].collation == "NOCASE");
    const Index& unique = t.indexes[0];
    CHECK(unique.name == "Ux Mixed");
    CHECK(unique.is_unique);
    CHECK(unique.parts == std::vector<IndexPart>{part("B c", true)});
    CHECK(unique.where == "a IS NOT NULL");
}

TEST_CASE("catalog rows of one table that come apart are regrouped, keeping their order") {
    using sqlite::detail::CatalogRows;
    CatalogRows rows;
    rows.objects = {
        {"table", "a", "a", "CREATE TABLE a (x INT, y TEXT, FOREIGN KEY (x) REFERENCES b)"},
        {"table", "b", "b", "CREATE TABLE b (z INTEGER PRIMARY KEY)"}};
    rows.tables = {{"b"}, {"a"}};
    const CatalogRows::ColumnRow ax{"a", 0, "x", "INT"};
    const CatalogRows::ColumnRow ay{"a", 1, "y", "TEXT"};
    const CatalogRows::ColumnRow bz{"b", 0, "z", "INTEGER", false, std::nullopt, 1};
    rows.columns = {ax, bz, ay};
    rows.foreign_keys = {{"a", 0, 0, "b", "x", std::nullopt, "NO ACTION", "NO ACTION"}};
    const Schema apart = sqlite::detail::build_schema(rows, {});
    rows.columns = {ax, ay, bz};
    const Schema together = sqlite::detail::build_schema(rows, {});
    CHECK(apart == together);
    const Table& a = table_named(apart, "a");
    REQUIRE(a.columns.size() == 2);
    CHECK(a.columns[0].name == "x");
    CHECK(a.columns[1].name == "y");
    CHECK(a.foreign_keys.size() == 1);
    CHECK(table_named(apart, "b").primary_key.columns == std::vector<std::string>{"z"});
}
