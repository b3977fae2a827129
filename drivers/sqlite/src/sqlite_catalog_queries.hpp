// The catalog queries read_schema issues: a constant number (kCatalogQueryCount), whatever the
// number of tables. Each joins pragma_table_list (or sqlite_schema) to a table-valued pragma
// function, so SQLite walks every table inside one statement; every pragma names the 'main'
// schema explicitly so a temporary table never shadows a real one. Virtual tables (and their
// shadow tables) and SQLite's own sqlite_* tables are left out here or by the reader, which also
// filters the version table.
//
// No query sorts: an ORDER BY makes SQLite copy every row through its sorter, a tenth of a read
// on a large catalog. The reader needs only what the joins give by construction: the rows of one
// table together (its pragma runs inside the loop over tables), in the pragma's own order
// (column position, key position, foreign key and column pair). build_schema checks the first
// and regroups should it ever not hold; everything it builds is sorted by canonicalize.
#pragma once

#include <cstddef>

namespace schemadiff::sqlite::detail {

// Every object with its CREATE statement: tables, indexes (sql is NULL for automatic ones),
// triggers and views.
inline constexpr const char* kObjectsQuery =
    "SELECT type, name, tbl_name, sql FROM main.sqlite_schema"
    " WHERE type IN ('table', 'index', 'trigger', 'view')";

// Ordinary tables, with WITHOUT ROWID (wr) and STRICT.
inline constexpr const char* kTablesQuery =
    "SELECT t.name, t.wr, t.strict FROM pragma_table_list AS t"
    " WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

// Columns in declared order; hidden is 2 for VIRTUAL and 3 for STORED generated columns.
inline constexpr const char* kColumnsQuery =
    "SELECT t.name, c.cid, c.name, c.type, c.\"notnull\", c.dflt_value, c.pk, c.hidden"
    " FROM pragma_table_list AS t JOIN pragma_table_xinfo(t.name, 'main') AS c"
    " WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

// Key columns of the automatic indexes of UNIQUE and PRIMARY KEY constraints (origin 'u' and
// 'pk'): they have no CREATE INDEX text, so their sqlite_schema row has a NULL sql. Indexes made by
// CREATE INDEX (origin 'c') are read from their text in kObjectsQuery instead. Every table-valued
// pragma costs SQLite a statement to prepare and a lookup by name (in a hash of fixed size, so
// O(objects) on a big catalog), so this query calls them for the automatic indexes only rather
// than for every table and every index; index_list's origin confirms what the NULL sql says.
// (A WITHOUT ROWID table's primary key has no sqlite_schema row: the reader needs none, as such a
// key is never the rowid.)
inline constexpr const char* kIndexColumnsQuery =
    "SELECT s.tbl_name, il.name, il.\"unique\", il.origin, il.partial,"
    " ix.seqno, ix.cid, ix.name, ix.\"desc\""
    " FROM main.sqlite_schema AS s"
    " JOIN pragma_index_list(s.tbl_name, 'main') AS il ON il.name = s.name"
    " JOIN pragma_index_xinfo(il.name, 'main') AS ix"
    " WHERE s.type = 'index' AND s.sql IS NULL"
    " AND s.tbl_name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND il.origin <> 'c' AND ix.key = 1";

// Foreign keys, one row per column pair; \"to\" is NULL when the target's primary key is implied.
inline constexpr const char* kForeignKeysQuery =
    "SELECT t.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete"
    " FROM pragma_table_list AS t JOIN pragma_foreign_key_list(t.name, 'main') AS f"
    " WHERE t.schema = 'main' AND t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

inline constexpr std::size_t kCatalogQueryCount = 5;

}  // namespace schemadiff::sqlite::detail
