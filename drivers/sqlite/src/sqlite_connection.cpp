// SqliteConnection: a SOCI session on one SQLite database, with every SOCI and SQLite failure
// translated into schemadiff::Error where it happens.
#include "schemadiff/sqlite/sqlite_connection.hpp"

#include <fmt/format.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "schemadiff/core/error.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "sqlite_catalog.hpp"

namespace schemadiff::sqlite {

namespace {

constexpr int kBusyTimeoutSeconds = 5;
constexpr std::size_t kShownStatement = 200;

bool is_memory(const std::string& path) { return path.empty() || path == ":memory:"; }

std::string describe(const std::string& path) {
    return is_memory(path) ? "in-memory database" : "database " + path;
}

// SQLite's own message for a SOCI error, without SOCI's "while preparing ..." decoration.
std::string sqlite_message(const soci::soci_error& error) {
    std::string message = error.get_error_message();
    const std::string prefix = "sqlite3_statement_backend::prepare: ";
    if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    const std::size_t decoration = message.find(" while preparing");
    if (decoration != std::string::npos) message.erase(decoration);
    return message;
}

std::string shown_statement(std::string_view sql) {
    std::string shown(sql.substr(0, kShownStatement));
    for (char& c : shown) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    if (sql.size() > kShownStatement) shown += "...";
    return shown;
}

// A file that exists must start with SQLite's 16-byte header (an empty file is an empty
// database). Checked before SQLite sees the file, so the error names the real problem.
void check_database_file(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::is_directory(status)) {
        throw Error(ErrorKind::Connection, "not a SQLite database file: " + path,
                    "the path is a directory");
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size == 0) return;
    std::ifstream file(path, std::ios::binary);
    std::array<char, 16> header{};
    file.read(header.data(), header.size());
    constexpr std::string_view kMagic{"SQLite format 3\0", 16};
    if (!file || std::string_view(header.data(), header.size()) != kMagic) {
        throw Error(ErrorKind::Connection, "not a SQLite database file: " + path,
                    "the file does not start with the SQLite header");
    }
}

std::string connect_string(const std::string& path, OpenMode mode) {
    if (path.find('"') != std::string::npos) {
        throw Error(ErrorKind::Connection,
                    "cannot open a SQLite database whose path contains a double quote", path);
    }
    std::string out = fmt::format("db=\"{}\" timeout={}", is_memory(path) ? ":memory:" : path,
                                  kBusyTimeoutSeconds);
    if (mode == OpenMode::ReadOnly) out += " readonly=1";
    return out;
}

class SqliteConnection final : public Connection {
public:
    SqliteConnection(const std::string& path, OpenMode mode) : path_(path), mode_(mode) {
        try {
            session_.open(*soci::factory_sqlite3(), connect_string(path, mode));
            handle_ = static_cast<soci::sqlite3_session_backend*>(session_.get_backend())->conn_;
            // Fails on files SQLite cannot read (encrypted, corrupt) with a clear message.
            run("SELECT count(*) FROM sqlite_schema", ErrorKind::Connection);
            if (mode != OpenMode::ReadOnly) run("PRAGMA foreign_keys = ON", ErrorKind::Connection);
        } catch (const soci::soci_error& error) {
            throw Error(ErrorKind::Connection, fmt::format("cannot open SQLite {}: {}",
                                                           describe(path_), sqlite_message(error)));
        }
    }

    [[nodiscard]] const Dialect& dialect() const override { return dialect_; }

    void execute(const std::string& sql) override { run(sql, ErrorKind::Execution); }

    // BEGIN IMMEDIATE takes the write lock at once: two deploys cannot interleave.
    void begin() override {
        run(mode_ == OpenMode::ReadOnly ? "BEGIN" : "BEGIN IMMEDIATE", ErrorKind::Execution);
    }
    void commit() override { run("COMMIT", ErrorKind::Execution); }
    void rollback() override { run("ROLLBACK", ErrorKind::Execution); }

    [[nodiscard]] std::vector<Row> query(const std::string& sql) override {
        sqlite_api::sqlite3_stmt* statement = nullptr;
        int rc = sqlite_api::sqlite3_prepare_v2(handle_, sql.c_str(), -1, &statement, nullptr);
        std::vector<Row> rows;
        if (rc == SQLITE_OK && statement == nullptr) return rows;  // only comments
        while (rc == SQLITE_OK || rc == SQLITE_ROW) {
            rc = sqlite_api::sqlite3_step(statement);
            if (rc != SQLITE_ROW) break;
            Row& row = rows.emplace_back();
            for (int i = 0; i < sqlite_api::sqlite3_column_count(statement); ++i) {
                const unsigned char* text = sqlite_api::sqlite3_column_text(statement, i);
                if (text == nullptr) {
                    row.emplace_back();
                    continue;
                }
                const int size = sqlite_api::sqlite3_column_bytes(statement, i);
                row.emplace_back(std::string(reinterpret_cast<const char*>(text),
                                             static_cast<std::size_t>(size)));
            }
        }
        const std::string message = sqlite_api::sqlite3_errmsg(handle_);
        sqlite_api::sqlite3_finalize(statement);
        if (rc != SQLITE_DONE) fail(rc, message, sql, ErrorKind::Execution);
        return rows;
    }

    [[nodiscard]] bool has_table(std::string_view name) override {
        // SQLite matches table names without regard to ASCII case, as NOCASE does.
        return !query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = " +
                      dialect_.quote_string(name) + " COLLATE NOCASE")
                    .empty();
    }

    [[nodiscard]] bool supports_transactional_ddl() const override { return true; }
    void begin_write() override { run("BEGIN IMMEDIATE", ErrorKind::Execution); }
    // No session lock in SQLite: BEGIN IMMEDIATE is the lock; this bounds how long it waits.
    void acquire_migration_lock(std::chrono::milliseconds timeout) override {
        lock_timeout_ = timeout;
        sqlite_api::sqlite3_busy_timeout(handle_, static_cast<int>(timeout.count()));
    }

    // A rebuild also switches legacy_alter_table, which no ROLLBACK undoes: it is noted here and
    // put back on restore, so a failed rebuild leaves the session as it found it.
    bool suspend_foreign_keys() override {
        legacy_alter_table_ = is_pragma_on("legacy_alter_table");
        const bool was_enabled = is_pragma_on("foreign_keys");
        if (was_enabled) run("PRAGMA foreign_keys = OFF", ErrorKind::Execution);
        return was_enabled;
    }
    void restore_foreign_keys(bool was_enabled) override {
        run(legacy_alter_table_ ? "PRAGMA legacy_alter_table = ON"
                                : "PRAGMA legacy_alter_table = OFF",
            ErrorKind::Execution);
        if (was_enabled) run("PRAGMA foreign_keys = ON", ErrorKind::Execution);
    }
    [[nodiscard]] std::vector<std::string> foreign_key_violations() override {
        std::vector<std::string> out;
        for (const Row& row : query("PRAGMA foreign_key_check")) {
            const auto cell = [&row](std::size_t i) {
                return i < row.size() && row[i] ? *row[i] : std::string("NULL");
            };
            out.push_back(
                fmt::format("row {} of {} has no parent in {}", cell(1), cell(0), cell(2)));
        }
        return out;
    }

    [[nodiscard]] Schema read_schema(const ReadOptions& options) override {
        // One read transaction, so the queries see one consistent catalog.
        const bool own_transaction = sqlite_api::sqlite3_get_autocommit(handle_) != 0;
        if (own_transaction) run("BEGIN", ErrorKind::Introspection);
        try {
            detail::CatalogRows rows = detail::fetch_catalog(session_, query_count_);
            if (own_transaction) run("COMMIT", ErrorKind::Introspection);
            return detail::build_schema(rows, options);
        } catch (const soci::soci_error& error) {
            if (own_transaction) rollback_quietly();
            throw Error(ErrorKind::Introspection,
                        fmt::format("cannot read the catalog: {}", sqlite_message(error)),
                        describe(path_));
        } catch (...) {
            if (own_transaction) rollback_quietly();
            throw;
        }
    }

    [[nodiscard]] std::size_t catalog_query_count() const override { return query_count_; }

private:
    bool is_pragma_on(const std::string& pragma) {
        const std::vector<Row> rows = query("PRAGMA " + pragma);
        return !rows.empty() && !rows[0].empty() && rows[0][0] == "1";
    }

    // Runs one or more statements on the raw handle (SOCI's prepare would stop at the first).
    void run(const std::string& sql, ErrorKind kind) {
        char* message = nullptr;
        const int rc = sqlite_api::sqlite3_exec(handle_, sql.c_str(), nullptr, nullptr, &message);
        if (rc == SQLITE_OK) return;
        std::string text = message != nullptr ? message : sqlite_api::sqlite3_errstr(rc);
        sqlite_api::sqlite3_free(message);
        fail(rc, text, sql, kind);
    }

    [[noreturn]] void fail(int rc, const std::string& text, const std::string& sql,
                           ErrorKind kind) const {
        const std::string context =
            fmt::format("{}; statement: {}", describe(path_), shown_statement(sql));
        if ((rc & 0xff) == SQLITE_BUSY) {
            const auto ms = lock_timeout_.count();
            const std::string waited =
                ms % 1000 == 0 ? fmt::format("{} s", ms / 1000) : fmt::format("{} ms", ms);
            throw Error(ErrorKind::Execution,
                        "database is locked by another schemadiff run (waited " + waited + ")",
                        context);
        }
        throw Error(kind, text, context);
    }

    void rollback_quietly() noexcept {
        if (sqlite_api::sqlite3_get_autocommit(handle_) == 0) {
            sqlite_api::sqlite3_exec(handle_, "ROLLBACK", nullptr, nullptr, nullptr);
        }
    }

    std::string path_;
    OpenMode mode_;
    SqliteDialect dialect_;
    soci::session session_;
    sqlite_api::sqlite3* handle_ = nullptr;
    std::size_t query_count_ = 0;
    std::chrono::milliseconds lock_timeout_{kBusyTimeoutSeconds * 1000};
    bool legacy_alter_table_ = false;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path, OpenMode mode) {
    if (!is_memory(path)) {
        std::error_code ec;
        const bool exists = std::filesystem::exists(path, ec);
        if (!exists && mode != OpenMode::ReadWriteCreate) {
            throw Error(
                ErrorKind::Connection, "database file not found: " + path,
                mode == OpenMode::ReadOnly ? "opened read-only, so nothing is created" : "");
        }
        if (exists) check_database_file(path);
    }
    return std::make_unique<SqliteConnection>(path, mode);
}

}  // namespace schemadiff::sqlite
