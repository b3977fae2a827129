// PgDatabase — a raw libpq connection for the PostgreSQL acceptance runner: build databases from
// a case's DDL, apply emitted statements exactly as given, and read rows back. Like SqliteFile it
// bypasses the driver under test, so what the runner checks does not depend on it.
//
// PgScratch — the throwaway databases of one case on the test server (CREATE DATABASE, optionally
// from another as TEMPLATE — a copy, the way the SQLite runner copies files), dropped WITH (FORCE)
// when it goes out of scope unless asked to keep them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schemadiff/core/database_url.hpp"

struct pg_conn;

namespace schemadiff::acceptance {

using PgRow = std::vector<std::optional<std::string>>;

class PgDatabase {
public:
    // Connects to `url` (a postgresql:// URL; its `schema` parameter, schemadiff's own, sets the
    // search_path). Throws std::runtime_error with the server's message.
    explicit PgDatabase(const DatabaseUrl& url);
    ~PgDatabase();
    PgDatabase(const PgDatabase&) = delete;
    PgDatabase& operator=(const PgDatabase&) = delete;

    // Runs a script of any number of statements in one simple-query call (as `psql -c` would:
    // one implicit transaction unless the script has its own BEGIN/COMMIT).
    void execute_script(const std::string& sql);
    // Runs exactly one statement (the extended protocol refuses two) and returns its rows as
    // PostgreSQL prints them (the session is in UTC), NULL as nullopt.
    [[nodiscard]] std::vector<PgRow> query(const std::string& sql);

private:
    pg_conn* connection_ = nullptr;
};

class PgScratch {
public:
    // Names every database `<prefix>_<suffix>` (prefix + suffix stay under 63 bytes).
    PgScratch(DatabaseUrl server, std::string prefix);
    ~PgScratch();
    PgScratch(const PgScratch&) = delete;
    PgScratch& operator=(const PgScratch&) = delete;

    // Creates `<prefix>_<suffix>` (a copy of `template_suffix`'s database when given; nobody may
    // be connected to that one) and returns its URL.
    DatabaseUrl create(const std::string& suffix,
                       const std::optional<std::string>& template_suffix = std::nullopt);
    // Leaves the databases on the server (to inspect a failure); names them.
    [[nodiscard]] std::string keep();

private:
    DatabaseUrl server_;
    std::string prefix_;
    std::vector<std::string> created_;
    bool is_kept_ = false;
};

// A PostgreSQL string literal / quoted identifier, for the runner's own SQL.
[[nodiscard]] std::string pg_quote_identifier(const std::string& name);
[[nodiscard]] std::string pg_quote_literal(const std::string& value);

}  // namespace schemadiff::acceptance
