#include "sqlite_file.hpp"

#include <sqlite3.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace schemadiff::acceptance {

namespace {

std::string hex(const unsigned char* bytes, int size) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out = "X'";
    for (int i = 0; i < size; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 0xF];
    }
    return out + "'";
}

std::string format_double(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

// A number written canonically: integral values without a fraction.
std::optional<std::string> canonical_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {
        return std::to_string(static_cast<long long>(value));
    }
    return format_double(value);
}

std::string quote_text(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

std::optional<std::string> column_value(sqlite3_stmt* statement, int i, ValueForm form) {
    const int type = sqlite3_column_type(statement, i);
    if (type == SQLITE_NULL) return std::nullopt;
    if (type == SQLITE_BLOB) {
        const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(statement, i));
        return hex(bytes, sqlite3_column_bytes(statement, i));
    }
    if (form == ValueForm::Exact) {
        if (type == SQLITE_INTEGER) return std::to_string(sqlite3_column_int64(statement, i));
        if (type == SQLITE_FLOAT) {
            auto text = format_double(sqlite3_column_double(statement, i));
            if (text.find_first_of(".eEni") == std::string::npos) text += ".0";
            return text;
        }
    }
    const auto* chars = sqlite3_column_text(statement, i);
    std::string text(reinterpret_cast<const char*>(chars),
                     static_cast<std::size_t>(sqlite3_column_bytes(statement, i)));
    if (form == ValueForm::Loose) {
        if (auto number = canonical_number(text)) return number;
    }
    return quote_text(text);
}

}  // namespace

SqliteFile::SqliteFile(const std::filesystem::path& path) : path_(path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
        const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw std::runtime_error("cannot open " + path.string() + ": " + message);
    }
    execute_script("PRAGMA foreign_keys = ON");
}

SqliteFile::~SqliteFile() { sqlite3_close(db_); }

void SqliteFile::execute_script(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error != nullptr ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw std::runtime_error(message);
    }
}

std::vector<Row> SqliteFile::query(const std::string& sql) { return query(sql, {}); }

std::vector<Row> SqliteFile::query(const std::string& sql, const std::vector<ValueForm>& forms) {
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &statement, &tail) !=
        SQLITE_OK) {
        throw std::runtime_error(sqlite3_errmsg(db_));
    }
    for (const char* p = tail; p != nullptr && *p != '\0'; ++p) {
        if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r' && *p != ';') {
            sqlite3_finalize(statement);
            throw std::runtime_error("more than one statement given to query(): " + sql);
        }
    }
    std::vector<Row> rows;
    for (;;) {
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) {
            std::string message = sqlite3_errmsg(db_);
            sqlite3_finalize(statement);
            throw std::runtime_error(message);
        }
        Row row;
        const int count = sqlite3_column_count(statement);
        for (int i = 0; i < count; ++i) {
            const auto index = static_cast<std::size_t>(i);
            row.push_back(
                column_value(statement, i, index < forms.size() ? forms[index] : ValueForm::Exact));
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    return rows;
}

}  // namespace schemadiff::acceptance
