#include "schemadiff/reflect/table_draft.hpp"

#include <algorithm>
#include <utility>

#include "schemadiff/core/error.hpp"

namespace schemadiff::reflect::detail {

TableDraft::TableDraft(std::string table_name, std::vector<Column> columns) {
    table_.name = std::move(table_name);
    table_.columns = std::move(columns);
    if (table_.name.empty()) fail("table<T>(name): the table name is empty");
}

void TableDraft::fail(std::string message) const {
    throw Error(ErrorKind::InvalidModel, std::move(message), "table " + table_.name);
}

Column& TableDraft::column_at(std::size_t field, std::string_view declaration) {
    if (field >= table_.columns.size()) {
        fail(std::string(declaration) + ": no such field");  // unreachable through ColumnRef
    }
    return table_.columns[field];
}

void TableDraft::require_fields(const std::vector<std::size_t>& fields,
                                std::string_view declaration) {
    if (fields.empty()) fail(std::string(declaration) + ": names no column");
    for (std::size_t i = 0; i < fields.size(); ++i) {
        column_at(fields[i], declaration);
        if (std::find(fields.begin(), fields.begin() + static_cast<std::ptrdiff_t>(i), fields[i]) !=
            fields.begin() + static_cast<std::ptrdiff_t>(i)) {
            fail(std::string(declaration) + ": column " + table_.columns[fields[i]].name +
                 " is listed twice");
        }
    }
}

std::vector<std::string> TableDraft::names_of(const std::vector<std::size_t>& fields) const {
    std::vector<std::string> out;
    out.reserve(fields.size());
    for (std::size_t field : fields) out.push_back(table_.columns[field].name);
    return out;
}

void TableDraft::primary_key(std::vector<std::size_t> fields) {
    if (primary_key_) fail("primary_key() is declared twice");
    require_fields(fields, "primary_key()");
    primary_key_ = std::move(fields);
    last_ = Last::PrimaryKey;
}

void TableDraft::autoincrement(std::size_t field) {
    if (autoincrement_) fail("autoincrement() is declared twice");
    if (!is_integer_kind(column_at(field, "autoincrement()").type.kind)) {
        fail("autoincrement(): column " + table_.columns[field].name + " is not an integer");
    }
    autoincrement_ = field;
    last_ = Last::None;
}

void TableDraft::index(std::string name, std::vector<IndexKeyData> keys, bool is_unique) {
    if (keys.empty()) fail("index(" + name + "): names no column or expression");
    for (const auto& key : keys) {
        if (key.field) column_at(*key.field, "index()");
        if (key.expression && key.expression->empty()) fail("index(): an empty expression");
        if (key.operator_class && key.operator_class->empty()) {
            fail("operator_class(): the operator class name is empty");
        }
    }
    if (!name.empty() && std::any_of(indexes_.begin(), indexes_.end(),
                                     [&](const PendingIndex& i) { return i.name == name; })) {
        fail("index " + name + " is declared twice");
    }
    indexes_.push_back(
        PendingIndex{std::move(name), std::move(keys), is_unique, std::nullopt, std::string()});
    last_ = Last::Index;
}

void TableDraft::where(std::string predicate) {
    if (last_ != Last::Index) fail("where() must follow index() or unique_index()");
    if (predicate.empty()) fail("where(): the predicate is empty");
    indexes_.back().where = std::move(predicate);
}

void TableDraft::method(std::string name) {
    if (last_ != Last::Index) fail("method() must follow index() or unique_index()");
    if (name.empty()) fail("method(): the access method is empty");
    indexes_.back().method = std::move(name);
}

void TableDraft::unique(std::optional<std::string> name, std::vector<std::size_t> fields) {
    require_fields(fields, "unique()");
    uniques_.push_back(PendingUnique{std::move(name), std::move(fields)});
    last_ = Last::Unique;
}

void TableDraft::foreign_key(std::vector<std::size_t> fields, std::string referenced_table,
                             std::vector<std::string> referenced_columns) {
    require_fields(fields, "foreign_key()");
    if (referenced_table.empty()) fail("foreign_key(): the referenced table is empty");
    if (!referenced_columns.empty() && referenced_columns.size() != fields.size()) {
        fail("foreign_key() to " + referenced_table + ": " + std::to_string(fields.size()) +
             " column(s) refer to " + std::to_string(referenced_columns.size()));
    }
    PendingForeignKey pending;
    pending.key.referenced_table = std::move(referenced_table);
    pending.key.referenced_columns = std::move(referenced_columns);
    pending.fields = std::move(fields);
    foreign_keys_.push_back(std::move(pending));
    last_ = Last::ForeignKey;
}

TableDraft::PendingForeignKey& TableDraft::last_foreign_key(std::string_view declaration) {
    if (last_ != Last::ForeignKey) fail(std::string(declaration) + " must follow foreign_key()");
    return foreign_keys_.back();
}

void TableDraft::on_delete(ForeignKeyAction action) {
    last_foreign_key("on_delete()").key.on_delete = action;
}

void TableDraft::on_update(ForeignKeyAction action) {
    last_foreign_key("on_update()").key.on_update = action;
}

void TableDraft::deferrable(bool is_initially_deferred) {
    auto& key = last_foreign_key("deferrable()").key;
    key.is_deferrable = true;
    key.is_initially_deferred = is_initially_deferred;
}

void TableDraft::match_full() { last_foreign_key("match_full()").key.is_match_full = true; }

void TableDraft::referenced_schema(std::string schema) {
    auto& key = last_foreign_key("referenced_schema()").key;
    if (schema.empty()) fail("referenced_schema(): the schema is empty");
    // No model describes a table of another schema: its columns cannot be looked up.
    if (key.referenced_columns.empty()) {
        fail("referenced_schema() on the foreign key to " + key.referenced_table +
             ": name the referenced columns in foreign_key()");
    }
    key.referenced_schema = std::move(schema);
}

void TableDraft::check(std::optional<std::string> name, std::string expression) {
    if (expression.empty()) fail("check(): the expression is empty");
    table_.checks.push_back(CheckConstraint{std::move(name), std::move(expression)});
    last_ = Last::Check;
}

void TableDraft::named(std::string name) {
    if (name.empty()) fail("named(): the name is empty");
    switch (last_) {
        case Last::PrimaryKey:
            table_.primary_key.name = std::move(name);
            return;
        case Last::Unique:
            uniques_.back().name = std::move(name);
            return;
        case Last::ForeignKey:
            foreign_keys_.back().key.name = std::move(name);
            return;
        case Last::Check:
            table_.checks.back().name = std::move(name);
            return;
        case Last::Index:
            indexes_.back().name = std::move(name);
            return;
        case Last::None:
            break;
    }
    fail("named() must follow primary_key(), unique(), foreign_key(), check() or index()");
}

void TableDraft::column_name(std::size_t field, std::string name) {
    if (name.empty()) fail("column_name(): the name is empty");
    column_at(field, "column_name()").name = std::move(name);
    last_ = Last::None;
}

void TableDraft::server_default(std::size_t field, std::string sql) {
    if (sql.empty()) fail("server_default(): the expression is empty");
    column_at(field, "server_default()").default_sql = std::move(sql);
    last_ = Last::None;
}

void TableDraft::comment(std::size_t field, std::string text) {
    column_at(field, "comment()").comment = std::move(text);
    last_ = Last::None;
}

void TableDraft::type(std::size_t field, ColumnType column_type) {
    column_at(field, "type()").type = std::move(column_type);
    last_ = Last::None;
}

void TableDraft::collation(std::size_t field, std::string name) {
    if (name.empty()) fail("collation(): the name is empty");
    column_at(field, "collation()").collation = std::move(name);
    last_ = Last::None;
}

void TableDraft::generated(std::size_t field, std::string expression, bool is_stored) {
    if (expression.empty()) fail("generated(): the expression is empty");
    column_at(field, "generated()").generated = GeneratedColumn{std::move(expression), is_stored};
    last_ = Last::None;
}

void TableDraft::renamed_from(std::size_t field, std::string old_name) {
    if (old_name.empty()) fail("renamed_from(): the old name is empty");
    column_at(field, "renamed_from()").renamed_from = std::move(old_name);
    last_ = Last::None;
}

void TableDraft::table_comment(std::string text) {
    table_.comment = std::move(text);
    last_ = Last::None;
}

void TableDraft::table_renamed_from(std::string old_name) {
    if (old_name.empty()) fail("renamed_from(): the old table name is empty");
    if (old_name == table_.name) fail("renamed_from(): the old name is the table's own name");
    table_.renamed_from = std::move(old_name);
    last_ = Last::None;
}

void TableDraft::without_rowid() {
    table_.is_without_rowid = true;
    last_ = Last::None;
}

void TableDraft::strict() {
    table_.is_strict = true;
    last_ = Last::None;
}

Table TableDraft::to_table() const {
    Table table = table_;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        const Column& column = table.columns[i];
        for (std::size_t j = 0; j < i; ++j) {
            if (table.columns[j].name == column.name) {
                fail("two columns are named " + column.name + " (see column_name())");
            }
        }
        if (column.renamed_from && *column.renamed_from == column.name) {
            fail("renamed_from(): column " + column.name + " names itself as its old name");
        }
    }
    if (primary_key_) table.primary_key.columns = names_of(*primary_key_);
    if (autoincrement_) {
        if (!primary_key_ || *primary_key_ != std::vector<std::size_t>{*autoincrement_}) {
            fail("autoincrement(): column " + table.columns[*autoincrement_].name +
                 " must be the table's whole primary key");
        }
        table.columns[*autoincrement_].is_autoincrement = true;
    }
    for (const auto& pending : indexes_) {
        Index index;
        index.name = pending.name;
        index.is_unique = pending.is_unique;
        index.where = pending.where;
        index.method = pending.method;
        for (const auto& key : pending.keys) {
            IndexPart part;
            if (key.field) part.column = table.columns[*key.field].name;
            part.expression = key.expression;
            part.is_descending = key.is_descending;
            part.operator_class = key.operator_class;
            index.parts.push_back(std::move(part));
        }
        table.indexes.push_back(std::move(index));
    }
    for (const auto& pending : uniques_) {
        table.unique_constraints.push_back(
            UniqueConstraint{pending.name, names_of(pending.fields)});
    }
    for (const auto& pending : foreign_keys_) {
        ForeignKey key = pending.key;
        key.columns = names_of(pending.fields);
        table.foreign_keys.push_back(std::move(key));
    }
    return table;
}

}  // namespace schemadiff::reflect::detail
