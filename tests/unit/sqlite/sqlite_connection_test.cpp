#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "schemadiff/core/error.hpp"
#include "sqlite_test_support.hpp"

using namespace schemadiff;
using schemadiff::sqlite::open_sqlite;
using schemadiff::sqlite::OpenMode;
using schemadiff::testing::ScratchDirectory;

namespace {

// Runs `action`, which must throw Error; returns it.
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

TEST_CASE("opening a missing file read-only throws and creates nothing") {
    ScratchDirectory dir;
    const std::string path = dir.file("missing.db");
    const Error error = error_from([&] { (void)open_sqlite(path, OpenMode::ReadOnly); });
    CHECK(error.kind() == ErrorKind::Connection);
    CHECK(error.message() == "database file not found: " + path);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("opening a missing file read-write throws: only Create makes a database") {
    ScratchDirectory dir;
    const std::string path = dir.file("missing.db");
    const Error error = error_from([&] { (void)open_sqlite(path, OpenMode::ReadWrite); });
    CHECK(error.kind() == ErrorKind::Connection);
    CHECK_FALSE(std::filesystem::exists(path));
    auto db = open_sqlite(path, OpenMode::ReadWriteCreate);
    db->execute("CREATE TABLE t (a INT)");
    CHECK(std::filesystem::exists(path));
}

TEST_CASE("a text file posing as a database is a clear connection error") {
    ScratchDirectory dir;
    const std::string path = dir.file("notes.db");
    std::ofstream(path) << "these are my notes, not a database\n";
    for (OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite, OpenMode::ReadWriteCreate}) {
        const Error error = error_from([&] { (void)open_sqlite(path, mode); });
        CHECK(error.kind() == ErrorKind::Connection);
        CHECK(error.message() == "not a SQLite database file: " + path);
    }
    std::ifstream in(path);
    std::string first_line;
    std::getline(in, first_line);
    CHECK(first_line == "these are my notes, not a database");
}

TEST_CASE("a directory is not a database") {
    ScratchDirectory dir;
    const Error error =
        error_from([&] { (void)open_sqlite(dir.path().string(), OpenMode::ReadOnly); });
    CHECK(error.kind() == ErrorKind::Connection);
}

TEST_CASE("an empty file is an empty database") {
    ScratchDirectory dir;
    const std::string path = dir.file("empty.db");
    std::ofstream(path).close();
    auto db = open_sqlite(path, OpenMode::ReadOnly);
    CHECK(db->read_schema({}).tables.empty());
}

TEST_CASE("a file written by one connection is read back by a read-only one") {
    ScratchDirectory dir;
    const std::string path = dir.file("with space.db");
    open_sqlite(path, OpenMode::ReadWriteCreate)
        ->execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    auto reader = open_sqlite(path, OpenMode::ReadOnly);
    const Schema schema = reader->read_schema({});
    REQUIRE(schema.tables.size() == 1);
    CHECK(schema.tables[0].name == "t");
    CHECK(reader->dialect().name() == "sqlite");
}

TEST_CASE("a read-only connection refuses to write") {
    ScratchDirectory dir;
    const std::string path = dir.file("ro.db");
    open_sqlite(path, OpenMode::ReadWriteCreate)->execute("CREATE TABLE t (a INT)");
    auto db = open_sqlite(path, OpenMode::ReadOnly);
    const Error error = error_from([&] { db->execute("INSERT INTO t VALUES (1)"); });
    CHECK(error.kind() == ErrorKind::Execution);
    CHECK(error.message().find("readonly") != std::string::npos);
}

TEST_CASE("a failing statement is an execution error naming SQLite's reason and the statement") {
    auto db = open_sqlite(":memory:", OpenMode::ReadWriteCreate);
    const Error error = error_from([&] { db->execute("CREATE TABLE t (a INT,, b)"); });
    CHECK(error.kind() == ErrorKind::Execution);
    CHECK(error.message().find("syntax error") != std::string::npos);
    CHECK(error.context().find("CREATE TABLE t (a INT,, b)") != std::string::npos);
}

TEST_CASE("execute runs every statement of a script, trigger bodies included") {
    auto db = open_sqlite("", OpenMode::ReadWriteCreate);
    db->execute(
        "CREATE TABLE t (a INT); CREATE TABLE log (a INT);"
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (new.a); END;"
        "INSERT INTO t VALUES (1);");
    CHECK(db->read_schema({}).tables.size() == 2);
}

TEST_CASE("rollback undoes and commit keeps what ran inside a transaction") {
    auto db = open_sqlite(":memory:", OpenMode::ReadWriteCreate);
    db->begin();
    db->execute("CREATE TABLE undone (a INT)");
    db->rollback();
    CHECK(db->read_schema({}).tables.empty());
    db->begin();
    db->execute("CREATE TABLE kept (a INT)");
    // Reading inside the caller's transaction sees its uncommitted work and leaves it open.
    CHECK(db->read_schema({}).tables.size() == 1);
    db->commit();
    CHECK(db->read_schema({}).tables.size() == 1);
}

TEST_CASE("foreign keys are enforced on read-write connections") {
    auto db = open_sqlite(":memory:", OpenMode::ReadWriteCreate);
    db->execute(
        "CREATE TABLE p (id INTEGER PRIMARY KEY);"
        "CREATE TABLE c (p_id INTEGER REFERENCES p (id));");
    const Error error = error_from([&] { db->execute("INSERT INTO c VALUES (42)"); });
    CHECK(error.kind() == ErrorKind::Execution);
}

TEST_CASE("separate in-memory connections are separate databases") {
    auto one = open_sqlite(":memory:", OpenMode::ReadWriteCreate);
    auto two = open_sqlite("", OpenMode::ReadWriteCreate);
    one->execute("CREATE TABLE t (a INT)");
    CHECK(two->read_schema({}).tables.empty());
}
