#include "schemadiff/drivers/registry.hpp"

#include <doctest/doctest.h>

#include "schemadiff/core/error.hpp"
#include "sqlite_test_support.hpp"

using namespace schemadiff;
using schemadiff::drivers::Access;
using schemadiff::drivers::dialect_for;
using schemadiff::drivers::open_database;
using schemadiff::testing::ScratchDirectory;

namespace {

template <typename Action>
Error error_from(Action action) {
    try {
        action();
    } catch (const Error& error) {
        return error;
    }
    FAIL("expected schemadiff::Error");
    return Error(ErrorKind::Internal, "unreachable");
}

}  // namespace

TEST_CASE("a sqlite URL with an absolute path opens that file") {
    ScratchDirectory dir;
    const std::string path = dir.file("app.db");
    const DatabaseUrl url = parse_database_url("sqlite:///" + path);
    open_database(url, Access::Create)->execute("CREATE TABLE t (a INT)");
    auto db = open_database(url, Access::ReadOnly);
    CHECK(db->read_schema({}).tables.size() == 1);
    CHECK(db->dialect().name() == "sqlite");
}

TEST_CASE("sqlite:// is a private in-memory database") {
    auto db = open_database(parse_database_url("sqlite://"), Access::ReadWrite);
    db->execute("CREATE TABLE t (a INT)");
    CHECK(db->read_schema({}).tables.size() == 1);
}

TEST_CASE("a missing file opened read-only names the file and the URL") {
    ScratchDirectory dir;
    const std::string path = dir.file("missing.db");
    const Error error = error_from(
        [&] { (void)open_database(parse_database_url("sqlite:///" + path), Access::ReadOnly); });
    CHECK(error.kind() == ErrorKind::Connection);
    CHECK(error.message() == "database file not found: " + path);
    CHECK(error.context().find("sqlite:///" + path) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("schemes without a driver yet say so, with the password masked") {
    for (const char* raw : {"mysql://alice:s3cret@localhost/app"}) {
        CAPTURE(raw);
        const Error error =
            error_from([&] { (void)open_database(parse_database_url(raw), Access::ReadOnly); });
        CHECK(error.kind() == ErrorKind::Connection);
        CHECK(error.message().find("support is not built yet") != std::string::npos);
        const std::string all = std::string(error.what()) + error.message() + error.context();
        CHECK(all.find("s3cret") == std::string::npos);
        CHECK(error.context().find("***") != std::string::npos);
    }
}

TEST_CASE("dialect_for gives the SQLite dialect without a connection") {
    CHECK(dialect_for("sqlite").name() == "sqlite");
    CHECK(&dialect_for("SQLite") == &dialect_for("sqlite"));
}

TEST_CASE("dialect_for rejects unknown names and reports unbuilt ones") {
    CHECK(error_from([] { (void)dialect_for("oracle"); }).kind() == ErrorKind::Usage);
    const Error error = error_from([] { (void)dialect_for("mariadb"); });
    CHECK(error.message() == "mysql support is not built yet");
}

TEST_CASE("dialect_for gives the PostgreSQL dialect under both scheme names") {
    CHECK(dialect_for("postgresql").name() == "postgresql");
    CHECK(&dialect_for("postgres") == &dialect_for("PostgreSQL"));
}
