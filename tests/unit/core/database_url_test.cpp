#include "schemadiff/core/database_url.hpp"

#include <doctest/doctest.h>

#include <string>

#include "schemadiff/core/error.hpp"

using namespace schemadiff;

TEST_CASE("SQLite URLs give relative, absolute and in-memory databases") {
    CHECK(parse_database_url("sqlite:///app.db").database == "app.db");
    CHECK(parse_database_url("sqlite:////var/lib/app.db").database == "/var/lib/app.db");
    CHECK(parse_database_url("sqlite://").is_sqlite_memory());
    CHECK(parse_database_url("sqlite:///:memory:").is_sqlite_memory());
    CHECK(parse_database_url("sqlite:///my%20app.db").database == "my app.db");
}

TEST_CASE("server URLs are split into user, password, host, port, database and query") {
    const auto url =
        parse_database_url("postgres://bob:s%40cret@db.example:6432/shop?sslmode=require");
    CHECK(url.scheme == "postgresql");
    CHECK(url.user == "bob");
    CHECK(url.password == std::optional<std::string>("s@cret"));
    CHECK(url.host == "db.example");
    CHECK(url.port == std::optional<int>(6432));
    CHECK(url.database == "shop");
    CHECK(url.query.at("sslmode") == "require");
    CHECK(parse_database_url("mariadb://root@[::1]:3307/app").host == "::1");
    CHECK(parse_database_url("mysql+pymysql://u@h/d").scheme == "mysql");
}

TEST_CASE("the redacted form never shows the password") {
    const auto url = parse_database_url("postgresql://bob:hunter2@localhost:5432/shop");
    CHECK(url.redacted() == "postgresql://bob:***@localhost:5432/shop");
    CHECK(url.redacted().find("hunter2") == std::string::npos);
}

TEST_CASE("a malformed URL is a usage error that does not echo the password") {
    try {
        (void)parse_database_url("postgresql://bob:hunter2@localhost:notaport/shop");
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Usage);
        CHECK(std::string(e.what()).find("hunter2") == std::string::npos);
        CHECK(std::string(e.what()).find("***") != std::string::npos);
    }
    CHECK_THROWS_AS((void)parse_database_url("oracle://x/y"), Error);
    CHECK_THROWS_AS((void)parse_database_url("sqlite://host/app.db"), Error);
    CHECK_FALSE(looks_like_url("models.json"));
    CHECK(looks_like_url("sqlite://"));
}
