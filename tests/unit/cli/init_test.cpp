// `init` and `init --cpp` through the real binary: what they write, what they refuse, and
// `dump models` reading the configured models.
#include <doctest/doctest.h>

#include "cli_process.hpp"

namespace schemadiff::cli::testing {

TEST_CASE("init writes the model-program skeleton with its CMake lines") {
    const ScratchDir dir;
    const CliResult result = run_cli({"init"}, dir.path());
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    const std::string source = read_file(dir / "models_main.cpp");
    CHECK(source.find("schemadiff::cli::run(argc, argv, models)") != std::string::npos);
    CHECK(source.find("struct Author") != std::string::npos);
    CHECK(source.find("struct Book") != std::string::npos);
    const std::string cmake = read_file(dir / "CMakeLists.txt");
    CHECK(cmake.find("find_package(schemadiff REQUIRED)") != std::string::npos);
    CHECK(cmake.find("add_executable(app_models models_main.cpp)") != std::string::npos);
    CHECK(cmake.find("target_link_libraries(app_models PRIVATE schemadiff::schemadiff)") !=
          std::string::npos);
    CHECK(read_file(dir / "schemadiff.toml").find("\njson = \"models.json\"") != std::string::npos);
    CHECK(result.err.find("Next steps:") != std::string::npos);
}

TEST_CASE("init --cpp points schemadiff.toml at the model program") {
    const ScratchDir dir;
    const CliResult result = run_cli({"init", "--cpp", "project"}, dir.path());
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    const std::string config = read_file(dir / "project/schemadiff.toml");
    CHECK(config.find("\ncommand = \"./build/app_models dump models\"\n") != std::string::npos);
    CHECK(config.find("\njson =") == std::string::npos);
    CHECK(std::filesystem::exists(dir / "project/models_main.cpp"));
    CHECK(result.err.find("./build/app_models autogenerate") != std::string::npos);
}

TEST_CASE("init refuses an existing CMakeLists.txt and writes nothing") {
    const ScratchDir dir;
    write_file(dir / "CMakeLists.txt", "project(mine)\n");
    const CliResult result = run_cli({"init", "--cpp"}, dir.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("refusing to overwrite") != std::string::npos);
    CHECK(result.err.find("CMakeLists.txt exists") != std::string::npos);
    CHECK(dir.entries() == std::set<std::string>{"CMakeLists.txt"});
    CHECK(read_file(dir / "CMakeLists.txt") == "project(mine)\n");
}

TEST_CASE("dump models prints the models [models] json configures") {
    const ScratchDir dir;
    REQUIRE(run_cli({"init"}, dir.path()).exit_code == 0);
    write_file(dir / "models.json", R"({"format": "schemadiff-model", "version": 1, "tables": [
        {"name": "order", "columns": [{"name": "id", "type": "integer", "nullable": false}]}]})");
    const CliResult result = run_cli({"dump", "models"}, dir.path());
    REQUIRE_MESSAGE(result.exit_code == 0, result.err);
    CHECK(result.out.find("\"name\": \"order\"") != std::string::npos);
    const CliResult sql = run_cli({"dump", "models", "--format", "sql"}, dir.path());
    CHECK(sql.out.find("CREATE TABLE \"order\"") != std::string::npos);
}

TEST_CASE("dump models without a schemadiff.toml is one error line suggesting init") {
    const ScratchDir dir;
    const CliResult result = run_cli({"dump", "models"}, dir.path());
    CHECK(result.exit_code == 2);
    CHECK(result.err_lines().size() == 1);
    CHECK(result.err.find("schemadiff.toml") != std::string::npos);
}

}  // namespace schemadiff::cli::testing
