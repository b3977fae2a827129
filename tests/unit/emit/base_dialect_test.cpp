// Golden SQL of the portable Dialect defaults, one behaviour per test.
#include "ansi_dialect.hpp"
#include "golden.hpp"
#include "schemadiff/core/error.hpp"

using namespace schemadiff;
using testing::Statements;

namespace {

const testing::AnsiDialect kAnsi;

Column column(std::string name, ColumnType type, bool is_nullable = true) {
    Column out;
    out.name = std::move(name);
    out.type = std::move(type);
    out.is_nullable = is_nullable;
    return out;
}

ColumnType integer() { return ColumnType::of(TypeKind::Integer); }

}  // namespace

TEST_CASE("plain identifiers stay bare and everything else is double-quoted") {
    CHECK(kAnsi.quote_identifier("users") == "users");
    CHECK(kAnsi.quote_identifier("user_id2") == "user_id2");
    CHECK(kAnsi.quote_identifier("_private") == "_private");
    CHECK(kAnsi.quote_identifier("MixedCase") == "MixedCase");
    CHECK(kAnsi.quote_identifier("order") == "\"order\"");
    CHECK(kAnsi.quote_identifier("ORDER") == "\"ORDER\"");
    CHECK(kAnsi.quote_identifier("Mixed Case") == "\"Mixed Case\"");
    CHECK(kAnsi.quote_identifier("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(kAnsi.quote_identifier("2fa") == "\"2fa\"");
    CHECK(kAnsi.quote_identifier("naïve") == "\"naïve\"");
    CHECK(kAnsi.quote_identifier("a-b") == "\"a-b\"");
    CHECK(kAnsi.quote_identifier("") == "\"\"");
}

TEST_CASE("SQL-standard reserved words are recognised in any case") {
    CHECK(kAnsi.is_reserved_word("select"));
    CHECK(kAnsi.is_reserved_word("User"));
    CHECK(kAnsi.is_reserved_word("current_timestamp"));
    CHECK(kAnsi.is_reserved_word("old"));
    CHECK_FALSE(kAnsi.is_reserved_word("users"));
    CHECK_FALSE(kAnsi.is_reserved_word("name"));
}

TEST_CASE("string literals double their single quotes") {
    CHECK(kAnsi.quote_string("it's") == "'it''s'");
    CHECK(kAnsi.quote_string("") == "''");
}

TEST_CASE("the base dialect keys names unchanged and compares defaults as expressions") {
    CHECK(kAnsi.identifier_key("Users") == "Users");
    CHECK(kAnsi.normalize_default("( 0 )", integer()) == "0");
    CHECK(kAnsi.normalize_expression("price  >  0") == kAnsi.normalize_expression("(PRICE > 0)"));
}

TEST_CASE("canonical types are what the dialect reads back, enums stay enums") {
    CHECK(kAnsi.canonical_type(integer()) == integer());
    CHECK(kAnsi.canonical_type(ColumnType::string(20)) == ColumnType::raw_type("VARCHAR(20)"));
    const ColumnType status = ColumnType::enumeration({"a", "b"});
    CHECK(kAnsi.canonical_type(status) == status);
}

TEST_CASE("the base dialect alters everything in place inside a transaction") {
    std::string reason = "stale";
    CHECK(kAnsi.can_alter_in_place(AlterColumn{}, Table{}, reason));
    CHECK(reason.empty());
    CHECK_FALSE(kAnsi.requires_no_transaction(DropTable{}));
    CHECK(kAnsi.before_transaction({Operation{DropTable{}}}).empty());
    CHECK(kAnsi.before_commit({}).empty());
    CHECK(kAnsi.after_transaction({}).empty());
}

TEST_CASE("a column definition lists type, collation, generation, nullability and default") {
    Table table;
    table.name = "t";
    Column name = column("name", ColumnType::string(50), false);
    name.collation = "C";
    name.default_sql = "'x'";
    CHECK(kAnsi.column_definition(name, table) ==
          "name VARCHAR(50) COLLATE C NOT NULL DEFAULT 'x'");

    Column total = column("total", integer());
    total.generated = GeneratedColumn{"price * qty", true};
    CHECK(kAnsi.column_definition(total, table) ==
          "total INTEGER GENERATED ALWAYS AS (price * qty) STORED");
    total.generated->is_stored = false;
    CHECK(kAnsi.column_definition(total, table) ==
          "total INTEGER GENERATED ALWAYS AS (price * qty) VIRTUAL");

    Column order = column("order", ColumnType::raw_type("DOUBLE PRECISION"));
    CHECK(kAnsi.column_definition(order, table) == "\"order\" DOUBLE PRECISION");
}

TEST_CASE("CREATE TABLE lists columns, then primary key, uniques, foreign keys and checks") {
    Table table;
    table.name = "Order Items";
    table.columns = {column("id", integer(), false), column("order", integer(), false),
                     column("sku", ColumnType::string(20), false), column("qty", integer())};
    table.primary_key = {"pk_items", {"id", "order"}};
    table.unique_constraints = {{"uq_sku", {"sku"}}, {std::nullopt, {"order", "qty"}}};
    ForeignKey to_orders;
    to_orders.name = "fk_order";
    to_orders.columns = {"order"};
    to_orders.referenced_table = "orders";
    to_orders.referenced_columns = {"id"};
    to_orders.on_delete = ForeignKeyAction::Cascade;
    to_orders.on_update = ForeignKeyAction::SetNull;
    to_orders.is_deferrable = true;
    to_orders.is_initially_deferred = true;
    ForeignKey to_skus;
    to_skus.columns = {"sku"};
    to_skus.referenced_table = "skus";
    to_skus.on_delete = ForeignKeyAction::NoAction;
    to_skus.on_update = ForeignKeyAction::Restrict;
    table.foreign_keys = {to_orders, to_skus};
    table.checks = {{"ck_qty", "qty > 0"}, {std::nullopt, "sku <> ''"}};

    CHECK(kAnsi.create_table(table) ==
          Statements{"CREATE TABLE \"Order Items\" (\n"
                     "    id INTEGER NOT NULL,\n"
                     "    \"order\" INTEGER NOT NULL,\n"
                     "    sku VARCHAR(20) NOT NULL,\n"
                     "    qty INTEGER,\n"
                     "    CONSTRAINT pk_items PRIMARY KEY (id, \"order\"),\n"
                     "    CONSTRAINT uq_sku UNIQUE (sku),\n"
                     "    UNIQUE (\"order\", qty),\n"
                     "    CONSTRAINT fk_order FOREIGN KEY (\"order\") REFERENCES orders (id)"
                     " ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,\n"
                     "    FOREIGN KEY (sku) REFERENCES skus ON UPDATE RESTRICT,\n"
                     "    CONSTRAINT ck_qty CHECK (qty > 0),\n"
                     "    CHECK (sku <> '')\n"
                     ")"});
}

TEST_CASE("CREATE TABLE is followed by its indexes, triggers and comments") {
    Table table;
    table.name = "users";
    table.columns = {column("id", integer(), false), column("email", ColumnType::string(255))};
    table.columns[1].comment = "login, unique";
    table.primary_key.columns = {"id"};
    table.indexes = {
        {"ix_email", {{"email", std::nullopt, true, "C"}}, true, "email IS NOT NULL"},
        {"ix_lower", {{"", "lower(email)", false, std::nullopt}}, false, std::nullopt}};
    table.triggers = {{"tr_users",
                       "CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN "
                       "SELECT 1; END;\n"}};
    table.comment = "people";
    CHECK(
        kAnsi.create_table(table) ==
        Statements{
            "CREATE TABLE users (\n"
            "    id INTEGER NOT NULL,\n"
            "    email VARCHAR(255),\n"
            "    PRIMARY KEY (id)\n"
            ")",
            "CREATE UNIQUE INDEX ix_email ON users (email COLLATE C DESC) WHERE email IS NOT NULL",
            "CREATE INDEX ix_lower ON users ((lower(email)))",
            "CREATE TRIGGER tr_users AFTER INSERT ON users BEGIN SELECT 1; END",
            "COMMENT ON TABLE users IS 'people'",
            "COMMENT ON COLUMN users.email IS 'login, unique'"});
}

TEST_CASE("an autoincrement single-column primary key is an inline identity key") {
    Table table;
    table.name = "t";
    table.columns = {column("id", integer(), false), column("v", integer())};
    table.columns[0].is_autoincrement = true;
    table.primary_key.columns = {"id"};
    CHECK(kAnsi.create_table(table) ==
          Statements{"CREATE TABLE t (\n"
                     "    id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY NOT NULL,\n"
                     "    v INTEGER\n"
                     ")"});
}

TEST_CASE("table-level operations render as standard ALTER and DROP statements") {
    Table users;
    users.name = "user";
    CHECK(kAnsi.render(DropTable{users}) == Statements{"DROP TABLE \"user\""});
    CHECK(kAnsi.render(RenameTable{"legacy", "Mixed Case"}) ==
          Statements{"ALTER TABLE legacy RENAME TO \"Mixed Case\""});
    CHECK(kAnsi.render(SetTableComment{"t", "a", std::nullopt}) ==
          Statements{"COMMENT ON TABLE t IS NULL"});
    CHECK(kAnsi.render(SetTableComment{"t", std::nullopt, "it's"}) ==
          Statements{"COMMENT ON TABLE t IS 'it''s'"});
}

TEST_CASE("column operations render as ADD, DROP and RENAME COLUMN") {
    Column email = column("e-mail", ColumnType::string(100), false);
    email.default_sql = "''";
    CHECK(kAnsi.render(AddColumn{"users", email}) ==
          Statements{"ALTER TABLE users ADD COLUMN \"e-mail\" VARCHAR(100) NOT NULL DEFAULT ''"});
    email.comment = "where to write";
    CHECK(kAnsi.render(AddColumn{"users", email}) ==
          Statements{"ALTER TABLE users ADD COLUMN \"e-mail\" VARCHAR(100) NOT NULL DEFAULT ''",
                     "COMMENT ON COLUMN users.\"e-mail\" IS 'where to write'"});
    CHECK(kAnsi.render(DropColumn{"users", email}) ==
          Statements{"ALTER TABLE users DROP COLUMN \"e-mail\""});
    CHECK(kAnsi.render(RenameColumn{"users", "name", "select"}) ==
          Statements{"ALTER TABLE users RENAME COLUMN name TO \"select\""});
}

TEST_CASE("ALTER COLUMN emits one standard clause per changed aspect") {
    Column from = column("age", integer());
    Column to = column("age", ColumnType::of(TypeKind::BigInt), false);
    to.default_sql = "0";
    CHECK(kAnsi.render(AlterColumn{"people", from, to}) ==
          Statements{"ALTER TABLE people ALTER COLUMN age SET DATA TYPE BIGINT",
                     "ALTER TABLE people ALTER COLUMN age SET NOT NULL",
                     "ALTER TABLE people ALTER COLUMN age SET DEFAULT 0"});
    CHECK(kAnsi.render(AlterColumn{"people", to, from}) ==
          Statements{"ALTER TABLE people ALTER COLUMN age SET DATA TYPE INTEGER",
                     "ALTER TABLE people ALTER COLUMN age DROP NOT NULL",
                     "ALTER TABLE people ALTER COLUMN age DROP DEFAULT"});
    Column collated = from;
    collated.collation = "de_DE";
    CHECK(kAnsi.render(AlterColumn{"people", from, collated}) ==
          Statements{"ALTER TABLE people ALTER COLUMN age SET DATA TYPE INTEGER COLLATE de_DE"});
    Column identity = from;
    identity.is_autoincrement = true;
    CHECK(kAnsi.render(AlterColumn{"people", from, identity}) ==
          Statements{"ALTER TABLE people ALTER COLUMN age ADD GENERATED BY DEFAULT AS IDENTITY"});
    Column commented = from;
    commented.comment = "years";
    CHECK(kAnsi.render(AlterColumn{"people", from, commented}) ==
          Statements{"COMMENT ON COLUMN people.age IS 'years'"});
}

TEST_CASE("changing a generated column's expression in place is refused") {
    Column from = column("total", integer());
    from.generated = GeneratedColumn{"a + b", false};
    Column to = from;
    to.generated->expression = "a * b";
    CHECK_THROWS_AS((void)kAnsi.render(AlterColumn{"t", from, to}), Error);
}

TEST_CASE("index operations render CREATE and DROP INDEX") {
    Index index{"ix_name", {{"name", std::nullopt, false, std::nullopt}}, false, std::nullopt};
    CHECK(kAnsi.render(CreateIndex{"group", index}) ==
          Statements{"CREATE INDEX ix_name ON \"group\" (name)"});
    CHECK(kAnsi.render(DropIndex{"group", index}) == Statements{"DROP INDEX ix_name"});
}

TEST_CASE("views and triggers are created from their statement and dropped by quoted name") {
    const View view{"Order View", "  CREATE VIEW \"Order View\" AS SELECT 1;\n"};
    CHECK(kAnsi.render(CreateView{view}) == Statements{"CREATE VIEW \"Order View\" AS SELECT 1"});
    CHECK(kAnsi.render(DropView{view}) == Statements{"DROP VIEW \"Order View\""});
    const Trigger trigger{"select",
                          "CREATE TRIGGER \"select\" AFTER INSERT ON t\n"
                          "BEGIN\n    SELECT 1;\nEND;"};
    CHECK(kAnsi.render(CreateTrigger{"t", trigger}) ==
          Statements{"CREATE TRIGGER \"select\" AFTER INSERT ON t\nBEGIN\n    SELECT 1;\nEND"});
    CHECK(kAnsi.render(DropTrigger{"t", trigger}) == Statements{"DROP TRIGGER \"select\""});
}

TEST_CASE("constraint operations render ADD and DROP CONSTRAINT") {
    CHECK(kAnsi.render(AddUniqueConstraint{"t", {"uq_a", {"a", "b"}}}) ==
          Statements{"ALTER TABLE t ADD CONSTRAINT uq_a UNIQUE (a, b)"});
    CHECK(kAnsi.render(AddUniqueConstraint{"t", {std::nullopt, {"a"}}}) ==
          Statements{"ALTER TABLE t ADD UNIQUE (a)"});
    CHECK(kAnsi.render(DropUniqueConstraint{"t", {"uq_a", {"a", "b"}}}) ==
          Statements{"ALTER TABLE t DROP CONSTRAINT uq_a"});
    ForeignKey key;
    key.name = "fk_p";
    key.columns = {"p_id"};
    key.referenced_table = "parent";
    key.referenced_columns = {"id"};
    key.on_delete = ForeignKeyAction::SetDefault;
    key.is_deferrable = true;
    CHECK(kAnsi.render(AddForeignKey{"t", key}) ==
          Statements{"ALTER TABLE t ADD CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES parent (id)"
                     " ON DELETE SET DEFAULT DEFERRABLE"});
    CHECK(kAnsi.render(DropForeignKey{"t", key}) ==
          Statements{"ALTER TABLE t DROP CONSTRAINT fk_p"});
    CHECK(kAnsi.render(AddCheckConstraint{"t", {"ck", "a > 0"}}) ==
          Statements{"ALTER TABLE t ADD CONSTRAINT ck CHECK (a > 0)"});
    CHECK(kAnsi.render(DropCheckConstraint{"t", {"ck", "a > 0"}}) ==
          Statements{"ALTER TABLE t DROP CONSTRAINT ck"});
}

TEST_CASE("dropping an unnamed constraint is refused rather than guessed") {
    CHECK_THROWS_AS((void)kAnsi.render(DropCheckConstraint{"t", {std::nullopt, "a > 0"}}), Error);
    CHECK_THROWS_AS((void)kAnsi.render(DropUniqueConstraint{"t", {std::nullopt, {"a"}}}), Error);
}

TEST_CASE("a primary key change drops the old constraint and adds the new one") {
    CHECK(kAnsi.render(AlterPrimaryKey{"t", {"pk_t", {"a"}}, {"pk_t", {"a", "b"}}}) ==
          Statements{"ALTER TABLE t DROP CONSTRAINT pk_t",
                     "ALTER TABLE t ADD CONSTRAINT pk_t PRIMARY KEY (a, b)"});
    CHECK(kAnsi.render(AlterPrimaryKey{"t", {}, {std::nullopt, {"id"}}}) ==
          Statements{"ALTER TABLE t ADD PRIMARY KEY (id)"});
}

TEST_CASE("the base dialect cannot rebuild a table") {
    try {
        (void)kAnsi.render(RebuildTable{});
        FAIL("expected an error");
    } catch (const Error& error) {
        CHECK(error.kind() == ErrorKind::UnsupportedOperation);
    }
}
