// `schemadiff dump`: model JSON and CREATE statements that reproduce the schema they came from.
#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_process.hpp"
#include "fixtures.hpp"
#include "sqlite_file.hpp"

namespace schemadiff::cli::testing {

TEST_CASE("dump prints model JSON by default, and diff from that file to the database exits 0") {
    const ScratchDir dir;
    create_app_v2(dir / "app.db");
    const CliResult dump = run_cli({"dump", sqlite_url(dir / "app.db")}, dir.path());
    REQUIRE(dump.exit_code == 0);
    CHECK(dump.err.empty());
    const auto json = nlohmann::json::parse(dump.out);
    CHECK(json["format"] == "schemadiff-model");
    CHECK(json["tables"].size() == 3);
    write_file(dir / "app.json", dump.out);
    const CliResult diff =
        run_cli({"diff", "--from", "app.json", "--to", sqlite_url(dir / "app.db")}, dir.path());
    INFO(diff.out);
    CHECK(diff.exit_code == 0);
    const CliResult reverse =
        run_cli({"diff", "--from", sqlite_url(dir / "app.db"), "--to", "app.json"}, dir.path());
    CHECK(reverse.exit_code == 0);
}

TEST_CASE("dump --format json is deterministic and reads back to the same JSON") {
    const ScratchDir dir;
    create_app_v2(dir / "app.db");
    const CliResult first =
        run_cli({"dump", sqlite_url(dir / "app.db"), "--format", "json"}, dir.path());
    write_file(dir / "app.json", first.out);
    const CliResult from_file = run_cli({"dump", "app.json"}, dir.path());
    CHECK(from_file.exit_code == 0);
    CHECK(from_file.out == first.out);
}

TEST_CASE("dump --format sql builds a database that diff finds identical to the source") {
    const ScratchDir dir;
    create_app_v2(dir / "app.db");
    execute_sql(dir / "app.db", "CREATE VIEW recent_posts AS SELECT id, title FROM posts;");
    const CliResult dump =
        run_cli({"dump", sqlite_url(dir / "app.db"), "--format", "sql"}, dir.path());
    REQUIRE(dump.exit_code == 0);
    INFO(dump.out);
    CHECK(dump.out.find("CREATE TABLE") != std::string::npos);
    CHECK(dump.out.find("BEGIN") == std::string::npos);
    execute_sql(dir / "copy.db", dump.out);
    const CliResult diff =
        run_cli({"diff", "--from", sqlite_url(dir / "copy.db"), "--to", sqlite_url(dir / "app.db")},
                dir.path());
    INFO(diff.out);
    CHECK(diff.exit_code == 0);
    CHECK(query_text(dir / "copy.db",
                     "SELECT count(*) FROM sqlite_schema WHERE name = 'recent_posts'") == "1");
}

TEST_CASE("dump of a model file as sql needs no database") {
    const ScratchDir dir;
    create_app_v1(dir / "app.db");
    write_file(dir / "app.json", run_cli({"dump", sqlite_url(dir / "app.db")}, dir.path()).out);
    const CliResult dump = run_cli({"dump", "app.json", "--format", "sql"}, dir.path());
    CHECK(dump.exit_code == 0);
    CHECK(dump.out.find("CREATE TABLE") != std::string::npos);
}

TEST_CASE("dump of an empty database is an empty model") {
    const ScratchDir dir;
    const CliResult dump = run_cli({"dump", "sqlite://"}, dir.path());
    CHECK(dump.exit_code == 0);
    const auto json = nlohmann::json::parse(dump.out);
    CHECK(json["tables"].empty());
}

TEST_CASE("the tool's own version tables never appear in a dump or a diff") {
    const ScratchDir dir;
    create_app_v1(dir / "app.db");
    std::filesystem::copy_file(dir / "app.db", dir / "versioned.db");
    execute_sql(dir / "versioned.db",
                "CREATE TABLE schemadiff_version (version_num TEXT PRIMARY KEY);"
                "CREATE TABLE schemadiff_version_history (id INTEGER PRIMARY KEY, script TEXT);");
    const CliResult dump = run_cli({"dump", sqlite_url(dir / "versioned.db")}, dir.path());
    CHECK(dump.exit_code == 0);
    CHECK(dump.out.find("schemadiff_version") == std::string::npos);
    const CliResult diff = run_cli(
        {"diff", "--from", sqlite_url(dir / "app.db"), "--to", sqlite_url(dir / "versioned.db")},
        dir.path());
    CHECK(diff.exit_code == 0);
}

}  // namespace schemadiff::cli::testing
