// SqliteConnection — a SQLite database file (or an in-memory database) through SOCI.
//
// Opening read-only never creates a file: a path that does not exist is Error(Connection)
// "database file not found: PATH", and a file that is not a SQLite database (checked against the
// 16-byte header before SQLite sees it) is Error(Connection) "not a SQLite database file: PATH".
// No SOCI or SQLite error escapes: opening fails with Connection, catalog reads with
// Introspection, statements with Execution (SQLite's message, plus the statement as context).
//
// Catalog reading uses a constant number of queries (table-valued pragma functions joined to
// pragma_table_list, all in one read transaction); what the pragmas do not expose comes from the
// stored CREATE TABLE / CREATE INDEX text. Read-write connections enforce foreign keys
// (PRAGMA foreign_keys = ON) and wait up to 5 seconds for a lock held by another process;
// begin() is BEGIN IMMEDIATE on them, so two migrations cannot interleave.
// `execute` runs every statement of its text (a script, a trigger body).
#pragma once

#include <memory>
#include <string>

#include "schemadiff/core/connection.hpp"

namespace schemadiff::sqlite {

enum class OpenMode { ReadOnly, ReadWrite, ReadWriteCreate };

// `path` is a file path, or "" / ":memory:" for a private in-memory database.
[[nodiscard]] std::unique_ptr<Connection> open_sqlite(const std::string& path, OpenMode mode);

}  // namespace schemadiff::sqlite
