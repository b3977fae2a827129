// The PostgreSQL catalog reader against a real server: every type and object reads back exactly,
// and the number of catalog queries does not grow with the number of tables.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "postgresql_test_support.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;

namespace {

Schema read_back(const DatabaseUrl& server, const std::string& ddl, ReadOptions options = {}) {
    const ScratchDatabase db(server);
    auto connection = db.open();
    connection->execute(ddl);
    return read(db, options);
}

std::vector<std::string> names(const Schema& schema) {
    std::vector<std::string> out;
    for (const auto& table : schema.tables) out.push_back(table.name);
    return out;
}

}  // namespace

TEST_CASE("column types read back through the dialect's normalisation") {
    const auto server = test_server();
    if (!server) return;
    const Schema schema = read_back(*server,
                                    "CREATE TABLE t (a smallint, b integer, c bigint, d boolean,"
                                    " e real, f double precision, g numeric(10,2), h numeric,"
                                    " i varchar(20), j text, k bytea, l date, m time,"
                                    " n time with time zone, o timestamp, p timestamptz, q uuid,"
                                    " r jsonb, s integer[], u character varying(5)[])");
    const Table& t = table_named(schema, "t");
    const auto& dialect = postgresql::postgresql_dialect();
    const std::vector<std::string> declared{"smallint",
                                            "integer",
                                            "bigint",
                                            "boolean",
                                            "real",
                                            "double precision",
                                            "numeric(10,2)",
                                            "numeric",
                                            "character varying(20)",
                                            "text",
                                            "bytea",
                                            "date",
                                            "time without time zone",
                                            "time with time zone",
                                            "timestamp without time zone",
                                            "timestamp with time zone",
                                            "uuid",
                                            "jsonb",
                                            "integer[]",
                                            "character varying(5)[]"};
    REQUIRE(t.columns.size() == declared.size());
    for (std::size_t i = 0; i < declared.size(); ++i) {
        CAPTURE(declared[i]);
        CHECK(t.columns[i].type == dialect.normalize_type(declared[i]));
    }
    CHECK(t.columns[1].type.kind == TypeKind::Integer);
    CHECK(t.columns[6].type == ColumnType::numeric(10, 2));
    CHECK(t.columns[8].type == ColumnType::string(20));
    CHECK(t.columns[15].type.kind == TypeKind::Timestamp);
    CHECK(t.columns[15].type.with_timezone);
}

TEST_CASE("nullability, defaults, collations and comments read back") {
    const auto server = test_server();
    if (!server) return;
    const Schema schema = read_back(*server,
                                    "CREATE TABLE t (a integer NOT NULL DEFAULT 7,"
                                    " b text COLLATE \"C\" DEFAULT 'it''s',"
                                    " c timestamptz DEFAULT now(), d text);"
                                    " COMMENT ON TABLE t IS 'the table';"
                                    " COMMENT ON COLUMN t.d IS 'a ''quoted'' note';"
                                    " CREATE TABLE u (x integer, y integer, z integer);"
                                    " COMMENT ON COLUMN u.x IS 'dropped with x';"
                                    " ALTER TABLE u DROP COLUMN x;"
                                    " COMMENT ON COLUMN u.z IS 'zed';"
                                    " CREATE TABLE v (w integer); COMMENT ON TABLE v IS 'vee'");
    const Table& t = table_named(schema, "t");
    CHECK_FALSE(t.columns[0].is_nullable);
    CHECK(t.columns[0].default_sql == "7");
    CHECK(t.columns[1].collation == "C");
    CHECK(t.columns[1].default_sql == "'it''s'::text");
    CHECK(t.columns[2].default_sql == "now()");
    CHECK_FALSE(t.columns[3].collation.has_value());
    CHECK(t.comment == "the table");
    CHECK(t.columns[3].comment == "a 'quoted' note");
    CHECK_FALSE(t.columns[0].comment.has_value());
    // Column comments without a table comment, past a dropped column.
    const Table& u = table_named(schema, "u");
    REQUIRE(u.columns.size() == 2);
    CHECK_FALSE(u.comment.has_value());
    CHECK_FALSE(u.columns[0].comment.has_value());
    CHECK(u.columns[1].comment == "zed");
    const Table& v = table_named(schema, "v");
    CHECK(v.comment == "vee");
    CHECK_FALSE(v.columns[0].comment.has_value());
}

TEST_CASE("serial, identity and generated columns read back as what they are") {
    const auto server = test_server();
    if (!server) return;
    const Schema schema = read_back(*server,
                                    "CREATE SEQUENCE shared_seq;"
                                    " CREATE TABLE t (id serial, big bigserial,"
                                    " always_id bigint GENERATED ALWAYS AS IDENTITY,"
                                    " default_id integer GENERATED BY DEFAULT AS IDENTITY,"
                                    " twice integer GENERATED ALWAYS AS (id * 2) STORED,"
                                    " counter integer DEFAULT nextval('shared_seq'),"
                                    " small smallserial)");
    const Table& t = table_named(schema, "t");
    CHECK(t.columns[0].is_autoincrement);
    CHECK(t.columns[0].identity == IdentityKind::None);
    CHECK_FALSE(t.columns[0].default_sql.has_value());
    CHECK(t.columns[0].type.kind == TypeKind::Integer);
    CHECK(t.columns[1].is_autoincrement);
    CHECK(t.columns[1].type.kind == TypeKind::BigInt);
    CHECK(t.columns[2].identity == IdentityKind::Always);
    CHECK(t.columns[2].is_autoincrement);
    CHECK(t.columns[3].identity == IdentityKind::ByDefault);
    REQUIRE(t.columns[4].generated.has_value());
    CHECK(t.columns[4].generated->is_stored);
    CHECK(t.columns[4].generated->expression == "id * 2");
    CHECK_FALSE(t.columns[4].default_sql.has_value());
    // A sequence the column does not own is an ordinary default.
    CHECK_FALSE(t.columns[5].is_autoincrement);
    CHECK(t.columns[5].default_sql == "nextval('shared_seq'::regclass)");
    // A smallserial's default casts nextval() to smallint: still a serial.
    CHECK(t.columns[6].is_autoincrement);
    CHECK(t.columns[6].type.kind == TypeKind::SmallInt);
    CHECK_FALSE(t.columns[6].default_sql.has_value());
}

TEST_CASE("keys, uniques, foreign keys and checks read back with their names") {
    const auto server = test_server();
    if (!server) return;
    const Schema schema = read_back(
        *server,
        "CREATE TABLE parent (a integer, b integer, PRIMARY KEY (a, b), UNIQUE (b));"
        "CREATE TABLE child (id integer CONSTRAINT child_key PRIMARY KEY, pa integer, pb integer,"
        " CONSTRAINT fk_parent FOREIGN KEY (pa, pb) REFERENCES parent (a, b) MATCH FULL"
        "  ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,"
        " FOREIGN KEY (pb) REFERENCES parent (b) ON DELETE RESTRICT,"
        " CONSTRAINT positive CHECK (id > 0));"
        "ALTER TABLE child ADD CHECK (pa <> pb) NOT VALID");
    const Table& parent = table_named(schema, "parent");
    CHECK(parent.primary_key == PrimaryKey{"parent_pkey", {"a", "b"}});
    REQUIRE(parent.unique_constraints.size() == 1);
    CHECK(parent.unique_constraints[0] == UniqueConstraint{"parent_b_key", {"b"}});
    const Table& child = table_named(schema, "child");
    CHECK(child.primary_key == PrimaryKey{"child_key", {"id"}});
    REQUIRE(child.foreign_keys.size() == 2);
    const ForeignKey& full =
        child.foreign_keys[0].name == "fk_parent" ? child.foreign_keys[0] : child.foreign_keys[1];
    const ForeignKey& simple =
        &full == &child.foreign_keys[0] ? child.foreign_keys[1] : child.foreign_keys[0];
    CHECK(full.columns == std::vector<std::string>{"pa", "pb"});
    CHECK(full.referenced_table == "parent");
    CHECK(full.referenced_columns == std::vector<std::string>{"a", "b"});
    CHECK(full.on_delete == ForeignKeyAction::Cascade);
    CHECK(full.on_update == ForeignKeyAction::SetNull);
    CHECK(full.is_deferrable);
    CHECK(full.is_initially_deferred);
    CHECK(full.is_match_full);
    CHECK(simple.name == "child_pb_fkey");
    CHECK(simple.on_delete == ForeignKeyAction::Restrict);
    CHECK_FALSE(simple.is_match_full);
    REQUIRE(child.checks.size() == 2);
    CHECK(child.checks[0] == CheckConstraint{"child_check", "pa <> pb"});
    CHECK(child.checks[1] == CheckConstraint{"positive", "id > 0"});
    // The indexes behind the keys are the keys, not indexes of their own.
    CHECK(parent.indexes.empty());
    CHECK(child.indexes.empty());
}

TEST_CASE("key and index columns are named by attnum, past dropped columns and other schemas") {
    const auto server = test_server();
    if (!server) return;
    const Schema schema = read_back(
        *server,
        "CREATE SCHEMA elsewhere;"
        "CREATE TABLE elsewhere.target (gone integer, code text UNIQUE, kept integer);"
        "ALTER TABLE elsewhere.target DROP COLUMN gone;"
        "CREATE TABLE t (dropped integer, a integer, b text COLLATE \"C\", c text,"
        " code text REFERENCES elsewhere.target (code),"
        " CONSTRAINT t_key PRIMARY KEY (b, a), CONSTRAINT own_table CHECK (tableoid <> 0));"
        "ALTER TABLE t DROP COLUMN dropped;"
        "CREATE INDEX ix_own ON t (b, c);"
        "CREATE INDEX ix_other ON t (b COLLATE \"POSIX\", c COLLATE \"C\")");
    const Table& t = table_named(schema, "t");
    CHECK(t.primary_key == PrimaryKey{"t_key", {"b", "a"}});
    REQUIRE(t.foreign_keys.size() == 1);
    CHECK(t.foreign_keys[0].columns == std::vector<std::string>{"code"});
    CHECK(t.foreign_keys[0].referenced_columns == std::vector<std::string>{"code"});
    CHECK(t.foreign_keys[0].referenced_table == "target");
    CHECK(t.foreign_keys[0].referenced_schema == "elsewhere");
    REQUIRE(t.checks.size() == 1);
    CHECK(t.checks[0] == CheckConstraint{"own_table", "tableoid <> 0::oid"});
    REQUIRE(t.indexes.size() == 2);
    const Index& other = t.indexes[0];
    CHECK(other.name == "ix_other");
    CHECK(other.parts[0] == IndexPart{.column = "b", .collation = "POSIX"});
    CHECK(other.parts[1] == IndexPart{.column = "c", .collation = "C"});
    const Index& own = t.indexes[1];
    CHECK(own.name == "ix_own");
    // b's index collation is the column's own (C): not repeated on the part.
    CHECK(own.parts == std::vector<IndexPart>{IndexPart{.column = "b"}, IndexPart{.column = "c"}});
}

TEST_CASE("indexes read back with method, direction, nulls, collation, include and predicate") {
    const auto server = test_server();
    if (!server) return;
    const Schema schema = read_back(
        *server,
        "CREATE TABLE t (a integer, b text, c integer, tags integer[]);"
        "CREATE INDEX ix_plain ON t (a);"
        "CREATE UNIQUE INDEX ix_mixed ON t (a DESC, b NULLS FIRST, lower(b) DESC NULLS LAST)"
        " INCLUDE (c) WHERE c > 0;"
        "CREATE INDEX ix_collate ON t (b COLLATE \"C\", (a + c));"
        "CREATE INDEX ix_gin ON t USING gin (tags)");
    const Table& t = table_named(schema, "t");
    REQUIRE(t.indexes.size() == 4);
    const Index& collate = t.indexes[0];
    CHECK(collate.name == "ix_collate");
    CHECK(collate.parts[0].column == "b");
    CHECK(collate.parts[0].collation == "C");
    CHECK(collate.parts[1].expression == "(a + c)");
    const Index& gin = t.indexes[1];
    CHECK(gin.method == "gin");
    const Index& mixed = t.indexes[2];
    CHECK(mixed.is_unique);
    REQUIRE(mixed.parts.size() == 3);
    CHECK(mixed.parts[0].is_descending);
    CHECK_FALSE(mixed.parts[0].nulls_first.has_value());
    CHECK(mixed.parts[1].nulls_first == true);
    CHECK(mixed.parts[2].expression == "lower(b)");
    CHECK(mixed.parts[2].is_descending);
    CHECK(mixed.parts[2].nulls_first == false);
    CHECK(mixed.include == std::vector<std::string>{"c"});
    CHECK(mixed.where == "c > 0");
    const Index& plain = t.indexes[3];
    CHECK(plain.method.empty());
    CHECK(plain.parts == std::vector<IndexPart>{IndexPart{.column = "a"}});
    CHECK_FALSE(plain.where.has_value());
}

TEST_CASE("enum types read back with their name and values in order") {
    const auto server = test_server();
    if (!server) return;
    const Schema schema = read_back(*server,
                                    "CREATE TYPE \"Mood\" AS ENUM ('sad', 'o''k', 'happy');"
                                    "ALTER TYPE \"Mood\" ADD VALUE 'meh' BEFORE 'o''k';"
                                    "CREATE TABLE t (m \"Mood\" DEFAULT 'sad', s text"
                                    " CHECK (s IN ('x', 'y')), v varchar(9) CHECK (v IN ('z')))");
    const Table& t = table_named(schema, "t");
    ColumnType mood = ColumnType::enumeration({"sad", "meh", "o'k", "happy"});
    mood.enum_name = "Mood";
    CHECK(t.columns[0].type == mood);
    // The CHECK the dialect writes for an enum without a type name is that enum again.
    CHECK(t.columns[1].type == ColumnType::enumeration({"x", "y"}));
    CHECK(t.columns[2].type == ColumnType::enumeration({"z"}));
    CHECK(t.checks.empty());
}

TEST_CASE("views read back as CREATE VIEW statements") {
    const auto server = test_server();
    if (!server) return;
    const Schema schema = read_back(*server,
                                    "CREATE TABLE t (a integer);"
                                    "CREATE VIEW \"Big Ones\" AS SELECT a FROM t WHERE a > 10");
    REQUIRE(schema.views.size() == 1);
    CHECK(schema.views[0].name == "Big Ones");
    CHECK(schema.views[0].sql.rfind("CREATE VIEW \"Big Ones\" AS\n", 0) == 0);
    CHECK(schema.views[0].sql.find("a > 10") != std::string::npos);
}

TEST_CASE("the version tables, excluded tables, other schemas and partitions are not read") {
    const auto server = test_server();
    if (!server) return;
    ReadOptions options;
    options.version_table = "app_version";
    options.excluded_tables = {"Skip Me"};
    const Schema schema =
        read_back(*server,
                  "CREATE TABLE app_version (v text); CREATE TABLE app_version_history (v text);"
                  "CREATE TABLE app_versions (v text); CREATE TABLE \"Skip Me\" (a integer);"
                  "CREATE SCHEMA other; CREATE TABLE other.hidden (a integer);"
                  "CREATE TABLE measures (at date, v integer) PARTITION BY RANGE (at);"
                  "CREATE TABLE measures_2020 PARTITION OF measures"
                  " FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')",
                  options);
    CHECK(names(schema) == std::vector<std::string>{"app_versions", "measures"});
}

TEST_CASE("the number of catalog queries is the same for 1 and for 50 tables") {
    const auto server = test_server();
    if (!server) return;
    const auto queries_for = [&](int tables) {
        std::string ddl;
        for (int i = 0; i < tables; ++i) {
            ddl += fmt::format(
                "CREATE TABLE t{0} (id serial PRIMARY KEY, v text UNIQUE, p integer"
                " REFERENCES t{0} (id) CHECK (p > 0)); CREATE INDEX ix{0} ON t{0} (lower(v));"
                " COMMENT ON TABLE t{0} IS 'x';",
                i);
        }
        const ScratchDatabase db(*server);
        db.open()->execute(ddl);
        auto connection = db.open(postgresql::OpenMode::ReadOnly);
        const Schema schema = connection->read_schema({});
        CHECK(schema.tables.size() == static_cast<std::size_t>(tables));
        return connection->catalog_query_count();
    };
    const std::size_t one = queries_for(1);
    CHECK(one <= 10);
    CHECK(queries_for(50) == one);
}

TEST_CASE("only the exact shape of an enum CHECK on its own column reads as enum values") {
    using postgresql::enum_check_values;
    CHECK(enum_check_values("CHECK (s = ANY (ARRAY['a'::text, 'it''s'::text]))", "s") ==
          std::vector<std::string>{"a", "it's"});
    CHECK(enum_check_values("CHECK (\"Odd \"\"s\"::text = ANY (ARRAY['x'::character varying,"
                            " 'y'::character varying]::text[]))",
                            "Odd \"s") == std::vector<std::string>{"x", "y"});
    CHECK(enum_check_values("CHECK (s = 'only'::text)", "s") == std::vector<std::string>{"only"});
    CHECK_FALSE(enum_check_values("CHECK (s = ANY (ARRAY['a'::text]))", "t").has_value());
    CHECK_FALSE(
        enum_check_values("CHECK (s = ANY (ARRAY['a'::text]) AND s <> ''::text)", "s").has_value());
    CHECK_FALSE(enum_check_values("CHECK (n = ANY (ARRAY[1, 2]))", "n").has_value());
    CHECK_FALSE(enum_check_values("CHECK (s > 'a'::text)", "s").has_value());
}
