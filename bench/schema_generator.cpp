#include "schema_generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "prng.hpp"
#include "table_builder.hpp"

namespace schemadiff::bench {
namespace {

const std::vector<std::string> kNouns = {
    "account", "address",    "audit_entry", "category",     "comment",   "customer",
    "device",  "invoice",    "line_item",   "message",      "order",     "organization",
    "payment", "permission", "product",     "profile",      "project",   "refund",
    "review",  "session",    "shipment",    "subscription", "tag",       "task",
    "team",    "ticket",     "upload",      "user",         "warehouse", "webhook",
};

// Picks the table a new foreign key points at: half of them at the first few "hub" tables (the
// users and accounts everything references), the rest at recent tables.
std::size_t pick_referenced_table(SplitMix64& rng, std::size_t table_index) {
    if (rng.chance(50)) return rng.below(std::min<std::size_t>(table_index, 10));
    return table_index - 1 - rng.below(std::min<std::size_t>(table_index, 200));
}

ForeignKeyAction pick_on_delete(SplitMix64& rng, bool is_nullable) {
    if (rng.chance(30)) return ForeignKeyAction::Cascade;
    if (is_nullable && rng.chance(30)) return ForeignKeyAction::SetNull;
    return ForeignKeyAction::NoAction;
}

void add_foreign_keys(SplitMix64& rng, TableBuilder& builder, const std::vector<Table>& earlier) {
    const std::size_t index = earlier.size();
    if (index == 0) return;
    const std::size_t roll = rng.below(100);
    const std::size_t count = roll < 35 ? 0 : (roll < 80 ? 1 : 2);
    for (std::size_t k = 0; k < count; ++k) {
        const Table& target = earlier[pick_referenced_table(rng, index)];
        const bool is_nullable = rng.chance(40);
        builder.add_foreign_key(target.name, is_nullable, pick_on_delete(rng, is_nullable));
    }
}

Table generate_table(SplitMix64& rng, const std::vector<Table>& earlier) {
    const std::size_t index = earlier.size();
    TableBuilder builder(rng, fmt::format("{}_{:05}", rng.pick(kNouns), index));
    add_foreign_keys(rng, builder, earlier);

    const std::size_t column_count = rng.between(4, 14);
    for (std::size_t k = 0; k < column_count; ++k) builder.add_random_column();
    // Awkward identifiers, rare as in real schemas: a reserved word, mixed case with a space.
    if (rng.chance(5)) builder.add_special_column("order", ColumnType::of(TypeKind::Integer));
    if (rng.chance(2)) builder.add_special_column("Display Name", ColumnType::string(100));

    builder.add_checks();
    if (rng.chance(10)) builder.add_unique_constraint();
    builder.add_indexes(rng.between(1, 3));
    return builder.finish();
}

}  // namespace

Schema generate_schema(const GeneratorOptions& options) {
    SplitMix64 rng(options.seed);
    Schema schema;
    schema.tables.reserve(options.table_count);
    for (std::size_t i = 0; i < options.table_count; ++i) {
        schema.tables.push_back(generate_table(rng, schema.tables));
    }
    canonicalize(schema);
    return schema;
}

}  // namespace schemadiff::bench
