// TableBuilder<T> — the declarations that make model struct T a table, written once, by member
// pointer, beside the struct (see model.hpp for where they go):
//
//   table<Book>("books")
//       .primary_key(&Book::id).autoincrement(&Book::id)
//       .index("ix_books_title", {&Book::title})
//       .unique({&Book::isbn})
//       .foreign_key({&Book::author_id}, "authors", {"id"}).on_delete(Action::Cascade)
//       .check("price >= 0")
//       .server_default(&Book::created_at, "CURRENT_TIMESTAMP")
//       .comment(&Book::title, "shown in the catalogue")
//       .type(&Book::price, Numeric<10, 2>{})
//       .renamed_from(&Book::subtitle, "tagline");
//
// Columns come from the fields (name, type, nullability: field_column.hpp). Modifiers apply to
// the declaration just before them: where() and method() to the last index; on_delete(),
// on_update(), deferrable(), match_full(), referenced_schema() to the last foreign key; named()
// to the last primary key, unique, foreign key or check. Unnamed keys, constraints and indexes
// get their names from the registry's naming convention. Mistakes throw Error(InvalidModel)
// naming the table.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "schemadiff/core/column_type.hpp"
#include "schemadiff/core/schema.hpp"
#include "schemadiff/reflect/column_ref.hpp"
#include "schemadiff/reflect/column_traits.hpp"
#include "schemadiff/reflect/field_column.hpp"
#include "schemadiff/reflect/field_name.hpp"
#include "schemadiff/reflect/index_key.hpp"
#include "schemadiff/reflect/table_draft.hpp"

namespace schemadiff::reflect {

using Action = ForeignKeyAction;

template <class T>
class TableBuilder {
public:
    using Columns = std::initializer_list<ColumnRef<T>>;
    using Keys = std::initializer_list<IndexKey<T>>;
    using Names = std::initializer_list<std::string>;

    explicit TableBuilder(std::string table_name) : draft_(std::move(table_name), all_columns()) {}

    // --- Keys, indexes, constraints -----------------------------------------------------------
    TableBuilder& primary_key(ColumnRef<T> column) { return primary_key({column}); }
    TableBuilder& primary_key(Columns columns) {
        draft_.primary_key(indexes(columns));
        return *this;
    }
    // The (single-column, integer) primary key takes its values from the database.
    TableBuilder& autoincrement(ColumnRef<T> column) {
        draft_.autoincrement(column.index());
        return *this;
    }
    TableBuilder& index(std::string name, Keys keys) {
        return add_index(std::move(name), keys, false);
    }
    TableBuilder& index(Keys keys) { return add_index({}, keys, false); }
    TableBuilder& unique_index(std::string name, Keys keys) {
        return add_index(std::move(name), keys, true);
    }
    TableBuilder& unique_index(Keys keys) { return add_index({}, keys, true); }
    // Makes the last index partial: `WHERE predicate`.
    TableBuilder& where(std::string predicate) {
        draft_.where(std::move(predicate));
        return *this;
    }
    // Sets the last index's access method (PostgreSQL `USING gin`); btree is the default.
    TableBuilder& method(std::string name) {
        draft_.method(std::move(name));
        return *this;
    }
    TableBuilder& unique(Columns columns) {
        draft_.unique(std::nullopt, indexes(columns));
        return *this;
    }
    TableBuilder& unique(std::string name, Columns columns) {
        draft_.unique(std::move(name), indexes(columns));
        return *this;
    }
    // `referenced_columns` empty: the referenced table's primary key.
    TableBuilder& foreign_key(Columns columns, std::string referenced_table,
                              Names referenced_columns = {}) {
        draft_.foreign_key(indexes(columns), std::move(referenced_table),
                           std::vector<std::string>(referenced_columns));
        return *this;
    }
    TableBuilder& on_delete(Action action) {
        draft_.on_delete(action);
        return *this;
    }
    TableBuilder& on_update(Action action) {
        draft_.on_update(action);
        return *this;
    }
    TableBuilder& deferrable(bool is_initially_deferred = false) {
        draft_.deferrable(is_initially_deferred);
        return *this;
    }
    TableBuilder& match_full() {
        draft_.match_full();
        return *this;
    }
    // The last foreign key's table is in another schema (PostgreSQL): written "schema"."table",
    // and not one of these models. Its referenced columns must be named in foreign_key().
    TableBuilder& referenced_schema(std::string schema) {
        draft_.referenced_schema(std::move(schema));
        return *this;
    }
    // A CHECK constraint; `expression` is SQL without the CHECK keyword.
    TableBuilder& check(std::string expression) {
        draft_.check(std::nullopt, std::move(expression));
        return *this;
    }
    TableBuilder& check(std::string name, std::string expression) {
        draft_.check(std::move(name), std::move(expression));
        return *this;
    }
    // Names the last primary key, unique constraint, foreign key or check.
    TableBuilder& named(std::string name) {
        draft_.named(std::move(name));
        return *this;
    }

    // --- Columns ------------------------------------------------------------------------------
    // The column's name when it cannot be the field's (a space, a reserved word, mixed case).
    TableBuilder& column_name(ColumnRef<T> column, std::string name) {
        draft_.column_name(column.index(), std::move(name));
        return *this;
    }
    // A server-side default, as SQL text: "0", "'draft'", "CURRENT_TIMESTAMP".
    TableBuilder& server_default(ColumnRef<T> column, std::string sql) {
        draft_.server_default(column.index(), std::move(sql));
        return *this;
    }
    TableBuilder& comment(ColumnRef<T> column, std::string text) {
        draft_.comment(column.index(), std::move(text));
        return *this;
    }
    // Overrides the column type the field's C++ type gives (nullability stays the field's).
    TableBuilder& type(ColumnRef<T> column, ColumnType column_type) {
        draft_.type(column.index(), std::move(column_type));
        return *this;
    }
    template <class W>
    requires is_column_type<W> TableBuilder& type(ColumnRef<T> column, const W& /*tag*/) {
        return type(column, column_traits<W>::type());
    }
    // The portable spelling of model JSON: "numeric(10,2)", "string(40)", or a raw type.
    TableBuilder& type(ColumnRef<T> column, const char* spelling) {
        return type(column, parse_column_type(spelling));
    }
    TableBuilder& collation(ColumnRef<T> column, std::string name) {
        draft_.collation(column.index(), std::move(name));
        return *this;
    }
    TableBuilder& generated(ColumnRef<T> column, std::string expression, bool is_stored = false) {
        draft_.generated(column.index(), std::move(expression), is_stored);
        return *this;
    }
    // The column's previous name, so the diff renames instead of dropping and adding.
    TableBuilder& renamed_from(ColumnRef<T> column, std::string old_name) {
        draft_.renamed_from(column.index(), std::move(old_name));
        return *this;
    }

    // --- The table ----------------------------------------------------------------------------
    TableBuilder& comment(std::string text) {
        draft_.table_comment(std::move(text));
        return *this;
    }
    TableBuilder& renamed_from(std::string old_name) {
        draft_.table_renamed_from(std::move(old_name));
        return *this;
    }
    TableBuilder& without_rowid() {
        draft_.without_rowid();
        return *this;
    }
    TableBuilder& strict() {
        draft_.strict();
        return *this;
    }

    [[nodiscard]] Table to_table() const { return draft_.to_table(); }

private:
    static std::vector<Column> all_columns() {
        return []<std::size_t... I>(std::index_sequence<I...>) {
            return std::vector<Column>{detail::field_column<T, I>()...};
        }
        (std::make_index_sequence<field_count<T>>{});
    }
    static std::vector<std::size_t> indexes(Columns columns) {
        std::vector<std::size_t> out;
        for (const auto& column : columns) out.push_back(column.index());
        return out;
    }
    TableBuilder& add_index(std::string name, Keys keys, bool is_unique) {
        std::vector<detail::IndexKeyData> data;
        for (const auto& key : keys) data.push_back(key.data());
        draft_.index(std::move(name), std::move(data), is_unique);
        return *this;
    }

    detail::TableDraft draft_;
};

// Starts the declaration of model T as the table `table_name` (the name is always explicit:
// the database's name is a decision, not a spelling of the C++ type).
template <class T>
[[nodiscard]] TableBuilder<T> table(std::string table_name) {
    static_assert(std::is_aggregate_v<T>,
                  "schemadiff: a model must be an aggregate struct (public fields, no "
                  "constructors, no base classes)");
    return TableBuilder<T>(std::move(table_name));
}

}  // namespace schemadiff::reflect
