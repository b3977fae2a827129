// split_statements against real SQLite: each statement it produces must be exactly one complete
// statement to SQLite's own parser, and running them in order must build a working database.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/migrate/revision_script.hpp"

using namespace schemadiff::migrate;

namespace {

struct DatabaseCloser {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Database = std::unique_ptr<sqlite3, DatabaseCloser>;

Database open_memory() {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(":memory:", &raw) == SQLITE_OK);
    return Database(raw);
}

bool only_blanks(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Runs one statement; fails the test unless SQLite reads it as exactly one statement.
void run_one(sqlite3* db, const ScriptStatement& statement) {
    INFO("line ", statement.line, ": ", statement.sql);
    CHECK(sqlite3_complete((statement.sql + ";").c_str()) != 0);
    sqlite3_stmt* prepared = nullptr;
    const char* tail = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, statement.sql.c_str(), -1, &prepared, &tail) == SQLITE_OK);
    REQUIRE(prepared != nullptr);
    CHECK(only_blanks(tail));
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) rc = sqlite3_step(prepared);
    sqlite3_finalize(prepared);
    CHECK_MESSAGE(rc == SQLITE_DONE, sqlite3_errmsg(db));
}

long long query_int(sqlite3* db, const char* sql) {
    sqlite3_stmt* prepared = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &prepared, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(prepared) == SQLITE_ROW);
    const long long value = sqlite3_column_int64(prepared, 0);
    sqlite3_finalize(prepared);
    return value;
}

constexpr std::string_view kSqliteScript = R"sql(-- tables with awkward names
CREATE TABLE "order" ("id" INTEGER PRIMARY KEY, "note;" TEXT DEFAULT 'a;b', [begin] TEXT);
CREATE TABLE "audit log" (id INTEGER PRIMARY KEY, kind TEXT, msg TEXT); -- trailing remark
/* the trigger's body has statements, a CASE and a string with END; in it */
CREATE TRIGGER "order;audit" AFTER INSERT ON "order"
WHEN (CASE WHEN new.id > 0 THEN 1 ELSE 0 END)
BEGIN
    INSERT INTO "audit log" (kind, msg)
        VALUES (CASE WHEN new."note;" LIKE '%;%' THEN 'semi' ELSE 'plain' END, 'END;');
    UPDATE "audit log" SET msg = msg || ' -- ok' WHERE kind = 'semi';
END;
CREATE TEMP TRIGGER t2 AFTER DELETE ON "order" BEGIN DELETE FROM "audit log"; END;
INSERT INTO "order" ("id", "note;") VALUES (1, 'x;y'), (2, 'it''s');
INSERT INTO "order" ("id") VALUES (3)
)sql";

}  // namespace

TEST_CASE("every statement split from a SQLite script is one complete statement to SQLite") {
    const Database db = open_memory();
    const auto statements = split_statements(kSqliteScript, 1);
    REQUIRE(statements.size() == 6);
    for (const auto& statement : statements) run_one(db.get(), statement);
}

TEST_CASE("a SQLite script run statement by statement builds a working trigger") {
    const Database db = open_memory();
    for (const auto& statement : split_statements(kSqliteScript, 1)) run_one(db.get(), statement);
    CHECK(query_int(db.get(), "SELECT count(*) FROM \"order\"") == 3);
    CHECK(query_int(db.get(), "SELECT count(*) FROM \"audit log\"") == 3);
    CHECK(query_int(db.get(),
                    "SELECT count(*) FROM \"audit log\" WHERE kind = 'semi' "
                    "AND msg = 'END; -- ok'") == 1);
}

TEST_CASE("statement lines of the SQLite script point at each statement's first code") {
    std::vector<int> lines;
    for (const auto& statement : split_statements(kSqliteScript, 1))
        lines.push_back(statement.line);
    CHECK(lines == std::vector<int>{2, 3, 5, 12, 13, 14});
}
