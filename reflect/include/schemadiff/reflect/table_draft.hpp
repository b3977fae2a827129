// TableDraft — the non-template half of TableBuilder<T>: a table under construction whose
// declarations name columns by field index, turned into a core::Table by to_table().
//
// Columns are kept in field order; key, index and constraint declarations keep field indices
// and are resolved to column names at the end, so `.column_name(...)` may come in any order.
// Every mistake throws Error(InvalidModel) with the context "table <name>" and the declaration
// in the message ("on_delete() must follow foreign_key()").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/schema.hpp"

namespace schemadiff::reflect::detail {

struct IndexKeyData {
    std::optional<std::size_t> field;       // a column part
    std::optional<std::string> expression;  // an expression part
    bool is_descending = false;
    std::optional<std::string> operator_class;
};

class TableDraft {
public:
    TableDraft(std::string table_name, std::vector<Column> columns);

    void primary_key(std::vector<std::size_t> fields);
    void autoincrement(std::size_t field);
    void index(std::string name, std::vector<IndexKeyData> keys, bool is_unique);
    void where(std::string predicate);
    void method(std::string name);
    void unique(std::optional<std::string> name, std::vector<std::size_t> fields);
    void foreign_key(std::vector<std::size_t> fields, std::string referenced_table,
                     std::vector<std::string> referenced_columns);
    void on_delete(ForeignKeyAction action);
    void on_update(ForeignKeyAction action);
    void deferrable(bool is_initially_deferred);
    void match_full();
    void referenced_schema(std::string schema);
    void check(std::optional<std::string> name, std::string expression);
    void named(std::string name);

    void column_name(std::size_t field, std::string name);
    void server_default(std::size_t field, std::string sql);
    void comment(std::size_t field, std::string text);
    void type(std::size_t field, ColumnType column_type);
    void collation(std::size_t field, std::string name);
    void generated(std::size_t field, std::string expression, bool is_stored);
    void renamed_from(std::size_t field, std::string old_name);

    void table_comment(std::string text);
    void table_renamed_from(std::string old_name);
    void without_rowid();
    void strict();

    [[nodiscard]] const std::string& name() const { return table_.name; }
    // Checks the declarations against each other and returns the table (unnamed keys and
    // constraints stay unnamed: the registry's naming convention names them).
    [[nodiscard]] Table to_table() const;

private:
    enum class Last { None, PrimaryKey, Index, Unique, ForeignKey, Check };

    struct PendingIndex {
        std::string name;
        std::vector<IndexKeyData> keys;
        bool is_unique = false;
        std::optional<std::string> where;
        std::string method;
    };
    struct PendingUnique {
        std::optional<std::string> name;
        std::vector<std::size_t> fields;
    };
    struct PendingForeignKey {
        ForeignKey key;  // columns filled in by to_table()
        std::vector<std::size_t> fields;
    };

    [[noreturn]] void fail(std::string message) const;
    Column& column_at(std::size_t field, std::string_view declaration);
    void require_fields(const std::vector<std::size_t>& fields, std::string_view declaration);
    [[nodiscard]] std::vector<std::string> names_of(const std::vector<std::size_t>& fields) const;
    PendingForeignKey& last_foreign_key(std::string_view declaration);

    Table table_;
    std::optional<std::vector<std::size_t>> primary_key_;
    std::optional<std::size_t> autoincrement_;
    std::vector<PendingIndex> indexes_;
    std::vector<PendingUnique> uniques_;
    std::vector<PendingForeignKey> foreign_keys_;
    Last last_ = Last::None;
};

}  // namespace schemadiff::reflect::detail
