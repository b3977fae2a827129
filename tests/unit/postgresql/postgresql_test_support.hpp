// Helpers for the PostgreSQL driver tests: the test server from SCHEMADIFF_TEST_POSTGRES_URL and
// a scratch database per test (CREATE DATABASE sd_test_<random>, dropped at the end).
//
// Without the variable a server test SKIPS with a visible message, except under CI=true, where a
// missing server is a failure: CI must not pass by testing nothing. `.ci/postgres-server start`
// prints the variable to export.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/database_url.hpp"
#include "schemadiff/postgresql/postgresql_connection.hpp"

namespace schemadiff::testing {

inline constexpr const char* kServerVariable = "SCHEMADIFF_TEST_POSTGRES_URL";

// The test server's URL, or nullopt after reporting why the test is skipped (failing under CI).
inline std::optional<DatabaseUrl> test_server() {
    const char* url = std::getenv(kServerVariable);
    if (url != nullptr && *url != '\0') return parse_database_url(url);
    const std::string variable(kServerVariable);
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string_view(ci) == "true") {
        FAIL_CHECK(variable << " is not set under CI=true: the PostgreSQL tests need a server "
                               "(.ci/postgres-server start)");
    } else {
        MESSAGE("skipped: " << variable << " is not set (.ci/postgres-server start)");
    }
    return std::nullopt;
}

// A database of its own for one test, dropped (connections and all) when it goes out of scope.
class ScratchDatabase {
public:
    explicit ScratchDatabase(const DatabaseUrl& server) : url_(server) {
        std::random_device random;
        std::uniform_int_distribution<unsigned long long> digits;
        name_ = "sd_test_" + std::to_string(digits(random) % 1000000000000ULL);
        admin_ = postgresql::open_postgresql(server, postgresql::OpenMode::ReadWrite);
        admin_->execute("CREATE DATABASE " + name_);
        url_.database = name_;
    }
    ~ScratchDatabase() {
        try {
            admin_->execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        } catch (const Error&) {
            // A leftover scratch database is harmless; a destructor must not throw.
        }
    }
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    [[nodiscard]] const DatabaseUrl& url() const { return url_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] std::unique_ptr<Connection> open(
        postgresql::OpenMode mode = postgresql::OpenMode::ReadWrite) const {
        return postgresql::open_postgresql(url_, mode);
    }

private:
    DatabaseUrl url_;
    std::string name_;
    std::unique_ptr<Connection> admin_;
};

inline const Table& table_named(const Schema& schema, std::string_view name) {
    const Table* table = schema.find_table(name);
    REQUIRE_MESSAGE(table != nullptr, "no table " << name);
    return *table;
}

inline const Column& column_named(const Table& table, std::string_view name) {
    const Column* column = table.find_column(name);
    REQUIRE_MESSAGE(column != nullptr, "no column " << name << " in " << table.name);
    return *column;
}

}  // namespace schemadiff::testing
