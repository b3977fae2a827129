// build_schema: catalog rows -> core::Schema (the rules are in postgresql_catalog.hpp).
#include <fmt/format.h>

#include <unordered_map>

#include "postgresql_catalog.hpp"
#include "schemadiff/core/text.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace schemadiff::postgresql::detail {

namespace {

constexpr long long kDescending = 1;  // indoption bits (pg_index.h)
constexpr long long kNullsFirst = 2;

bool is_excluded(std::string_view name, const ReadOptions& options) {
    const std::string& version = options.version_table;
    if (!version.empty()) {
        if (name == version) return true;
        if (name.size() > version.size() + 1 && name.substr(0, version.size()) == version &&
            name[version.size()] == '_') {
            return true;
        }
    }
    for (const auto& excluded : options.excluded_tables) {
        if (name == excluded) return true;
    }
    return false;
}

ForeignKeyAction action_of(std::string_view code) {
    if (code == "r") return ForeignKeyAction::Restrict;
    if (code == "c") return ForeignKeyAction::Cascade;
    if (code == "n") return ForeignKeyAction::SetNull;
    if (code == "d") return ForeignKeyAction::SetDefault;
    return ForeignKeyAction::NoAction;
}

// "CHECK (expr)" (with NOT VALID / NO INHERIT after it) -> "expr".
std::string check_expression(std::string_view definition) {
    std::string_view text = text::trim(definition);
    for (const std::string_view suffix : {" NOT VALID", " NO INHERIT"}) {
        while (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix) {
            text.remove_suffix(suffix.size());
        }
    }
    constexpr std::string_view kCheck = "CHECK ";
    if (text.substr(0, kCheck.size()) == kCheck) text.remove_prefix(kCheck.size());
    return text::strip_outer_parentheses(text);
}

class Builder {
public:
    Builder(const CatalogRows& rows, const ReadOptions& options, const Dialect& dialect)
        : rows_(rows), options_(options), dialect_(dialect) {}

    Schema build() {
        for (const auto& row : rows_.tables) {
            if (is_excluded(row.name, options_)) continue;
            Table table;
            table.name = row.name;
            table.comment = row.comment;
            tables_.emplace(row.oid, schema_.tables.size());
            schema_.tables.push_back(std::move(table));
        }
        for (const auto& row : rows_.enum_values) {
            auto& type = enums_[row.type_oid];
            if (type.kind != TypeKind::Enum) {
                type = ColumnType::of(TypeKind::Enum);
                type.enum_name = row.type_name;
            }
            type.enum_values.push_back(row.value);
        }
        // Every enum type of the schema, used by a column or not (so an unused one is dropped
        // when the models no longer have it).
        std::unordered_map<long long, std::size_t> listed;
        for (const auto& row : rows_.enum_values) {
            if (!row.is_listed) continue;
            const auto [it, is_new] = listed.try_emplace(row.type_oid, schema_.enum_types.size());
            if (is_new) schema_.enum_types.push_back(EnumType{row.type_name, {}});
            schema_.enum_types[it->second].values.push_back(row.value);
        }
        add_columns();
        add_constraints();
        add_indexes();
        for (const auto& row : rows_.views) {
            schema_.views.push_back(View{
                row.name, view_statement(row.name, row.is_materialized, row.definition, dialect_)});
        }
        for (const auto& row : rows_.triggers) {
            if (Table* table = table_of(row.table)) {
                table->triggers.push_back(Trigger{row.name, row.definition});
            }
        }
        canonicalize(schema_);
        return std::move(schema_);
    }

private:
    Table* table_of(long long oid) {
        const auto found = tables_.find(oid);
        return found == tables_.end() ? nullptr : &schema_.tables[found->second];
    }

    void add_columns() {
        // The rows come table by table: each table's list is sized once.
        for (std::size_t first = 0; first < rows_.columns.size();) {
            std::size_t end = first;
            while (end < rows_.columns.size() &&
                   rows_.columns[end].table == rows_.columns[first].table) {
                ++end;
            }
            if (Table* table = table_of(rows_.columns[first].table)) {
                table->columns.reserve(table->columns.size() + (end - first));
            }
            first = end;
        }
        for (const auto& row : rows_.columns) {
            Table* table = table_of(row.table);
            if (table == nullptr) continue;
            Column column;
            column.name = row.name;
            const auto found = row.is_enum ? enums_.find(row.type_oid) : enums_.end();
            column.type = found != enums_.end() ? found->second : normalized_type(row.type);
            column.is_nullable = !row.is_not_null;
            if (row.identity == "a" || row.identity == "d") {
                column.identity =
                    row.identity == "a" ? IdentityKind::Always : IdentityKind::ByDefault;
                column.is_autoincrement = true;
            } else if (row.generated == "s" && row.default_sql) {
                column.generated = GeneratedColumn{*row.default_sql, true};
            } else if (is_serial(row)) {
                column.is_autoincrement = true;
            } else {
                column.default_sql = row.default_sql;
            }
            column.collation = row.collation;
            column.comment = row.comment;
            table->columns.push_back(std::move(column));
        }
    }

    // A large catalog spells few distinct types: normalise each spelling once.
    const ColumnType& normalized_type(const std::string& spelling) {
        const auto found = types_.find(spelling);
        if (found != types_.end()) return found->second;
        return types_.emplace(spelling, dialect_.normalize_type(spelling)).first->second;
    }

    // A serial's default is exactly nextval() of the sequence the column owns: one call, with
    // nothing around it ("nextval('t_id_seq'::regclass)").
    static bool is_serial(const CatalogRows::ColumnRow& row) {
        if (!row.owns_sequence || !row.default_sql) return false;
        const std::string_view text = *row.default_sql;
        constexpr std::string_view kCall = "nextval('";
        constexpr std::string_view kEnd = "'::regclass)";
        return text.substr(0, kCall.size()) == kCall && text.size() > kCall.size() + kEnd.size() &&
               text.substr(text.size() - kEnd.size()) == kEnd &&
               text.find("nextval(", kCall.size()) == std::string_view::npos;
    }

    void add_constraints() {
        std::unordered_map<long long, std::vector<const CatalogRows::ConstraintColumnRow*>> keys;
        for (const auto& row : rows_.constraint_columns) keys[row.constraint].push_back(&row);
        for (const auto& row : rows_.constraints) {
            Table* table = table_of(row.table);
            if (table == nullptr) continue;
            std::vector<std::string> columns;
            std::vector<std::string> referenced;
            for (const auto* key : keys[row.oid]) {
                columns.push_back(key->column);
                if (key->referenced_column) referenced.push_back(*key->referenced_column);
            }
            if (row.type == "p") {
                table->primary_key = PrimaryKey{row.name, std::move(columns)};
            } else if (row.type == "u") {
                table->unique_constraints.push_back(UniqueConstraint{row.name, std::move(columns)});
            } else if (row.type == "f") {
                ForeignKey fk;
                fk.name = row.name;
                fk.columns = std::move(columns);
                fk.referenced_table = row.referenced_table;
                fk.referenced_schema = row.referenced_schema;
                fk.referenced_columns = std::move(referenced);
                fk.on_delete = action_of(row.on_delete);
                fk.on_update = action_of(row.on_update);
                fk.is_deferrable = row.is_deferrable;
                fk.is_initially_deferred = row.is_initially_deferred;
                fk.is_match_full = row.match == "f";
                table->foreign_keys.push_back(std::move(fk));
            } else if (row.type == "c" && !is_enum_check(*table, row, columns)) {
                table->checks.push_back(
                    CheckConstraint{row.name, check_expression(row.definition)});
            }
        }
    }

    // A one-column CHECK listing a text column's values is that column's enum type.
    static bool is_enum_check(Table& table, const CatalogRows::ConstraintRow& row,
                              const std::vector<std::string>& columns) {
        if (columns.size() != 1) return false;
        for (auto& column : table.columns) {
            if (column.name != columns.front()) continue;
            if (column.type.kind != TypeKind::Text && column.type.kind != TypeKind::String) {
                return false;
            }
            auto values = enum_check_values(row.definition, column.name);
            if (!values) return false;
            column.type = ColumnType::enumeration(std::move(*values));
            return true;
        }
        return false;
    }

    void add_indexes() {
        std::unordered_map<long long, std::vector<const CatalogRows::IndexPartRow*>> parts;
        for (const auto& row : rows_.index_parts) parts[row.index].push_back(&row);
        for (const auto& row : rows_.indexes) {
            Table* table = table_of(row.table);
            if (table == nullptr) continue;
            Index index;
            index.name = row.name;
            index.is_unique = row.is_unique;
            index.where = row.predicate;
            if (row.method != "btree") index.method = row.method;
            for (const auto* part_row : parts[row.oid]) {
                if (part_row->position > row.key_count) {
                    index.include.push_back(part_row->column_name.value_or(part_row->definition));
                    continue;
                }
                index.parts.push_back(index_part(*part_row));
            }
            table->indexes.push_back(std::move(index));
        }
    }

    static IndexPart index_part(const CatalogRows::IndexPartRow& row) {
        IndexPart part;
        if (row.column != 0 && row.column_name) {
            part.column = *row.column_name;
        } else {
            part.expression = row.definition;
        }
        part.is_descending = (row.option & kDescending) != 0;
        // The default is NULLS LAST ascending and NULLS FIRST descending.
        const bool nulls_first = (row.option & kNullsFirst) != 0;
        if (nulls_first != part.is_descending) part.nulls_first = nulls_first;
        part.collation = row.collation;
        part.operator_class = row.operator_class;
        return part;
    }

    const CatalogRows& rows_;
    const ReadOptions& options_;
    const Dialect& dialect_;
    Schema schema_;
    std::unordered_map<long long, std::size_t> tables_;
    std::unordered_map<long long, ColumnType> enums_;
    std::unordered_map<std::string, ColumnType> types_;
};

}  // namespace

std::string view_statement(std::string_view name, bool is_materialized, std::string_view definition,
                           const Dialect& dialect) {
    std::string_view body = text::trim(definition);
    if (!body.empty() && body.back() == ';') body.remove_suffix(1);
    return fmt::format("CREATE {}VIEW {} AS\n{}", is_materialized ? "MATERIALIZED " : "",
                       dialect.quote_identifier(name), body);
}

Schema build_schema(const CatalogRows& rows, const ReadOptions& options, const Dialect& dialect) {
    return Builder(rows, options, dialect).build();
}

}  // namespace schemadiff::postgresql::detail
