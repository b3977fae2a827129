// VersionTableSql and VersionStore: the SQL of the version and history tables, through the
// dialect, and running it on a connection.
#include "schemadiff/migrate/version_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <system_error>
#include <utility>

#include "schemadiff/core/column_type.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::migrate {

namespace {

constexpr int kRevisionLength = 32;
constexpr int kChecksumLength = 64;
constexpr int kDirectionLength = 16;
constexpr int kTimestampLength = 32;

std::vector<std::string> minus(const std::vector<std::string>& a,
                               const std::vector<std::string>& b) {
    std::vector<std::string> out;
    for (const auto& x : a) {
        if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
    }
    std::sort(out.begin(), out.end());
    return out;
}

MigrationDirection parse_direction(const std::string& text) {
    if (text == "downgrade") return MigrationDirection::Downgrade;
    if (text == "stamp") return MigrationDirection::Stamp;
    return MigrationDirection::Upgrade;
}

std::string cell(const Connection::Row& row, std::size_t i) {
    return i < row.size() && row[i] ? *row[i] : std::string();
}

std::optional<long long> to_integer(const std::string& text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || text.empty()) return std::nullopt;
    static_cast<void>(end);
    return value;
}

}  // namespace

std::string_view to_string(MigrationDirection direction) {
    switch (direction) {
        case MigrationDirection::Upgrade:
            return "upgrade";
        case MigrationDirection::Downgrade:
            return "downgrade";
        case MigrationDirection::Stamp:
            return "stamp";
    }
    return "upgrade";
}

// --- VersionTableSql ------------------------------------------------------------------------

VersionTableSql::VersionTableSql(const Dialect& dialect, std::string version_table)
    : dialect_(&dialect), version_table_(std::move(version_table)) {
    if (version_table_.empty()) {
        throw Error(ErrorKind::Usage, "the version table name is empty");
    }
}

std::vector<std::string> VersionTableSql::create_tables() const {
    const Dialect& d = *dialect_;
    const auto type = [&d](const ColumnType& t) { return d.render_type(t); };
    const std::string varchar = type(ColumnType::string(kRevisionLength));
    return {
        fmt::format("CREATE TABLE IF NOT EXISTS {} (\n"
                    "    version_num {} NOT NULL,\n"
                    "    CONSTRAINT {} PRIMARY KEY (version_num)\n)",
                    d.quote_identifier(version_table_), varchar,
                    d.quote_identifier(version_table_ + "_pkc")),
        fmt::format(
            "CREATE TABLE IF NOT EXISTS {} (\n"
            "    id {} NOT NULL PRIMARY KEY,\n"
            "    revision {} NOT NULL,\n"
            "    direction {} NOT NULL,\n"
            "    checksum {},\n"
            "    applied_at {} NOT NULL,\n"
            "    duration_ms {},\n"
            "    message {},\n"
            "    note {}\n)",
            d.quote_identifier(history_table()), type(ColumnType::of(TypeKind::Integer)), varchar,
            type(ColumnType::string(kDirectionLength)), type(ColumnType::string(kChecksumLength)),
            type(ColumnType::string(kTimestampLength)), type(ColumnType::of(TypeKind::BigInt)),
            type(ColumnType::of(TypeKind::Text)), type(ColumnType::of(TypeKind::Text))),
    };
}

std::string VersionTableSql::select_heads() const {
    return "SELECT version_num FROM " + dialect_->quote_identifier(version_table_);
}

std::string VersionTableSql::select_history() const {
    return "SELECT revision, direction, checksum, applied_at, duration_ms, message, note, id "
           "FROM " +
           dialect_->quote_identifier(history_table()) + " ORDER BY id";
}

std::vector<std::string> VersionTableSql::move_heads(const std::vector<std::string>& before,
                                                     const std::vector<std::string>& after) const {
    const std::string table = dialect_->quote_identifier(version_table_);
    const std::vector<std::string> removed = minus(before, after);
    const std::vector<std::string> added = minus(after, before);
    if (removed.size() == 1 && added.size() == 1) {
        return {fmt::format("UPDATE {} SET version_num = {} WHERE version_num = {}", table,
                            dialect_->quote_string(added[0]), dialect_->quote_string(removed[0]))};
    }
    std::vector<std::string> out;
    for (const auto& head : removed) {
        out.push_back(fmt::format("DELETE FROM {} WHERE version_num = {}", table,
                                  dialect_->quote_string(head)));
    }
    for (const auto& head : added) {
        out.push_back(fmt::format("INSERT INTO {} (version_num) VALUES ({})", table,
                                  dialect_->quote_string(head)));
    }
    return out;
}

std::string VersionTableSql::delete_all_heads() const {
    return "DELETE FROM " + dialect_->quote_identifier(version_table_);
}

std::string VersionTableSql::insert_history(const HistoryEntry& entry) const {
    const Dialect& d = *dialect_;
    const auto text_or_null = [&d](const std::string& s) {
        return s.empty() ? std::string("NULL") : d.quote_string(s);
    };
    // The id is max + 1, computed under the write lock: portable, unlike auto-increment syntax.
    return fmt::format(
        "INSERT INTO {0} (id, revision, direction, checksum, applied_at, duration_ms, message, "
        "note)\nSELECT COALESCE(MAX(id), 0) + 1, {1}, {2}, {3}, {4}, {5}, {6}, {7} FROM {0}",
        d.quote_identifier(history_table()), d.quote_string(entry.revision),
        d.quote_string(to_string(entry.direction)), text_or_null(entry.checksum),
        entry.applied_at.empty() ? std::string("CURRENT_TIMESTAMP")
                                 : d.quote_string(entry.applied_at),
        entry.duration_ms ? std::to_string(*entry.duration_ms) : std::string("NULL"),
        text_or_null(entry.message), text_or_null(entry.note));
}

// --- VersionStore ---------------------------------------------------------------------------

VersionStore::VersionStore(Connection& connection, std::string version_table)
    : connection_(&connection), sql_(connection.dialect(), std::move(version_table)) {}

bool VersionStore::exists() { return connection_->has_table(sql_.version_table()); }

std::vector<std::string> VersionStore::heads() {
    if (!exists()) return {};
    std::vector<std::string> out;
    for (const auto& row : connection_->query(sql_.select_heads())) out.push_back(cell(row, 0));
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<HistoryEntry> VersionStore::history() {
    if (!connection_->has_table(sql_.history_table())) return {};
    std::vector<HistoryEntry> out;
    for (const auto& row : connection_->query(sql_.select_history())) {
        HistoryEntry entry;
        entry.revision = cell(row, 0);
        entry.direction = parse_direction(cell(row, 1));
        entry.checksum = cell(row, 2);
        entry.applied_at = cell(row, 3);
        entry.duration_ms = to_integer(cell(row, 4));
        entry.message = cell(row, 5);
        entry.note = cell(row, 6);
        entry.id = to_integer(cell(row, 7)).value_or(0);
        out.push_back(std::move(entry));
    }
    return out;
}

void VersionStore::create_tables() {
    for (const auto& statement : sql_.create_tables()) connection_->execute(statement);
}

void VersionStore::move_heads(const std::vector<std::string>& before,
                              const std::vector<std::string>& after) {
    for (const auto& statement : sql_.move_heads(before, after)) connection_->execute(statement);
}

void VersionStore::delete_all_heads() { connection_->execute(sql_.delete_all_heads()); }

void VersionStore::add_history(const HistoryEntry& entry) {
    connection_->execute(sql_.insert_history(entry));
}

}  // namespace schemadiff::migrate
