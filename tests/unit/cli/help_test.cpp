// --help and --version: exit 0, on stdout.
#include <doctest/doctest.h>

#include <string>

#include "cli_process.hpp"

namespace schemadiff::cli::testing {

TEST_CASE("--version prints the version on stdout and exits 0") {
    const ScratchDir dir;
    const CliResult result = run_cli({"--version"}, dir.path());
    CHECK(result.exit_code == 0);
    CHECK(result.out == "schemadiff 0.1.0\n");
    CHECK(result.err.empty());
}

TEST_CASE("--help lists every command and exits 0") {
    const ScratchDir dir;
    const CliResult result = run_cli({"--help"}, dir.path());
    CHECK(result.exit_code == 0);
    CHECK(result.out.find("diff") != std::string::npos);
    CHECK(result.out.find("dump") != std::string::npos);
    CHECK(result.err.empty());
}

TEST_CASE("each command documents its options with --help and exits 0") {
    const ScratchDir dir;
    const CliResult diff = run_cli({"diff", "--help"}, dir.path());
    CHECK(diff.exit_code == 0);
    CHECK(diff.out.find("--from") != std::string::npos);
    CHECK(diff.out.find("--format") != std::string::npos);
    const CliResult dump = run_cli({"dump", "--help"}, dir.path());
    CHECK(dump.exit_code == 0);
    CHECK(dump.out.find("--format") != std::string::npos);
}

TEST_CASE("--help wins over missing required options") {
    const ScratchDir dir;
    CHECK(run_cli({"diff", "--from", "x", "--help"}, dir.path()).exit_code == 0);
}

}  // namespace schemadiff::cli::testing
