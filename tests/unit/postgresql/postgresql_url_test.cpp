// postgresql:// URLs become libpq connection strings: parts given are passed on, parts left out
// are left to libpq's environment, and values that need it are quoted.
#include "postgresql_url.hpp"

#include <doctest/doctest.h>

#include "schemadiff/core/database_url.hpp"
#include "schemadiff/postgresql/postgresql_connection.hpp"

using namespace schemadiff;
using postgresql::detail::conninfo;
using postgresql::detail::conninfo_value;
using postgresql::detail::schema_parameter;

namespace {

std::string conninfo_of(std::string_view url) { return conninfo(parse_database_url(url)); }

}  // namespace

TEST_CASE("every part of a full URL becomes its libpq key, query parameters after") {
    CHECK(conninfo_of("postgresql://alice:s3cret@db.example:5433/shop?sslmode=require") ==
          "host=db.example port=5433 user=alice password=s3cret dbname=shop sslmode=require");
    CHECK(conninfo_of("postgres://alice@db.example/shop") ==
          "host=db.example user=alice dbname=shop");
}

TEST_CASE("parts the URL leaves out are left to PGHOST, PGUSER, PGDATABASE and the rest") {
    CHECK(conninfo_of("postgresql://").empty());
    CHECK(conninfo_of("postgresql:///shop") == "dbname=shop");
    CHECK(conninfo_of("postgresql://db.example") == "host=db.example");
}

TEST_CASE("percent-escapes are decoded and values with spaces or quotes are quoted") {
    CHECK(conninfo_of("postgresql://al%20ice:p%27w%5Cd@h/my%20db") ==
          R"(host=h user='al ice' password='p\'w\\d' dbname='my db')");
    CHECK(conninfo_value("") == "''");
    CHECK(conninfo_value("a=b") == "'a=b'");
    CHECK(conninfo_value("plain") == "plain");
}

TEST_CASE("an IPv6 host loses its brackets and a socket directory comes from ?host=") {
    CHECK(conninfo_of("postgresql://u@[::1]:5432/d") == "host=::1 port=5432 user=u dbname=d");
    CHECK(conninfo_of("postgresql:///d?host=/var/run/postgresql") ==
          "dbname=d host=/var/run/postgresql");
    CHECK(conninfo_of("postgresql://ignored/d?host=%2Ftmp") == "host=/tmp dbname=d");
}

TEST_CASE("the schema parameter is schemadiff's, not libpq's") {
    const DatabaseUrl url = parse_database_url("postgresql://h/d?schema=sales&application_name=x");
    CHECK(conninfo(url) == "host=h dbname=d application_name=x");
    CHECK(schema_parameter(url) == "sales");
    CHECK_FALSE(schema_parameter(parse_database_url("postgresql://h/d")).has_value());
}

TEST_CASE("the redacted URL of a PostgreSQL URL never shows the password") {
    const DatabaseUrl url = parse_database_url("postgresql://alice:s3cret@db/shop?sslmode=require");
    CHECK(url.redacted() == "postgresql://alice:***@db/shop?sslmode=require");
}

TEST_CASE("the migration lock key depends on the version table and nothing else") {
    CHECK(postgresql::migration_lock_key("schemadiff_version") ==
          postgresql::migration_lock_key("schemadiff_version"));
    CHECK(postgresql::migration_lock_key("schemadiff_version") !=
          postgresql::migration_lock_key("other_version"));
}
