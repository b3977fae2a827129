// Names that need quoting survive every path through the command line: reserved words, mixed
// case, spaces, quotes and non-ASCII letters.
#include <doctest/doctest.h>

#include <string>

#include "cli_process.hpp"
#include "sqlite_file.hpp"

namespace schemadiff::cli::testing {

namespace {

constexpr const char* kOddSchema = R"sql(
CREATE TABLE "order" (
    "select" INTEGER PRIMARY KEY,
    "Mixed Case" TEXT NOT NULL DEFAULT 'it''s',
    "quote""d" REAL,
    "café" VARCHAR(20)
);
CREATE INDEX "ix order ""café""" ON "order" ("café");
CREATE TABLE "Line Items" (
    id INTEGER PRIMARY KEY,
    "order" INTEGER NOT NULL REFERENCES "order" ("select") ON DELETE CASCADE
);
)sql";

}  // namespace

TEST_CASE("a database with odd identifiers is identical to itself and to its dump") {
    const ScratchDir dir;
    execute_sql(dir / "odd.db", kOddSchema);
    const std::string url = sqlite_url(dir / "odd.db");
    CHECK(run_cli({"diff", "--from", url, "--to", url}, dir.path()).exit_code == 0);

    const CliResult json = run_cli({"dump", url}, dir.path());
    REQUIRE(json.exit_code == 0);
    CHECK(json.out.find("café") != std::string::npos);
    write_file(dir / "odd.json", json.out);
    CHECK(run_cli({"diff", "--from", "odd.json", "--to", url}, dir.path()).exit_code == 0);

    const CliResult sql = run_cli({"dump", url, "--format", "sql"}, dir.path());
    REQUIRE(sql.exit_code == 0);
    INFO(sql.out);
    execute_sql(dir / "copy.db", sql.out);
    const CliResult diff =
        run_cli({"diff", "--from", sqlite_url(dir / "copy.db"), "--to", url}, dir.path());
    INFO(diff.out);
    CHECK(diff.exit_code == 0);
}

TEST_CASE("a change to a column with an odd name is applied by diff --format sql") {
    const ScratchDir dir;
    execute_sql(dir / "from.db", kOddSchema);
    execute_sql(dir / "to.db", kOddSchema);
    execute_sql(dir / "to.db", R"sql(ALTER TABLE "order" ADD COLUMN "group" TEXT;
                                     ALTER TABLE "order" DROP COLUMN "quote""d";)sql");
    const CliResult sql = run_cli({"diff", "--from", sqlite_url(dir / "from.db"), "--to",
                                   sqlite_url(dir / "to.db"), "--format", "sql"},
                                  dir.path());
    REQUIRE(sql.exit_code == 1);
    INFO(sql.out);
    execute_sql(dir / "from.db", sql.out);
    CHECK(
        run_cli({"diff", "--from", sqlite_url(dir / "from.db"), "--to", sqlite_url(dir / "to.db")},
                dir.path())
            .exit_code == 0);
}

}  // namespace schemadiff::cli::testing
