// `schemadiff init [DIR] [--cpp]` — scaffolds a project: schemadiff.toml with every option
// commented, migrations/versions/, a short migrations/README, and the model-program skeleton
// (models_main.cpp + CMakeLists.txt, see model_program_files.hpp); --cpp points the toml's
// [models] at that program. Refuses to overwrite anything: when any of them exists, nothing is
// written.
#include <fmt/format.h>

#include <CLI/App.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "commands.hpp"
#include "model_program_files.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::cli {

namespace {

namespace fs = std::filesystem;

constexpr const char* kConfig =
    R"(# schemadiff configuration. Relative paths are relative to this file's folder.

[database]
# The database migrations run on. SCHEMADIFF_URL overrides it; --url overrides both.
#   sqlite:///relative/path.db   sqlite:////absolute/path.db
#   postgresql://user:password@host:5432/dbname   mysql://user:password@host:3306/dbname
url = "sqlite:///app.db"

[migrations]
# Revision scripts live in <directory>/versions/.
directory = "migrations"
# The table recording the applied revisions (and <version_table>_history).
# version_table = "schemadiff_version"
# File names of new scripts: {rev} is the revision id, {slug} the message.
# file_template = "{rev}_{slug}.sql"
# Scripts are each atomic; a run commits once. true: commit after every script instead.
# transaction_per_migration = false

[models]
# The schema the models describe: a model JSON file as `schemadiff dump` writes ...
json = "models.json"
# ... or a command printing that JSON on stdout (instead of json):
# command = "./build/app_models"

[autogenerate]
# Tables autogenerate and check look at: names or glob patterns; empty = all.
# include_tables = []
# exclude_tables = ["sqlite_stat*"]
# Compare column types and server defaults (default true).
# compare_types = true
# compare_defaults = true

# PostgreSQL only (ignored by other databases; see docs/cli.md#postgresql).
# [postgresql]
# Build and drop indexes of existing tables CONCURRENTLY, in scripts of their own that run
# outside a transaction (no write lock on the table while an index builds).
# concurrent_indexes = false
# Start generated scripts with SET lock_timeout, so DDL behind a busy table fails fast.
# lock_timeout = "5s"

# Names for the keys, indexes and constraints the models leave unnamed, in SQLAlchemy's
# naming_convention syntax (see docs/cli.md). Unset: the models are taken as written.
# [autogenerate.naming_convention]
# pk = "pk_%(table_name)s"
# fk = "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s"
# uq = "uq_%(table_name)s_%(column_0_N_name)s"
# ix = "ix_%(table_name)s_%(column_0_N_name)s"
# ck = "ck_%(table_name)s"
)";

constexpr const char* kReadme = R"(# Migrations

One revision script per file in `versions/`, written by `schemadiff autogenerate -m MSG`
(from the difference between the models and the database) or `schemadiff revision -m MSG`
(empty, to fill by hand). Each has a header (`-- Revision ID:`, `-- Revises:` ...), then the
SQL under `-- migrate:up` and the SQL that reverts it under `-- migrate:down`.

    schemadiff upgrade head       apply every script not applied yet
    schemadiff downgrade -1       revert the last one
    schemadiff current            what the database is at
    schemadiff history            every revision, newest first
    schemadiff check              exit 1 when the models and the database differ

Review generated scripts before applying them: lines starting with `-- WARNING` mark
operations that lose data or need a decision.
)";

void write_text(const fs::path& path, std::string_view text) {
    std::ofstream file(path, std::ios::binary);
    file << text;
    file.close();
    if (!file) throw Error(ErrorKind::Io, "cannot write file", path.string());
}

std::string next_steps(const fs::path& root, bool is_cpp) {
    const std::string build =
        fmt::format("cmake -S {0} -B {0}/build && cmake --build {0}/build", root.string());
    if (is_cpp) {
        return fmt::format(
            "Next steps:\n"
            "  1. Set [database] url in schemadiff.toml.\n"
            "  2. Write the models in models_main.cpp (two example tables are there).\n"
            "  3. Build the model program: {}\n"
            "     (add -DCMAKE_PREFIX_PATH=<schemadiff's install prefix> if CMake cannot find "
            "it)\n"
            "  4. In {}: ./build/app_models autogenerate -m MSG, then ./build/app_models upgrade "
            "head\n"
            "     (`schemadiff` works too: [models] command runs the program).\n",
            build, root.string());
    }
    return fmt::format(
        "Next steps:\n"
        "  1. Set [database] url in schemadiff.toml.\n"
        "  2. Give the models, one of two ways:\n"
        "     - model JSON: [models] json (`schemadiff dump URL > models.json` snapshots a "
        "database),\n"
        "       then `schemadiff autogenerate -m MSG`;\n"
        "     - C++ structs: edit models_main.cpp, build it ({}),\n"
        "       then `./build/app_models autogenerate -m MSG` (see `schemadiff init --help`).\n",
        build);
}

int run_init(const std::string& dir, bool is_cpp, const Streams& streams) {
    const fs::path root = fs::absolute(dir.empty() ? std::string(".") : dir).lexically_normal();
    const fs::path config = root / "schemadiff.toml";
    const fs::path migrations = root / "migrations";
    const fs::path source = root / kModelProgramSource;
    const fs::path cmake = root / kModelProgramCMake;
    std::error_code ec;
    for (const fs::path& path : {config, migrations, source, cmake}) {
        if (fs::exists(path, ec)) {
            throw Error(ErrorKind::Usage, "refusing to overwrite an existing project",
                        fmt::format("{} exists; nothing was written; scaffold a new folder "
                                    "with `schemadiff init DIR`",
                                    path.string()));
        }
    }
    fs::create_directories(migrations / "versions", ec);
    if (ec) {
        throw Error(ErrorKind::Io, fmt::format("cannot create folder: {}", ec.message()),
                    (migrations / "versions").string());
    }
    write_text(config, is_cpp ? point_config_at_model_program(kConfig) : std::string(kConfig));
    write_text(migrations / "README", kReadme);
    write_text(source, model_program_source());
    write_text(cmake, model_program_cmake());
    streams.err << fmt::format("Created {}\nCreated {}\nCreated {} and {} (the model program)\n",
                               config.string(), (migrations / "versions").string(), source.string(),
                               cmake.string())
                << next_steps(root, is_cpp);
    return 0;
}

}  // namespace

CommandAction setup_init_command(CLI::App& command) {
    auto dir = std::make_shared<std::string>();
    auto is_cpp = std::make_shared<bool>(false);
    command.add_option("DIR", *dir, "Folder to scaffold (default: the current folder)");
    command.add_flag("--cpp", *is_cpp,
                     "Point schemadiff.toml at the model program: [models] command runs "
                     "./build/app_models dump models instead of reading models.json");
    command.footer(
        "Writes schemadiff.toml, migrations/versions/, migrations/README, and a model program:\n"
        "models_main.cpp (two example tables, main() calling schemadiff::cli::run) with the\n"
        "CMakeLists.txt that builds it as app_models (find_package(schemadiff)). The model\n"
        "program runs every schemadiff command with its models compiled in, so it needs no\n"
        "[models] section and ignores it. Refuses to overwrite: when any of these exists,\n"
        "nothing is written.");
    return [dir, is_cpp](const Streams& streams) { return run_init(*dir, *is_cpp, streams); };
}

}  // namespace schemadiff::cli
