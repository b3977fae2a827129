// The catalog queries read_schema issues: a constant number (kCatalogQueryCount), whatever the
// number of tables. Each joins pragma_table_list to a table-valued pragma function, so SQLite
// walks every table inside one statement; every pragma names the 'main' schema explicitly so a
// temporary table never shadows a real one. Virtual tables (and their shadow tables) and
// SQLite's own sqlite_* tables are left out here; the version table is filtered by the reader.
#pragma once

#include <cstddef>

namespace schemadiff::sqlite::detail {

// Every object with its CREATE statement: tables, indexes (sql is NULL for automatic ones),
// triggers and views.
inline constexpr const char* kObjectsQuery =
    "SELECT type, name, tbl_name, sql FROM main.sqlite_schema"
    " WHERE type IN ('table', 'index', 'trigger', 'view') ORDER BY type, name";

// Ordinary tables, with WITHOUT ROWID (wr) and STRICT.
inline constexpr const char* kTablesQuery =
    "SELECT t.name, t.wr, t.strict FROM pragma_table_list AS t"
    " WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    " ORDER BY t.name";

// Columns in declared order; hidden is 2 for VIRTUAL and 3 for STORED generated columns.
inline constexpr const char* kColumnsQuery =
    "SELECT t.name, c.cid, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden"
    " FROM pragma_table_list AS t JOIN pragma_table_xinfo(t.name, 'main') AS c"
    " WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    " ORDER BY t.name, c.cid";

// Key columns of every index; cid is -1 for the rowid and -2 for an expression.
// origin: 'c' CREATE INDEX, 'u' UNIQUE constraint, 'pk' PRIMARY KEY.
inline constexpr const char* kIndexColumnsQuery =
    "SELECT t.name, il.name, il.\"unique\", il.origin, il.partial,"
    " ix.seqno, ix.cid, ix.name, ix.\"desc\""
    " FROM pragma_table_list AS t JOIN pragma_index_list(t.name, 'main') AS il"
    " JOIN pragma_index_xinfo(il.name, 'main') AS ix"
    " WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    " AND ix.key = 1"
    " ORDER BY t.name, il.name, ix.seqno";

// Foreign keys, one row per column pair; \"to\" is NULL when the target's primary key is implied.
inline constexpr const char* kForeignKeysQuery =
    "SELECT t.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete"
    " FROM pragma_table_list AS t JOIN pragma_foreign_key_list(t.name, 'main') AS f"
    " WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    " ORDER BY t.name, f.id, f.seq";

inline constexpr std::size_t kCatalogQueryCount = 5;

}  // namespace schemadiff::sqlite::detail
