// The driver registry: URL scheme -> driver. SQLite is built in; PostgreSQL connections come from
// the driver plugin loaded on first use (driver_plugin.hpp), its dialect is built in. MySQL is a
// recognised scheme whose driver is not built yet, reported as such rather than as unknown.
#include "schemadiff/drivers/registry.hpp"

#include <fmt/format.h>

#include "driver_plugin.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"
#include "schemadiff/sqlite/sqlite_connection.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"

namespace schemadiff::drivers {

namespace {

sqlite::OpenMode sqlite_mode(Access access) {
    switch (access) {
        case Access::ReadOnly:
            return sqlite::OpenMode::ReadOnly;
        case Access::ReadWrite:
            return sqlite::OpenMode::ReadWrite;
        case Access::Create:
            return sqlite::OpenMode::ReadWriteCreate;
    }
    return sqlite::OpenMode::ReadOnly;
}

// The plugin contract's access code (core/driver_plugin.hpp).
int plugin_access(Access access) {
    switch (access) {
        case Access::ReadOnly:
            return 0;
        case Access::ReadWrite:
            return 1;
        case Access::Create:
            return 2;
    }
    return 0;
}

// Keeps the driver's message; says which URL it came from.
[[noreturn]] void rethrow_with_url(const Error& error, const std::string& where) {
    const std::string context = error.context().empty() ? where : error.context() + "; " + where;
    throw Error(error.kind(), error.message(), context, error.sqlstate());
}

[[noreturn]] void not_built(std::string_view scheme, std::string_view context) {
    throw Error(ErrorKind::Connection, fmt::format("{} support is not built yet", scheme),
                std::string(context));
}

bool is_planned(std::string_view scheme) { return scheme == "postgresql" || scheme == "mysql"; }

}  // namespace

std::unique_ptr<Connection> open_database(const DatabaseUrl& url, Access access) {
    const std::string where = "URL " + url.redacted();
    if (url.scheme == "sqlite") {
        try {
            return sqlite::open_sqlite(url.database, sqlite_mode(access));
        } catch (const Error& error) {
            rethrow_with_url(error, where);
        }
    }
    if (url.scheme == "postgresql") {
        try {
            const DriverOpenFunction open = detail::driver_plugin("postgresql");
            return std::unique_ptr<Connection>(open(&url, plugin_access(access)));
        } catch (const Error& error) {
            rethrow_with_url(error, where);
        }
    }
    if (is_planned(url.scheme)) not_built(url.scheme, where);
    throw Error(ErrorKind::Usage, fmt::format("unknown database scheme '{}'", url.scheme), where);
}

void preload_driver(std::string_view scheme) {
    if (scheme != "postgresql") return;
    try {
        (void)detail::driver_plugin("postgresql");
    } catch (const Error&) {
        // Not loaded: open_database tries again and says why.
    }
}

const Dialect& dialect_for(std::string_view scheme) {
    static const sqlite::SqliteDialect kSqlite;
    const std::string name = text::to_lower(scheme);
    if (name == "sqlite" || name == "sqlite3") return kSqlite;
    if (name == "postgresql" || name == "postgres") return postgresql::postgresql_dialect();
    if (name == "mysql" || name == "mariadb") {
        not_built("mysql", fmt::format("dialect '{}'", scheme));
    }
    throw Error(ErrorKind::Usage, fmt::format("unknown dialect '{}'", scheme),
                "known dialects: sqlite, postgresql, mysql");
}

}  // namespace schemadiff::drivers
