// A model program in-process: cli::run(argc, argv, models, out, err) with a Registry, and the
// toml rewrite `init --cpp` applies (model_program_files.hpp).
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model_program_files.hpp"
#include "schemadiff/cli/run.hpp"
#include "schemadiff/reflect/registry.hpp"

namespace schemadiff::cli {

namespace {

struct RunResult {
    int exit_code;
    std::string out;
    std::string err;
};

RunResult run_program(const std::vector<std::string>& args, const reflect::Registry& models) {
    std::vector<const char*> argv{"app_models"};
    for (const std::string& arg : args) argv.push_back(arg.c_str());
    std::ostringstream out;
    std::ostringstream err;
    const int code = run(static_cast<int>(argv.size()), argv.data(), models, out, err);
    return {code, out.str(), err.str()};
}

Table table(std::string name, std::vector<std::string> columns) {
    Table result;
    result.name = std::move(name);
    for (std::string& column : columns) {
        result.columns.push_back(Column{.name = std::move(column),
                                        .type = ColumnType::of(TypeKind::Integer),
                                        .is_nullable = false});
    }
    return result;
}

reflect::Registry two_tables() {
    reflect::Registry models;
    Table order = table("order", {"id", "Total Amount", "customer_id"});
    order.foreign_keys.push_back(
        ForeignKey{.columns = {"customer_id"}, .referenced_table = "customers"});
    order.primary_key.columns = {"id"};
    Table customers = table("customers", {"id"});
    customers.primary_key.columns = {"id"};
    models.add_table(std::move(order)).add_table(std::move(customers));
    return models;
}

class ScratchFolder {
public:
    ScratchFolder()
        : path_(std::filesystem::temp_directory_path() /
                ("schemadiff_model_program_" +
                 std::to_string(reinterpret_cast<std::uintptr_t>(this)))) {
        std::filesystem::create_directories(path_);
    }
    ~ScratchFolder() { std::filesystem::remove_all(path_); }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace

TEST_CASE("a model program dumps its compiled-in models as model JSON") {
    const RunResult result = run_program({"dump", "models"}, two_tables());
    REQUIRE_MESSAGE(result.exit_code == kExitOk, result.err);
    CHECK(result.out.find("\"format\": \"schemadiff-model\"") != std::string::npos);
    CHECK(result.out.find("\"name\": \"customers\"") < result.out.find("\"name\": \"order\""));
    CHECK(result.out.find("\"name\": \"Total Amount\"") != std::string::npos);
    CHECK(result.err.empty());
}

TEST_CASE("a model program ignores [models] in schemadiff.toml") {
    const ScratchFolder folder;
    const std::filesystem::path config = folder.path() / "schemadiff.toml";
    std::ofstream(config) << "[models]\njson = \"missing.json\"\n";
    const RunResult result = run_program({"dump", "models", "-c", config.string()}, two_tables());
    REQUIRE_MESSAGE(result.exit_code == kExitOk, result.err);
    CHECK(result.out.find("\"name\": \"order\"") != std::string::npos);
}

TEST_CASE("the compiled-in models equal their own dump: diff finds nothing") {
    const ScratchFolder folder;
    const RunResult dump = run_program({"dump", "models"}, two_tables());
    REQUIRE(dump.exit_code == kExitOk);
    const std::filesystem::path file = folder.path() / "models.json";
    std::ofstream(file) << dump.out;
    const RunResult diff =
        run_program({"diff", "--from", file.string(), "--to", "models"}, two_tables());
    CHECK_MESSAGE(diff.exit_code == kExitOk, std::string(diff.out + diff.err));
}

TEST_CASE("a model program's --help says its models are compiled in") {
    const RunResult result = run_program({"--help"}, two_tables());
    CHECK(result.exit_code == kExitOk);
    CHECK(result.out.find("This is a model program") != std::string::npos);
}

TEST_CASE("an inconsistent model is one error line and exit 2") {
    reflect::Registry models;
    Table orphan = table("orphan", {"id", "parent_id"});
    orphan.foreign_keys.push_back(
        ForeignKey{.columns = {"parent_id"}, .referenced_table = "no_such_table"});
    models.add_table(std::move(orphan));
    const RunResult result = run_program({"dump", "models"}, models);
    CHECK(result.exit_code == kExitError);
    CHECK(result.out.empty());
    CHECK(result.err.starts_with("schemadiff: error: "));
    CHECK(result.err.find('\n') == result.err.size() - 1);
}

TEST_CASE("the plain entry point has no compiled models: `dump models` needs [models]") {
    const ScratchFolder folder;
    const std::filesystem::path config = folder.path() / "schemadiff.toml";
    std::ofstream(config) << "[database]\nurl = \"sqlite://\"\n";
    const std::string config_text = config.string();
    const std::vector<const char*> argv = {"schemadiff", "dump", "models", "-c",
                                           config_text.c_str()};
    std::ostringstream out;
    std::ostringstream err;
    CHECK(run(static_cast<int>(argv.size()), argv.data(), out, err) == kExitError);
    CHECK(err.str().find("no models configured") != std::string::npos);
}

TEST_CASE("init --cpp points [models] at the model program and comments out json") {
    const std::string config =
        "[database]\nurl = \"sqlite:///app.db\"\n\n[models]\n# a comment\njson = \"models.json\"\n"
        "# command = \"./build/app_models\"\n\n[autogenerate]\n";
    const std::string result = point_config_at_model_program(config);
    CHECK(result.find("\n# json = \"models.json\"\n") != std::string::npos);
    CHECK(result.find("\ncommand = \"./build/app_models dump models\"\n") != std::string::npos);
    CHECK(result.find("\njson =") == std::string::npos);
    CHECK(result.find("[autogenerate]") != std::string::npos);
}

TEST_CASE("init --cpp adds the command to a [models] section that has none, once") {
    const std::string last = point_config_at_model_program("[models]\njson = \"m.json\"\n");
    CHECK(last ==
          "[models]\n# json = \"m.json\"\n# The model program (models_main.cpp) prints "
          "its models; run as itself it ignores [models].\ncommand = \"./build/"
          "app_models dump models\"\n");
    const std::string none = point_config_at_model_program("[database]\nurl = \"sqlite://\"\n");
    CHECK(none.find("\n[models]\n") != std::string::npos);
    CHECK(none.find("command = ") != std::string::npos);
}

}  // namespace schemadiff::cli
