// The driver registry: URL scheme -> driver. SQLite is built in; PostgreSQL and MySQL are
// recognised schemes whose drivers are not built yet, reported as such rather than as unknown.
#include "schemadiff/drivers/registry.hpp"

#include <fmt/format.h>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"
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
            // Keep the driver's message; say which URL it came from.
            const std::string context =
                error.context().empty() ? where : error.context() + "; " + where;
            throw Error(error.kind(), error.message(), context, error.sqlstate());
        }
    }
    if (is_planned(url.scheme)) not_built(url.scheme, where);
    throw Error(ErrorKind::Usage, fmt::format("unknown database scheme '{}'", url.scheme), where);
}

const Dialect& dialect_for(std::string_view scheme) {
    static const sqlite::SqliteDialect kSqlite;
    const std::string name = text::to_lower(scheme);
    if (name == "sqlite" || name == "sqlite3") return kSqlite;
    if (name == "postgresql" || name == "postgres" || name == "mysql" || name == "mariadb") {
        not_built(name == "postgres"  ? "postgresql"
                  : name == "mariadb" ? "mysql"
                                      : name,
                  fmt::format("dialect '{}'", scheme));
    }
    throw Error(ErrorKind::Usage, fmt::format("unknown dialect '{}'", scheme),
                "known dialects: sqlite, postgresql, mysql");
}

}  // namespace schemadiff::drivers
