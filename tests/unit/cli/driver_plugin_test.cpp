// The PostgreSQL driver plugin as the binary loads it. With SCHEMADIFF_DRIVER_PATH set, its
// folders are the only ones searched: a folder without the plugin, a plugin of another build, a
// file that is no library are each one error line, exit 2, nothing created; the folder of the real
// plugin works. Offline SQL needs no plugin.
#include <doctest/doctest.h>

#include <filesystem>

#include "postgresql_password_support.hpp"

#ifndef SCHEMADIFF_REAL_DRIVER_DIR
#error "SCHEMADIFF_REAL_DRIVER_DIR must name the folder of libschemadiff_driver_postgresql.so"
#endif
#ifndef SCHEMADIFF_WRONG_ABI_DRIVER_DIR
#error "SCHEMADIFF_WRONG_ABI_DRIVER_DIR must name the folder of the wrong-ABI test plugin"
#endif

namespace schemadiff::cli::testing {

namespace {

// A closed port: once loaded, the driver fails at connecting, not at loading.
const std::string kClosedUrl =
    "postgresql://app:" + std::string(kWrongPasswordEncoded) + "@127.0.0.1:1/app";

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// `dump URL` in an empty folder with SCHEMADIFF_DRIVER_PATH = `path`: one line, exit 2,
// holding `expected`, nothing created, no password shown.
void check_plugin_error(const std::string& path, const std::string& expected,
                        const std::string& url = kClosedUrl) {
    const ScopedEnv driver_path("SCHEMADIFF_DRIVER_PATH", path);
    const ScratchDir cwd;
    const CliResult result = run_cli({"dump", url}, cwd.path());
    CAPTURE(result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err_lines().size() == 1);
    CHECK(contains(result.err, expected));
    CHECK_FALSE(contains(result.err, "cannot connect to PostgreSQL"));
    check_no_password_in(result.out + result.err);
    CHECK(cwd.entries().empty());
}

}  // namespace

TEST_CASE("with SCHEMADIFF_DRIVER_PATH set, only its folders are searched for the driver") {
    const ScratchDir empty;
    const ScratchDir other;
    check_plugin_error(empty.path().string(),
                       "the postgresql driver (libschemadiff_driver_postgresql.so) is not in "
                       "SCHEMADIFF_DRIVER_PATH");
    // Every folder named, and what to do; the build tree next to the binary is not used.
    const std::string both = empty.path().string() + ":" + other.path().string();
    check_plugin_error(both,
                       "looked only in " + empty.path().string() + ", " + other.path().string());
    check_plugin_error(both, "put the plugin there or unset SCHEMADIFF_DRIVER_PATH");
}

TEST_CASE("a driver plugin from another build is refused with one error line") {
    check_plugin_error(SCHEMADIFF_WRONG_ABI_DRIVER_DIR, "comes from another schemadiff build");
    // The first folder holding the file wins, even ahead of the real plugin.
    check_plugin_error(
        std::string(SCHEMADIFF_WRONG_ABI_DRIVER_DIR) + ":" + SCHEMADIFF_REAL_DRIVER_DIR,
        "comes from another schemadiff build");
}

TEST_CASE("a driver file that is no library is refused with one error line") {
    const ScratchDir folder;
    write_file(folder / "libschemadiff_driver_postgresql.so", "not a library\n");
    check_plugin_error(folder.path().string(), "cannot load the postgresql driver");
}

TEST_CASE("the folder of the real driver plugin in SCHEMADIFF_DRIVER_PATH works") {
    const ScratchDir empty;
    const ScopedEnv driver_path("SCHEMADIFF_DRIVER_PATH",
                                empty.path().string() + ":" + SCHEMADIFF_REAL_DRIVER_DIR);
    const ScratchDir cwd;
    const CliResult closed = run_cli({"dump", kClosedUrl}, cwd.path());
    CHECK(closed.exit_code == 2);
    CHECK_MESSAGE(contains(closed.err, "cannot connect to PostgreSQL"), closed.err);
    check_no_password_in(closed.out + closed.err);

    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const schemadiff::testing::ScratchDatabase db(*server);
    const CliResult dumped = run_cli({"dump", url_text(db.url())}, cwd.path());
    CHECK_MESSAGE(dumped.exit_code == 0, dumped.err);
    CHECK(cwd.entries().empty());
}

TEST_CASE("a missing driver plugin changes no database, and offline SQL does not need it") {
    const auto server = schemadiff::testing::test_server();
    if (!server) return;
    const schemadiff::testing::ScratchDatabase db(*server);
    const PostgresqlProject project(db);
    project.write_models(
        R"json([{"name": "t", "columns": [{"name": "id", "type": "integer"}]}])json");
    REQUIRE(project.run({"autogenerate", "-m", "t"}).exit_code == 0);

    const ScratchDir empty;
    const ScopedEnv driver_path("SCHEMADIFF_DRIVER_PATH", empty.path().string());
    const CliResult up = project.run({"upgrade", "head"});
    CHECK(up.exit_code == 2);
    CHECK(up.err_lines().size() == 1);
    CHECK(contains(up.err, "is not in SCHEMADIFF_DRIVER_PATH"));
    CHECK(project.query("SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = 'public'") ==
          Rows{{"0"}});

    const CliResult offline = project.run({"upgrade", "--sql", "base:head"});
    CHECK_MESSAGE(offline.exit_code == 0, offline.err);
    CHECK(contains(offline.out, "CREATE TABLE"));
}

}  // namespace schemadiff::cli::testing
