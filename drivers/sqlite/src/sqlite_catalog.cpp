// fetch_catalog: the catalog queries through SOCI. SOCI's SQLite backend reports the columns of
// pragma functions as strings, so values are read through two helpers that accept whatever type
// SOCI chose: one for text, one for integers (always long long).
#include "sqlite_catalog.hpp"

#include <fmt/format.h>
#include <soci/soci.h>

#include <charconv>

#include "schemadiff/core/error.hpp"
#include "sqlite_catalog_queries.hpp"

namespace schemadiff::sqlite::detail {

namespace {

std::optional<std::string> text_at(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return std::nullopt;
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_string:
            return row.get<std::string>(i);
        case soci::dt_integer:
            return std::to_string(row.get<int>(i));
        case soci::dt_long_long:
            return std::to_string(row.get<long long>(i));
        case soci::dt_unsigned_long_long:
            return std::to_string(row.get<unsigned long long>(i));
        case soci::dt_double:
            return fmt::format("{}", row.get<double>(i));
        default:
            throw Error(ErrorKind::Introspection,
                        fmt::format("unexpected value type in catalog column '{}'",
                                    row.get_properties(i).get_name()));
    }
}

std::string string_at(const soci::row& row, std::size_t i) {
    return text_at(row, i).value_or(std::string());
}

long long integer_at(const soci::row& row, std::size_t i) {
    if (row.get_indicator(i) == soci::i_null) return 0;
    switch (row.get_properties(i).get_data_type()) {
        case soci::dt_integer:
            return row.get<int>(i);
        case soci::dt_long_long:
            return row.get<long long>(i);
        default:
            break;
    }
    const std::string text = string_at(row, i);
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        throw Error(ErrorKind::Introspection,
                    fmt::format("catalog column '{}' holds '{}' where an integer was expected",
                                row.get_properties(i).get_name(), text));
    }
    return value;
}

bool flag_at(const soci::row& row, std::size_t i) { return integer_at(row, i) != 0; }

template <typename Handler>
void for_each_row(soci::session& session, const char* query, std::size_t& query_count,
                  Handler handler) {
    ++query_count;
    const soci::rowset<soci::row> rows = session.prepare << query;
    for (const soci::row& row : rows) handler(row);
}

}  // namespace

CatalogRows fetch_catalog(soci::session& session, std::size_t& query_count) {
    CatalogRows out;
    for_each_row(session, kObjectsQuery, query_count, [&](const soci::row& row) {
        out.objects.push_back(CatalogRows::Object{string_at(row, 0), string_at(row, 1),
                                                  string_at(row, 2), text_at(row, 3)});
    });
    for_each_row(session, kTablesQuery, query_count, [&](const soci::row& row) {
        out.tables.push_back(
            CatalogRows::TableRow{string_at(row, 0), flag_at(row, 1), flag_at(row, 2)});
    });
    for_each_row(session, kColumnsQuery, query_count, [&](const soci::row& row) {
        out.columns.push_back(CatalogRows::ColumnRow{
            string_at(row, 0), integer_at(row, 1), string_at(row, 2), string_at(row, 3),
            flag_at(row, 4), text_at(row, 5), integer_at(row, 6), integer_at(row, 7)});
    });
    for_each_row(session, kIndexColumnsQuery, query_count, [&](const soci::row& row) {
        out.index_columns.push_back(
            CatalogRows::IndexColumnRow{string_at(row, 0), string_at(row, 1), flag_at(row, 2),
                                        string_at(row, 3), flag_at(row, 4), integer_at(row, 5),
                                        integer_at(row, 6), text_at(row, 7), flag_at(row, 8)});
    });
    for_each_row(session, kForeignKeysQuery, query_count, [&](const soci::row& row) {
        out.foreign_keys.push_back(CatalogRows::ForeignKeyRow{
            string_at(row, 0), integer_at(row, 1), integer_at(row, 2), string_at(row, 3),
            string_at(row, 4), text_at(row, 5), string_at(row, 6), string_at(row, 7)});
    });
    return out;
}

}  // namespace schemadiff::sqlite::detail
