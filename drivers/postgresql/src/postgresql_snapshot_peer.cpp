#include "postgresql_snapshot_peer.hpp"

#include "postgresql_definition_text.hpp"
#include "postgresql_result.hpp"

namespace schemadiff::postgresql::detail {

SnapshotPeer::~SnapshotPeer() { close(); }

void SnapshotPeer::close() {
    // Closing ends the peer's read-only transaction: nothing to commit.
    if (connection_ != nullptr) PQfinish(connection_);
    connection_ = nullptr;
}

bool SnapshotPeer::open(const PeerSnapshot& peer) {
    close();
    connection_ = PQconnectdb(peer.conninfo.c_str());
    if (connection_ == nullptr || PQstatus(connection_) != CONNECTION_OK) {
        close();
        return false;
    }
    PQsetNoticeProcessor(connection_, ignore_notice, nullptr);
    std::string begin =
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT " +
        escaped_literal(peer.snapshot);
    if (PQserverVersion(connection_) >= 110000) begin += "; SET LOCAL jit = off";
    PGresult* result = PQexec(connection_, begin.c_str());
    const bool ok = result != nullptr && PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (!ok) close();
    return ok;
}

}  // namespace schemadiff::postgresql::detail
