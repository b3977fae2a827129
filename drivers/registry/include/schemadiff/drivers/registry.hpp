// The driver registry: from a database URL's scheme to the driver that opens it.
//
// open_database("sqlite:///app.db", Access::ReadOnly) returns a Connection; an unknown scheme,
// a malformed URL or a database that cannot be opened is an Error whose text shows the URL with
// its password masked. dialect_for("sqlite") gives a dialect without any connection (offline SQL).
#pragma once

#include <memory>
#include <string_view>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/database_url.hpp"
#include "schemadiff/core/dialect.hpp"

namespace schemadiff::drivers {

enum class Access {
    ReadOnly,   // never creates or changes anything
    ReadWrite,  // the database must exist
    Create,     // create the database if the driver can (SQLite files)
};

[[nodiscard]] std::unique_ptr<Connection> open_database(const DatabaseUrl& url, Access access);
// Loads now what open_database will need for `scheme` (the PostgreSQL driver plugin and the
// client libraries it links), so that a caller can do it before starting other work. A driver
// that cannot load is left for open_database to report, with the URL.
void preload_driver(std::string_view scheme);
// Throws Error(Usage) for an unknown dialect name.
[[nodiscard]] const Dialect& dialect_for(std::string_view scheme);

}  // namespace schemadiff::drivers
