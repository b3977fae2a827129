// Offline SQL — `upgrade --sql A:B` / `downgrade --sql B:A`: the text the database's own client
// could run to do what the runner would, without touching any database.
//
// For each script of the path: a comment naming the revision and file; the script's leading
// foreign-key switches (they must run outside the transaction); BEGIN; its statements; the
// version-table statements (CREATE TABLE IF NOT EXISTS on the first script, then the head
// change and a history row stamped CURRENT_TIMESTAMP with a note "offline"); COMMIT; its
// trailing foreign-key switches. A `Transactional: false` script's statements are not wrapped;
// only its version-table statements are. Same graph, same range: same bytes.
#pragma once

#include <string>
#include <string_view>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/migrate/revision_graph.hpp"

namespace schemadiff::migrate {

struct OfflineOptions {
    std::string version_table = "schemadiff_version";
};

// `range` is "FROM:TO" ("base:head", "ae10:heads"); a bare "TO" starts from base.
[[nodiscard]] std::string offline_upgrade_sql(const RevisionGraph& graph, const Dialect& dialect,
                                              std::string_view range,
                                              const OfflineOptions& options = {});
// `range` is "FROM:TO" with TO below FROM ("head:base"; a relative TO counts from FROM).
[[nodiscard]] std::string offline_downgrade_sql(const RevisionGraph& graph, const Dialect& dialect,
                                                std::string_view range,
                                                const OfflineOptions& options = {});

}  // namespace schemadiff::migrate
