#include "config.hpp"

#include <fmt/format.h>
#include <fnmatch.h>
#include <toml++/toml.h>

#include <cstdlib>

#include "errors.hpp"
#include "schemadiff/core/database_url.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::cli {

namespace {

namespace fs = std::filesystem;

// One table of the file being read, with the file's name for messages.
class Section {
public:
    Section(const fs::path& file, const toml::table& table, std::string name)
        : file_(file), table_(table), name_(std::move(name)) {}

    void require_known_keys(std::initializer_list<std::string_view> known) const {
        for (const auto& [key, node] : table_) {
            bool found = false;
            for (std::string_view k : known) found = found || key.str() == k;
            if (!found) fail(node, std::string(key.str()), "unknown key");
        }
    }

    void read(std::string_view key, std::string& value) const {
        const toml::node* node = table_.get(key);
        if (node == nullptr) return;
        const auto* text = node->as_string();
        if (text == nullptr) fail(*node, key, "must be a string");
        value = text->get();
    }

    void read(std::string_view key, bool& value) const {
        const toml::node* node = table_.get(key);
        if (node == nullptr) return;
        const auto* flag = node->as_boolean();
        if (flag == nullptr) fail(*node, key, "must be true or false");
        value = flag->get();
    }

    void read(std::string_view key, std::vector<std::string>& values) const {
        const toml::node* node = table_.get(key);
        if (node == nullptr) return;
        const auto* array = node->as_array();
        if (array == nullptr) fail(*node, key, "must be a list of strings");
        values.clear();
        for (const toml::node& item : *array) {
            const auto* text = item.as_string();
            if (text == nullptr) fail(item, key, "must be a list of strings");
            values.push_back(text->get());
        }
    }

    // A table nested in this one ([autogenerate.naming_convention]), or nullptr when absent.
    [[nodiscard]] const toml::table* subtable(std::string_view key) const {
        const toml::node* node = table_.get(key);
        if (node == nullptr) return nullptr;
        const auto* table = node->as_table();
        if (table == nullptr) fail(*node, key, "must be a table");
        return table;
    }

    // A naming-convention template: a string whose tokens `kind` accepts.
    void read_template(std::string_view key, std::string& value) const {
        read(key, value);
        if (value.empty()) return;
        NamingConvention one;
        if (key == "pk") one.primary_key = value;
        if (key == "fk") one.foreign_key = value;
        if (key == "uq") one.unique = value;
        if (key == "ix") one.index = value;
        if (key == "ck") one.check = value;
        try {
            validate_naming_convention(one);
        } catch (const Error& error) {
            throw usage_error(error.message(),
                              fmt::format("{}:{}; {}", file_.string(),
                                          table_.get(key)->source().begin.line, error.context()));
        }
    }

    [[noreturn]] void fail(const toml::node& node, std::string_view key,
                           std::string_view what) const {
        throw usage_error(fmt::format("{}: {}.{}", what, name_, key),
                          fmt::format("{}:{}; see docs/cli.md for the keys", file_.string(),
                                      node.source().begin.line));
    }

private:
    const fs::path& file_;
    const toml::table& table_;
    std::string name_;
};

const toml::table* section(const fs::path& file, const toml::table& root, std::string_view name) {
    const toml::node* node = root.get(name);
    if (node == nullptr) return nullptr;
    const auto* table = node->as_table();
    if (table == nullptr) {
        throw usage_error(fmt::format("[{}] must be a table", name),
                          fmt::format("{}:{}", file.string(), node->source().begin.line));
    }
    return table;
}

// sqlite:///relative.db in the file is relative to the file's folder.
std::string anchor_sqlite_url(const std::string& url, const fs::path& base) {
    if (url.empty() || !looks_like_url(url)) return url;
    const DatabaseUrl parsed = parse_database_url(url);
    if (parsed.scheme != "sqlite" || parsed.is_sqlite_memory()) return url;
    const fs::path database(parsed.database);
    if (database.is_absolute()) return url;
    return "sqlite:///" + (base / database).lexically_normal().string();
}

toml::table parse_file(const fs::path& file) {
    try {
        return toml::parse_file(file.string());
    } catch (const toml::parse_error& error) {
        throw usage_error(fmt::format("bad TOML: {}", error.description()),
                          fmt::format("{}:{}:{}; fix the file", file.string(),
                                      error.source().begin.line, error.source().begin.column));
    }
}

void read_sections(Config& config, const toml::table& root) {
    const fs::path& file = config.file;
    for (const auto& [key, node] : root) {
        const std::string_view name = key.str();
        if (name != "database" && name != "migrations" && name != "models" &&
            name != "autogenerate" && name != "postgresql") {
            throw usage_error(fmt::format("unknown key: {}", name),
                              fmt::format("{}:{}; sections are [database], [migrations], "
                                          "[models], [autogenerate] and [postgresql]",
                                          file.string(), node.source().begin.line));
        }
    }
    if (const toml::table* t = section(file, root, "database")) {
        const Section s(file, *t, "database");
        s.require_known_keys({"url"});
        s.read("url", config.url);
    }
    std::string directory = "migrations";
    if (const toml::table* t = section(file, root, "migrations")) {
        const Section s(file, *t, "migrations");
        s.require_known_keys(
            {"directory", "version_table", "file_template", "transaction_per_migration"});
        s.read("directory", directory);
        s.read("version_table", config.version_table);
        s.read("file_template", config.file_template);
        s.read("transaction_per_migration", config.transaction_per_migration);
    }
    config.migrations_dir = (config.base_dir / directory).lexically_normal();
    if (const toml::table* t = section(file, root, "models")) {
        const Section s(file, *t, "models");
        s.require_known_keys({"json", "command"});
        std::string json;
        s.read("json", json);
        if (!json.empty()) config.models_json = (config.base_dir / json).lexically_normal();
        s.read("command", config.models_command);
    }
    if (const toml::table* t = section(file, root, "autogenerate")) {
        const Section s(file, *t, "autogenerate");
        s.require_known_keys({"include_tables", "exclude_tables", "compare_types",
                              "compare_defaults", "naming_convention"});
        s.read("include_tables", config.include_tables);
        s.read("exclude_tables", config.exclude_tables);
        s.read("compare_types", config.compare_types);
        s.read("compare_defaults", config.compare_defaults);
        if (const toml::table* n = s.subtable("naming_convention")) {
            const Section convention(file, *n, "autogenerate.naming_convention");
            convention.require_known_keys({"pk", "fk", "uq", "ix", "ck"});
            NamingConvention& out = config.naming_convention;
            convention.read_template("pk", out.primary_key);
            convention.read_template("fk", out.foreign_key);
            convention.read_template("uq", out.unique);
            convention.read_template("ix", out.index);
            convention.read_template("ck", out.check);
        }
    }
}

// PostgreSQL's duration syntax for lock_timeout: a whole number and an optional unit.
bool is_duration(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0) return false;
    std::string_view unit = text.substr(digits);
    while (unit.starts_with(' ')) unit.remove_prefix(1);
    return unit.empty() || unit == "us" || unit == "ms" || unit == "s" || unit == "min" ||
           unit == "h" || unit == "d";
}

void read_postgresql(Config& config, const toml::table& root) {
    const toml::table* t = section(config.file, root, "postgresql");
    if (t == nullptr) return;
    const Section s(config.file, *t, "postgresql");
    s.require_known_keys({"concurrent_indexes", "lock_timeout"});
    s.read("concurrent_indexes", config.postgresql_concurrent_indexes);
    s.read("lock_timeout", config.postgresql_lock_timeout);
    if (!config.postgresql_lock_timeout.empty() && !is_duration(config.postgresql_lock_timeout)) {
        s.fail(*t->get("lock_timeout"), "lock_timeout",
               "must be a duration like \"5s\", \"500ms\" or \"1min\"");
    }
}

bool matches_any(const std::vector<std::string>& patterns, const std::string& name) {
    for (const std::string& pattern : patterns) {
        if (pattern == name || fnmatch(pattern.c_str(), name.c_str(), 0) == 0) return true;
    }
    return false;
}

}  // namespace

Config load_config(const std::string& explicit_file, const std::string& url_option) {
    Config config;
    config.file = explicit_file.empty() ? fs::current_path() / "schemadiff.toml"
                                        : fs::absolute(explicit_file);
    std::error_code ec;
    if (!fs::is_regular_file(config.file, ec)) {
        throw Error(ErrorKind::Io,
                    explicit_file.empty() ? "no schemadiff.toml in the current folder"
                                          : "configuration file not found",
                    fmt::format("{}; run `schemadiff init` or pass -c FILE", config.file.string()));
    }
    config.base_dir = config.file.parent_path();
    const toml::table root = parse_file(config.file);
    read_sections(config, root);
    read_postgresql(config, root);
    config.url = anchor_sqlite_url(config.url, config.base_dir);
    if (const char* env = std::getenv("SCHEMADIFF_URL"); env != nullptr && *env != '\0') {
        config.url = env;
    }
    if (!url_option.empty()) config.url = url_option;
    if (config.file_template.find("{rev}") == std::string::npos) {
        throw usage_error(
            "migrations.file_template must contain {rev}",
            fmt::format("{}; the default is \"{{rev}}_{{slug}}.sql\"", config.file.string()));
    }
    return config;
}

bool is_table_included(const Config& config, const std::string& table) {
    if (!config.include_tables.empty() && !matches_any(config.include_tables, table)) {
        return false;
    }
    return !matches_any(config.exclude_tables, table);
}

}  // namespace schemadiff::cli
