#include "schemadiff/reflect/registry.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/schema_json.hpp"

namespace schemadiff::reflect {

namespace {

// Table names compare as SQLite and MySQL (on most systems) fold them: ASCII case-insensitive.
std::string folded(std::string_view name) {
    std::string out(name);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

[[noreturn]] void fail(std::string message, const Table& table) {
    throw Error(ErrorKind::InvalidModel, std::move(message), "table " + table.name);
}

void check_unique_names(const std::vector<Table>& tables) {
    std::map<std::string, const Table*> seen;
    for (const auto& table : tables) {
        auto [it, is_new] = seen.emplace(folded(table.name), &table);
        if (!is_new) {
            fail("two models declare the table " + table.name +
                     (it->second->name == table.name ? std::string()
                                                     : " (and " + it->second->name + ")"),
                 table);
        }
    }
}

const Table* find_folded(const std::vector<Table>& tables, std::string_view name) {
    const std::string key = folded(name);
    for (const auto& table : tables) {
        if (folded(table.name) == key) return &table;
    }
    return nullptr;
}

void check_foreign_keys(const std::vector<Table>& tables) {
    for (const auto& table : tables) {
        for (const auto& key : table.foreign_keys) {
            if (key.referenced_schema) continue;  // another schema's table: no model to check
            const std::string what = "foreign key (" + [&] {
                std::string cols;
                for (const auto& c : key.columns) cols += (cols.empty() ? "" : ", ") + c;
                return cols;
            }() + ") to " + key.referenced_table;
            // Exact names only: PostgreSQL keeps quoted names case-sensitive.
            const Table* target = nullptr;
            for (const auto& candidate : tables) {
                if (candidate.name == key.referenced_table) target = &candidate;
            }
            if (target == nullptr) {
                const Table* near = find_folded(tables, key.referenced_table);
                fail(what + ": no model declares that table" +
                         (near != nullptr ? " (did you mean " + near->name + "?)" : std::string()),
                     table);
            }
            const auto& referenced = key.referenced_columns.empty() ? target->primary_key.columns
                                                                    : key.referenced_columns;
            if (key.referenced_columns.empty() && referenced.empty()) {
                fail(what + ": that table has no primary key; name the referenced columns", table);
            }
            if (referenced.size() != key.columns.size()) {
                fail(what + ": " + std::to_string(key.columns.size()) + " column(s) refer to " +
                         std::to_string(referenced.size()),
                     table);
            }
            for (const auto& column : referenced) {
                if (target->find_column(column) == nullptr) {
                    fail(what + ": table " + target->name + " has no column " + column, table);
                }
            }
        }
    }
}

// SQL has no unnamed index: with no index naming convention, every index needs its own name.
void check_index_names(const std::vector<Table>& tables) {
    for (const auto& table : tables) {
        for (const auto& index : table.indexes) {
            if (!index.name.empty()) continue;
            std::string parts;
            for (const auto& part : index.parts) {
                parts += (parts.empty() ? "" : ", ") +
                         (part.expression ? *part.expression : part.column);
            }
            fail("index on (" + parts +
                     ") has no name; name it in index(), or set a naming "
                     "convention with an index template",
                 table);
        }
    }
}

}  // namespace

Registry& Registry::add_table(Table table) {
    if (table.name.empty()) {
        if (!error_) error_ = Error(ErrorKind::InvalidModel, "a model table has no name");
        return *this;
    }
    tables_.push_back(std::move(table));
    return *this;
}

Registry& Registry::naming_convention(NamingConvention convention) {
    validate_naming_convention(convention);
    convention_ = std::move(convention);
    return *this;
}

Schema Registry::schema() const {
    if (error_) throw *error_;
    // Checked in canonical order, so the first error reported does not depend on add order.
    Schema schema;
    schema.tables = tables_;
    canonicalize(schema);
    check_unique_names(schema.tables);
    check_foreign_keys(schema.tables);
    apply_naming_convention(schema, convention_);
    check_index_names(schema.tables);
    return schema;
}

std::string Registry::to_json() const { return schema_to_json(schema()); }

}  // namespace schemadiff::reflect
