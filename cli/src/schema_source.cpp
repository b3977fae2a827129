#include "schema_source.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "errors.hpp"
#include "model_file.hpp"
#include "model_source.hpp"
#include "schemadiff/core/database_url.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/schema_json.hpp"
#include "schemadiff/drivers/registry.hpp"

namespace schemadiff::cli {

namespace {

// A read-only command never creates a database: a missing SQLite file stops here, before any
// driver is asked to open it.
void require_existing_sqlite_file(const DatabaseUrl& url, std::string_view role) {
    if (url.scheme != "sqlite" || url.is_sqlite_memory()) return;
    std::error_code ec;
    const auto status = std::filesystem::status(url.database, ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_directory(status)) return;
    throw Error(ErrorKind::Connection,
                std::filesystem::exists(status) ? "database path is a directory"
                                                : "database file not found",
                fmt::format("{} {}; check the path: sqlite:///relative.db is relative to the "
                            "current folder, sqlite:////absolute.db is absolute",
                            role, url.redacted()));
}

SchemaSource load_database(const DatabaseUrl& url, std::string_view role) {
    require_existing_sqlite_file(url, role);
    SchemaSource source;
    source.label = url.redacted();
    source.dialect = &drivers::dialect_for(url.scheme);
    source.connection = drivers::open_database(url, drivers::Access::ReadOnly);
    source.schema = source.connection->read_schema(ReadOptions{});
    return source;
}

SchemaSource load_model_file(std::string_view path, std::string_view role) {
    SchemaSource source;
    source.label = std::string(path);
    source.schema = schema_from_json(read_model_file(path, role), path);
    return source;
}

// Errors say which source they are about: the role and the source join the context unless the
// context already names the source.
Error with_source(const Error& error, std::string_view role, std::string_view label) {
    if (label.empty() || error.context().find(label) != std::string::npos) return error;
    std::string context = error.context();
    context += fmt::format("{}{} {}", context.empty() ? "" : "; ", role, label);
    return Error(error.kind(), error.message(), std::move(context), error.sqlstate());
}

}  // namespace

SchemaSource load_schema_source(std::string_view spec, std::string_view role,
                                const std::string& config_file) {
    if (spec == kModelsSource) {
        SchemaSource source;
        source.label = std::string(kModelsSource);
        source.schema = load_models_source(config_file);
        return source;
    }
    if (!looks_like_url(spec)) return load_model_file(spec, role);
    const DatabaseUrl url = parse_database_url(spec);
    try {
        return load_database(url, role);
    } catch (const Error& error) {
        throw with_source(error, role, url.redacted());
    }
}

const Dialect& choose_dialect(const SchemaSource& primary, const SchemaSource* secondary,
                              std::string_view requested) {
    const Dialect* chosen = primary.dialect;
    if (chosen == nullptr && secondary != nullptr) chosen = secondary->dialect;
    if (chosen == nullptr) return drivers::dialect_for(requested.empty() ? "sqlite" : requested);
    if (!requested.empty() && drivers::dialect_for(requested).name() != chosen->name()) {
        throw usage_error(
            fmt::format("--dialect {} contradicts the database's dialect {}", requested,
                        chosen->name()),
            "--dialect only applies when no schema source is a database; leave it out");
    }
    return *chosen;
}

}  // namespace schemadiff::cli
