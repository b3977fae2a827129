// bench_model_json — writes the benchmark schemas as model JSON, for the tool-level benchmarks
// (bench/alembic/run.sh): DIR/current.json, the generated schema of --tables tables, and
// DIR/drifted.json, its drifted copy (schema_generator.hpp), both in PostgreSQL's form
// (postgresql_schema.hpp). Prints the number of edits the drift made on stdout.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include "postgresql_schema.hpp"
#include "schema_generator.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/schema_json.hpp"

namespace {

namespace sd = schemadiff;

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw sd::Error(sd::ErrorKind::Io, "cannot write the model file", path.string());
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes the generated benchmark schema and its drifted copy as model JSON."};
    std::size_t table_count = 1000;
    std::string directory = ".";
    app.add_option("--tables", table_count, "Number of tables")->capture_default_str();
    app.add_option("--out", directory, "Folder for current.json and drifted.json")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    try {
        const sd::Schema current = sd::bench::generate_schema({.table_count = table_count});
        const sd::bench::DriftedSchema drifted = sd::bench::drift_schema(current, {});
        std::filesystem::create_directories(directory);
        write_file(std::filesystem::path(directory) / "current.json",
                   sd::schema_to_json(sd::bench::for_postgresql(current)));
        write_file(std::filesystem::path(directory) / "drifted.json",
                   sd::schema_to_json(sd::bench::for_postgresql(drifted.schema)));
        fmt::print("{}\n", drifted.expected_changes);
    } catch (const std::exception& error) {
        fmt::print(stderr, "bench_model_json: {}\n", error.what());
        return 2;
    }
    return 0;
}
