#include "schemadiff/core/naming_convention.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_set>

#include "naming_template.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff {

namespace {

using detail::NamedKind;
using detail::NamingInputs;
using detail::NamingTemplate;

struct Templates {
    NamingTemplate primary_key;
    NamingTemplate foreign_key;
    NamingTemplate unique;
    NamingTemplate index;
    NamingTemplate check;
};

Templates parse(const NamingConvention& convention) {
    return {NamingTemplate(NamedKind::PrimaryKey, convention.primary_key),
            NamingTemplate(NamedKind::ForeignKey, convention.foreign_key),
            NamingTemplate(NamedKind::Unique, convention.unique),
            NamingTemplate(NamedKind::Index, convention.index),
            NamingTemplate(NamedKind::Check, convention.check)};
}

// FNV-1a, 32 bits: small, stable across platforms and releases, good enough to tell cut names
// apart.
std::uint32_t fnv1a(std::string_view s) {
    std::uint32_t hash = 2166136261U;
    for (char c : s) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 16777619U;
    }
    return hash;
}

// `name` itself when it fits; otherwise its first bytes (never half a UTF-8 character), "_" and
// the hash of the whole name in 8 hex digits, `max_length` bytes in all.
std::string fit(const std::string& name, std::size_t max_length) {
    if (max_length == 0 || name.size() <= max_length) return name;
    const std::string hash = fmt::format("{:08x}", fnv1a(name));
    if (max_length <= hash.size() + 1) return hash.substr(0, max_length);
    std::size_t keep = max_length - hash.size() - 1;
    while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0U) == 0x80U) --keep;
    return name.substr(0, keep) + "_" + hash;
}

bool is_named(const std::optional<std::string>& name) { return name && !name->empty(); }

// Hands out names unique within one table, across every kind (PostgreSQL and SQLite keep index
// and constraint names in shared namespaces), compared ignoring ASCII case.
class TableNamer {
public:
    TableNamer(const Table& table, std::size_t max_length) : max_length_(max_length) {
        if (is_named(table.primary_key.name)) take(*table.primary_key.name);
        for (const auto& index : table.indexes) take(index.name);
        for (const auto& unique : table.unique_constraints) take(unique.name.value_or(""));
        for (const auto& key : table.foreign_keys) take(key.name.value_or(""));
        for (const auto& check : table.checks) take(check.name.value_or(""));
    }

    // nullopt when the template is empty or expands to nothing: the item stays unnamed.
    std::optional<std::string> name(const std::string& base) {
        if (base.empty()) return std::nullopt;
        std::string candidate = fit(base, max_length_);
        for (int clash = 2; taken_.count(text::to_lower(candidate)) != 0; ++clash) {
            candidate = fit(fmt::format("{}_{}", base, clash), max_length_);
        }
        take(candidate);
        return candidate;
    }

private:
    void take(const std::string& name) {
        if (!name.empty()) taken_.insert(text::to_lower(name));
    }

    std::size_t max_length_;
    std::unordered_set<std::string> taken_;
};

std::vector<std::string> part_names(const Index& index) {
    std::vector<std::string> names;
    for (const auto& part : index.parts) names.push_back(part.expression ? "expr" : part.column);
    return names;
}

// What orders unnamed indexes before they are named, so that clashes resolve the same way
// whatever order the model listed them in.
std::string index_signature(const Index& index) {
    std::string key = index.is_unique ? "u" : "i";
    for (const auto& part : index.parts) {
        key += '\x1f' + (part.expression ? "(" + *part.expression + ")" : part.column);
        key += part.operator_class ? " " + *part.operator_class : "";
        key += part.is_descending ? " desc" : "";
    }
    return key + '\x1f' + index.where.value_or("");
}

std::vector<std::string> referred_columns(const Schema& schema, const Table& table,
                                          const ForeignKey& key, bool is_needed) {
    if (!key.referenced_columns.empty() || !is_needed) return key.referenced_columns;
    const Table* target = key.referenced_schema ? nullptr : schema.find_table(key.referenced_table);
    if (target == nullptr || target->primary_key.empty()) {
        throw Error(ErrorKind::InvalidModel,
                    "the naming convention needs the referenced columns of a foreign key",
                    fmt::format("table {}, foreign key ({}) to {}, which has no primary key; "
                                "list the referenced columns",
                                table.name, text::join(key.columns, ", "), key.referenced_table));
    }
    return target->primary_key.columns;
}

void name_table(Table& table, const Schema& schema, const Templates& templates,
                std::size_t max_length) {
    TableNamer namer(table, max_length);
    if (!table.primary_key.empty() && !is_named(table.primary_key.name)) {
        table.primary_key.name =
            namer.name(templates.primary_key.expand({table.name, table.primary_key.columns}));
    }
    for (auto& unique : table.unique_constraints) {
        if (is_named(unique.name)) continue;
        unique.name = namer.name(templates.unique.expand({table.name, unique.columns}));
    }
    std::vector<Index*> unnamed;
    for (auto& index : table.indexes) {
        if (index.name.empty()) unnamed.push_back(&index);
    }
    std::stable_sort(unnamed.begin(), unnamed.end(), [](const Index* a, const Index* b) {
        return index_signature(*a) < index_signature(*b);
    });
    for (Index* index : unnamed) {
        index->name =
            namer.name(templates.index.expand({table.name, part_names(*index)})).value_or("");
    }
    const bool needs_referred = templates.foreign_key.uses_referred_columns();
    for (auto& key : table.foreign_keys) {
        if (is_named(key.name)) continue;
        key.name = namer.name(
            templates.foreign_key.expand({table.name, key.columns, key.referenced_table,
                                          referred_columns(schema, table, key, needs_referred)}));
    }
    const auto unnamed_checks = static_cast<std::size_t>(
        std::count_if(table.checks.begin(), table.checks.end(),
                      [](const CheckConstraint& check) { return !is_named(check.name); }));
    std::size_t number = 0;
    for (auto& check : table.checks) {
        if (is_named(check.name)) continue;
        std::string base = templates.check.expand({table.name, {}});
        if (!base.empty() && unnamed_checks > 1) base += fmt::format("_{}", ++number);
        check.name = namer.name(base);
    }
}

}  // namespace

bool NamingConvention::empty() const {
    return primary_key.empty() && foreign_key.empty() && unique.empty() && index.empty() &&
           check.empty();
}

NamingConvention default_naming_convention() {
    NamingConvention convention;
    convention.primary_key = "pk_%(table_name)s";
    convention.foreign_key = "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s";
    convention.unique = "uq_%(table_name)s_%(column_0_N_name)s";
    convention.index = "ix_%(table_name)s_%(column_0_N_name)s";
    convention.check = "ck_%(table_name)s";
    return convention;
}

void validate_naming_convention(const NamingConvention& convention) {
    static_cast<void>(parse(convention));
}

void apply_naming_convention(Schema& schema, const NamingConvention& convention,
                             std::size_t max_identifier_length) {
    if (convention.empty()) return;
    const Templates templates = parse(convention);
    // Canonical first: unnamed uniques, foreign keys and checks are then in content order, so
    // numbering and clash suffixes do not depend on the order the model listed them in.
    canonicalize(schema);
    for (auto& table : schema.tables) name_table(table, schema, templates, max_identifier_length);
    canonicalize(schema);
}

}  // namespace schemadiff
