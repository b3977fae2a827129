#include "sqlite_file.hpp"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>

namespace schemadiff::cli::testing {

namespace {

struct CloseDatabase {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using DatabaseHandle = std::unique_ptr<sqlite3, CloseDatabase>;

DatabaseHandle open(const std::filesystem::path& file) {
    sqlite3* raw = nullptr;
    const int rc =
        sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    DatabaseHandle db(raw);
    if (rc != SQLITE_OK) throw std::runtime_error("cannot open " + file.string());
    return db;
}

}  // namespace

void execute_sql(const std::filesystem::path& file, const std::string& sql) {
    const DatabaseHandle db = open(file);
    char* message = nullptr;
    if (sqlite3_exec(db.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        const std::string text = message != nullptr ? message : "unknown error";
        sqlite3_free(message);
        throw std::runtime_error("SQL failed on " + file.string() + ": " + text + "\n" + sql);
    }
}

std::string query_text(const std::filesystem::path& file, const std::string& sql) {
    const DatabaseHandle db = open(file);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        throw std::runtime_error(std::string("cannot prepare: ") + sqlite3_errmsg(db.get()));
    }
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(statement, 0);
        if (text != nullptr) value = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(statement);
    return value;
}

}  // namespace schemadiff::cli::testing
