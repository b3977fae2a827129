// The PostgreSQL connection against a real server: statements, rows, transactions, errors with
// their SQLSTATE, read-only sessions, the migration lock, and opening failures that name the
// problem without the password.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>

#include "postgresql_test_support.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/drivers/registry.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;
using postgresql::OpenMode;

namespace {

Error error_from(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& error) {
        return error;
    }
    FAIL("expected an Error");
    return Error(ErrorKind::Internal, "none");
}

}  // namespace

TEST_CASE("statements run, rows come back as text with NULL as nullopt") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    connection->execute(
        "CREATE TABLE t (a integer, b text); INSERT INTO t VALUES (1, 'x'), (2, NULL)");
    const auto rows = connection->query("SELECT a, b FROM t ORDER BY a");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == Connection::Row{"1", "x"});
    CHECK(rows[1] == Connection::Row{"2", std::nullopt});
    CHECK(connection->supports_transactional_ddl());
    CHECK(connection->dialect().name() == "postgresql");
}

TEST_CASE("a rolled-back transaction takes its DDL with it") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    connection->begin_write();
    connection->execute("CREATE TABLE gone (a integer)");
    CHECK(connection->has_table("gone"));
    connection->rollback();
    CHECK_FALSE(connection->has_table("gone"));
    connection->begin();
    connection->execute("CREATE TABLE \"Kept Table\" (a integer)");
    connection->commit();
    CHECK(connection->has_table("Kept Table"));
    CHECK_FALSE(connection->has_table("kept table"));
}

TEST_CASE("a failed statement is Error(Execution) with the server's message and SQLSTATE") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const Error error = error_from([&] { connection->execute("SELECT * FROM missing_table"); });
    CHECK(error.kind() == ErrorKind::Execution);
    CHECK(error.sqlstate() == "42P01");
    CHECK(error.message() == "relation \"missing_table\" does not exist");
    CHECK(error.context().find("SELECT * FROM missing_table") != std::string::npos);
}

TEST_CASE("a read-only connection cannot create anything") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto reader = db.open(OpenMode::ReadOnly);
    CHECK_FALSE(reader->has_table("schemadiff_version"));
    (void)reader->read_schema({});
    const Error error = error_from([&] { reader->execute("CREATE TABLE t (a integer)"); });
    CHECK(error.sqlstate() == "25006");  // read_only_sql_transaction
    const auto count = db.open()->query(
        "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
        " ON n.oid = c.relnamespace WHERE n.nspname = 'public'");
    CHECK(count[0][0] == "0");
}

TEST_CASE("opening a missing database says that it must exist, for Create too") {
    const auto server = test_server();
    if (!server) return;
    DatabaseUrl url = *server;
    url.database = "sd_test_does_not_exist";
    for (const auto mode : {OpenMode::ReadOnly, OpenMode::ReadWrite, OpenMode::Create}) {
        const Error error = error_from([&] { (void)postgresql::open_postgresql(url, mode); });
        CHECK(error.kind() == ErrorKind::Connection);
        CHECK(error.message().find("\"sd_test_does_not_exist\" does not exist") !=
              std::string::npos);
        if (mode == OpenMode::Create) {
            CHECK(error.context().find("does not create PostgreSQL databases") !=
                  std::string::npos);
        }
    }
}

TEST_CASE("a connection failure through the registry shows the URL with the password masked") {
    const DatabaseUrl url =
        parse_database_url("postgresql://alice:s3cret@127.0.0.1:1/app?connect_timeout=2");
    const Error error =
        error_from([&] { (void)drivers::open_database(url, drivers::Access::ReadOnly); });
    CHECK(error.kind() == ErrorKind::Connection);
    const std::string all = std::string(error.what()) + error.context();
    CHECK(all.find("s3cret") == std::string::npos);
    CHECK(error.context().find("postgresql://alice:***@127.0.0.1:1/app") != std::string::npos);
}

TEST_CASE("the migration lock held by one session times out another with a clear error") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto first = db.open();
    auto second = db.open();
    first->acquire_migration_lock(std::chrono::milliseconds(1000));
    const auto started = std::chrono::steady_clock::now();
    const Error error =
        error_from([&] { second->acquire_migration_lock(std::chrono::milliseconds(300)); });
    const auto waited = std::chrono::steady_clock::now() - started;
    CHECK(error.kind() == ErrorKind::Execution);
    CHECK(error.message() == "database is locked by another schemadiff run (waited 300 ms)");
    CHECK(waited >= std::chrono::milliseconds(250));
    CHECK(waited < std::chrono::seconds(5));
    // The timeout was only for the lock: the session's own setting is back.
    CHECK(second->query("SHOW lock_timeout")[0][0] == "0");
    first->release_migration_lock();
    second->acquire_migration_lock(std::chrono::milliseconds(1000));
    second->release_migration_lock();
}

TEST_CASE("the registry opens postgresql:// URLs with the PostgreSQL driver") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = drivers::open_database(db.url(), drivers::Access::ReadWrite);
    CHECK(connection->dialect().name() == "postgresql");
    connection->execute("CREATE TABLE t (a integer)");
    CHECK(connection->has_table("t"));
}

TEST_CASE("the schema parameter chooses where unqualified names go and what is read") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    db.open()->execute("CREATE SCHEMA sales; CREATE TABLE public.elsewhere (a integer)");
    DatabaseUrl url = db.url();
    url.query["schema"] = "sales";
    auto connection = postgresql::open_postgresql(url, OpenMode::ReadWrite);
    connection->execute("CREATE TABLE orders (id integer)");
    CHECK(connection->has_table("orders"));
    const Schema schema = connection->read_schema({});
    REQUIRE(schema.tables.size() == 1);
    CHECK(schema.tables[0].name == "orders");
}

TEST_CASE("a schema parameter naming no schema is a connection error that says so") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    DatabaseUrl url = db.url();
    url.query["schema"] = "Missing";
    const Error error =
        error_from([&] { (void)postgresql::open_postgresql(url, OpenMode::ReadOnly); });
    CHECK(error.kind() == ErrorKind::Connection);
    CHECK(error.message() == "schema \"Missing\" does not exist in this database");
}
