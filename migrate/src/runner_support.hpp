// Small RAII pieces of the runner: the migration lock, a write transaction that rolls back
// unless committed, foreign keys switched off around a script; and the clock helpers.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/migrate/revision_graph.hpp"
#include "schemadiff/migrate/version_store.hpp"

namespace schemadiff::migrate::detail {

// The migration lock named after the version table (Connection::set_migration_lock_name).
class MigrationLock {
public:
    MigrationLock(Connection& connection, std::chrono::milliseconds timeout, std::string_view name);
    ~MigrationLock();
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

private:
    Connection* connection_;
};

// begin_write on construction; rolls back on destruction unless committed.
class WriteTransaction {
public:
    explicit WriteTransaction(Connection& connection);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    void commit();
    void rollback();

private:
    Connection* connection_;
    bool is_open_ = true;
};

// Foreign keys off for the session while alive (when `wanted`), restored afterwards.
// REQUIRES: constructed and restored outside any transaction.
class ForeignKeysOff {
public:
    ForeignKeysOff(Connection& connection, bool wanted);
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

    void restore();

private:
    Connection* connection_;
    bool is_suspended_ = false;
    bool was_enabled_ = false;
};

[[nodiscard]] std::vector<std::string> heads_after(const RevisionGraph& graph,
                                                   MigrationDirection direction,
                                                   const std::vector<std::string>& heads,
                                                   std::string_view revision);
[[nodiscard]] std::chrono::milliseconds elapsed_ms(std::chrono::steady_clock::time_point start);
// "2026-11-24T04:39:27Z".
[[nodiscard]] std::string utc_now_iso8601();

}  // namespace schemadiff::migrate::detail
