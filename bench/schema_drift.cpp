// drift_schema: the "drifted" copy of a generated schema (see schema_generator.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "prng.hpp"
#include "schema_generator.hpp"
#include "table_builder.hpp"

namespace schemadiff::bench {
namespace {

bool mentions(const std::string& expression, const std::string& column) {
    return expression.find(column) != std::string::npos;
}

// A column no key, index or constraint uses: dropping it is a plain DROP COLUMN.
bool is_droppable(const Table& table, const Column& column) {
    const std::string& name = column.name;
    const auto in = [&name](const std::vector<std::string>& columns) {
        return std::find(columns.begin(), columns.end(), name) != columns.end();
    };
    if (in(table.primary_key.columns)) return false;
    for (const auto& index : table.indexes) {
        for (const auto& part : index.parts) {
            if (part.column == name) return false;
        }
        if (index.where && mentions(*index.where, name)) return false;
    }
    for (const auto& unique : table.unique_constraints) {
        if (in(unique.columns)) return false;
    }
    for (const auto& foreign_key : table.foreign_keys) {
        if (in(foreign_key.columns)) return false;
    }
    for (const auto& check : table.checks) {
        if (mentions(check.expression, name)) return false;
    }
    return true;
}

void add_column(Table& table, bool is_nullable) {
    Column column{.name = is_nullable ? "drift_note" : "drift_status"};
    if (is_nullable) {
        column.type = ColumnType::of(TypeKind::Text);
    } else {
        column.type = ColumnType::string(20);
        column.is_nullable = false;
        column.default_sql = "'new'";
    }
    table.columns.push_back(std::move(column));
}

bool drop_column(SplitMix64& rng, Table& table) {
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (is_droppable(table, table.columns[i])) candidates.push_back(i);
    }
    if (candidates.empty()) return false;
    const auto victim = static_cast<std::ptrdiff_t>(rng.pick(candidates));
    table.columns.erase(table.columns.begin() + victim);
    return true;
}

// Widens a VARCHAR, or relaxes a NOT NULL: the everyday alterations.
bool alter_column(Table& table) {
    for (auto& column : table.columns) {
        if (table.primary_key.columns.front() == column.name) continue;
        if (column.type.kind == TypeKind::String && column.type.length) {
            column.type.length = *column.type.length * 2;
            return true;
        }
    }
    for (auto& column : table.columns) {
        if (table.primary_key.columns.front() == column.name) continue;
        if (!column.is_nullable) {
            column.is_nullable = true;
            return true;
        }
    }
    return false;
}

bool create_index(SplitMix64& rng, Table& table) {
    std::vector<std::size_t> candidates;
    for (std::size_t i = 1; i < table.columns.size(); ++i) {
        if (table.columns[i].type.kind != TypeKind::Binary) candidates.push_back(i);
    }
    if (candidates.empty()) return false;
    const Column& column = table.columns[rng.pick(candidates)];
    table.indexes.push_back(Index{.name = fmt::format("ix_{}_drift", table.name),
                                  .parts = {IndexPart{.column = column.name}}});
    return true;
}

bool drop_index(Table& table) {
    if (table.indexes.empty()) return false;
    table.indexes.erase(table.indexes.begin());
    return true;
}

void change_table(SplitMix64& rng, Table& table) {
    bool is_done = false;
    switch (rng.below(6)) {
        case 0:
            add_column(table, true);
            is_done = true;
            break;
        case 1:
            add_column(table, false);
            is_done = true;
            break;
        case 2:
            is_done = drop_column(rng, table);
            break;
        case 3:
            is_done = alter_column(table);
            break;
        case 4:
            is_done = create_index(rng, table);
            break;
        default:
            is_done = drop_index(table);
            break;
    }
    if (!is_done) add_column(table, true);
}

Table new_table(SplitMix64& rng, const Schema& schema) {
    TableBuilder builder(rng, "zz_drift_audit_log");
    builder.add_foreign_key(schema.tables.front().name, true, ForeignKeyAction::Cascade);
    for (int k = 0; k < 5; ++k) builder.add_random_column();
    builder.add_indexes(2);
    return builder.finish();
}

}  // namespace

DriftedSchema drift_schema(const Schema& schema, const DriftOptions& options) {
    SplitMix64 rng(options.seed);
    DriftedSchema out{.schema = schema};
    auto& tables = out.schema.tables;
    if (tables.size() < 2) return out;

    // Drop the last table nothing references (a leaf of the foreign-key graph).
    std::set<std::string> referenced;
    for (const auto& table : tables) {
        for (const auto& foreign_key : table.foreign_keys) {
            referenced.insert(foreign_key.referenced_table);
        }
    }
    std::size_t dropped = tables.size() - 1;
    while (dropped > 0 && referenced.count(tables[dropped].name) != 0) --dropped;

    // Change a fixed share of the other tables, chosen by a partial Fisher-Yates shuffle.
    std::vector<std::size_t> order(tables.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    order.erase(order.begin() + static_cast<std::ptrdiff_t>(dropped));
    const std::size_t count =
        std::max<std::size_t>(1, tables.size() * options.percent_changed / 100);
    for (std::size_t i = 0; i < count && i < order.size(); ++i) {
        std::swap(order[i], order[i + rng.below(order.size() - i)]);
        change_table(rng, tables[order[i]]);
    }
    out.changed_tables = std::min(count, order.size());

    tables.push_back(new_table(rng, out.schema));
    tables.erase(tables.begin() + static_cast<std::ptrdiff_t>(dropped));
    out.expected_changes = out.changed_tables + 2;
    canonicalize(out.schema);
    return out;
}

}  // namespace schemadiff::bench
