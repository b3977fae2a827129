// PostgreSQL URLs -> libpq connection strings.
//
// `postgresql://user:pass@host:port/db?sslmode=require` (already parsed and percent-decoded into
// a DatabaseUrl) becomes libpq's `key=value` form: host, port, user, password, dbname, then every
// query parameter as given (sslmode, connect_timeout, application_name, host=/unix/socket/dir,
// ...; a query parameter wins over the same part of the URL). A part the URL leaves out is left
// out of the string, so libpq's environment (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE,
// PGSSLMODE, ...) and defaults apply. Values are single-quoted when they need it, quotes and
// backslashes escaped. The one query parameter that is not libpq's is `schema`: the schema to
// read and write (default: the first of the search_path, as current_schema() reports it).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "schemadiff/core/database_url.hpp"

namespace schemadiff::postgresql::detail {

// A libpq connection-string value: as it is when plain, else single-quoted and escaped.
[[nodiscard]] std::string conninfo_value(std::string_view value);

// The libpq connection string for `url` (scheme postgresql). Holds the password: never print it.
[[nodiscard]] std::string conninfo(const DatabaseUrl& url);

// The `schema` query parameter, when given and not empty.
[[nodiscard]] std::optional<std::string> schema_parameter(const DatabaseUrl& url);

}  // namespace schemadiff::postgresql::detail
