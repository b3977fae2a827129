// The runner's RAII helpers, clock, and script checksums.
#include "runner_support.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <sstream>

#include "schemadiff/core/error.hpp"
#include "schemadiff/migrate/runner.hpp"

namespace schemadiff::migrate::detail {

MigrationLock::MigrationLock(Connection& connection, std::chrono::milliseconds timeout,
                             std::string_view name)
    : connection_(&connection) {
    connection_->set_migration_lock_name(name);
    connection_->acquire_migration_lock(timeout);
}

MigrationLock::~MigrationLock() {
    try {
        connection_->release_migration_lock();
    } catch (...) {
        // Closing the session releases it anyway; a destructor must not throw.
    }
}

WriteTransaction::WriteTransaction(Connection& connection) : connection_(&connection) {
    connection_->begin_write();
}

WriteTransaction::~WriteTransaction() {
    if (!is_open_) return;
    try {
        connection_->rollback();
    } catch (...) {
        // The statement that failed may have ended the transaction already.
    }
}

void WriteTransaction::commit() {
    is_open_ = false;
    connection_->commit();
}

void WriteTransaction::rollback() {
    is_open_ = false;
    connection_->rollback();
}

ForeignKeysOff::ForeignKeysOff(Connection& connection, bool wanted) : connection_(&connection) {
    if (!wanted) return;
    was_enabled_ = connection_->suspend_foreign_keys();
    is_suspended_ = true;
}

ForeignKeysOff::~ForeignKeysOff() {
    try {
        restore();
    } catch (...) {
        // Reported by the error that is unwinding; the session ends with the run.
    }
}

void ForeignKeysOff::restore() {
    if (!is_suspended_) return;
    is_suspended_ = false;
    connection_->restore_foreign_keys(was_enabled_);
}

std::vector<std::string> heads_after(const RevisionGraph& graph, MigrationDirection direction,
                                     const std::vector<std::string>& heads,
                                     std::string_view revision) {
    std::vector<std::string> out = direction == MigrationDirection::Downgrade
                                       ? graph.heads_after_downgrade(heads, revision)
                                       : graph.heads_after_upgrade(heads, revision);
    std::sort(out.begin(), out.end());
    return out;
}

std::chrono::milliseconds elapsed_ms(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 start);
}

std::string utc_now_iso8601() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

}  // namespace schemadiff::migrate::detail

namespace schemadiff::migrate {

std::string script_checksum(const RevisionScript& script) {
    if (script.path.empty()) return sha256_hex(render_script(script));
    std::ifstream file(script.path, std::ios::binary);
    if (!file) throw Error(ErrorKind::Io, "cannot read revision script", script.path);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    if (!file) throw Error(ErrorKind::Io, "cannot read revision script", script.path);
    return sha256_hex(bytes.str());
}

}  // namespace schemadiff::migrate
