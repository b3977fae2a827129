// Connection — a live database, as the rest of schemadiff sees it: read its catalog into a
// Schema, run SQL, manage transactions and the migration lock.
//
// Implemented per database in drivers/<db> (the only place SOCI lives); opened from a URL through
// the driver registry (drivers/registry.hpp). A Connection is used by one thread at a time.
// Failures throw Error: Connection for opening, Introspection for catalog reads, Execution for
// statements (with the SQLSTATE when the database gives one).
//
// The migration members (query, has_table, the lock, foreign-key suspension) have portable
// defaults so a driver overrides only where its database differs; the runner (migrate/runner.hpp)
// is their one user.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff {

struct ReadOptions {
    // Tables never reported: the tool's own version table and `<version_table>_*`.
    std::string version_table = "schemadiff_version";
    // Tables to leave out, by exact name (filtering by pattern is the caller's job).
    std::vector<std::string> excluded_tables;
};

// Reads a catalog into a Schema with a constant number of queries, whatever the table count.
class Introspector {
public:
    virtual ~Introspector() = default;
    [[nodiscard]] virtual Schema read_schema(const ReadOptions& options) = 0;
    // Catalog queries issued by read_schema calls so far (for benchmarks and the scale tests).
    [[nodiscard]] virtual std::size_t catalog_query_count() const = 0;
};

class Connection : public Introspector {
public:
    [[nodiscard]] virtual const Dialect& dialect() const = 0;
    // Runs one statement (no result rows expected).
    virtual void execute(const std::string& sql) = 0;
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;

    // --- Reading rows -------------------------------------------------------------------------
    // One result row: a cell per column, every value as text, SQL NULL as std::nullopt.
    using Row = std::vector<std::optional<std::string>>;
    // Runs one statement and returns all its rows.
    [[nodiscard]] virtual std::vector<Row> query(const std::string& sql) {
        throw Error(ErrorKind::UnsupportedOperation, "this driver cannot read rows of a query yet",
                    sql);
    }
    // Whether a table of this exact name exists where unqualified names resolve. Never creates
    // anything, so read-only commands can ask.
    [[nodiscard]] virtual bool has_table(std::string_view name) {
        return !query("SELECT 1 FROM information_schema.tables WHERE table_name = " +
                      dialect().quote_string(name))
                    .empty();
    }

    // --- Comparing models with this database -------------------------------------------------
    // Rewrites the statements of `model`'s views and triggers into the form read_schema reads
    // this database's back in, wherever the database can tell, so that a model compared with
    // it shows only real changes. PostgreSQL never prints a view as it was written but as its
    // deparsed query: there the server deparses the model's statements in a transaction that
    // is always rolled back. A statement the database cannot take as it stands (one naming a
    // column the database does not have yet) keeps its text, and so does everything on a
    // database that keeps statements as written (SQLite: the default does nothing).
    // Leaves no trace, works on read-only connections, costs a constant number of round
    // trips. REQUIRES: no transaction open on this connection.
    virtual void canonicalize_definitions(Schema& model) { static_cast<void>(model); }

    // --- Transactions and the migration lock --------------------------------------------------
    // Whether CREATE/ALTER/DROP take part in transactions (SQLite, PostgreSQL), so a script and
    // its version-table update commit or roll back together. MySQL commits DDL implicitly.
    [[nodiscard]] virtual bool supports_transactional_ddl() const { return false; }
    // Starts a transaction that holds the database's write lock from its first statement
    // (SQLite: BEGIN IMMEDIATE), so what is read inside it cannot change until commit. When
    // another process holds the lock past the lock timeout: Error(Execution) "database is
    // locked by another schemadiff run (waited 5 s)".
    virtual void begin_write() { begin(); }
    // A session lock that serialises migration runs on one database across processes, held
    // from acquire to release and waited for at most `timeout` (same error as begin_write).
    // PostgreSQL: pg_advisory_lock under lock_timeout; MySQL: GET_LOCK. SQLite has no session
    // lock: there each script's begin_write is the lock, and acquiring only sets how long
    // begin_write waits for it (the busy timeout).
    // Names the lock acquire_migration_lock takes, so runs that keep their versions in different
    // tables (two projects sharing one database) do not exclude each other; the runner passes
    // its version table before acquiring. Default "schemadiff_version". Databases whose lock is
    // the database itself (SQLite) ignore it.
    virtual void set_migration_lock_name(std::string_view name) { static_cast<void>(name); }
    virtual void acquire_migration_lock(std::chrono::milliseconds timeout) {
        static_cast<void>(timeout);
    }
    virtual void release_migration_lock() {}

    // --- Foreign keys around a script that rebuilds tables ------------------------------------
    // Turns foreign-key enforcement off for the session, outside any transaction (SQLite's
    // PRAGMA foreign_keys is a no-op inside one), and returns whether it was on. Databases
    // without such a session switch do nothing and return false.
    virtual bool suspend_foreign_keys() { return false; }
    // Puts enforcement back as suspend_foreign_keys found it, with any other session setting
    // a rebuild changes and no rollback undoes (SQLite: legacy_alter_table); outside any
    // transaction.
    virtual void restore_foreign_keys(bool was_enabled) { static_cast<void>(was_enabled); }
    // Rows that break a foreign key, one line each, for the error that rolls a script back;
    // empty when every foreign key holds (or the database checks on every statement).
    [[nodiscard]] virtual std::vector<std::string> foreign_key_violations() { return {}; }
};

}  // namespace schemadiff
