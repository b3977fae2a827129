#include "rename_candidates.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "schemadiff/core/text.hpp"

namespace schemadiff::diff::detail {

namespace {

constexpr char kField = '\x1f';
constexpr char kGroup = '\x1e';

std::string column_message(const std::string& table, const std::string& dropped,
                           const std::vector<std::string>& added) {
    if (added.size() == 1) {
        return fmt::format(
            "Column {0}.{1} is dropped and {0}.{2}, of the same type and nullability, is "
            "added: if this is a rename, set renamed_from = \"{1}\" on column {2} to keep the "
            "data.",
            table, dropped, added.front());
    }
    return fmt::format(
        "Column {0}.{1} is dropped and columns {2} of {0}, of the same type and nullability, "
        "are added: if one of them is a rename, set renamed_from = \"{1}\" on it to keep the "
        "data.",
        table, dropped, text::join(added, ", "));
}

std::string table_message(const std::string& dropped, const std::vector<std::string>& added) {
    if (added.size() == 1) {
        return fmt::format(
            "Table {0} is dropped and table {1}, with the same columns, is created: if this is "
            "a rename, set renamed_from = \"{0}\" on table {1} to keep its rows.",
            dropped, added.front());
    }
    return fmt::format(
        "Table {0} is dropped and tables {1}, with the same columns, are created: if one of "
        "them is a rename, set renamed_from = \"{0}\" on it to keep its rows.",
        dropped, text::join(added, ", "));
}

}  // namespace

std::string RenameCandidates::column_signature(const std::string& table,
                                               const Column& column) const {
    return "column" + std::string(1, kGroup) + dialect_.identifier_key(table) + kGroup +
           to_string(dialect_.canonical_type(column.type)) + kGroup +
           (column.is_nullable ? "null" : "not null");
}

std::string RenameCandidates::table_signature(const Table& table) const {
    std::vector<std::string> columns;
    columns.reserve(table.columns.size());
    for (const auto& column : table.columns) {
        columns.push_back(dialect_.identifier_key(column.name) + kField +
                          to_string(dialect_.canonical_type(column.type)));
    }
    std::sort(columns.begin(), columns.end());
    return "table" + std::string(1, kGroup) + text::join(columns, std::string(1, kGroup));
}

void RenameCandidates::dropped_column(std::size_t index, const std::string& table,
                                      const Column& column) {
    dropped_.push_back({index, table, column.name, column_signature(table, column)});
}

void RenameCandidates::added_column(const std::string& table, const Column& column) {
    added_[column_signature(table, column)].push_back(column.name);
}

void RenameCandidates::dropped_table(std::size_t index, const Table& table) {
    if (table.columns.empty()) return;
    dropped_.push_back({index, table.name, {}, table_signature(table)});
}

void RenameCandidates::added_table(const Table& table) {
    if (table.columns.empty()) return;
    added_[table_signature(table)].push_back(table.name);
}

std::vector<Finding> RenameCandidates::findings() const {
    std::vector<Finding> out;
    for (const auto& dropped : dropped_) {
        const auto found = added_.find(dropped.signature);
        if (found == added_.end()) continue;
        std::vector<std::string> names = found->second;
        std::sort(names.begin(), names.end());
        const bool is_table = dropped.column.empty();
        out.push_back({FindingKind::ProbableRename, dropped.index, dropped.table, dropped.column,
                       is_table ? table_message(dropped.table, names)
                                : column_message(dropped.table, dropped.column, names)});
    }
    return out;
}

}  // namespace schemadiff::diff::detail
