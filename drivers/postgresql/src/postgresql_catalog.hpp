// The PostgreSQL catalog reader: the rows of the catalog queries (postgresql_catalog_queries.hpp)
// and their assembly into a core::Schema.
//
// fetch_catalog is the only part that talks to the server (libpq on the connection's PGconn,
// inside the caller's snapshot); build_schema is pure. Assembly rules: serial columns (a
// nextval() default of a sequence OWNED BY the column) become is_autoincrement with no default;
// identity columns keep their kind; enum-typed columns become TypeKind::Enum with the type's name
// and its values in sort order; a one-column CHECK (col = ANY (ARRAY['a', ...])) on a text
// column — what the dialect writes for an enum without a type name — becomes an enum type again;
// the default direction's NULLS placement and the btree method are normalised away; indexes
// that back a primary key or unique constraint are reported only as that constraint.
#pragma once

#include <libpq-fe.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postgresql_snapshot_peer.hpp"
#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::postgresql::detail {

struct CatalogRows {
    struct TableRow {
        long long oid = 0;
        std::string name;
        std::optional<std::string> comment;
    };
    struct ColumnRow {
        long long table = 0;
        long long number = 0;
        std::string name;
        std::string type;  // format_type(atttypid, atttypmod)
        bool is_not_null = false;
        std::optional<std::string> default_sql;  // pg_get_expr of the default or generation
        std::string identity;                    // attidentity: "", "a", "d"
        std::string generated;                   // attgenerated: "", "s"
        std::optional<std::string> collation;    // only when not the type's default
        std::optional<std::string> comment;
        long long type_oid = 0;
        bool is_enum = false;
        bool owns_sequence = false;   // the default uses a sequence the column owns
        long long collation_oid = 0;  // attcollation
    };
    struct EnumValueRow {
        long long type_oid = 0;
        std::string type_name;
        std::string value;       // in enumsortorder
        bool is_listed = false;  // in the schema read and no extension's: Schema::enum_types
    };
    struct ConstraintRow {
        long long oid = 0;
        long long table = 0;
        std::string name;
        std::string type;  // p u f c
        std::string referenced_table;
        std::string on_update;  // a r c n d
        std::string on_delete;
        bool is_deferrable = false;
        bool is_initially_deferred = false;
        std::string match;                             // f p s
        std::string definition;                        // pg_get_constraintdef(oid, true)
        std::optional<std::string> referenced_schema;  // only when not the schema read
    };
    struct ConstraintColumnRow {
        long long constraint = 0;
        long long table = 0;
        long long number = 0;  // attnum
        std::string column;
        long long referenced_table = 0;
        std::optional<long long> referenced_number;  // foreign keys only
        std::optional<std::string> referenced_column;
    };
    struct IndexRow {
        long long oid = 0;
        long long table = 0;
        std::string name;
        bool is_unique = false;
        std::string method;
        long long key_count = 0;  // indnkeyatts: the parts after it are INCLUDE columns
        std::optional<std::string> predicate;
    };
    struct IndexPartRow {
        long long index = 0;
        long long position = 0;  // 1-based
        long long column = 0;    // attnum, 0 for an expression
        std::string definition;  // pg_get_indexdef(index, position, true)
        long long table = 0;
        std::optional<std::string> column_name;
        long long option = 0;  // indoption bits: 1 DESC, 2 NULLS FIRST
        long long collation_oid = 0;
        std::optional<std::string> collation;       // only when not the column's
        std::optional<std::string> operator_class;  // only when not the default
    };
    struct ViewRow {
        std::string name;
        bool is_materialized = false;
        std::string definition;
    };
    struct TriggerRow {
        long long table = 0;
        std::string name;
        std::string definition;  // pg_get_triggerdef(oid, true): the whole CREATE TRIGGER
    };

    std::vector<TableRow> tables;
    std::vector<ColumnRow> columns;
    std::vector<EnumValueRow> enum_values;
    std::vector<ConstraintRow> constraints;
    std::vector<ConstraintColumnRow> constraint_columns;
    std::vector<IndexRow> indexes;
    std::vector<IndexPartRow> index_parts;
    std::vector<ViewRow> views;
    std::vector<TriggerRow> triggers;
};

// The SQL expression of the oid of `schema` (current_schema() when nullopt).
[[nodiscard]] std::string namespace_expression(const std::optional<std::string>& schema);

// Runs the catalog queries for the tables of `schema` (current_schema() when nullopt) inside
// the transaction open on `connection`; adds the number issued to `query_count`. With
// `peer_snapshot` (the snapshot that transaction exported), half of them run at the same time
// on a peer connection (postgresql_snapshot_peer.hpp) when one can be opened. Throws
// Error(Introspection).
[[nodiscard]] CatalogRows fetch_catalog(PGconn* connection,
                                        const std::optional<std::string>& schema,
                                        std::size_t& query_count,
                                        const PeerSnapshot* peer_snapshot = nullptr);

// A view as read_schema reports it: "CREATE [MATERIALIZED ]VIEW name AS\n" and the query
// pg_get_viewdef(oid, true) prints, without its final ';'. Model views deparsed by the server
// (postgresql_definitions.hpp) are spelled through it too, so that equal views are equal text.
[[nodiscard]] std::string view_statement(std::string_view name, bool is_materialized,
                                         std::string_view definition, const Dialect& dialect);

// Leaves out the version table, `<version_table>_*` and options.excluded_tables.
[[nodiscard]] Schema build_schema(const CatalogRows& rows, const ReadOptions& options,
                                  const Dialect& dialect);

}  // namespace schemadiff::postgresql::detail
