// SqliteConnection — a SQLite database file (or an in-memory database) through SOCI.
//
// Opening read-only never creates a file: a path that does not exist, or a file that is not a
// SQLite database, is Error(Connection) naming the path. Catalog reading uses a constant number
// of queries (table-valued pragma functions joined to sqlite_schema).
#pragma once

#include <memory>
#include <string>

#include "schemadiff/core/connection.hpp"

namespace schemadiff::sqlite {

enum class OpenMode { ReadOnly, ReadWrite, ReadWriteCreate };

// `path` is a file path, or "" / ":memory:" for a private in-memory database.
[[nodiscard]] std::unique_ptr<Connection> open_sqlite(const std::string& path, OpenMode mode);

}  // namespace schemadiff::sqlite
