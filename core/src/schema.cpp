#include "schemadiff/core/schema.hpp"

#include <algorithm>
#include <tuple>

#include "schemadiff/core/text.hpp"

namespace schemadiff {

const Column* Table::find_column(std::string_view column_name) const {
    for (const auto& column : columns) {
        if (column.name == column_name) return &column;
    }
    return nullptr;
}

const Table* Schema::find_table(std::string_view table_name) const {
    for (const auto& table : tables) {
        if (table.name == table_name) return &table;
    }
    return nullptr;
}

std::string_view to_string(ForeignKeyAction action) {
    switch (action) {
        case ForeignKeyAction::NoAction:
            return "NO ACTION";
        case ForeignKeyAction::Restrict:
            return "RESTRICT";
        case ForeignKeyAction::Cascade:
            return "CASCADE";
        case ForeignKeyAction::SetNull:
            return "SET NULL";
        case ForeignKeyAction::SetDefault:
            return "SET DEFAULT";
    }
    return "NO ACTION";
}

std::optional<ForeignKeyAction> parse_foreign_key_action(std::string_view text) {
    std::string key = text::to_upper(text::trim(text));
    std::replace(key.begin(), key.end(), '_', ' ');
    key = text::collapse_whitespace(key);
    for (auto action :
         {ForeignKeyAction::NoAction, ForeignKeyAction::Restrict, ForeignKeyAction::Cascade,
          ForeignKeyAction::SetNull, ForeignKeyAction::SetDefault}) {
        if (key == to_string(action)) return action;
    }
    return std::nullopt;
}

namespace {

const std::string kNoName;

const std::string& name_or_empty(const std::optional<std::string>& name) {
    return name ? *name : kNoName;
}

// Orders items by key(item); the keys refer to the items, nothing is copied.
template <typename Key>
auto by(Key key) {
    return [key](const auto& a, const auto& b) { return key(a) < key(b); };
}

const auto kByName = by([](const auto& item) -> const std::string& { return item.name; });
// Unnamed items sort after named ones, then by their content.
const auto kUniqueOrder = by([](const UniqueConstraint& u) {
    return std::tuple<bool, const std::string&, const std::vector<std::string>&>(
        !u.name.has_value(), name_or_empty(u.name), u.columns);
});
const auto kForeignKeyOrder = by([](const ForeignKey& f) {
    return std::tuple<bool, const std::string&, const std::vector<std::string>&,
                      const std::optional<std::string>&, const std::string&,
                      const std::vector<std::string>&>(!f.name.has_value(), name_or_empty(f.name),
                                                       f.columns, f.referenced_schema,
                                                       f.referenced_table, f.referenced_columns);
});
const auto kCheckOrder = by([](const CheckConstraint& c) {
    return std::tuple<bool, const std::string&, const std::string&>(
        !c.name.has_value(), name_or_empty(c.name), c.expression);
});

// Calls step(list, order) for every list canonicalize orders, with the order it sorts it by.
template <typename SchemaType, typename Step>
void for_each_ordered_list(SchemaType& schema, Step step) {
    step(schema.tables, kByName);
    step(schema.views, kByName);
    step(schema.enum_types, kByName);
    for (auto& table : schema.tables) {
        step(table.indexes, kByName);
        step(table.unique_constraints, kUniqueOrder);
        step(table.foreign_keys, kForeignKeyOrder);
        step(table.checks, kCheckOrder);
        step(table.triggers, kByName);
    }
}

}  // namespace

void canonicalize(Schema& schema) {
    // Most lists arrive sorted (catalog queries order them): checking first spares the sort's
    // buffer, which for the table list is as large as the tables themselves.
    for_each_ordered_list(schema, [](auto& items, const auto& order) {
        if (!std::is_sorted(items.begin(), items.end(), order)) {
            std::stable_sort(items.begin(), items.end(), order);
        }
    });
}

bool is_materialized_view(const View& view) {
    return text::to_upper(text::collapse_whitespace(view.sql)).starts_with("CREATE MATERIALIZED ");
}

bool is_canonical(const Schema& schema) {
    bool sorted = true;
    for_each_ordered_list(schema, [&sorted](const auto& items, const auto& order) {
        sorted = sorted && std::is_sorted(items.begin(), items.end(), order);
    });
    return sorted;
}

}  // namespace schemadiff
