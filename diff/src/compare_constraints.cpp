// Keys, indexes and constraints of one existing table. Each kind is reduced to Items (a name key
// and a signature) and matched by match_items; an item that changed is dropped and created again.
#include <string>

#include "schemadiff/core/text.hpp"
#include "table_changes.hpp"

namespace schemadiff::diff::detail {

namespace {

constexpr char kField = '\x1f';
constexpr char kGroup = '\x1e';

std::string keys_of(const std::vector<std::string>& names, const DiffContext& context) {
    std::string out;
    for (const auto& name : names) {
        out += context.key(name);
        out += kField;
    }
    return out;
}

std::optional<std::string> name_key(const std::optional<std::string>& name,
                                    const DiffContext& context) {
    if (!name || name->empty()) return std::nullopt;
    return context.key(*name);
}

// The access method as compared: btree is every database's default, spelled or not.
std::string index_method(const Index& index) {
    const std::string method = text::to_lower(text::trim(index.method));
    return method == "btree" ? std::string() : method;
}

Item index_item(const Index& spelled, const DiffContext& context) {
    // What the dialect would create and read back (SQLite drops the PostgreSQL-only parts).
    const Index index = context.dialect().canonical_index(spelled);
    std::string signature = index.is_unique ? "unique" : "index";
    signature += kField;
    signature += index_method(index);
    for (const auto& part : index.parts) {
        signature += kGroup;
        signature += part.expression
                         ? "(" + context.dialect().normalize_expression(*part.expression) + ")"
                         : context.key(part.column);
        signature += kField;
        signature += part.is_descending ? "desc" : "asc";
        // NULLS LAST ascending and NULLS FIRST descending are the default, spelled or not.
        signature += part.nulls_first.value_or(part.is_descending) ? " nulls first" : "";
        signature += kField;
        signature += text::to_lower(text::trim(part.collation.value_or("")));
        signature += kField;
        signature += part.operator_class.value_or("");
    }
    signature += kGroup;
    signature += keys_of(index.include, context);
    signature += kGroup;
    if (index.where) signature += context.dialect().normalize_expression(*index.where);
    return {index.name.empty() ? std::nullopt : std::optional(context.key(index.name)),
            std::move(signature)};
}

Item unique_item(const UniqueConstraint& unique, const DiffContext& context) {
    return {name_key(unique.name, context), keys_of(unique.columns, context)};
}

// `referenced` is the referenced column list with an empty list spelled out.
Item foreign_key_item(const ForeignKey& fk, const std::vector<std::string>& referenced,
                      const DiffContext& context) {
    std::string signature = keys_of(fk.columns, context);
    signature += kGroup;
    if (fk.referenced_schema) signature += context.key(*fk.referenced_schema) + kField;
    signature += context.key(fk.referenced_table) + kGroup;
    signature += keys_of(referenced, context);
    signature += kGroup;
    signature += to_string(fk.on_delete);
    signature += kField;
    signature += to_string(fk.on_update);
    signature += kField;
    signature += fk.is_deferrable ? "deferrable" : "immediate";
    signature += fk.is_deferrable && fk.is_initially_deferred ? " deferred" : "";
    signature += fk.is_match_full ? " match full" : "";
    return {name_key(fk.name, context), std::move(signature)};
}

Item check_item(const CheckConstraint& check, const DiffContext& context) {
    return {name_key(check.name, context),
            context.dialect().normalize_expression(check.expression)};
}

// Lists equal as they stand pair up item by item: nothing to normalise or match (the common
// case, and what keeps the diff of two large, mostly equal schemas cheap).
ItemMatch all_unchanged(std::size_t count) {
    ItemMatch match;
    match.pairs.reserve(count);
    for (std::size_t i = 0; i < count; ++i) match.pairs.emplace_back(i, i);
    return match;
}

template <typename T, typename MakeItem>
ItemMatch match_all(const std::vector<T>& current, const std::vector<T>& target,
                    MakeItem make_item) {
    if (current == target) return all_unchanged(current.size());
    std::vector<Item> current_items;
    std::vector<Item> target_items;
    current_items.reserve(current.size());
    target_items.reserve(target.size());
    for (const auto& item : current) current_items.push_back(make_item(item));
    for (const auto& item : target) target_items.push_back(make_item(item));
    return match_items(current_items, target_items);
}

void compare_primary_key(const DiffContext& context, TableChanges& changes) {
    const PrimaryKey& from = changes.renamed->primary_key;
    const PrimaryKey& to = changes.target->primary_key;
    const auto from_name = name_key(from.name, context);
    const auto to_name = name_key(to.name, context);
    const bool is_renamed = from_name && to_name && *from_name != *to_name;
    if (is_renamed || keys_of(from.columns, context) != keys_of(to.columns, context)) {
        changes.primary_key.emplace_back(AlterPrimaryKey{changes.target->name, from, to});
    }
}

void compare_table_properties(const DiffContext& context, TableChanges& changes) {
    const Table& from = *changes.renamed;
    const Table& to = *changes.target;
    auto comment = [](const std::optional<std::string>& value) {
        return value && !text::trim(*value).empty() ? value : std::nullopt;
    };
    if (context.options().compare_comments && comment(from.comment) != comment(to.comment)) {
        changes.comment.emplace_back(SetTableComment{to.name, from.comment, to.comment});
    }
    if (from.is_without_rowid != to.is_without_rowid) {
        changes.rebuild_reasons.push_back(to.is_without_rowid
                                              ? "the table becomes WITHOUT ROWID"
                                              : "the table stops being WITHOUT ROWID");
    }
    if (from.is_strict != to.is_strict) {
        changes.rebuild_reasons.push_back(to.is_strict ? "the table becomes STRICT"
                                                       : "the table stops being STRICT");
    }
}

}  // namespace

void compare_constraints(const DiffContext& context, TableChanges& changes) {
    const Table& from = *changes.renamed;
    const Table& to = *changes.target;
    const std::string& table = to.name;
    compare_primary_key(context, changes);

    // Foreign keys compare with the referenced primary key spelled out on both sides
    // (renamed_current already did it for the current side).
    ItemMatch fk_match;
    if (from.foreign_keys == to.foreign_keys) {
        fk_match = all_unchanged(from.foreign_keys.size());
    } else {
        std::vector<Item> from_fks;
        std::vector<Item> to_fks;
        for (const auto& fk : from.foreign_keys) {
            from_fks.push_back(foreign_key_item(fk, fk.referenced_columns, context));
        }
        for (const auto& fk : to.foreign_keys) {
            to_fks.push_back(foreign_key_item(fk, context.target_referenced_columns(fk), context));
        }
        fk_match = match_items(from_fks, to_fks);
    }
    const auto checks = match_all(from.checks, to.checks,
                                  [&](const CheckConstraint& c) { return check_item(c, context); });
    const auto uniques =
        match_all(from.unique_constraints, to.unique_constraints,
                  [&](const UniqueConstraint& u) { return unique_item(u, context); });
    const auto indexes =
        match_all(from.indexes, to.indexes, [&](const Index& i) { return index_item(i, context); });

    // Drops: foreign keys first (they may lean on a unique or an index).
    for (const std::size_t i : fk_match.dropped) {
        changes.drop_constraints.emplace_back(DropForeignKey{table, from.foreign_keys[i]});
    }
    for (const std::size_t i : checks.dropped) {
        changes.drop_constraints.emplace_back(DropCheckConstraint{table, from.checks[i]});
    }
    for (const std::size_t i : uniques.dropped) {
        changes.drop_constraints.emplace_back(
            DropUniqueConstraint{table, from.unique_constraints[i]});
    }
    for (const std::size_t i : indexes.dropped) {
        changes.drop_constraints.emplace_back(DropIndex{table, from.indexes[i]});
    }
    // Creates: uniques and indexes before the foreign keys that may rely on them.
    for (const std::size_t i : uniques.added) {
        changes.create_constraints.emplace_back(
            AddUniqueConstraint{table, to.unique_constraints[i]});
    }
    for (const std::size_t i : indexes.added) {
        changes.create_constraints.emplace_back(CreateIndex{table, to.indexes[i]});
    }
    for (const std::size_t i : checks.added) {
        changes.create_constraints.emplace_back(AddCheckConstraint{table, to.checks[i]});
    }
    for (const std::size_t i : fk_match.added) {
        changes.create_constraints.emplace_back(AddForeignKey{table, to.foreign_keys[i]});
    }
    compare_table_properties(context, changes);
}

}  // namespace schemadiff::diff::detail
