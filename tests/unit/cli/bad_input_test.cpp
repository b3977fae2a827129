// Bad input ends a run with exit 2, exactly one line on stderr, nothing on stdout, no password
// shown, and no file created or changed.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_process.hpp"
#include "fixtures.hpp"
#include "sqlite_file.hpp"

namespace schemadiff::cli::testing {

namespace {

constexpr const char* kPassword = "s3cret-pw";

// Runs the command in `dir` and checks the clean-failure contract; returns the stderr line.
std::string expect_clean_failure(const ScratchDir& dir, const std::vector<std::string>& args) {
    const auto before = dir.entries();
    const CliResult result = run_cli(args, dir.path());
    INFO("stderr: " << result.err);
    INFO("stdout: " << result.out);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    const auto lines = result.err_lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("schemadiff: error: ", 0) == 0);
    CHECK(lines[0].find(kPassword) == std::string::npos);
    CHECK(lines[0].find("terminate") == std::string::npos);
    CHECK(dir.entries() == before);
    return lines[0];
}

}  // namespace

TEST_CASE("a missing model file is exit 2 with the path in the message") {
    const ScratchDir dir;
    const auto line =
        expect_clean_failure(dir, {"diff", "--from", "nope.json", "--to", "sqlite://"});
    CHECK(line.find("nope.json") != std::string::npos);
    expect_clean_failure(dir, {"dump", "nope.json"});
}

TEST_CASE("a missing SQLite file is exit 2 and is not created") {
    const ScratchDir dir;
    create_app_v1(dir / "a.db");
    const auto line =
        expect_clean_failure(dir, {"diff", "--from", "sqlite:///missing.db", "--to", "sqlite://"});
    CHECK(line.find("missing.db") != std::string::npos);
    expect_clean_failure(dir, {"diff", "--from", sqlite_url(dir / "a.db"), "--to",
                               sqlite_url(dir / "sub" / "missing.db")});
    expect_clean_failure(dir, {"dump", "sqlite:///missing.db"});
    expect_clean_failure(dir, {"dump", "sqlite:///missing.db", "--format", "sql"});
}

TEST_CASE("malformed URLs are exit 2 and never show the password") {
    const ScratchDir dir;
    expect_clean_failure(dir, {"dump", "sqlite://somehost/app.db"});
    const auto port = expect_clean_failure(
        dir, {"dump", std::string("postgresql://alice:") + kPassword + "@db.example:99999/app"});
    CHECK(port.find("***") != std::string::npos);
    expect_clean_failure(dir, {"dump", "postgresql://alice:%zz@localhost/app"});
}

TEST_CASE("an unknown scheme is exit 2 with the URL redacted") {
    const ScratchDir dir;
    const auto line = expect_clean_failure(
        dir, {"dump", std::string("oracle://scott:") + kPassword + "@localhost/orcl"});
    CHECK(line.find("oracle") != std::string::npos);
    CHECK(line.find("***") != std::string::npos);
}

TEST_CASE("a database that cannot be reached is exit 2 with the password masked") {
    const ScratchDir dir;
    const auto line = expect_clean_failure(
        dir, {"diff", "--from", std::string("postgresql://alice:") + kPassword + "@127.0.0.1:1/app",
              "--to", "sqlite://"});
    CHECK(line.find("alice") != std::string::npos);
}

TEST_CASE("a password echoed back by the argument parser is masked") {
    const ScratchDir dir;
    const auto line =
        expect_clean_failure(dir, {"diff", "--from", "sqlite://", "--to", "sqlite://",
                                   std::string("mysql://root:") + kPassword + "@localhost/app"});
    CHECK(line.find("***") != std::string::npos);
}

TEST_CASE("a file that is not a SQLite database is exit 2 and is left unchanged") {
    const ScratchDir dir;
    const std::string content = "just some notes, not a database\n";
    write_file(dir / "notes.txt", content);
    expect_clean_failure(dir, {"dump", "sqlite:///notes.txt"});
    expect_clean_failure(dir, {"diff", "--from", "sqlite:///notes.txt", "--to", "sqlite://"});
    CHECK(read_file(dir / "notes.txt") == content);
}

TEST_CASE("a directory given as a database or a model file is exit 2") {
    const ScratchDir dir;
    std::filesystem::create_directory(dir / "folder");
    expect_clean_failure(dir, {"dump", "folder"});
    expect_clean_failure(dir, {"dump", "sqlite:///folder"});
}

TEST_CASE("a SQLite file passed as a plain path is exit 2 and suggests its URL") {
    const ScratchDir dir;
    create_app_v1(dir / "app.db");
    const auto line = expect_clean_failure(dir, {"diff", "--from", "app.db", "--to", "sqlite://"});
    CHECK(line.find("sqlite:///app.db") != std::string::npos);
}

TEST_CASE("invalid JSON and invalid models are exit 2 naming the file") {
    const ScratchDir dir;
    write_file(dir / "broken.json", "{\"format\": \"schemadiff-model\", \"tables\": [\n");
    write_file(dir / "empty.json", "");
    write_file(dir / "nameless.json", R"({"tables": [{"columns": []}]})");
    write_file(dir / "unknown_key.json", R"({"tables": [], "colour": "blue"})");
    write_file(dir / "wrong_type.json", R"({"tables": [{"name": "t", "columns": 3}]})");
    for (const char* file :
         {"broken.json", "empty.json", "nameless.json", "unknown_key.json", "wrong_type.json"}) {
        INFO(file);
        const auto line = expect_clean_failure(dir, {"diff", "--from", file, "--to", "sqlite://"});
        CHECK(line.find(file) != std::string::npos);
    }
}

TEST_CASE("an unknown --format is exit 2 and lists the formats") {
    const ScratchDir dir;
    create_app_v1(dir / "a.db");
    const auto line = expect_clean_failure(
        dir, {"diff", "--from", sqlite_url(dir / "a.db"), "--to", "sqlite://", "--format", "xml"});
    CHECK(line.find("xml") != std::string::npos);
    CHECK(line.find("sql") != std::string::npos);
    expect_clean_failure(dir, {"dump", sqlite_url(dir / "a.db"), "--format", "text"});
}

TEST_CASE("command-line mistakes are exit 2 with one line pointing at --help") {
    const ScratchDir dir;
    CHECK(expect_clean_failure(dir, {}).find("--help") != std::string::npos);
    CHECK(expect_clean_failure(dir, {"frobnicate"}).find("frobnicate") != std::string::npos);
    CHECK(expect_clean_failure(dir, {"diff", "--from", "sqlite://"}).find("--to") !=
          std::string::npos);
    expect_clean_failure(dir, {"diff", "--from", "sqlite://", "--to", "sqlite://", "--bogus"});
    expect_clean_failure(dir, {"dump"});
    expect_clean_failure(dir, {"diff", "--from", "", "--to", "sqlite://"});
    expect_clean_failure(dir, {"--no-such-flag"});
}

}  // namespace schemadiff::cli::testing
