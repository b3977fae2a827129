// PostgreSQL URLs through the binary: a password never appears in any output or error (bad
// password, unknown role, role without login, missing database, refused connection), and
// PGPASSWORD / PGUSER apply when the URL leaves them out, as with libpq's own tools.
#include <doctest/doctest.h>

#include <cstdlib>
#include <random>

#include "postgresql_workflow_support.hpp"

namespace schemadiff::cli::testing {

namespace {

using schemadiff::testing::ScratchDatabase;

constexpr const char* kSecret = "s3cr3t-P@ss:word";
constexpr const char* kSecretEncoded = "s3cr3t-P%40ss%3Aword";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// "postgresql://USER:PASSWORD@host:port/DATABASE" on the test server.
std::string url_with(const DatabaseUrl& server, const std::string& user,
                     const std::string& password, const std::string& database) {
    std::string text = "postgresql://" + user;
    if (!password.empty()) text += ":" + password;
    text += "@" + server.host;
    if (server.port) text += ":" + std::to_string(*server.port);
    return text + "/" + database;
}

// Sets an environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old_.empty()) {
            ::unsetenv(name_);
        } else {
            ::setenv(name_, old_.c_str(), 1);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::string old_;
};

// A role that exists but may not log in: its connections fail at authentication.
class NoLoginRole {
public:
    explicit NoLoginRole(const ScratchDatabase& db) : connection_(db.open()) {
        std::random_device random;
        name_ = "sd_nologin_" + std::to_string(random() % 1000000000U);
        connection_->execute("CREATE ROLE " + name_ + " NOLOGIN PASSWORD 'x'");
    }
    ~NoLoginRole() {
        try {
            connection_->execute("DROP ROLE IF EXISTS " + name_);
        } catch (const Error&) {
            // A leftover role is harmless; a destructor must not throw.
        }
    }
    NoLoginRole(const NoLoginRole&) = delete;
    NoLoginRole& operator=(const NoLoginRole&) = delete;
    [[nodiscard]] const std::string& name() const { return name_; }

private:
    std::unique_ptr<Connection> connection_;
    std::string name_;
};

void check_one_redacted_line(const CliResult& result, const std::string& expected) {
    CAPTURE(result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err_lines().size() == 1);
    CHECK(contains(result.err, expected));
    CHECK(contains(result.err, ":***@"));
    CHECK_FALSE(contains(result.err, kSecret));
    CHECK_FALSE(contains(result.err, kSecretEncoded));
    CHECK_FALSE(contains(result.err, "s3cr3t"));
}

}  // namespace

TEST_CASE("on PostgreSQL a password never appears in an error, whatever fails") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const PostgresqlProject project(db);
    project.write_models("[]");
    const NoLoginRole role(db);

    const std::string no_login = url_with(*server, role.name(), kSecretEncoded, db.name());
    check_one_redacted_line(project.run({"upgrade", "head", "--url", no_login}),
                            "is not permitted to log in");
    check_one_redacted_line(project.run({"current", "--url", no_login}),
                            "is not permitted to log in");
    check_one_redacted_line(
        project.run(
            {"check", "--url", url_with(*server, "sd_no_such_role", kSecretEncoded, db.name())}),
        "role \"sd_no_such_role\" does not exist");
    check_one_redacted_line(
        project.run({"upgrade", "head", "--url",
                     url_with(*server, server->user, kSecretEncoded, "sd_no_such_database")}),
        "database \"sd_no_such_database\" does not exist");
    check_one_redacted_line(
        project.run({"current", "--url",
                     "postgresql://postgres:" + std::string(kSecretEncoded) + "@127.0.0.1:1/app"}),
        "cannot connect to PostgreSQL");
    check_one_redacted_line(
        project.run({"diff", "--from", url_with(*server, role.name(), kSecretEncoded, db.name()),
                     "--to", (project.dir() / "models.json").string()}),
        "is not permitted to log in");
}

TEST_CASE("on PostgreSQL a password in SCHEMADIFF_URL or the config is masked too") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const NoLoginRole role(db);
    const PostgresqlProject project(db);
    project.write_models("[]");
    const std::string url = url_with(*server, role.name(), kSecretEncoded, db.name());
    {
        const ScopedEnv env("SCHEMADIFF_URL", url);
        check_one_redacted_line(project.run({"upgrade", "head"}), "is not permitted to log in");
    }
    write_file(project.dir() / "schemadiff.toml",
               "[database]\nurl = \"" + url + "\"\n[models]\njson = \"models.json\"\n");
    check_one_redacted_line(project.run({"autogenerate", "-m", "x"}), "is not permitted to log in");
}

TEST_CASE("on PostgreSQL PGPASSWORD and PGUSER apply when the URL leaves them out") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    const NoLoginRole role(db);
    const PostgresqlProject project(db);
    project.write_models(
        R"json([{"name": "t", "columns": [{"name": "id", "type": "integer"}]}])json");
    REQUIRE(project.run({"autogenerate", "-m", "t"}).exit_code == 0);

    const ScopedEnv password("PGPASSWORD", kSecret);
    {
        // No user in the URL: libpq takes PGUSER, as psql would.
        const ScopedEnv user("PGUSER", role.name());
        const std::string url = "postgresql://" + server->host + ":" +
                                std::to_string(server->port.value_or(5432)) + "/" + db.name();
        const CliResult refused = project.run({"upgrade", "head", "--url", url});
        CHECK(refused.exit_code == 2);
        CHECK(contains(refused.err, "role \"" + role.name() + "\" is not permitted to log in"));
        CHECK_FALSE(contains(refused.err, "s3cr3t"));
    }
    const std::string url = url_with(*server, server->user, "", db.name());
    const CliResult up = project.run({"upgrade", "head", "--url", url});
    CHECK_MESSAGE(up.exit_code == 0, up.err);
    CHECK_FALSE(contains(up.out + up.err, "s3cr3t"));
    CHECK(project.query("SELECT count(*) FROM schemadiff_version") == Rows{{"1"}});
}

}  // namespace schemadiff::cli::testing
