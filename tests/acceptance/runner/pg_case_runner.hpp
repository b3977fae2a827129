// The acceptance procedure for one case on a PostgreSQL server, in two fresh databases:
// `current` (+ rows) and `target` are created from the case's DDL, read through the driver under
// test and diffed with the PostgreSQL dialect. The rows are read into a snapshot, then the scripts
// run in place on `current`: the upgrade (its body in one transaction) must reach the target
// (empty second diff, the target's catalog, the rows kept), the inverse plan must restore
// current's catalog and rows, and the rendered upgrade text, run as one simple query on the
// restored database, must reach the target again. `-- expect postgresql findings` / `sql` /
// `upgrade refused` / `downgrade refused` are checked; SQLite's expectations are not. README.md
// describes each check.
#pragma once

#include <string>

#include "case_file.hpp"
#include "case_runner.hpp"
#include "schemadiff/core/database_url.hpp"

namespace schemadiff::acceptance {

// Runs one case on `server` in databases named `<database_prefix>_cur` and `_tgt` (dropped at
// the end, kept when `keep_failed` and the case fails).
[[nodiscard]] CaseReport run_pg_case(const AcceptanceCase& acceptance_case,
                                     const DatabaseUrl& server, const std::string& database_prefix,
                                     bool keep_failed);

}  // namespace schemadiff::acceptance
