// A second connection that reads part of the catalog at the same time as the first, as
// `pg_dump --jobs` does: the first connection's transaction exports its snapshot
// (pg_export_snapshot), the peer's transaction imports it (SET TRANSACTION SNAPSHOT), so both
// see one and the same state of the database and the read stays consistent.
//
// The peer is an optimisation only: when it cannot be had (no free connection slot, a role's
// connection limit, a pooler or server refusing the snapshot), it is simply absent and the
// first connection reads everything.
#pragma once

#include <libpq-fe.h>

#include <optional>
#include <string>

namespace schemadiff::postgresql::detail {

// What a peer needs: how to connect (holds the password: never print it) and the snapshot.
struct PeerSnapshot {
    std::string conninfo;
    std::string snapshot;  // pg_export_snapshot() of a transaction still open
};

// Schemas with fewer tables are read on one connection: the peer costs a connection and a
// backend with cold caches, which pays only when the catalog's server time is well above that.
// Measured on a 2-core machine with the server local (docs/performance.md): no gain at 1,000
// tables, a quarter of the read saved at 5,000.
inline constexpr long long kPeerMinimumTables = 2000;

class SnapshotPeer {
public:
    SnapshotPeer() = default;
    SnapshotPeer(const SnapshotPeer&) = delete;
    SnapshotPeer& operator=(const SnapshotPeer&) = delete;
    ~SnapshotPeer();

    // Connects and starts a read-only transaction on the snapshot; returns false (and holds no
    // connection) when either fails.
    bool open(const PeerSnapshot& peer);

    // The peer's connection, or nullptr.
    [[nodiscard]] PGconn* get() const { return connection_; }

private:
    void close();

    PGconn* connection_ = nullptr;
};

}  // namespace schemadiff::postgresql::detail
