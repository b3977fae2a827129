#include "model_program_files.hpp"

#include <fmt/format.h>

#include <sstream>

namespace schemadiff::cli {

namespace {

constexpr std::string_view kSource =
    R"(// The model program: this project's database schema as C++ structs, and every schemadiff
// command around them. Written by `schemadiff init`; edit the models, keep main().
//
//   cmake -S . -B build && cmake --build build     (add -DCMAKE_PREFIX_PATH=<schemadiff's
//                                                    install prefix> when CMake cannot find it)
//   ./build/app_models autogenerate -m "create authors and books"
//   ./build/app_models upgrade head
//   ./build/app_models dump models                  (the models as model JSON)
//
// It reads schemadiff.toml from the current folder (or -c FILE) like `schemadiff` does; the
// models compiled in below take the place of its [models] section, which it ignores.
// The model API is documented in schemadiff's docs/model-api.md.
#include <cstdint>
#include <optional>
#include <string>

#include "schemadiff/cli/run.hpp"
#include "schemadiff/reflect/model.hpp"
#include "schemadiff/reflect/registry.hpp"

// A table is a plain struct: one field per column, named like the column. std::optional<T> makes
// a column nullable; every other column is NOT NULL.
struct Author {
    std::int64_t id;
    std::string name;
    std::optional<std::string> email;
};

struct Book {
    std::int64_t id;
    std::int64_t author_id;
    schemadiff::reflect::Varchar<200> title;
    schemadiff::reflect::Numeric<10, 2> price;
    std::optional<std::int32_t> published_year;
};

// One declaration beside each struct: the table's name, keys, indexes and constraints.
// Unnamed constraints and indexes are named by the naming convention.
template <>
struct schemadiff::reflect::model_of<Author> {
    static auto describe() {
        return table<Author>("authors")
            .primary_key(&Author::id)
            .autoincrement(&Author::id)
            .unique({&Author::email});
    }
};

template <>
struct schemadiff::reflect::model_of<Book> {
    static auto describe() {
        return table<Book>("books")
            .primary_key(&Book::id)
            .autoincrement(&Book::id)
            .foreign_key({&Book::author_id}, "authors", {"id"})
            .on_delete(Action::Cascade)
            .index("ix_books_title", {&Book::title})
            .check("price >= 0");
    }
};

int main(int argc, char** argv) {
    schemadiff::reflect::Registry models;
    models.add<Author>().add<Book>();
    return schemadiff::cli::run(argc, argv, models);
}
)";

constexpr std::string_view kCMake =
    R"(# Builds the model program (models_main.cpp) as app_models. Written by `schemadiff init`.
#   cmake -S . -B build && cmake --build build && ./build/app_models --help
# Inside a larger CMake project, add_subdirectory() this folder instead; when that project
# already adds schemadiff with add_subdirectory(), schemadiff::schemadiff is used as it is.
cmake_minimum_required(VERSION 3.25)
project(app_models LANGUAGES CXX)

if(NOT TARGET schemadiff::schemadiff)
    find_package(schemadiff REQUIRED)
endif()

add_executable(app_models models_main.cpp)
target_compile_features(app_models PRIVATE cxx_std_20)
target_link_libraries(app_models PRIVATE schemadiff::schemadiff)
)";

bool starts_with_key(std::string_view line, std::string_view key) {
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string_view::npos) return false;
    line.remove_prefix(start);
    if (!line.starts_with(key)) return false;
    line.remove_prefix(key.size());
    const std::size_t next = line.find_first_not_of(" \t");
    return next != std::string_view::npos && line[next] == '=';
}

// The table a line opens ("[models]" -> "models"), or `current` for any other line.
std::string section_of(std::string_view line, const std::string& current) {
    const std::size_t start = line.find_first_not_of(" \t");
    if (start == std::string_view::npos || line[start] != '[') return current;
    const std::size_t end = line.find(']', start);
    return end == std::string_view::npos ? current
                                         : std::string(line.substr(start + 1, end - start - 1));
}

}  // namespace

std::string_view model_program_source() { return kSource; }
std::string_view model_program_cmake() { return kCMake; }

std::string point_config_at_model_program(std::string_view config) {
    const std::string command_line = fmt::format(
        "# The model program (models_main.cpp) prints its models; run as itself it ignores "
        "[models].\ncommand = \"{}\"",
        kModelProgramCommand);
    std::string result;
    std::string section;
    bool has_models = false;
    bool has_command = false;
    std::istringstream lines{std::string(config)};
    for (std::string line; std::getline(lines, line);) {
        const std::string next = section_of(line, section);
        if (section == "models" && next != "models" && !has_command) {
            result += command_line + "\n\n";
            has_command = true;
        }
        section = next;
        has_models = has_models || section == "models";
        if (section == "models" && starts_with_key(line, "json")) {
            line = "# " + line;
        } else if (section == "models" && !has_command &&
                   (starts_with_key(line, "command") || starts_with_key(line, "# command"))) {
            line = command_line;
            has_command = true;
        }
        result += line + "\n";
    }
    if (!has_models) result += "\n[models]\n";
    if (!has_command) result += command_line + "\n";
    return result;
}

}  // namespace schemadiff::cli
