// Views and triggers on PostgreSQL: the catalog reads triggers, and model views and triggers as
// the user wrote them are deparsed by the server into the catalog's own spelling, so a model
// compared with a database created from it shows no change — while a real change still shows,
// and the database keeps no trace of the deparsing.
#include <doctest/doctest.h>

#include <algorithm>

#include "postgresql_definition_text.hpp"
#include "postgresql_plan_support.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;
using postgresql::detail::creation_order;
using postgresql::detail::is_plain_trigger_statement;
using postgresql::detail::temporary_view;

namespace {

constexpr const char* kTables =
    "CREATE TABLE users (id integer PRIMARY KEY, name text, active boolean,"
    " \"Mixed Case\" integer, \"order\" integer);"
    "CREATE TABLE \"Ünïcödé Tàble\" (id integer PRIMARY KEY, \"quo\"\"te\" text);"
    "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;";

// The model's views as a user writes them (each is also created in the database).
std::vector<View> model_views() {
    return {
        {"active_users", "CREATE VIEW active_users AS SELECT id, name FROM users WHERE active"},
        {"recent", "create or replace view recent as select * from active_users where id > 10;"},
        {"Order Summary",
         "CREATE VIEW \"Order Summary\" AS SELECT u.id, count(*) FROM users u GROUP BY u.id"},
        {"odd", "CREATE VIEW odd (k, v) AS SELECT id, \"quo\"\"te\" FROM \"Ünïcödé Tàble\""},
        {"by_order",
         "CREATE MATERIALIZED VIEW by_order AS SELECT \"order\", \"Mixed Case\""
         " FROM users WITH NO DATA"},
    };
}

std::string trigger_sql() {
    return "create trigger users_touch before insert or update of name on users"
           " for each row when (new.active) execute procedure touch();";
}

// A database with the tables, the model's views and the trigger, read-only, plus its schema.
struct Fixture {
    explicit Fixture(const DatabaseUrl& server) : db(server) {
        auto connection = db.open();
        connection->execute(kTables);
        const std::vector<View> views = model_views();
        for (const View* view : creation_order(views)) connection->execute(view->sql);
        connection->execute(trigger_sql());
        reader = db.open(postgresql::OpenMode::ReadOnly);
        database = reader->read_schema({});
    }

    // The database's schema with the model's statements in place of the catalog's.
    [[nodiscard]] Schema model() const {
        Schema out = database;
        out.views = model_views();
        for (Table& table : out.tables) {
            if (table.name == "users") table.triggers = {Trigger{"users_touch", trigger_sql()}};
        }
        canonicalize(out);
        return out;
    }

    ScratchDatabase db;
    std::unique_ptr<Connection> reader;
    Schema database;
};

long long temporary_relations(Connection& connection) {
    const auto rows = connection.query(
        "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname LIKE 'pg\\_temp\\_%'");
    return std::stoll(rows.at(0).at(0).value_or("-1"));
}

}  // namespace

TEST_CASE("triggers read back with their table, as pg_get_triggerdef prints them") {
    const auto server = test_server();
    if (!server) return;
    const Fixture fixture(*server);
    const Table& users = table_named(fixture.database, "users");
    REQUIRE(users.triggers.size() == 1);
    CHECK(users.triggers[0].name == "users_touch");
    CHECK(users.triggers[0].sql ==
          "CREATE TRIGGER users_touch BEFORE INSERT OR UPDATE OF name ON users FOR EACH ROW"
          " WHEN (new.active) EXECUTE FUNCTION touch()");
    // The internal triggers behind a foreign key are not the user's.
    const ScratchDatabase db(*server);
    db.open()->execute(
        "CREATE TABLE a (id integer PRIMARY KEY); CREATE TABLE b (a integer REFERENCES a)");
    const Schema keys = read(db);
    CHECK(table_named(keys, "a").triggers.empty());
    CHECK(table_named(keys, "b").triggers.empty());
}

TEST_CASE("model views and triggers deparsed by the server equal the database's") {
    const auto server = test_server();
    if (!server) return;
    Fixture fixture(*server);
    Schema model = fixture.model();
    CHECK_FALSE(diff_of(fixture.database, model).empty());  // the text as written differs
    fixture.reader->canonicalize_definitions(model);
    CHECK(model.views == fixture.database.views);
    CHECK(table_named(model, "users").triggers == table_named(fixture.database, "users").triggers);
    CHECK(diff_of(fixture.database, model).empty());
    CHECK(diff_of(model, fixture.database).empty());
}

TEST_CASE("deparsing leaves no temporary object and no open transaction behind") {
    const auto server = test_server();
    if (!server) return;
    Fixture fixture(*server);
    Schema model = fixture.model();
    fixture.reader->canonicalize_definitions(model);
    CHECK(temporary_relations(*fixture.reader) == 0);
    CHECK(temporary_relations(*fixture.db.open()) == 0);
    // Still a read-only session, able to read again.
    CHECK_THROWS(fixture.reader->execute("CREATE TABLE nope (id integer)"));
    CHECK(fixture.reader->read_schema({}) == fixture.database);
}

TEST_CASE("a changed view, a view over a missing column and a new view keep their own text") {
    const auto server = test_server();
    if (!server) return;
    Fixture fixture(*server);
    Schema model = fixture.model();
    const std::string changed =
        "CREATE VIEW active_users AS SELECT id, name FROM users WHERE NOT active";
    const std::string missing = "CREATE VIEW odd AS SELECT id, nickname FROM users";
    const std::string added = "CREATE VIEW brand_new AS SELECT id FROM recent";
    for (View& view : model.views) {
        if (view.name == "active_users") view.sql = changed;
        if (view.name == "odd") view.sql = missing;
    }
    model.views.push_back({"brand_new", added});
    canonicalize(model);
    fixture.reader->canonicalize_definitions(model);
    for (const View& view : model.views) {
        CAPTURE(view.name);
        if (view.name == "active_users") {
            CHECK(view.sql ==
                  "CREATE VIEW active_users AS\nSELECT users.id,\n    users.name\n"
                  "   FROM users\n  WHERE NOT users.active");
        }
        if (view.name == "odd") CHECK(view.sql == missing);
        if (view.name == "brand_new") CHECK(view.sql.rfind("CREATE VIEW brand_new AS\n", 0) == 0);
    }
    const Plan plan = diff_of(fixture.database, model);
    std::vector<std::string> created;
    for (const auto& op : plan.operations) {
        if (const auto* create = std::get_if<CreateView>(&op)) created.push_back(create->view.name);
    }
    std::sort(created.begin(), created.end());
    // recent is over active_users, so it is created again with it.
    CHECK(created == std::vector<std::string>{"active_users", "brand_new", "odd", "recent"});
}

TEST_CASE("a trigger is created, changed and dropped, and reads back without a change") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    connection->execute(kTables);
    const Schema start = connection->read_schema({});
    Schema with_trigger = start;
    for (Table& table : with_trigger.tables) {
        if (table.name == "Ünïcödé Tàble") {
            table.triggers = {Trigger{"Touch \"it\"",
                                      "CREATE TRIGGER \"Touch \"\"it\"\"\" AFTER DELETE ON "
                                      "\"Ünïcödé Tàble\" FOR EACH ROW EXECUTE FUNCTION touch()"}};
        }
    }
    apply(*connection, diff_of(start, with_trigger), ApplyMode::Autocommit);
    const Schema created = connection->read_schema({});
    CHECK(diff_of(created, with_trigger).empty());

    Schema changed = created;
    for (Table& table : changed.tables) {
        for (Trigger& trigger : table.triggers) {
            trigger.sql =
                "CREATE TRIGGER \"Touch \"\"it\"\"\" BEFORE DELETE ON \"Ünïcödé Tàble\""
                " FOR EACH STATEMENT EXECUTE FUNCTION touch()";
        }
    }
    connection->canonicalize_definitions(changed);
    const Plan change = diff_of(created, changed);
    REQUIRE(change.operations.size() == 2);
    CHECK(std::holds_alternative<DropTrigger>(change.operations[0]));
    CHECK(std::holds_alternative<CreateTrigger>(change.operations[1]));
    apply(*connection, change, ApplyMode::Autocommit);
    CHECK(diff_of(connection->read_schema({}), changed).empty());

    apply(*connection, diff_of(changed, start), ApplyMode::Autocommit);
    CHECK(connection->read_schema({}) == start);
}

TEST_CASE("the same triggers in two databases compare equal") {
    const auto server = test_server();
    if (!server) return;
    const Fixture one(*server);
    const Fixture two(*server);
    CHECK(diff_of(one.database, two.database).empty());
}

TEST_CASE("a model view statement becomes a temporary view of the same query") {
    CHECK(temporary_view("CREATE VIEW v AS SELECT 1", "v")->statement ==
          "CREATE TEMP VIEW v AS SELECT 1");
    CHECK(temporary_view("create or replace view public.\"V w\" (a) as select 1;", "V w")
              ->statement == "CREATE TEMP VIEW \"V w\" (a) as select 1");
    CHECK(temporary_view("CREATE RECURSIVE VIEW r (n) AS VALUES (1)", "r")->statement ==
          "CREATE TEMP RECURSIVE VIEW r (n) AS VALUES (1)");
    const auto materialized = temporary_view(
        "CREATE MATERIALIZED VIEW IF NOT EXISTS m (a, b) USING heap WITH (fillfactor = 70)"
        " TABLESPACE pg_default AS SELECT 1, 2 WITH NO DATA;",
        "m");
    REQUIRE(materialized);
    CHECK(materialized->is_materialized);
    CHECK(materialized->statement == "CREATE TEMP VIEW m (a, b) AS SELECT 1, 2");
    CHECK_FALSE(temporary_view("CREATE VIEW v AS SELECT 1; DROP TABLE users", "v"));
    CHECK_FALSE(temporary_view("CREATE TABLE v (id integer)", "v"));
    CHECK(temporary_view("CREATE VIEW v AS SELECT ';' AS semicolon", "v"));
}

TEST_CASE("only one CREATE TRIGGER on an unqualified table is tried on the server") {
    CHECK(is_plain_trigger_statement(trigger_sql()));
    CHECK(is_plain_trigger_statement(
        "CREATE CONSTRAINT TRIGGER c AFTER INSERT ON \"T\" DEFERRABLE FOR EACH ROW "
        "EXECUTE FUNCTION f()"));
    CHECK_FALSE(is_plain_trigger_statement(
        "CREATE TRIGGER t AFTER INSERT ON public.users FOR EACH ROW EXECUTE FUNCTION f()"));
    CHECK_FALSE(is_plain_trigger_statement(
        "CREATE TRIGGER t AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION f(); SELECT 1"));
    CHECK_FALSE(is_plain_trigger_statement("DROP TRIGGER t ON users"));
}

TEST_CASE("views are created after the views they name") {
    const std::vector<View> views{{"a", "CREATE VIEW a AS SELECT * FROM \"B\""},
                                  {"B", "CREATE VIEW \"B\" AS SELECT * FROM c"},
                                  {"c", "CREATE VIEW c AS SELECT 1 AS b"}};
    std::vector<std::string> order;
    for (const View* view : creation_order(views)) order.push_back(view->name);
    CHECK(order == std::vector<std::string>{"c", "B", "a"});
}
