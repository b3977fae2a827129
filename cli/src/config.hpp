// Config — what `schemadiff.toml` says, with every path made absolute.
//
// Read from `-c FILE` or ./schemadiff.toml. Relative paths (the migrations folder, the model
// JSON, a relative SQLite file) are relative to the folder holding the file. The database URL
// comes from [database] url, overridden by SCHEMADIFF_URL, overridden by --url. Strict: an
// unknown key or a value of the wrong type is Error(Usage) naming the file, line and key.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "schemadiff/core/naming_convention.hpp"

namespace schemadiff::cli {

struct Config {
    std::filesystem::path file;      // the toml file read
    std::filesystem::path base_dir;  // the folder holding it
    std::string url;                 // after SCHEMADIFF_URL and --url; may be empty
    std::filesystem::path migrations_dir;
    std::string version_table = "schemadiff_version";
    std::string file_template = "{rev}_{slug}.sql";
    // Commit after every script instead of once per run (Alembic's option of the same name).
    bool transaction_per_migration = false;
    std::filesystem::path models_json;        // empty when not configured
    std::string models_command;               // empty when not configured
    std::vector<std::string> include_tables;  // names or glob patterns; empty = all
    std::vector<std::string> exclude_tables;
    bool compare_types = true;
    bool compare_defaults = true;
    // [autogenerate.naming_convention]: names for what the models leave unnamed; empty = the
    // models are taken as written.
    NamingConvention naming_convention;
    // [postgresql]: options for PostgreSQL databases, ignored by the others.
    // concurrent_indexes: autogenerate builds and drops indexes of existing tables CONCURRENTLY,
    // in scripts of their own marked `Transactional: false` (see docs/cli.md).
    bool postgresql_concurrent_indexes = false;
    // lock_timeout: "5s", "500ms", ...; generated sections start with SET lock_timeout. Empty:
    // no SET (the server's setting applies).
    std::string postgresql_lock_timeout;

    [[nodiscard]] std::filesystem::path versions_dir() const { return migrations_dir / "versions"; }
};

// `explicit_file` empty: ./schemadiff.toml. `url_option` (--url) wins over everything.
[[nodiscard]] Config load_config(const std::string& explicit_file, const std::string& url_option);

// Whether `table` passes [autogenerate] include_tables / exclude_tables.
[[nodiscard]] bool is_table_included(const Config& config, const std::string& table);

}  // namespace schemadiff::cli
