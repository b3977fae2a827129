// Column comparison: what counts as a change is decided on normalised forms (canonical types,
// normalised defaults and expressions, case-insensitive collations), so spellings that mean the
// same never show up as an AlterColumn.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/text.hpp"
#include "table_changes.hpp"

namespace schemadiff::diff::detail {

namespace {

std::vector<std::string> keys_of(const std::vector<std::string>& names,
                                 const DiffContext& context) {
    std::vector<std::string> keys;
    keys.reserve(names.size());
    for (const auto& name : names) keys.push_back(context.key(name));
    return keys;
}

bool contains(const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// The value, unless absent or blank; a view of it, nothing copied.
std::optional<std::string_view> non_empty(const std::optional<std::string>& value) {
    if (!value || text::trim(*value).empty()) return std::nullopt;
    return std::string_view(*value);
}

// The default as compared: absent for generated columns and for an explicit NULL.
std::optional<std::string> effective_default(const Column& column, const Dialect& dialect) {
    if (column.generated || !column.default_sql || text::trim(*column.default_sql).empty()) {
        return std::nullopt;
    }
    std::string normalized = dialect.normalize_default(*column.default_sql, column.type);
    if (text::iequals(text::strip_outer_parentheses(normalized), "NULL")) return std::nullopt;
    return normalized;
}

bool same_generated(const Column& a, const Column& b, const Dialect& dialect) {
    if (a.generated.has_value() != b.generated.has_value()) return false;
    if (!a.generated || *a.generated == *b.generated) return true;
    return a.generated->is_stored == b.generated->is_stored &&
           dialect.normalize_expression(a.generated->expression) ==
               dialect.normalize_expression(b.generated->expression);
}

bool same_collation(const Column& a, const Column& b) {
    const auto x = non_empty(a.collation);
    const auto y = non_empty(b.collation);
    if (x.has_value() != y.has_value()) return false;
    return !x || text::iequals(text::trim(*x), text::trim(*y));
}

// The type a column is compared by. A named enum type's values are the type's own operations
// (AlterEnumType): its columns only change when they move to another type.
ColumnType compared_type(const Column& column, const Dialect& dialect) {
    ColumnType type = dialect.canonical_column_type(column);
    if (type.kind == TypeKind::Enum && !type.enum_name.empty()) type.enum_values.clear();
    return type;
}

// `from` is the current column under its target name. Only what differs is copied from the
// target into `to`, so a dialect rendering the change sees exactly the properties that change.
std::optional<AlterColumn> compare_column(const Column& from, const Column& target,
                                          bool is_key_column, const std::string& table,
                                          const DiffContext& context) {
    const Dialect& dialect = context.dialect();
    const DiffOptions& options = context.options();
    // Equal values need no normalising: almost every pair compared is equal as it stands.
    const bool is_same_type = from.type == target.type;
    const bool type_changes = options.compare_types && !is_same_type &&
                              compared_type(from, dialect) != compared_type(target, dialect);
    // Primary-key columns cannot hold NULL wherever the key is enforced; what a catalog reports
    // for them is not a difference.
    const bool nullability_changes = !is_key_column && from.is_nullable != target.is_nullable;
    const bool generation_changes = !same_generated(from, target, dialect);
    // A default normalises by its column's type, so equal texts are equal only on equal types.
    const bool is_same_default = is_same_type && from.default_sql == target.default_sql &&
                                 from.generated.has_value() == target.generated.has_value();
    const bool default_changes =
        options.compare_defaults && !is_same_default &&
        effective_default(from, dialect) != effective_default(target, dialect);
    const bool collation_changes = !same_collation(from, target);
    const bool comment_changes =
        options.compare_comments && non_empty(from.comment) != non_empty(target.comment);
    const bool autoincrement_changes = from.is_autoincrement != target.is_autoincrement;
    const bool identity_changes = from.identity != target.identity;
    if (!type_changes && !nullability_changes && !generation_changes && !default_changes &&
        !collation_changes && !comment_changes && !autoincrement_changes && !identity_changes) {
        return std::nullopt;
    }
    Column to = from;
    if (type_changes) to.type = target.type;
    if (nullability_changes) to.is_nullable = target.is_nullable;
    if (generation_changes) to.generated = target.generated;
    if (default_changes) to.default_sql = target.default_sql;
    if (collation_changes) to.collation = target.collation;
    if (comment_changes) to.comment = target.comment;
    if (autoincrement_changes || identity_changes) to.is_autoincrement = target.is_autoincrement;
    if (identity_changes) to.identity = target.identity;
    return AlterColumn{table, from, without_hints(std::move(to))};
}

}  // namespace

void compare_columns(const DiffContext& context, TableChanges& changes) {
    const Table& current = *changes.current;
    const Table& target = *changes.target;
    const Table& renamed = *changes.renamed;
    const std::string& table = target.name;
    const std::vector<std::string> current_key = keys_of(renamed.primary_key.columns, context);
    const std::vector<std::string> target_key = keys_of(target.primary_key.columns, context);
    for (std::size_t i = 0; i < target.columns.size(); ++i) {
        const Column& column = target.columns[i];
        const auto source = changes.columns.source[i];
        if (!source) {
            changes.add_columns.emplace_back(AddColumn{table, without_hints(column)});
            continue;
        }
        if (changes.columns.is_renamed[i]) {
            changes.rename_columns.emplace_back(
                RenameColumn{table, current.columns[*source].name, column.name});
        }
        const Column& from = renamed.columns[*source];
        const std::string key = context.key(column.name);
        const bool is_key_column = contains(current_key, key) && contains(target_key, key);
        if (auto altered = compare_column(from, column, is_key_column, table, context)) {
            changes.alter_columns.emplace_back(std::move(*altered));
        }
    }
    for (const std::size_t index : changes.columns.dropped) {
        changes.drop_columns.emplace_back(DropColumn{table, renamed.columns[index]});
    }
}

}  // namespace schemadiff::diff::detail
