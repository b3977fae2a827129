// PostgresqlConnection: a SOCI session on one PostgreSQL database; statements run through libpq
// on the session's PGconn (postgresql_result.hpp), every failure translated where it happens.
#include "schemadiff/postgresql/postgresql_connection.hpp"

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdlib>

#include "postgresql_catalog.hpp"
#include "postgresql_definitions.hpp"
#include "postgresql_result.hpp"
#include "postgresql_url.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace schemadiff::postgresql {

namespace {

constexpr const char* kLockNotAvailable = "55P03";
constexpr const char* kDefaultConnectTimeout = "10";

// SOCI's message for a failed connect, without its own preamble and with the password masked.
std::string connect_message(const soci::soci_error& error, const DatabaseUrl& url) {
    std::string message = error.get_error_message();
    const std::string preamble = "Cannot establish connection to the database.";
    if (message.rfind(preamble, 0) == 0) message.erase(0, preamble.size());
    std::string out;
    for (const char c : message) {
        if (c == '\n' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
    while (!out.empty() && out.front() == ' ') out.erase(0, 1);
    if (url.password && !url.password->empty()) {
        for (std::size_t at = out.find(*url.password); at != std::string::npos;
             at = out.find(*url.password, at + 3)) {
            out.replace(at, url.password->size(), "***");
        }
    }
    return out.empty() ? "connection failed" : out;
}

std::string with_connect_timeout(const DatabaseUrl& url) {
    // libpq waits forever by default; a CI job should fail rather than hang.
    if (url.query.count("connect_timeout") != 0 || std::getenv("PGCONNECT_TIMEOUT") != nullptr) {
        return detail::conninfo(url);
    }
    DatabaseUrl bounded = url;
    bounded.query["connect_timeout"] = kDefaultConnectTimeout;
    return detail::conninfo(bounded);
}

class PostgresqlConnection final : public Connection {
public:
    PostgresqlConnection(const DatabaseUrl& url, OpenMode mode)
        : schema_(detail::schema_parameter(url)), conninfo_(with_connect_timeout(url)) {
        try {
            session_.open(*soci::factory_postgresql(), conninfo_);
        } catch (const soci::soci_error& error) {
            const std::string message = connect_message(error, url);
            const bool is_missing = message.find("does not exist") != std::string::npos &&
                                    message.find("database \"") != std::string::npos;
            std::string context;
            if (is_missing && mode == OpenMode::Create) {
                context =
                    "schemadiff does not create PostgreSQL databases: create it first "
                    "(createdb or CREATE DATABASE)";
            } else if (is_missing && mode == OpenMode::ReadOnly) {
                context = "opened read-only, so nothing is created";
            }
            throw Error(ErrorKind::Connection,
                        fmt::format("cannot connect to PostgreSQL: {}", message), context);
        }
        // SOCI's backend type information is not exported: a static_cast, as for SQLite.
        connection_ = static_cast<soci::postgresql_session_backend*>(session_.get_backend())->conn_;
        PQsetNoticeProcessor(connection_, detail::ignore_notice, nullptr);
        if (mode == OpenMode::ReadOnly) {
            run("SET default_transaction_read_only = on", ErrorKind::Connection);
        }
        if (schema_) use_schema(*schema_);
    }

    [[nodiscard]] const Dialect& dialect() const override { return postgresql_dialect(); }

    void execute(const std::string& sql) override { run(sql, ErrorKind::Execution); }
    void begin() override { run("BEGIN", ErrorKind::Execution); }
    void commit() override { run("COMMIT", ErrorKind::Execution); }
    void rollback() override { run("ROLLBACK", ErrorKind::Execution); }

    [[nodiscard]] std::vector<Row> query(const std::string& sql) override {
        const detail::Result result = run(sql, ErrorKind::Execution);
        std::vector<Row> rows(static_cast<std::size_t>(result.rows()));
        for (int i = 0; i < result.rows(); ++i) {
            Row& row = rows[static_cast<std::size_t>(i)];
            row.reserve(static_cast<std::size_t>(result.columns()));
            for (int j = 0; j < result.columns(); ++j) row.push_back(result.text(i, j));
        }
        return rows;
    }

    // The table an unqualified name resolves to (search_path), as the version store uses it.
    [[nodiscard]] bool has_table(std::string_view name) override {
        const std::string literal = dialect().quote_string(name);
        return !query(
                    "SELECT 1 FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass("
                    "pg_catalog.quote_ident(" +
                    literal + ")) AND relkind IN ('r', 'p')")
                    .empty();
    }

    [[nodiscard]] bool supports_transactional_ddl() const override { return true; }

    void set_migration_lock_name(std::string_view name) override {
        lock_key_ = migration_lock_key(name);
    }

    void acquire_migration_lock(std::chrono::milliseconds timeout) override {
        const std::string previous = single_value("SHOW lock_timeout");
        run(fmt::format("SET lock_timeout = {}", std::max<long long>(timeout.count(), 1)),
            ErrorKind::Execution);
        try {
            run(fmt::format("SELECT pg_catalog.pg_advisory_lock({})", lock_key_),
                ErrorKind::Execution);
        } catch (const Error& error) {
            // Inside a transaction the failure aborted it, and its ROLLBACK undoes the SET.
            if (PQtransactionStatus(connection_) == PQTRANS_IDLE) restore_lock_timeout(previous);
            if (error.sqlstate() != kLockNotAvailable) throw;
            const auto ms = timeout.count();
            const std::string waited =
                ms % 1000 == 0 ? fmt::format("{} s", ms / 1000) : fmt::format("{} ms", ms);
            throw Error(ErrorKind::Execution,
                        "database is locked by another schemadiff run (waited " + waited + ")",
                        fmt::format("advisory lock {}", lock_key_), error.sqlstate());
        }
        restore_lock_timeout(previous);
    }

    void release_migration_lock() override {
        run(fmt::format("SELECT pg_catalog.pg_advisory_unlock({})", lock_key_),
            ErrorKind::Execution);
    }

    [[nodiscard]] Schema read_schema(const ReadOptions& options) override {
        // One snapshot for every query, unless the caller's transaction already gives one.
        const bool own_transaction = PQtransactionStatus(connection_) == PQTRANS_IDLE;
        std::optional<detail::PeerSnapshot> peer;
        if (own_transaction) peer = begin_catalog_transaction();
        try {
            const detail::CatalogRows rows =
                detail::fetch_catalog(connection_, schema_, query_count_, peer ? &*peer : nullptr);
            if (own_transaction) run("COMMIT", ErrorKind::Introspection);
            return detail::build_schema(rows, options, dialect());
        } catch (...) {
            if (own_transaction && PQtransactionStatus(connection_) != PQTRANS_IDLE) {
                detail::Result ignored(PQexec(connection_, "ROLLBACK"));
            }
            throw;
        }
    }

    [[nodiscard]] std::size_t catalog_query_count() const override { return query_count_; }

    void canonicalize_definitions(Schema& model) override {
        detail::canonicalize_definitions(connection_, model, dialect());
    }

private:
    // One snapshot for every catalog query. When the schema is large enough for a peer
    // connection to pay off, the snapshot is exported for it.
    std::optional<detail::PeerSnapshot> begin_catalog_transaction() {
        std::string begin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
        // JIT compilation (PostgreSQL 11+, on by default) costs more than it saves on the
        // catalog queries, whose row estimates pass its threshold. SET LOCAL ends with the
        // transaction.
        if (PQserverVersion(connection_) >= 110000) begin += "; SET LOCAL jit = off";
        try {
            const detail::Result sizing =
                run(fmt::format("{}; SELECT pg_catalog.pg_export_snapshot(), (SELECT count(*) FROM "
                                "pg_catalog.pg_class c WHERE c.relnamespace = {} AND c.relkind IN "
                                "('r', 'p'))",
                                begin, detail::namespace_expression(schema_)),
                    ErrorKind::Introspection);
            if (sizing.rows() == 1 && sizing.integer(0, 1) >= detail::kPeerMinimumTables) {
                return detail::PeerSnapshot{conninfo_, sizing.string(0, 0)};
            }
            return std::nullopt;
        } catch (const Error&) {
            // A server that cannot export the snapshot (a standby, a pooler): one connection.
            if (PQtransactionStatus(connection_) != PQTRANS_IDLE) {
                detail::Result ignored(PQexec(connection_, "ROLLBACK"));
            }
        }
        run(begin, ErrorKind::Introspection);
        return std::nullopt;
    }

    detail::Result run(const std::string& sql, ErrorKind kind) {
        return detail::run(connection_, sql, kind, {});
    }

    // Unqualified names resolve in `schema`, and only there.
    void use_schema(const std::string& schema) {
        const std::string literal = dialect().quote_string(schema);
        const auto exists = run("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = " + literal,
                                ErrorKind::Connection);
        if (exists.rows() == 0) {
            throw Error(ErrorKind::Connection,
                        fmt::format("schema \"{}\" does not exist in this database", schema),
                        "the schema parameter of the URL");
        }
        run("SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident(" + literal +
                "), false)",
            ErrorKind::Connection);
    }

    std::string single_value(const std::string& sql) {
        const detail::Result result = run(sql, ErrorKind::Execution);
        return result.rows() > 0 && result.columns() > 0 ? result.string(0, 0) : std::string();
    }

    void restore_lock_timeout(const std::string& previous) {
        run("SET lock_timeout = " + dialect().quote_string(previous), ErrorKind::Execution);
    }

    std::optional<std::string> schema_;
    std::string conninfo_;  // holds the password: never print it
    soci::session session_;
    PGconn* connection_ = nullptr;
    std::size_t query_count_ = 0;
    std::int64_t lock_key_ = migration_lock_key("schemadiff_version");
};

}  // namespace

std::int64_t migration_lock_key(std::string_view version_table) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a, 64 bits
    const auto mix = [&hash](std::string_view part) {
        for (const char c : part) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ULL;
        }
    };
    mix("schemadiff:");
    mix(version_table);
    return static_cast<std::int64_t>(hash);
}

std::unique_ptr<Connection> open_postgresql(const DatabaseUrl& url, OpenMode mode) {
    return std::make_unique<PostgresqlConnection>(url, mode);
}

}  // namespace schemadiff::postgresql
