#include "postgresql_password_support.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string_view>

#include "schemadiff/postgresql/postgresql_connection.hpp"

namespace schemadiff::cli::testing {

namespace {

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

bool under_ci() {
    const char* ci = std::getenv("CI");
    return ci != nullptr && std::string_view(ci) == "true";
}

}  // namespace

PasswordRole::PasswordRole(const DatabaseUrl& server,
                           const schemadiff::testing::ScratchDatabase& db)
    : server_(server), database_(db.name()) {
    const auto admin = db.open();
    admin->execute(std::string("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE "
                               "rolname = '") +
                   kPasswordRole + "') THEN CREATE ROLE " + kPasswordRole + "; END IF; END $$");
    admin->execute(std::string("ALTER ROLE ") + kPasswordRole + " LOGIN PASSWORD '" + kPassword +
                   "'");
    // The owner of the database owns its public schema too (PostgreSQL 15): it may create there.
    admin->execute("ALTER DATABASE " + database_ + " OWNER TO " + kPasswordRole);
}

bool PasswordRole::enforced() const {
    DatabaseUrl wrong = server_;
    wrong.user = kPasswordRole;
    wrong.password = kWrongPassword;
    wrong.database = database_;
    std::string why;
    try {
        const LibpqEnv env;
        (void)postgresql::open_postgresql(wrong, postgresql::OpenMode::ReadOnly);
        why = "the server let " + std::string(kPasswordRole) +
              " in with a wrong password (it trusts the role: use .ci/postgres-server)";
    } catch (const Error& error) {
        if (contains(error.what(), "password authentication failed")) return true;
        why = std::string("logging in as ") + kPasswordRole + " failed otherwise: " + error.what();
    }
    if (under_ci()) {
        FAIL_CHECK("passwords are not tested under CI=true: " << why);
    } else {
        MESSAGE("skipped: " << why);
    }
    return false;
}

std::string PasswordRole::url(const std::string& password) const {
    std::string text = std::string("postgresql://") + kPasswordRole;
    if (!password.empty()) text += ":" + password;
    return text + "@" + server_.host + ":" + port() + "/" + database_;
}

std::string PasswordRole::port() const { return std::to_string(server_.port.value_or(5432)); }

LibpqEnv::LibpqEnv() {
    for (const char* name :
         {"PGPASSWORD", "PGUSER", "PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGSERVICE",
          "PGSERVICEFILE", "PGSSLMODE", "PGREQUIRESSL", "PGAPPNAME", "PGOPTIONS",
          "PGCONNECT_TIMEOUT", "PGTARGETSESSIONATTRS", "SCHEMADIFF_URL"}) {
        set(name, std::nullopt);
    }
    set("PGPASSFILE", "/nonexistent/schemadiff-test-pgpass");
}

LibpqEnv::~LibpqEnv() {
    while (!variables_.empty()) variables_.pop_back();
}

void LibpqEnv::set(const char* name, const std::optional<std::string>& value) {
    variables_.push_back(std::make_unique<ScopedEnv>(name, value));
}

void check_no_password_in(const std::string& text) {
    for (const char* secret : {kPassword, kPasswordEncoded, kWrongPassword, kWrongPasswordEncoded,
                               "w/rd", "w%2Frd", "wr0ng"}) {
        CHECK_MESSAGE(!contains(text, secret), "a password (" << secret << ") is in: " << text);
    }
}

void check_refused(const CliResult& result, const std::string& expected) {
    CAPTURE(result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err_lines().size() == 1);
    CHECK(contains(result.err, expected));
    check_no_password_in(result.out + result.err);
}

std::vector<std::string> user_tables(const PostgresqlProject& project) {
    std::vector<std::string> names;
    for (const auto& row : project.query(
             "SELECT schemaname || '.' || tablename FROM pg_catalog.pg_tables WHERE schemaname "
             "NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
        names.push_back(row.at(0));
    }
    return names;
}

std::string table_owner(const PostgresqlProject& project, const std::string& name) {
    const Rows rows = project.query(
        "SELECT tableowner FROM pg_catalog.pg_tables WHERE tablename = '" + name + "'");
    return rows.empty() ? std::string() : rows.front().at(0);
}

}  // namespace schemadiff::cli::testing
