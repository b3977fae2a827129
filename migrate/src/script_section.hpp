// A script section as the runner and the offline writer execute it: split into statements,
// each with the line its code starts on and the role it plays around the transaction.
//
// Roles come from the statement's leading words, comments skipped: SQLite's
// `PRAGMA [schema.]foreign_keys = OFF|ON` switches and `PRAGMA foreign_key_check`, and
// transaction control (BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK). No other database
// accepts PRAGMA, so recognising it is safe whatever the dialect.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/migrate/revision_script.hpp"
#include "schemadiff/migrate/version_store.hpp"

namespace schemadiff::migrate::detail {

enum class StatementRole {
    Run,               // anything else: run as written
    ForeignKeysOff,    // PRAGMA foreign_keys = OFF
    ForeignKeysOn,     // PRAGMA foreign_keys = ON
    ForeignKeyCheck,   // PRAGMA foreign_key_check: fails the script when it returns rows
    BeginTransaction,  // BEGIN, START TRANSACTION
    EndTransaction,    // COMMIT, END
    Rollback,          // ROLLBACK (not ROLLBACK TO a savepoint)
};

struct SectionStatement {
    std::string sql;  // as split_statements gives it, leading comments kept
    int line = 0;     // the line of its first code character
    StatementRole role = StatementRole::Run;
};

struct ScriptSection {
    std::vector<SectionStatement> statements;
    // Whether the section switches foreign keys off (before its body, for a table rebuild).
    bool turns_foreign_keys_off = false;
};

[[nodiscard]] StatementRole statement_role(const std::string& sql);

// The upgrade or downgrade section of `script`. For a transactional script, an outer
// BEGIN ... COMMIT pair (the script made runnable on its own) is dropped since the runner
// supplies the transaction; any other transaction control is Error(Revision) "PATH:LINE: ...".
// REQUIRES: direction is Upgrade or Downgrade.
[[nodiscard]] ScriptSection prepare_section(const RevisionScript& script,
                                            MigrationDirection direction);

// Error(Revision) when the script declares a dialect other than `dialect` ("sqlite"); aliases
// (sqlite3, postgres, mariadb) and case are folded, and a script without one runs anywhere.
void check_dialect(const RevisionScript& script, std::string_view dialect);

}  // namespace schemadiff::migrate::detail
