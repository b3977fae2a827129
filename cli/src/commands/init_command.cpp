// `schemadiff init [DIR]` — scaffolds a project: schemadiff.toml with every option commented,
// migrations/versions/ and a short migrations/README. Refuses to overwrite anything: when any of
// them exists, nothing is written.
#include <fmt/format.h>

#include <CLI/App.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>

#include "commands.hpp"
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

void write_text(const fs::path& path, const char* text) {
    std::ofstream file(path, std::ios::binary);
    file << text;
    file.close();
    if (!file) throw Error(ErrorKind::Io, "cannot write file", path.string());
}

int run_init(const std::string& dir, const Streams& streams) {
    const fs::path root = fs::absolute(dir.empty() ? std::string(".") : dir).lexically_normal();
    const fs::path config = root / "schemadiff.toml";
    const fs::path migrations = root / "migrations";
    std::error_code ec;
    for (const fs::path& path : {config, migrations}) {
        if (fs::exists(path, ec)) {
            throw Error(ErrorKind::Usage, "refusing to overwrite an existing project",
                        fmt::format("{} exists; nothing was written", path.string()));
        }
    }
    fs::create_directories(migrations / "versions", ec);
    if (ec) {
        throw Error(ErrorKind::Io, fmt::format("cannot create folder: {}", ec.message()),
                    (migrations / "versions").string());
    }
    write_text(config, kConfig);
    write_text(migrations / "README", kReadme);
    streams.err << fmt::format(
        "Created {}\nCreated {}\nEdit [database] url and [models] in "
        "schemadiff.toml, then run `schemadiff autogenerate -m MSG`.\n",
        config.string(), (migrations / "versions").string());
    return 0;
}

}  // namespace

CommandAction setup_init_command(CLI::App& command) {
    auto dir = std::make_shared<std::string>();
    command.add_option("DIR", *dir, "Folder to scaffold (default: the current folder)");
    return [dir](const Streams& streams) { return run_init(*dir, streams); };
}

}  // namespace schemadiff::cli
