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

// Unnamed items sort after named ones, then by their content.
template <typename T, typename Key>
void sort_by(std::vector<T>& items, Key key) {
    std::stable_sort(items.begin(), items.end(),
                     [&key](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

void canonicalize(Schema& schema) {
    sort_by(schema.tables, [](const Table& t) { return t.name; });
    sort_by(schema.views, [](const View& v) { return v.name; });
    sort_by(schema.enum_types, [](const EnumType& e) { return e.name; });
    for (auto& table : schema.tables) {
        sort_by(table.indexes, [](const Index& i) { return i.name; });
        sort_by(table.unique_constraints, [](const UniqueConstraint& u) {
            return std::make_tuple(!u.name.has_value(), u.name.value_or(""), u.columns);
        });
        sort_by(table.foreign_keys, [](const ForeignKey& f) {
            return std::make_tuple(!f.name.has_value(), f.name.value_or(""), f.columns,
                                   f.referenced_table, f.referenced_columns);
        });
        sort_by(table.checks, [](const CheckConstraint& c) {
            return std::make_tuple(!c.name.has_value(), c.name.value_or(""), c.expression);
        });
        sort_by(table.triggers, [](const Trigger& t) { return t.name; });
    }
}

}  // namespace schemadiff
