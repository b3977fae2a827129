// A real SQLite database for the tests, through the sqlite3 C API: run statements, read rows
// as text, and apply an emitted script the way the migration runner does (statement by
// statement, failing on any foreign_key_check row).
#pragma once

#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "schemadiff/emit/sql.hpp"

namespace schemadiff::testing {

using Rows = std::vector<std::vector<std::string>>;

class SqliteDb {
public:
    SqliteDb() {
        if (sqlite3_open(":memory:", &db_) != SQLITE_OK) throw std::runtime_error("open failed");
    }
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;
    ~SqliteDb() { sqlite3_close(db_); }

    // Runs one or more statements; throws with SQLite's message on failure.
    void exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error != nullptr ? error : "unknown error";
            sqlite3_free(error);
            throw std::runtime_error(message + " in: " + sql);
        }
    }

    // Every row of one statement, NULL as "NULL".
    Rows query(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            throw std::runtime_error(std::string(sqlite3_errmsg(db_)) + " in: " + sql);
        }
        Rows rows;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                const unsigned char* value = sqlite3_column_text(statement, i);
                row.emplace_back(value != nullptr ? reinterpret_cast<const char*>(value) : "NULL");
            }
            rows.push_back(std::move(row));
        }
        const std::string message = sqlite3_errmsg(db_);
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE) throw std::runtime_error(message + " in: " + sql);
        return rows;
    }

    std::string scalar(const std::string& sql) {
        const Rows rows = query(sql);
        return rows.empty() || rows.front().empty() ? "" : rows.front().front();
    }

    // Applies a script as the runner does: before, BEGIN, body, COMMIT, after. A
    // foreign_key_check that reports rows rolls the transaction back and throws.
    void apply(const emit::SqlScript& script) {
        for (const auto& statement : script.before_transaction) exec(statement.sql);
        exec("BEGIN");
        try {
            for (const auto& statement : script.transactional) {
                if (statement.sql.starts_with("PRAGMA foreign_key_check")) {
                    if (!query(statement.sql).empty()) {
                        throw std::runtime_error("foreign key violations after the script");
                    }
                } else {
                    exec(statement.sql);
                }
            }
        } catch (...) {
            exec("ROLLBACK");
            throw;
        }
        exec("COMMIT");
        for (const auto& statement : script.after_transaction) exec(statement.sql);
    }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace schemadiff::testing
