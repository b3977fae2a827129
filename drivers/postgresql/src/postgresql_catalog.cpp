// fetch_catalog: the catalog queries, run through libpq on the connection's PGconn, each cell
// read once straight into its field (integers through Result::integer, always long long).
#include "postgresql_catalog.hpp"

#include <string>

#include "postgresql_catalog_queries.hpp"
#include "postgresql_definition_text.hpp"
#include "postgresql_result.hpp"

namespace schemadiff::postgresql::detail {

namespace {

std::string namespace_expression(const std::optional<std::string>& schema) {
    const std::string name = schema ? escaped_literal(*schema) : "pg_catalog.current_schema()";
    return "(SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = " + name + ")";
}

std::string with_namespace(std::string_view query, const std::string& namespace_oid) {
    constexpr std::string_view kPlaceholder = "@NAMESPACE@";
    std::string out(query);
    for (std::size_t at = out.find(kPlaceholder); at != std::string::npos;
         at = out.find(kPlaceholder, at + namespace_oid.size())) {
        out.replace(at, kPlaceholder.size(), namespace_oid);
    }
    return out;
}

template <typename Handler>
void for_each_row(PGconn* connection, const std::string& query, std::size_t& query_count,
                  Handler handler) {
    ++query_count;
    const Result result = run(connection, query, ErrorKind::Introspection, "reading the catalog");
    for (int row = 0; row < result.rows(); ++row) handler(result, row);
}

}  // namespace

CatalogRows fetch_catalog(PGconn* connection, const std::optional<std::string>& schema,
                          std::size_t& query_count) {
    const std::string ns = namespace_expression(schema);
    CatalogRows out;
    for_each_row(connection, with_namespace(kTablesQuery, ns), query_count,
                 [&](const Result& r, int i) {
                     out.tables.push_back({r.integer(i, 0), r.string(i, 1), r.text(i, 2)});
                 });
    for_each_row(
        connection, with_namespace(kColumnsQuery, ns), query_count, [&](const Result& r, int i) {
            out.columns.push_back({r.integer(i, 0), r.integer(i, 1), r.string(i, 2), r.string(i, 3),
                                   r.flag(i, 4), r.text(i, 5), r.string(i, 6), r.string(i, 7),
                                   r.text(i, 8), r.text(i, 9), r.integer(i, 10), r.flag(i, 11),
                                   r.flag(i, 12)});
        });
    for_each_row(connection, with_namespace(kEnumValuesQuery, ns), query_count,
                 [&](const Result& r, int i) {
                     out.enum_values.push_back(
                         {r.integer(i, 0), r.string(i, 1), r.string(i, 2), r.flag(i, 3)});
                 });
    for_each_row(connection, with_namespace(kConstraintsQuery, ns), query_count,
                 [&](const Result& r, int i) {
                     out.constraints.push_back({r.integer(i, 0), r.integer(i, 1), r.string(i, 2),
                                                r.string(i, 3), r.string(i, 4), r.string(i, 5),
                                                r.string(i, 6), r.flag(i, 7), r.flag(i, 8),
                                                r.string(i, 9), r.string(i, 10)});
                 });
    for_each_row(
        connection, with_namespace(kConstraintColumnsQuery, ns), query_count,
        [&](const Result& r, int i) {
            out.constraint_columns.push_back({r.integer(i, 0), r.string(i, 1), r.text(i, 2)});
        });
    for_each_row(
        connection, with_namespace(kIndexesQuery, ns), query_count, [&](const Result& r, int i) {
            out.indexes.push_back({r.integer(i, 0), r.integer(i, 1), r.string(i, 2), r.flag(i, 3),
                                   r.string(i, 4), r.integer(i, 5), r.text(i, 6)});
        });
    for_each_row(connection, with_namespace(kIndexPartsQuery, ns), query_count,
                 [&](const Result& r, int i) {
                     out.index_parts.push_back({r.integer(i, 0), r.integer(i, 1), r.integer(i, 2),
                                                r.string(i, 3), r.text(i, 4), r.integer(i, 5),
                                                r.text(i, 6)});
                 });
    for_each_row(connection, with_namespace(kViewsQuery, ns), query_count,
                 [&](const Result& r, int i) {
                     out.views.push_back({r.string(i, 0), r.flag(i, 1), r.string(i, 2)});
                 });
    for_each_row(connection, with_namespace(kTriggersQuery, ns), query_count,
                 [&](const Result& r, int i) {
                     out.triggers.push_back({r.integer(i, 0), r.string(i, 1), r.string(i, 2)});
                 });
    return out;
}

}  // namespace schemadiff::postgresql::detail
