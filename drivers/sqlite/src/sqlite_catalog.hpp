// The SQLite catalog reader: the rows of the catalog queries (sqlite_catalog_queries.hpp) and
// their assembly into a core::Schema.
//
// fetch_catalog is the only part that talks to the database (SQLite's C API on the SOCI
// session's handle); build_schema is pure, so the assembly rules — automatic indexes become
// unique constraints or the primary key, CREATE INDEX indexes are read from their stored text,
// CHECK (col IN ('a', ...)) on a TEXT column becomes an enum type, names and deferrability come
// from the stored CREATE TABLE text — are independent of the connection.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/schema.hpp"

namespace soci {
class session;
}

namespace schemadiff::sqlite::detail {

struct CatalogRows {
    struct Object {
        std::string type;  // table, index, trigger, view
        std::string name;
        std::string table_name;
        std::optional<std::string> sql;
    };
    struct TableRow {
        std::string name;
        bool is_without_rowid = false;
        bool is_strict = false;
    };
    struct ColumnRow {
        std::string table;
        long long cid = 0;
        std::string name;
        std::string declared_type;
        bool is_not_null = false;
        std::optional<std::string> default_sql;
        long long primary_key_position = 0;  // 1-based position in the primary key, 0 if none
        long long hidden = 0;
    };
    // Key columns of automatic indexes only; CREATE INDEX ones are read from `objects`.
    struct IndexColumnRow {
        std::string table;
        std::string index;
        bool is_unique = false;
        std::string origin;  // u (UNIQUE constraint) or pk (PRIMARY KEY)
        bool is_partial = false;
        long long seqno = 0;
        long long cid = 0;
        std::optional<std::string> column;
        bool is_descending = false;
    };
    struct ForeignKeyRow {
        std::string table;
        long long id = 0;
        long long seq = 0;
        std::string referenced_table;
        std::string column;
        std::optional<std::string> referenced_column;
        std::string on_update;
        std::string on_delete;
    };

    std::vector<Object> objects;
    std::vector<TableRow> tables;
    std::vector<ColumnRow> columns;
    std::vector<IndexColumnRow> index_columns;
    std::vector<ForeignKeyRow> foreign_keys;
};

// Runs the catalog queries; adds the number issued to `query_count`. Throws Error(Introspection).
[[nodiscard]] CatalogRows fetch_catalog(soci::session& session, std::size_t& query_count);

// Throws Error(Introspection) when a stored statement cannot be understood.
[[nodiscard]] Schema build_schema(const CatalogRows& rows, const ReadOptions& options);

}  // namespace schemadiff::sqlite::detail
