// Every bad input of the revision workflow ends in exit 2 and one line saying what, where and
// what to do, with nothing written.
#include <doctest/doctest.h>

#include <cstdlib>

#include "workflow_support.hpp"

namespace schemadiff::cli::testing {

namespace {

void check_one_error_line(const CliResult& result, const std::string& needle) {
    CHECK(result.exit_code == 2);
    REQUIRE(result.err_lines().size() == 1);
    CHECK_MESSAGE(result.err.find(needle) != std::string::npos, result.err);
    CHECK(result.err.find("schemadiff: error: ") == 0);
}

const std::string kUsers = R"([{"name": "users", "columns": [
    {"name": "id", "type": "integer", "nullable": false}], "primary_key": {"columns": ["id"]}}])";

}  // namespace

TEST_CASE("a folder without schemadiff.toml is an error suggesting init") {
    const ScratchDir dir;
    check_one_error_line(run_cli({"current"}, dir.path()), "schemadiff init");
    check_one_error_line(run_cli({"heads", "-c", "missing.toml"}, dir.path()),
                         "configuration file not found");
}

TEST_CASE("bad TOML is an error naming the file and line") {
    const WorkflowProject project;
    write_file(project.dir() / "schemadiff.toml", "[database]\nurl = \n");
    check_one_error_line(project.run({"heads"}), "schemadiff.toml:2");
}

TEST_CASE("an unknown key or a wrong type is an error naming the file, line and key") {
    const WorkflowProject project;
    write_file(project.dir() / "schemadiff.toml",
               "[database]\nurl = \"sqlite:///app.db\"\n[migrations]\ndirectroy = \"m\"\n");
    const CliResult unknown = project.run({"heads"});
    check_one_error_line(unknown, "migrations.directroy");
    CHECK(unknown.err.find("schemadiff.toml:4") != std::string::npos);
    write_file(project.dir() / "schemadiff.toml", "[autogenerate]\ncompare_types = \"yes\"\n");
    check_one_error_line(project.run({"heads"}), "autogenerate.compare_types");
    write_file(project.dir() / "schemadiff.toml",
               "[migrations]\ntransaction_per_migration = \"yes\"\n");
    check_one_error_line(project.run({"heads"}), "migrations.transaction_per_migration");
    write_file(project.dir() / "schemadiff.toml",
               "[migrations]\ntransaction_per_migration = true\n");
    CHECK(project.run({"heads"}).exit_code == 0);
}

TEST_CASE("a missing migrations folder is an error naming it") {
    const WorkflowProject project;
    std::filesystem::remove_all(project.dir() / "migrations");
    check_one_error_line(project.run({"heads"}), "migrations folder not found");
}

TEST_CASE("an unknown revision and an ambiguous prefix are errors") {
    const WorkflowProject project;
    REQUIRE(project.run({"revision", "-m", "a", "--rev-id", "abc000000001"}).exit_code == 0);
    REQUIRE(project.run({"revision", "-m", "b", "--rev-id", "abc000000002"}).exit_code == 0);
    check_one_error_line(project.run({"upgrade", "fff"}), "fff");
    const CliResult ambiguous = project.run({"show", "abc"});
    check_one_error_line(ambiguous, "abc000000001");
    CHECK_FALSE(std::filesystem::exists(project.database()));
}

TEST_CASE("a malformed script header is an error naming the file and line") {
    const WorkflowProject project;
    write_file(project.versions() / "bad.sql",
               "-- Message: x\n-- Revision ID: 123456789abc\n-- Colour: blue\n-- migrate:up\n"
               "-- migrate:down\n");
    check_one_error_line(project.run({"heads"}), "bad.sql:3");
}

TEST_CASE("a failing model command or invalid model JSON is an error naming it") {
    const WorkflowProject project;
    write_file(project.dir() / "schemadiff.toml",
               "[database]\nurl = \"sqlite:///app.db\"\n[models]\ncommand = \"exit 3\"\n");
    check_one_error_line(project.run({"check"}), "exit 3");
    write_file(project.dir() / "schemadiff.toml",
               "[database]\nurl = \"sqlite:///app.db\"\n[models]\ncommand = \"echo nope\"\n");
    check_one_error_line(project.run({"autogenerate", "-m", "x"}), "echo nope");
    CHECK(project.scripts().empty());
}

TEST_CASE("a model command's JSON is the model") {
    const WorkflowProject project;
    project.write_models(kUsers);
    write_file(project.dir() / "schemadiff.toml",
               "[database]\nurl = \"sqlite:///app.db\"\n[models]\ncommand = \"cat models.json\"\n");
    const CliResult result = project.run({"autogenerate", "-m", "from command"});
    CHECK_MESSAGE(result.exit_code == 0, result.err);
    CHECK(project.scripts().size() == 1);
}

TEST_CASE("include and exclude patterns leave tables out of autogenerate and check") {
    const WorkflowProject project;
    project.write_models(kUsers);
    write_file(project.dir() / "schemadiff.toml",
               "[database]\nurl = \"sqlite:///app.db\"\n[models]\njson = \"models.json\"\n"
               "[autogenerate]\nexclude_tables = [\"us*\"]\n");
    const CliResult result = project.run({"check"});
    CHECK_MESSAGE(result.exit_code == 0, result.err);
}

TEST_CASE("check exits 2 when the database is not at head") {
    const WorkflowProject project;
    project.write_models(kUsers);
    REQUIRE(project.run({"autogenerate", "-m", "users"}).exit_code == 0);
    check_one_error_line(project.run({"check"}), "schemadiff upgrade head");
}

TEST_CASE("--url and SCHEMADIFF_URL override the configured database") {
    const WorkflowProject project;
    project.write_models(kUsers);
    REQUIRE(project.run({"autogenerate", "-m", "users"}).exit_code == 0);
    const auto other = project.dir() / "other.db";
    REQUIRE(project.run({"upgrade", "head", "--url", sqlite_url(other)}).exit_code == 0);
    CHECK(std::filesystem::exists(other));
    CHECK_FALSE(std::filesystem::exists(project.database()));
    const auto third = project.dir() / "third.db";
    setenv("SCHEMADIFF_URL", sqlite_url(third).c_str(), 1);
    const CliResult from_env = project.run({"upgrade", "head"});
    unsetenv("SCHEMADIFF_URL");
    CHECK(from_env.exit_code == 0);
    CHECK(std::filesystem::exists(third));
    CHECK_FALSE(std::filesystem::exists(project.database()));
}

TEST_CASE("paths in a config given with -c are relative to its folder") {
    const WorkflowProject project;
    project.write_models(kUsers);
    const ScratchDir elsewhere;
    const std::string config = (project.dir() / "schemadiff.toml").string();
    REQUIRE(run_cli({"autogenerate", "-m", "users", "-c", config}, elsewhere.path()).exit_code ==
            0);
    REQUIRE(run_cli({"upgrade", "head", "-q", "-c", config}, elsewhere.path()).exit_code == 0);
    CHECK(std::filesystem::exists(project.database()));
    CHECK(elsewhere.entries().empty());
}

}  // namespace schemadiff::cli::testing
