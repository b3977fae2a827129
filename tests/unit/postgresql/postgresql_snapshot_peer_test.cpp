// The catalog read on two connections (postgresql_snapshot_peer.hpp) against a real server: the
// peer sees exactly the snapshot the first connection exported, a large schema reads the same
// on two connections as on one, and a peer that cannot be had leaves the read to one connection.
#include "postgresql_snapshot_peer.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <libpq-fe.h>

#include <random>
#include <string>

#include "postgresql_test_support.hpp"
#include "postgresql_url.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;

namespace {

// Enough tables for read_schema to use a peer (kPeerMinimumTables), each with a key, a foreign
// key to the one before, a unique and a check; every 50th also a partial index, a comment and a
// trigger.
std::string large_schema_ddl(int tables) {
    std::string ddl =
        "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
        "$$BEGIN RETURN NEW; END$$;\n";
    for (int i = 0; i < tables; ++i) {
        ddl += fmt::format(
            "CREATE TABLE \"T {0}\" (id bigint PRIMARY KEY, code varchar(20) UNIQUE,"
            " amount numeric(10,2) DEFAULT 0 CHECK (amount >= 0), parent bigint{1});\n",
            i, i == 0 ? std::string() : fmt::format(" REFERENCES \"T {}\" (id)", i - 1));
        if (i % 50 != 0) continue;
        ddl += fmt::format(
            "CREATE INDEX \"T {0} amount\" ON \"T {0}\" (amount DESC) WHERE amount > 1;\n"
            "COMMENT ON TABLE \"T {0}\" IS 'table {0}';\n"
            "CREATE TRIGGER touch_{0} BEFORE UPDATE ON \"T {0}\" FOR EACH ROW "
            "EXECUTE FUNCTION touch();\n",
            i);
    }
    return ddl;
}

// A libpq connection of the test's own, closed at the end of the scope.
struct Session {
    explicit Session(const std::string& conninfo) : connection(PQconnectdb(conninfo.c_str())) {
        REQUIRE(PQstatus(connection) == CONNECTION_OK);
    }
    ~Session() { PQfinish(connection); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    std::string value(const std::string& sql) const { return value_on(connection, sql); }

    static std::string value_on(PGconn* on, const std::string& sql) {
        PGresult* result = PQexec(on, sql.c_str());
        const ExecStatusType status = PQresultStatus(result);
        const bool ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
        const std::string message = ok ? std::string() : PQresultErrorMessage(result);
        std::string out;
        if (ok && PQntuples(result) > 0) out = PQgetvalue(result, 0, 0);
        PQclear(result);
        REQUIRE_MESSAGE(ok, sql << ": " << message);
        return out;
    }

    PGconn* connection;
};

}  // namespace

TEST_CASE("a snapshot peer sees the exported snapshot, not what was committed after it") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const std::string conninfo = postgresql::detail::conninfo(db.url());
    const Session first(conninfo);
    static_cast<void>(first.value("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    const std::string snapshot = first.value("SELECT pg_catalog.pg_export_snapshot()");
    db.open()->execute("CREATE TABLE committed_after (id integer)");

    postgresql::detail::SnapshotPeer peer;
    REQUIRE(peer.open({conninfo, snapshot}));
    REQUIRE(peer.get() != nullptr);
    const std::string count =
        "SELECT count(*) FROM pg_catalog.pg_class WHERE relname = 'committed_after'";
    CHECK(Session::value_on(peer.get(), count) == "0");
    CHECK(Session(conninfo).value(count) == "1");
}

TEST_CASE("a snapshot peer that cannot connect or import is absent, not an error") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    DatabaseUrl unreachable = db.url();
    unreachable.port = 1;  // nothing listens there
    postgresql::detail::SnapshotPeer peer;
    CHECK_FALSE(peer.open({postgresql::detail::conninfo(unreachable), "00000003-0000001B-1"}));
    CHECK(peer.get() == nullptr);
    // Reachable, but the snapshot names no open transaction.
    CHECK_FALSE(peer.open({postgresql::detail::conninfo(db.url()), "00000003-0000001B-1"}));
    CHECK(peer.get() == nullptr);
}

TEST_CASE("a large schema reads the same on two connections as on one") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const int tables = static_cast<int>(postgresql::detail::kPeerMinimumTables) + 20;
    db.open()->execute(large_schema_ddl(tables));

    auto connection = db.open(postgresql::OpenMode::ReadOnly);
    const Schema parallel = connection->read_schema({});  // its own transaction: with a peer
    connection->begin();  // inside the caller's transaction: one connection only
    const Schema single = connection->read_schema({});
    connection->rollback();

    REQUIRE(parallel.tables.size() == static_cast<std::size_t>(tables));
    const Table& rich = table_named(parallel, "T 50");
    CHECK(rich.foreign_keys.size() == 1);
    CHECK(rich.unique_constraints.size() == 1);
    CHECK(rich.indexes.size() == 1);
    CHECK(rich.triggers.size() == 1);
    CHECK(rich.checks.size() == 1);
    CHECK(rich.comment == std::optional<std::string>("table 50"));
    CHECK(parallel == single);
}

TEST_CASE("a role allowed one connection still reads a large schema, on that connection") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const int tables = static_cast<int>(postgresql::detail::kPeerMinimumTables) + 5;
    auto admin = db.open();
    admin->execute(large_schema_ddl(tables));
    std::random_device random;
    const std::string role = fmt::format("sd_one_connection_{}", random() % 1000000000U);
    admin->execute(fmt::format("CREATE ROLE {} LOGIN CONNECTION LIMIT 1", role));
    DatabaseUrl limited = db.url();
    limited.user = role;
    limited.password.reset();
    try {
        const Schema schema =
            postgresql::open_postgresql(limited, postgresql::OpenMode::ReadOnly)->read_schema({});
        CHECK(schema.tables.size() == static_cast<std::size_t>(tables));
        CHECK(schema == read(db));
    } catch (...) {
        admin->execute("DROP ROLE " + role);
        throw;
    }
    admin->execute("DROP ROLE " + role);
}
