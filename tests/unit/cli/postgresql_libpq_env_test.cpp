// libpq's environment through the binary, as docs/cli.md promises it: PGUSER, PGHOST and PGPORT
// fill what the URL leaves out, PGSSLMODE applies unless the URL sets sslmode, PGCONNECT_TIMEOUT
// (or ?connect_timeout) bounds a server that never answers, PGAPPNAME names the session.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <random>

#include "postgresql_password_support.hpp"
#include "schemadiff/postgresql/postgresql_connection.hpp"

namespace schemadiff::cli::testing {

namespace {

using schemadiff::testing::ScratchDatabase;

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A TCP port on 127.0.0.1 that accepts connections (the kernel's backlog does) and never
// answers: a hung server.
class SilentServer {
public:
    SilentServer() : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
        REQUIRE(socket_ >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        auto* generic = reinterpret_cast<sockaddr*>(&address);
        REQUIRE(::bind(socket_, generic, sizeof address) == 0);
        REQUIRE(::listen(socket_, 16) == 0);
        socklen_t size = sizeof address;
        REQUIRE(::getsockname(socket_, generic, &size) == 0);
        port_ = ntohs(address.sin_port);
    }
    ~SilentServer() { ::close(socket_); }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;
    [[nodiscard]] std::string port() const { return std::to_string(port_); }

private:
    int socket_;
    unsigned port_ = 0;
};

}  // namespace

TEST_CASE("on PostgreSQL PGUSER, PGHOST and PGPORT fill what the URL leaves out") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PasswordRole role(*server, db);
    LibpqEnv env;
    const PostgresqlProject project(db);
    project.write_models(
        R"json([{"name": "t", "columns": [{"name": "id", "type": "integer"}]}])json");
    REQUIRE(project.run({"autogenerate", "-m", "t"}).exit_code == 0);

    // No host: libpq's default is the Unix socket, where the test server does not listen.
    const std::string url = "postgresql:///" + db.name();
    CHECK(project.run({"upgrade", "head", "--url", url}).exit_code == 2);
    env.set("PGHOST", server->host);
    env.set("PGPORT", role.port());
    env.set("PGUSER", kPasswordRole);
    env.set("PGPASSWORD", kPassword);
    const CliResult up = project.run({"upgrade", "head", "--url", url});
    CHECK_MESSAGE(up.exit_code == 0, up.err);
    check_no_password_in(up.out + up.err);
    CHECK(table_owner(project, "t") == kPasswordRole);
}

TEST_CASE("on PostgreSQL PGSSLMODE applies unless the URL sets sslmode") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    LibpqEnv env;
    const PostgresqlProject project(db);
    // verify-full with a missing root certificate fails on any server, with SSL or without.
    env.set("PGSSLMODE", "verify-full");
    env.set("PGSSLROOTCERT", "/nonexistent/schemadiff-root.crt");
    const CliResult refused = project.run({"current"});
    CAPTURE(refused.err);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err_lines().size() == 1);
    CHECK((contains(refused.err, "SSL") || contains(refused.err, "certificate")));

    const CliResult plain =
        project.run({"current", "--url", url_text(db.url()) + "?sslmode=disable"});
    CHECK_MESSAGE(plain.exit_code == 0, plain.err);
}

TEST_CASE("on PostgreSQL PGCONNECT_TIMEOUT and connect_timeout bound a server that never answers") {
    const SilentServer silent;
    LibpqEnv env;
    const ScratchDir cwd;
    const std::string url = "postgresql://app:" + std::string(kWrongPasswordEncoded) +
                            "@127.0.0.1:" + silent.port() + "/app";
    // libpq's smallest timeout is 2 s; without one schemadiff waits 10 s (libpq: forever).
    for (const bool from_env : {true, false}) {
        CAPTURE(from_env);
        std::optional<ScopedEnv> timeout;
        if (from_env) timeout.emplace("PGCONNECT_TIMEOUT", "2");
        const auto start = std::chrono::steady_clock::now();
        const CliResult result =
            run_cli({"dump", from_env ? url : url + "?connect_timeout=2"}, cwd.path());
        const auto waited = std::chrono::steady_clock::now() - start;
        CAPTURE(result.err);
        CHECK(result.exit_code == 2);
        CHECK(result.err_lines().size() == 1);
        CHECK(contains(result.err, "timeout"));
        CHECK(waited >= std::chrono::milliseconds(1500));
        CHECK(waited < std::chrono::seconds(8));
        check_no_password_in(result.out + result.err);
    }
    CHECK(cwd.entries().empty());
}

TEST_CASE("on PostgreSQL PGAPPNAME names the session in pg_stat_activity") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    LibpqEnv env;
    const PostgresqlProject project(db);
    project.write_models(
        R"json([{"name": "t", "columns": [{"name": "id", "type": "integer"}]}])json");
    REQUIRE(project.run({"autogenerate", "-m", "t"}).exit_code == 0);
    std::random_device random;
    const std::string name = "sd_app_" + std::to_string(random() % 1000000000U);
    env.set("PGAPPNAME", name);

    // Hold the migration lock so that `upgrade` waits (up to 5 s) where it can be seen.
    const auto key = postgresql::migration_lock_key("schemadiff_version");
    project.execute("SELECT pg_catalog.pg_advisory_lock(" + std::to_string(key) + ")");
    auto upgrade = std::async(std::launch::async, [&project] {
        return project.run({"upgrade", "head"});
    });
    bool seen = false;
    // Until seen, or the run ends (it gives up on the lock after 5 s).
    while (!seen && upgrade.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
        seen = project.query(
                   "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE "
                   "application_name = '" +
                   name + "' AND datname = '" + db.name() + "'") != Rows{{"0"}};
    }
    project.execute("SELECT pg_catalog.pg_advisory_unlock(" + std::to_string(key) + ")");
    const CliResult up = upgrade.get();
    CHECK(seen);
    CHECK_MESSAGE(up.exit_code == 0, up.err);
}

}  // namespace schemadiff::cli::testing
