// fetch_catalog: the catalog queries, run through libpq on the connection's PGconn, each cell
// read once straight into its field (integers through Result::integer, always long long).
#include "postgresql_catalog.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>

#include "postgresql_catalog_queries.hpp"
#include "postgresql_definition_text.hpp"
#include "postgresql_result.hpp"
#include "postgresql_snapshot_peer.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::postgresql::detail {

std::string namespace_expression(const std::optional<std::string>& schema) {
    const std::string name = schema ? escaped_literal(*schema) : "pg_catalog.current_schema()";
    return "(SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = " + name + ")";
}

namespace {

std::string with_namespace(std::string_view query, const std::string& namespace_oid) {
    constexpr std::string_view kPlaceholder = "@NAMESPACE@";
    std::string out(query);
    for (std::size_t at = out.find(kPlaceholder); at != std::string::npos;
         at = out.find(kPlaceholder, at + namespace_oid.size())) {
        out.replace(at, kPlaceholder.size(), namespace_oid);
    }
    return out;
}

// The next statement's rows, each made into a Row by `make(result, row index)`.
template <typename Row, typename Make>
void read_rows(StatementBatch& batch, std::vector<Row>& out, Make make) {
    const Result result = batch.next();
    out.reserve(static_cast<std::size_t>(result.rows()));
    for (int row = 0; row < result.rows(); ++row) out.push_back(make(result, row));
}

// A column's comment, read with the tables.
struct ColumnComment {
    long long table = 0;
    long long number = 0;  // attnum
    std::string text;
};

// The tables query's rows: a row per table, or one per comment of the table and its columns
// (objsubid 0 is the table's). The rows of a table are consecutive.
void read_tables(const Result& result, std::vector<CatalogRows::TableRow>& tables,
                 std::vector<ColumnComment>& column_comments) {
    tables.reserve(static_cast<std::size_t>(result.rows()));
    for (int row = 0; row < result.rows(); ++row) {
        const long long oid = result.integer(row, 0);
        if (tables.empty() || tables.back().oid != oid) {
            tables.push_back(CatalogRows::TableRow{oid, result.string(row, 1), std::nullopt});
        }
        if (result.is_null(row, 2)) continue;
        const long long number = result.integer(row, 2);
        if (number == 0) {
            tables.back().comment = result.text(row, 3);
        } else {
            column_comments.push_back(ColumnComment{oid, number, result.string(row, 3)});
        }
    }
}

// The column (table oid, attnum) among `columns` (sorted by both), or nullptr.
template <typename Columns>
auto find_column(Columns& columns, long long table, long long number)
    -> decltype(&*columns.begin()) {
    const auto found = std::lower_bound(
        columns.begin(), columns.end(), std::pair{table, number},
        [](const CatalogRows::ColumnRow& row, const std::pair<long long, long long>& key) {
            return row.table != key.first ? row.table < key.first : row.number < key.second;
        });
    if (found == columns.end() || found->table != table || found->number != number) return nullptr;
    return &*found;
}

// The column (table oid, attnum) that the columns query read. Throws Error(Introspection) when
// there is none: every query runs in one snapshot, so the keys and indexes name only those.
const CatalogRows::ColumnRow& read_column(const CatalogRows& rows, long long table,
                                          long long number) {
    const CatalogRows::ColumnRow* column = find_column(rows.columns, table, number);
    if (column == nullptr) {
        throw Error(ErrorKind::Introspection,
                    fmt::format("the catalog names column {} of table oid {}, which was not read",
                                number, table),
                    "reading the catalog; report this with the table's definition");
    }
    return *column;
}

// Names the key columns of constraints and the columns of index parts, which the queries give
// as attnums (the server names only those outside the columns read), and keeps an index part's
// collation only when it is not its column's.
void name_key_and_index_columns(CatalogRows& rows) {
    for (auto& key : rows.constraint_columns) {
        if (key.column.empty()) key.column = read_column(rows, key.table, key.number).name;
        if (key.referenced_number && !key.referenced_column) {
            key.referenced_column =
                read_column(rows, key.referenced_table, *key.referenced_number).name;
        }
    }
    for (auto& part : rows.index_parts) {
        if (part.column == 0) {  // an expression
            part.collation.reset();
            continue;
        }
        const CatalogRows::ColumnRow& column = read_column(rows, part.table, part.column);
        part.column_name = column.name;
        if (part.collation_oid == 0 || part.collation_oid == column.collation_oid) {
            part.collation.reset();
        }
    }
}

std::vector<std::string> statements(std::initializer_list<const char*> queries,
                                    const std::string& ns) {
    std::vector<std::string> out;
    for (const char* query : queries) out.push_back(with_namespace(query, ns));
    return out;
}

}  // namespace

CatalogRows fetch_catalog(PGconn* connection, const std::optional<std::string>& schema,
                          std::size_t& query_count, const PeerSnapshot* peer_snapshot) {
    const std::string ns = namespace_expression(schema);
    static_assert(kCatalogQueryCount == 9);
    query_count += kCatalogQueryCount;
    // Two round trips at most, each a batch whose rows are read while the server runs the next
    // statement: the first half on `connection`; the second on a peer connection sharing the
    // snapshot, running at the same time, or else on `connection` after the first.
    std::optional<StatementBatch> first(
        std::in_place, connection,
        statements({kTablesQuery, kColumnsQuery, kEnumValuesQuery, kConstraintsQuery}, ns),
        ErrorKind::Introspection, "reading the catalog");
    std::vector<std::string> second_half = statements(
        {kConstraintColumnsQuery, kIndexesQuery, kIndexPartsQuery, kViewsQuery, kTriggersQuery},
        ns);
    SnapshotPeer peer;
    std::optional<StatementBatch> second;
    if (peer_snapshot != nullptr && peer.open(*peer_snapshot)) {
        second.emplace(peer.get(), std::move(second_half), ErrorKind::Introspection,
                       "reading the catalog");
    }
    CatalogRows out;
    std::vector<ColumnComment> column_comments;
    read_tables(first->next(), out.tables, column_comments);
    read_rows(*first, out.columns, [](const Result& r, int i) {
        return CatalogRows::ColumnRow{
            r.integer(i, 0), r.integer(i, 1), r.string(i, 2), r.string(i, 3),  r.flag(i, 4),
            r.text(i, 5),    r.string(i, 6),  r.string(i, 7), r.text(i, 8),    std::nullopt,
            r.integer(i, 9), r.flag(i, 10),   r.flag(i, 11),  r.integer(i, 12)};
    });
    read_rows(*first, out.enum_values, [](const Result& r, int i) {
        return CatalogRows::EnumValueRow{r.integer(i, 0), r.string(i, 1), r.string(i, 2),
                                         r.flag(i, 3)};
    });
    read_rows(*first, out.constraints, [](const Result& r, int i) {
        return CatalogRows::ConstraintRow{r.integer(i, 0), r.integer(i, 1), r.string(i, 2),
                                          r.string(i, 3),  r.string(i, 4),  r.string(i, 5),
                                          r.string(i, 6),  r.flag(i, 7),    r.flag(i, 8),
                                          r.string(i, 9),  r.string(i, 10), r.text(i, 11)};
    });
    first.reset();  // every result read: the connection is free again
    if (!second) {
        second.emplace(connection, std::move(second_half), ErrorKind::Introspection,
                       "reading the catalog");
    }
    read_rows(*second, out.constraint_columns, [](const Result& r, int i) {
        std::optional<long long> referenced_number;
        if (!r.is_null(i, 5)) referenced_number = r.integer(i, 5);
        return CatalogRows::ConstraintColumnRow{r.integer(i, 0), r.integer(i, 1), r.integer(i, 2),
                                                r.string(i, 3),  r.integer(i, 4), referenced_number,
                                                r.text(i, 6)};
    });
    read_rows(*second, out.indexes, [](const Result& r, int i) {
        return CatalogRows::IndexRow{r.integer(i, 0), r.integer(i, 1), r.string(i, 2), r.flag(i, 3),
                                     r.string(i, 4),  r.integer(i, 5), r.text(i, 6)};
    });
    read_rows(*second, out.index_parts, [](const Result& r, int i) {
        return CatalogRows::IndexPartRow{
            r.integer(i, 0), r.integer(i, 1), r.integer(i, 2), r.string(i, 3), r.integer(i, 4),
            std::nullopt,    r.integer(i, 5), r.integer(i, 6), r.text(i, 7),   r.text(i, 8)};
    });
    read_rows(*second, out.views, [](const Result& r, int i) {
        return CatalogRows::ViewRow{r.string(i, 0), r.flag(i, 1), r.string(i, 2)};
    });
    read_rows(*second, out.triggers, [](const Result& r, int i) {
        return CatalogRows::TriggerRow{r.integer(i, 0), r.string(i, 1), r.string(i, 2)};
    });
    // In attnum order per table, as the table lists them (sorted here: the server's sort of
    // these wide rows cost more).
    std::sort(out.columns.begin(), out.columns.end(), [](const auto& a, const auto& b) {
        return a.table != b.table ? a.table < b.table : a.number < b.number;
    });
    name_key_and_index_columns(out);
    for (auto& comment : column_comments) {
        // A comment names a column read (PostgreSQL deletes a dropped column's); skip any other.
        if (auto* column = find_column(out.columns, comment.table, comment.number)) {
            column->comment = std::move(comment.text);
        }
    }
    return out;
}

}  // namespace schemadiff::postgresql::detail
