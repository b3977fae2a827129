#include "pg_row_compare.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace schemadiff::acceptance {

namespace {

// A number written canonically: integral values without a fraction.
std::optional<std::string> canonical_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0) {
        return std::to_string(static_cast<long long>(value));
    }
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

const Column* column_of(const Schema& schema, const std::string& table, const std::string& name) {
    const Table* found = schema.find_table(table);
    return found != nullptr ? found->find_column(name) : nullptr;
}

// The select-list item for one column: as stored when exact, as text (booleans as 1/0) when not.
std::string select_item(const Schema& schema, const std::string& table, const KeptColumn& kept,
                        const std::string& name) {
    const std::string quoted = pg_quote_identifier(name);
    if (kept.is_exact) return quoted;
    const Column* column = column_of(schema, table, name);
    if (column != nullptr && column->type.kind == TypeKind::Boolean) {
        return "(" + quoted + ")::integer::text";
    }
    // A date becomes midnight, a timestamp its instant (the runner's sessions are in UTC);
    // DATETIME is the runner's own domain over timestamp (pg_case_runner.cpp).
    if (column != nullptr &&
        (column->type.kind == TypeKind::Date || column->type.kind == TypeKind::Timestamp ||
         (column->type.kind == TypeKind::Raw && column->type.raw == "DATETIME"))) {
        return "extract(epoch FROM " + quoted + ")::text";
    }
    return "(" + quoted + ")::text";
}

std::vector<PgRow> sorted_rows(PgDatabase& db, const Schema& schema, const std::string& table,
                               const std::vector<KeptColumn>& columns, Side side) {
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& name = side == Side::Before ? columns[i].before : columns[i].after;
        select += (i > 0 ? ", " : "") + select_item(schema, table, columns[i], name);
    }
    if (columns.empty()) select += "1";
    auto rows = db.query(select + " FROM " + pg_quote_identifier(table));
    for (auto& row : rows) {
        for (std::size_t i = 0; i < row.size() && i < columns.size(); ++i) {
            if (columns[i].is_exact || !row[i]) continue;
            if (auto number = canonical_number(*row[i])) row[i] = std::move(number);
        }
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::string show(const PgRow& row) {
    std::string out = "(";
    for (std::size_t i = 0; i < row.size(); ++i) {
        out += (i > 0 ? ", " : "") + row[i].value_or("NULL");
    }
    return out + ")";
}

std::string show(const std::vector<PgRow>& rows) {
    std::string out;
    for (const auto& row : rows) out += "\n    " + show(row);
    return rows.empty() ? " (no rows)" : out;
}

// The value the sequence behind a serial or identity column hands out next (setval(n, false)
// and setval(n - 1, true) are the same state); nullopt without one.
std::optional<std::string> sequence_state(PgDatabase& db, const std::string& table,
                                          const std::string& column) {
    const auto name = db.query("SELECT pg_catalog.pg_get_serial_sequence(" +
                               pg_quote_literal(pg_quote_identifier(table)) + ", " +
                               pg_quote_literal(column) + ")");
    if (name.empty() || !name.front().front()) return std::nullopt;
    const auto state =
        db.query("SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM " +
                 *name.front().front());
    if (state.empty()) return std::nullopt;
    return state.front().front();
}

}  // namespace

std::vector<TableRows> snapshot_rows(PgDatabase& db, const Schema& schema,
                                     const std::vector<KeptTable>& tables, Side side) {
    std::vector<TableRows> snapshot;
    for (const auto& table : tables) {
        const auto& table_name = side == Side::Before ? table.before : table.after;
        TableRows entry{sorted_rows(db, schema, table_name, table.columns, side), {}};
        for (const auto& kept : table.columns) {
            const auto& name = side == Side::Before ? kept.before : kept.after;
            const Column* column = column_of(schema, table_name, name);
            entry.sequences.push_back(column != nullptr && column->is_autoincrement
                                          ? sequence_state(db, table_name, name)
                                          : std::nullopt);
        }
        snapshot.push_back(std::move(entry));
    }
    return snapshot;
}

std::vector<std::string> compare_snapshots(const std::vector<KeptTable>& tables,
                                           const std::vector<TableRows>& before,
                                           const std::vector<TableRows>& after) {
    std::vector<std::string> failures;
    for (std::size_t t = 0; t < tables.size() && t < before.size() && t < after.size(); ++t) {
        const auto& table = tables[t];
        if (before[t].rows != after[t].rows) {
            std::string columns;
            for (const auto& c : table.columns) columns += (columns.empty() ? "" : ", ") + c.after;
            failures.push_back("rows of " + table.after + " (" + columns + ") differ:\n  expected" +
                               show(before[t].rows) + "\n  actual" + show(after[t].rows));
        }
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const auto& expected = before[t].sequences[c];
            const auto& actual = after[t].sequences[c];
            if (expected && actual && expected != actual) {
                failures.push_back("the sequence of " + table.after + "." + table.columns[c].after +
                                   " gives " + *actual + " next, expected " + *expected);
            }
        }
    }
    return failures;
}

}  // namespace schemadiff::acceptance
