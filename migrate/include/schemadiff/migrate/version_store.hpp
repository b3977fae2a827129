// The version table and its history — what a database says about the revisions applied to it.
//
//   <version_table>            one row per current head (Alembic's semantics):
//                              version_num VARCHAR(32) NOT NULL, primary key <version_table>_pkc
//   <version_table>_history    one row per applied, reverted or stamped revision: id, revision
//                              ('' for a stamp to base), direction ('upgrade' / 'downgrade' /
//                              'stamp'), checksum (SHA-256 of the script file), applied_at (UTC
//                              ISO-8601), duration_ms, message, note (e.g. "checksum ignored")
//
// VersionTableSql is the SQL for both tables, built through a Dialect (quoting, type names) so
// it is the same text online and offline (`upgrade --sql`). VersionStore runs it on a
// Connection. Reading never creates anything: a database without the tables has no current
// revision and an empty history. The tables are created (IF NOT EXISTS) by the first write,
// inside that write's transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/dialect.hpp"

namespace schemadiff::migrate {

enum class MigrationDirection { Upgrade, Downgrade, Stamp };

// "upgrade", "downgrade", "stamp".
[[nodiscard]] std::string_view to_string(MigrationDirection direction);

struct HistoryEntry {
    long long id = 0;  // assigned by the database on insert (max + 1)
    std::string revision;
    MigrationDirection direction = MigrationDirection::Upgrade;
    std::string checksum;
    std::string applied_at;                // "2026-11-24T04:39:27Z"; empty: CURRENT_TIMESTAMP
    std::optional<long long> duration_ms;  // none for stamps and offline SQL
    std::string message;
    std::string note;
};

class VersionTableSql {
public:
    VersionTableSql(const Dialect& dialect, std::string version_table);

    [[nodiscard]] const Dialect& dialect() const { return *dialect_; }
    [[nodiscard]] const std::string& version_table() const { return version_table_; }
    [[nodiscard]] std::string history_table() const { return version_table_ + "_history"; }

    // CREATE TABLE IF NOT EXISTS for both tables.
    [[nodiscard]] std::vector<std::string> create_tables() const;
    [[nodiscard]] std::string select_heads() const;
    // revision, direction, checksum, applied_at, duration_ms, message, note, id; oldest first.
    [[nodiscard]] std::string select_history() const;
    // The statements that turn the rows `before` into `after`: an UPDATE when one head moves
    // to another (as Alembic does), otherwise a DELETE per removed and an INSERT per added head.
    [[nodiscard]] std::vector<std::string> move_heads(const std::vector<std::string>& before,
                                                      const std::vector<std::string>& after) const;
    [[nodiscard]] std::string delete_all_heads() const;
    [[nodiscard]] std::string insert_history(const HistoryEntry& entry) const;

private:
    const Dialect* dialect_;
    std::string version_table_;
};

class VersionStore {
public:
    // `connection` must outlive the store.
    VersionStore(Connection& connection, std::string version_table);

    [[nodiscard]] const VersionTableSql& sql() const { return sql_; }
    // Whether the version table exists (never creates it).
    [[nodiscard]] bool exists();
    // The current heads, sorted; empty when the table does not exist.
    [[nodiscard]] std::vector<std::string> heads();
    // Every history row, oldest first; empty when the history table does not exist.
    [[nodiscard]] std::vector<HistoryEntry> history();

    // Writes: call inside the caller's transaction.
    void create_tables();
    void move_heads(const std::vector<std::string>& before, const std::vector<std::string>& after);
    void delete_all_heads();
    void add_history(const HistoryEntry& entry);

private:
    Connection* connection_;
    VersionTableSql sql_;
};

}  // namespace schemadiff::migrate
