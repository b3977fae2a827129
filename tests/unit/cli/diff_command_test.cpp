// `schemadiff diff`: exit codes, the three output formats, and SQL that really reaches DST.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_process.hpp"
#include "fixtures.hpp"
#include "sqlite_file.hpp"

namespace schemadiff::cli::testing {

namespace {

bool has_line(const std::vector<std::string>& lines, const std::string& expected) {
    return std::find(lines.begin(), lines.end(), expected) != lines.end();
}

bool has_line_starting(const std::vector<std::string>& lines, const std::string& prefix) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& line) { return line.starts_with(prefix); });
}

}  // namespace

TEST_CASE("two identical databases make diff exit 0 with nothing on stderr") {
    const ScratchDir dir;
    create_app_v1(dir / "a.db");
    create_app_v1(dir / "b.db");
    const CliResult result = run_cli(
        {"diff", "--from", sqlite_url(dir / "a.db"), "--to", sqlite_url(dir / "b.db")}, dir.path());
    CHECK(result.exit_code == 0);
    CHECK(result.out == "No changes.\n");
    CHECK(result.err.empty());
}

TEST_CASE("a database compared with itself through a relative URL shows no difference") {
    const ScratchDir dir;
    create_app_v2(dir / "app.db");
    const CliResult result =
        run_cli({"diff", "--from", "sqlite:///app.db", "--to", "sqlite:///app.db"}, dir.path());
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
}

TEST_CASE("different databases make diff exit 1 and list each change as a text line") {
    const ScratchDir dir;
    create_app_v1(dir / "v1.db");
    create_app_v2(dir / "v2.db");
    const CliResult result =
        run_cli({"diff", "--from", sqlite_url(dir / "v1.db"), "--to", sqlite_url(dir / "v2.db")},
                dir.path());
    CHECK(result.exit_code == 1);
    CHECK(result.err.empty());
    const auto lines = result.out_lines();
    INFO(result.out);
    CHECK(has_line(lines, "+ create table comments"));
    CHECK(has_line(lines, "+ add column users.created_at timestamp"));
    CHECK(has_line(lines, "- drop column users.legacy_flag"));
    CHECK(has_line_starting(lines, "~ rebuild table posts"));
    CHECK(has_line_starting(lines, "! data-loss: "));
    CHECK(has_line_starting(lines, "! table-rebuild: "));
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "4 operations, 2 findings");
}

TEST_CASE("the text report is the default format and is byte-stable across runs") {
    const ScratchDir dir;
    create_app_v1(dir / "v1.db");
    create_app_v2(dir / "v2.db");
    const std::vector<std::string> args = {"diff", "--from", sqlite_url(dir / "v1.db"), "--to",
                                           sqlite_url(dir / "v2.db")};
    auto explicit_text = args;
    explicit_text.insert(explicit_text.end(), {"--format", "text"});
    const CliResult first = run_cli(args, dir.path());
    const CliResult second = run_cli(explicit_text, dir.path());
    CHECK(first.exit_code == 1);
    CHECK(first.out == second.out);
}

TEST_CASE("diff --format json prints a plan whose operations name each change") {
    const ScratchDir dir;
    create_app_v1(dir / "v1.db");
    create_app_v2(dir / "v2.db");
    const CliResult result = run_cli({"diff", "--from", sqlite_url(dir / "v1.db"), "--to",
                                      sqlite_url(dir / "v2.db"), "--format", "json"},
                                     dir.path());
    CHECK(result.exit_code == 1);
    INFO(result.out);
    const auto json = nlohmann::json::parse(result.out);
    REQUIRE(json.contains("operations"));
    std::vector<std::string> ops;
    for (const auto& op : json["operations"]) ops.push_back(op.value("op", ""));
    CHECK(std::count(ops.begin(), ops.end(), "create_table") == 1);
    CHECK(std::find(ops.begin(), ops.end(), "add_column") != ops.end());
    CHECK(json.contains("findings"));
}

TEST_CASE("diff --format json of identical databases has no operations and exits 0") {
    const ScratchDir dir;
    create_app_v1(dir / "a.db");
    const CliResult result = run_cli({"diff", "--from", sqlite_url(dir / "a.db"), "--to",
                                      sqlite_url(dir / "a.db"), "--format", "json"},
                                     dir.path());
    CHECK(result.exit_code == 0);
    const auto json = nlohmann::json::parse(result.out);
    CHECK(json.value("operations", nlohmann::json::array()).empty());
}

TEST_CASE("diff --format sql applied to SRC makes a second diff exit 0 and keeps the rows") {
    const ScratchDir dir;
    create_app_v1(dir / "v1.db");
    create_app_v2(dir / "v2.db");
    const CliResult sql = run_cli({"diff", "--from", sqlite_url(dir / "v1.db"), "--to",
                                   sqlite_url(dir / "v2.db"), "--format", "sql"},
                                  dir.path());
    REQUIRE(sql.exit_code == 1);
    INFO(sql.out);
    std::filesystem::copy_file(dir / "v1.db", dir / "migrated.db");
    execute_sql(dir / "migrated.db", sql.out);
    const CliResult again = run_cli(
        {"diff", "--from", sqlite_url(dir / "migrated.db"), "--to", sqlite_url(dir / "v2.db")},
        dir.path());
    INFO(again.out);
    CHECK(again.exit_code == 0);
    CHECK(query_text(dir / "migrated.db", "SELECT title FROM posts WHERE id = 1") ==
          "Notes on the engine");
    CHECK(query_text(dir / "migrated.db", "SELECT count(*) FROM users") == "2");
}

TEST_CASE("diff --format sql of identical databases exits 0 and holds no statement") {
    const ScratchDir dir;
    create_app_v1(dir / "a.db");
    const CliResult result = run_cli({"diff", "--from", sqlite_url(dir / "a.db"), "--to",
                                      sqlite_url(dir / "a.db"), "--format", "sql"},
                                     dir.path());
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("CREATE") == std::string::npos);
    CHECK(result.out.find("ALTER") == std::string::npos);
}

TEST_CASE("an in-memory database is an empty schema source") {
    const ScratchDir dir;
    create_app_v1(dir / "a.db");
    const CliResult same =
        run_cli({"diff", "--from", "sqlite://", "--to", "sqlite://"}, dir.path());
    CHECK(same.exit_code == 0);
    const CliResult sql = run_cli(
        {"diff", "--from", "sqlite://", "--to", sqlite_url(dir / "a.db"), "--format", "sql"},
        dir.path());
    CHECK(sql.exit_code == 1);
    execute_sql(dir / "fresh.db", sql.out);
    const CliResult again =
        run_cli({"diff", "--from", sqlite_url(dir / "fresh.db"), "--to", sqlite_url(dir / "a.db")},
                dir.path());
    CHECK(again.exit_code == 0);
}

TEST_CASE("two model files are compared in the dialect --dialect names") {
    const ScratchDir dir;
    create_app_v1(dir / "v1.db");
    create_app_v2(dir / "v2.db");
    write_file(dir / "v1.json", run_cli({"dump", sqlite_url(dir / "v1.db")}, dir.path()).out);
    write_file(dir / "v2.json", run_cli({"dump", sqlite_url(dir / "v2.db")}, dir.path()).out);
    const CliResult from_files = run_cli(
        {"diff", "--from", "v1.json", "--to", "v2.json", "--dialect", "sqlite", "--format", "sql"},
        dir.path());
    const CliResult from_databases = run_cli({"diff", "--from", sqlite_url(dir / "v1.db"), "--to",
                                              sqlite_url(dir / "v2.db"), "--format", "sql"},
                                             dir.path());
    CHECK(from_files.exit_code == 1);
    CHECK(from_files.err.empty());
    CHECK(from_files.out == from_databases.out);
}

TEST_CASE("a --dialect that contradicts the database source is a usage error") {
    const ScratchDir dir;
    create_app_v1(dir / "a.db");
    const CliResult result = run_cli({"diff", "--from", sqlite_url(dir / "a.db"), "--to",
                                      sqlite_url(dir / "a.db"), "--dialect", "mysql"},
                                     dir.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err_lines().size() == 1);
}

}  // namespace schemadiff::cli::testing
