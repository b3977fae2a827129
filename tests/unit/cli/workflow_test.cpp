// The revision workflow end to end on real SQLite files: init, autogenerate, upgrade, check,
// downgrade, with rows checked through the sqlite3 C API at every step.
#include <doctest/doctest.h>

#include "sqlite_file.hpp"
#include "workflow_support.hpp"

namespace schemadiff::cli::testing {

namespace {

const std::string kUsersV1 = R"([{"name": "users", "columns": [
    {"name": "id", "type": "integer", "nullable": false},
    {"name": "name", "type": "text", "nullable": false}],
  "primary_key": {"columns": ["id"]}}])";

const std::string kUsersV2 = R"([{"name": "users", "columns": [
    {"name": "id", "type": "integer", "nullable": false},
    {"name": "name", "type": "text", "nullable": false},
    {"name": "email", "type": "text"}],
  "primary_key": {"columns": ["id"]}},
 {"name": "order", "columns": [
    {"name": "id", "type": "integer", "nullable": false},
    {"name": "Total Amount", "type": "integer"}],
  "primary_key": {"columns": ["id"]}}])";

std::string count_rows(const WorkflowProject& project, const std::string& table) {
    return query_text(project.database(), "SELECT count(*) FROM " + table);
}

}  // namespace

TEST_CASE("init scaffolds the config and the migrations folder and refuses a second time") {
    const WorkflowProject project;
    CHECK(std::filesystem::exists(project.dir() / "schemadiff.toml"));
    CHECK(std::filesystem::is_directory(project.versions()));
    CHECK(std::filesystem::exists(project.dir() / "migrations" / "README"));
    const std::string before = read_file(project.dir() / "schemadiff.toml");
    const CliResult again = project.run({"init"});
    CHECK(again.exit_code == 2);
    CHECK(again.err.find("refusing to overwrite") != std::string::npos);
    CHECK(read_file(project.dir() / "schemadiff.toml") == before);
}

TEST_CASE("autogenerate, upgrade, check and downgrade keep the rows at every step") {
    const WorkflowProject project;
    project.write_models(kUsersV1);

    const CliResult first = project.run({"autogenerate", "-m", "create users"});
    REQUIRE(first.exit_code == 0);
    const std::string first_path = first_line(first);
    CHECK(std::filesystem::exists(first_path));
    CHECK(read_file(first_path).find("CREATE TABLE") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(project.database()));  // autogenerate only reads

    const CliResult up1 = project.run({"upgrade", "head"});
    REQUIRE_MESSAGE(up1.exit_code == 0, up1.err);
    CHECK(up1.err.find("[1/1]") != std::string::npos);
    execute_sql(project.database(), "INSERT INTO users (id, name) VALUES (1, 'ada')");
    CHECK(project.run({"check"}).exit_code == 0);

    project.write_models(kUsersV2);
    const CliResult drift = project.run({"check"});
    CHECK(drift.exit_code == 1);
    CHECK(drift.out.find("email") != std::string::npos);

    const CliResult second = project.run({"autogenerate", "-m", "add email and order"});
    REQUIRE_MESSAGE(second.exit_code == 0, second.err);
    CHECK(project.scripts().size() == 2);
    const CliResult stale = project.run({"autogenerate", "-m", "too early"});
    CHECK(stale.exit_code == 2);
    CHECK(stale.err.find("database is not up to date: run `schemadiff upgrade head`") !=
          std::string::npos);

    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    CHECK(project.run({"check"}).exit_code == 0);
    CHECK(count_rows(project, "users") == "1");
    execute_sql(project.database(),
                "INSERT INTO \"order\" (id, \"Total Amount\") VALUES (7, 42);"
                "UPDATE users SET email = 'ada@example.com'");

    const CliResult nothing = project.run({"autogenerate", "-m", "nothing"});
    CHECK(nothing.exit_code == 0);
    CHECK(nothing.err.find("No changes") != std::string::npos);
    CHECK(project.scripts().size() == 2);

    const CliResult down1 = project.run({"downgrade", "-1"});
    REQUIRE_MESSAGE(down1.exit_code == 0, down1.err);
    CHECK(count_rows(project, "users") == "1");
    CHECK(query_text(project.database(), "SELECT name FROM users") == "ada");
    CHECK(query_text(project.database(),
                     "SELECT count(*) FROM sqlite_master WHERE name = 'order'") == "0");

    REQUIRE(project.run({"downgrade", "base"}).exit_code == 0);
    CHECK(query_text(project.database(),
                     "SELECT count(*) FROM sqlite_master WHERE name = 'users'") == "0");
    CHECK(project.run({"current"}).out.empty());
}

TEST_CASE("current, heads and history describe the revisions") {
    const WorkflowProject project;
    project.write_models(kUsersV1);
    REQUIRE(project.run({"revision", "-m", "first", "--rev-id", "aaaa00000001"}).exit_code == 0);
    REQUIRE(project.run({"revision", "-m", "second", "--rev-id", "bbbb00000002"}).exit_code == 0);
    CHECK(project.run({"heads"}).out == "bbbb00000002 (head), second\n");
    CHECK(project.run({"history"}).out ==
          "aaaa00000001 -> bbbb00000002 (head), second\n<base> -> aaaa00000001, first\n");
    CHECK(project.run({"history", "-r", "bbbb:head"}).out ==
          "aaaa00000001 -> bbbb00000002 (head), second\n");
    CHECK(project.run({"current"}).out.empty());
    REQUIRE(project.run({"upgrade", "aaaa"}).exit_code == 0);
    CHECK(project.run({"current"}).out == "aaaa00000001, first\n");
    CHECK(project.run({"show", "bbbb"}).out.find("Rev: bbbb00000002 (head)") == 0);
}

TEST_CASE("two heads made with revision --head are joined by merge") {
    const WorkflowProject project;
    project.write_models(kUsersV1);
    REQUIRE(project.run({"revision", "-m", "root", "--rev-id", "aaaa00000001"}).exit_code == 0);
    REQUIRE(project.run({"revision", "-m", "left", "--rev-id", "bbbb00000002"}).exit_code == 0);
    const CliResult right = project.run(
        {"revision", "-m", "right", "--rev-id", "cccc00000003", "--head", "aaaa", "--splice"});
    REQUIRE_MESSAGE(right.exit_code == 0, right.err);
    CHECK(project.run({"heads"}).out_lines().size() == 2);
    CHECK(project.run({"branches"}).out.find("aaaa00000001 (branchpoint)") == 0);

    const CliResult ambiguous = project.run({"revision", "-m", "which"});
    CHECK(ambiguous.exit_code == 2);
    CHECK(ambiguous.err.find("--head") != std::string::npos);

    const CliResult merge =
        project.run({"merge", "-m", "join", "--rev-id", "dddd00000004", "bbbb", "cccc"});
    REQUIRE_MESSAGE(merge.exit_code == 0, merge.err);
    CHECK(project.run({"heads"}).out == "dddd00000004 (head) (mergepoint), join\n");
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    CHECK(project.run({"current"}).out == "dddd00000004 (head) (mergepoint), join\n");
}

TEST_CASE("stamp sets the version table without running scripts") {
    const WorkflowProject project;
    project.write_models(kUsersV1);
    REQUIRE(project.run({"autogenerate", "-m", "create users"}).exit_code == 0);
    const std::string id = project.scripts().front().filename().string().substr(0, 12);
    const CliResult stamp = project.run({"stamp", "head"});
    REQUIRE_MESSAGE(stamp.exit_code == 0, stamp.err);
    CHECK(query_text(project.database(), "SELECT version_num FROM schemadiff_version") == id);
    CHECK(query_text(project.database(),
                     "SELECT count(*) FROM sqlite_master WHERE name = 'users'") == "0");
    REQUIRE(project.run({"stamp", "base"}).exit_code == 0);
    CHECK(query_text(project.database(), "SELECT count(*) FROM schemadiff_version") == "0");
}

TEST_CASE("upgrade --sql prints SQL that sqlite3 runs, without touching the database") {
    const WorkflowProject project;
    project.write_models(kUsersV1);
    REQUIRE(project.run({"autogenerate", "-m", "create users"}).exit_code == 0);
    const CliResult offline = project.run({"upgrade", "--sql", "head"});
    REQUIRE_MESSAGE(offline.exit_code == 0, offline.err);
    CHECK_FALSE(std::filesystem::exists(project.database()));
    const auto other = project.dir() / "offline.db";
    execute_sql(other, offline.out);
    CHECK(query_text(other, "SELECT count(*) FROM sqlite_master WHERE name = 'users'") == "1");
    CHECK(query_text(other, "SELECT count(*) FROM schemadiff_version") == "1");
}

TEST_CASE("read-only commands never create the database file") {
    const WorkflowProject project;
    project.write_models(kUsersV1);
    for (const auto& command : {"current", "heads", "history", "check"}) {
        static_cast<void>(project.run({command}));
        CHECK_MESSAGE(!std::filesystem::exists(project.database()), command);
    }
}

}  // namespace schemadiff::cli::testing
