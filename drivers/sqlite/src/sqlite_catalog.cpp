// fetch_catalog: the catalog queries, stepped with SQLite's C API on the handle the SOCI session
// holds. Catalog reads are the hot path of every command on a large database, and SOCI's
// dynamically typed rows (a holder, a type check and a copy per cell) cost a fifth of a read;
// here each cell is read once, straight into its field. Text cells go through one helper and
// integers through another (always long long, whatever type SQLite stored).
#include "sqlite_catalog.hpp"

#include <fmt/format.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <charconv>
#include <memory>

#include "schemadiff/core/error.hpp"
#include "sqlite_catalog_queries.hpp"

namespace schemadiff::sqlite::detail {

namespace {

using sqlite_api::sqlite3;
using sqlite_api::sqlite3_stmt;

struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite_api::sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

[[noreturn]] void fail(sqlite3* handle) {
    const char* file = sqlite_api::sqlite3_db_filename(handle, "main");
    throw Error(ErrorKind::Introspection,
                fmt::format("cannot read the catalog: {}", sqlite_api::sqlite3_errmsg(handle)),
                file == nullptr || *file == '\0' ? std::string("in-memory database")
                                                 : fmt::format("database {}", file));
}

// One row of a running catalog query; the column index is checked by the queries' shape.
class Cells {
public:
    explicit Cells(sqlite3_stmt* statement) : statement_(statement) {}

    [[nodiscard]] bool is_null(int i) const {
        return sqlite_api::sqlite3_column_type(statement_, i) == SQLITE_NULL;
    }

    [[nodiscard]] std::optional<std::string> text(int i) const {
        if (is_null(i)) return std::nullopt;
        // sqlite3_column_text before sqlite3_column_bytes: the size is of the text form.
        const unsigned char* data = sqlite_api::sqlite3_column_text(statement_, i);
        const int size = sqlite_api::sqlite3_column_bytes(statement_, i);
        if (data == nullptr) return std::string();
        return std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
    }

    [[nodiscard]] std::string string(int i) const { return text(i).value_or(std::string()); }

    [[nodiscard]] long long integer(int i) const {
        switch (sqlite_api::sqlite3_column_type(statement_, i)) {
            case SQLITE_NULL:
                return 0;
            case SQLITE_INTEGER:
                return sqlite_api::sqlite3_column_int64(statement_, i);
            default:
                break;
        }
        const std::string value = string(i);
        long long out = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
        if (ec != std::errc{} || end != value.data() + value.size()) {
            throw Error(ErrorKind::Introspection,
                        fmt::format("catalog column '{}' holds '{}' where an integer was expected",
                                    sqlite_api::sqlite3_column_name(statement_, i), value));
        }
        return out;
    }

    [[nodiscard]] bool flag(int i) const { return integer(i) != 0; }

private:
    sqlite3_stmt* statement_;
};

template <typename Handler>
void for_each_row(sqlite3* handle, const char* query, std::size_t& query_count, Handler handler) {
    ++query_count;
    sqlite3_stmt* raw = nullptr;
    if (sqlite_api::sqlite3_prepare_v2(handle, query, -1, &raw, nullptr) != SQLITE_OK) {
        sqlite_api::sqlite3_finalize(raw);
        fail(handle);
    }
    const Statement statement(raw);
    const Cells cells(raw);
    for (;;) {
        const int rc = sqlite_api::sqlite3_step(raw);
        if (rc == SQLITE_DONE) return;
        if (rc != SQLITE_ROW) fail(handle);
        handler(cells);
    }
}

}  // namespace

CatalogRows fetch_catalog(soci::session& session, std::size_t& query_count) {
    // The session is always opened with SOCI's sqlite3 backend (sqlite_connection.cpp), whose
    // type information SOCI does not export: a static_cast, as the connection does.
    auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
    if (backend == nullptr || backend->conn_ == nullptr) {
        throw Error(ErrorKind::Introspection, "cannot read the catalog: no open SQLite session");
    }
    sqlite3* handle = backend->conn_;
    CatalogRows out;
    for_each_row(handle, kObjectsQuery, query_count, [&](const Cells& row) {
        out.objects.push_back(
            CatalogRows::Object{row.string(0), row.string(1), row.string(2), row.text(3)});
    });
    for_each_row(handle, kTablesQuery, query_count, [&](const Cells& row) {
        out.tables.push_back(CatalogRows::TableRow{row.string(0), row.flag(1), row.flag(2)});
    });
    for_each_row(handle, kColumnsQuery, query_count, [&](const Cells& row) {
        out.columns.push_back(CatalogRows::ColumnRow{row.string(0), row.integer(1), row.string(2),
                                                     row.string(3), row.flag(4), row.text(5),
                                                     row.integer(6), row.integer(7)});
    });
    for_each_row(handle, kIndexColumnsQuery, query_count, [&](const Cells& row) {
        out.index_columns.push_back(CatalogRows::IndexColumnRow{
            row.string(0), row.string(1), row.flag(2), row.string(3), row.flag(4), row.integer(5),
            row.integer(6), row.text(7), row.flag(8)});
    });
    for_each_row(handle, kForeignKeysQuery, query_count, [&](const Cells& row) {
        out.foreign_keys.push_back(
            CatalogRows::ForeignKeyRow{row.string(0), row.integer(1), row.integer(2), row.string(3),
                                       row.string(4), row.text(5), row.string(6), row.string(7)});
    });
    return out;
}

}  // namespace schemadiff::sqlite::detail
