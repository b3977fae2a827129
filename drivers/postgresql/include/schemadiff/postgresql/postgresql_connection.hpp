// PostgresqlConnection — a PostgreSQL database through SOCI's PostgreSQL backend (libpq).
//
// Opened from a postgresql:// URL (postgresql_url.hpp turns it into libpq's key=value string;
// what the URL leaves out comes from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, ...).
// The optional `?schema=NAME` parameter is the schema to read and to write unqualified names
// into (it becomes the session's search_path); by default, current_schema().
//
// Modes: ReadOnly sessions are READ ONLY (default_transaction_read_only), so nothing can be
// created or changed through them; ReadWrite and Create need the database to exist — schemadiff
// never creates a PostgreSQL database, and Create says so when it is missing.
// No SOCI or libpq error escapes: opening fails with Error(Connection), catalog reads with
// Introspection, statements with Execution, each with the server's message and its SQLSTATE.
// The password never appears in an error.
//
// read_schema issues a constant number of pg_catalog queries (postgresql_catalog_queries.hpp)
// in one REPEATABLE READ snapshot. The migration lock is a session-level advisory lock
// (pg_advisory_lock under lock_timeout) whose key is migration_lock_key(name), the name given by
// set_migration_lock_name (the runner passes its version table; default "schemadiff_version").
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/database_url.hpp"

namespace schemadiff::postgresql {

enum class OpenMode { ReadOnly, ReadWrite, Create };

// REQUIRES: url.scheme == "postgresql".
[[nodiscard]] std::unique_ptr<Connection> open_postgresql(const DatabaseUrl& url, OpenMode mode);

// The advisory-lock key for migration runs that keep their versions in `version_table`: the
// first 8 bytes of a 64-bit FNV-1a hash of "schemadiff:" + the name, so runs sharing a version
// table exclude each other and runs of different projects in one database do not.
[[nodiscard]] std::int64_t migration_lock_key(std::string_view version_table);

}  // namespace schemadiff::postgresql
