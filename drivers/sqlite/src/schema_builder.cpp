// build_schema: catalog rows plus the parsed CREATE statements -> core::Schema.
//
// Pragmas are the source of truth for what SQLite enforces (columns, types, NOT NULL, defaults,
// key columns, index columns, foreign-key columns and actions); the parsed CREATE TABLE and
// CREATE INDEX texts add what pragmas do not report, matched by position or by signature.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "create_index_parser.hpp"
#include "create_table_parser.hpp"
#include "default_expression.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "sql_tokenizer.hpp"
#include "sqlite_catalog.hpp"

namespace schemadiff::sqlite::detail {

namespace {

std::string key(std::string_view name) { return text::to_lower(name); }

bool is_excluded(std::string_view name, const ReadOptions& options) {
    if (text::starts_with_icase(name, "sqlite_")) return true;
    const std::string& version = options.version_table;
    if (!version.empty()) {
        if (text::iequals(name, version)) return true;
        if (name.size() > version.size() + 1 && text::starts_with_icase(name, version) &&
            name[version.size()] == '_') {
            return true;
        }
    }
    for (const auto& excluded : options.excluded_tables) {
        if (text::iequals(name, excluded)) return true;
    }
    return false;
}

// Built-in collations are case-insensitive names; spell them the one way.
std::string canonical_collation(std::string_view name) {
    const std::string upper = text::to_upper(name);
    if (upper == "BINARY" || upper == "NOCASE" || upper == "RTRIM") return upper;
    return std::string(name);
}

// The values of a CHECK of exactly the shape `column IN ('a', 'b', ...)`, else nullopt.
std::optional<std::vector<std::string>> enum_values(std::string_view check,
                                                    std::string_view column) {
    const std::vector<Token> tokens = tokenize(check);
    if (tokens.size() < 5 || !tokens[0].is_name() || tokens[0].kind == TokenKind::String ||
        !text::iequals(tokens[0].value(), column) || !tokens[1].is_keyword("IN") ||
        !tokens[2].is('(') || !tokens.back().is(')')) {
        return std::nullopt;
    }
    std::vector<std::string> values;
    for (std::size_t i = 3; i + 1 < tokens.size(); i += 2) {
        if (tokens[i].kind != TokenKind::String) return std::nullopt;
        values.push_back(tokens[i].value());
        const bool is_last = i + 2 == tokens.size();
        if (!is_last && !tokens[i + 1].is(',')) return std::nullopt;
    }
    return values;
}

// `rows` with each table's rows together. The catalog queries give them so by construction
// without sorting (sqlite_catalog_queries.hpp); should that ever not hold, a stable sort by
// table regroups them into `regrouped`, keeping the pragma's order within each table.
template <typename Row>
std::span<const Row> grouped_by_table(const std::vector<Row>& rows, std::vector<Row>& regrouped) {
    std::unordered_set<std::string_view> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i > 0 && rows[i].table == rows[i - 1].table) continue;
        if (seen.insert(rows[i].table).second) continue;
        regrouped = rows;
        std::stable_sort(regrouped.begin(), regrouped.end(),
                         [](const Row& a, const Row& b) { return a.table < b.table; });
        return regrouped;
    }
    return rows;
}

// Calls `handle` with each run of consecutive rows that `same_group` puts together (one table's
// columns; one index or foreign key of a table).
template <typename Row, typename SameGroup, typename Handle>
void for_each_group(const std::vector<Row>& all_rows, SameGroup same_group, Handle handle) {
    std::vector<Row> regrouped;
    const std::span<const Row> rows = grouped_by_table(all_rows, regrouped);
    std::size_t start = 0;
    while (start < rows.size()) {
        std::size_t end = start + 1;
        while (end < rows.size() && same_group(rows[start], rows[end])) ++end;
        handle(rows.subspan(start, end - start));
        start = end;
    }
}

struct TableState {
    Table table;
    ParsedCreateTable parsed;
    std::vector<bool> unique_used;  // parsed.uniques matched to an automatic index
    std::vector<bool> foreign_key_used;
    bool has_key_index = false;  // the primary key has an automatic index: it is not the rowid
};

class SchemaBuilder {
public:
    SchemaBuilder(const CatalogRows& rows, const ReadOptions& options)
        : rows_(rows), options_(options) {}

    Schema build() {
        index_objects();
        add_tables();
        add_columns();
        add_indexes();
        apply_key_nullability();
        add_foreign_keys();
        add_triggers_and_views();
        // In canonical (name) order already, so that canonicalize finds little to do.
        std::vector<Table*> tables;
        tables.reserve(tables_.size());
        for (auto& [table_key, state] : tables_) tables.push_back(&state.table);
        std::sort(tables.begin(), tables.end(),
                  [](const Table* a, const Table* b) { return a->name < b->name; });
        Schema schema;
        schema.tables.reserve(tables.size());
        for (Table* table : tables) schema.tables.push_back(std::move(*table));
        schema.views = std::move(views_);
        canonicalize(schema);
        return schema;
    }

private:
    void index_objects() {
        for (const auto& object : rows_.objects) {
            if (object.type == "table") table_objects_.emplace(key(object.name), &object);
        }
    }

    [[nodiscard]] const std::string* table_sql(std::string_view name) const {
        const auto it = table_objects_.find(key(name));
        return it == table_objects_.end() || !it->second->sql ? nullptr : &*it->second->sql;
    }

    TableState* state_of(std::string_view table) {
        const auto it = tables_.find(key(table));
        return it == tables_.end() ? nullptr : &it->second;
    }

    void add_tables() {
        for (const auto& row : rows_.tables) {
            if (is_excluded(row.name, options_)) continue;
            const std::string* sql = table_sql(row.name);
            if (sql == nullptr) continue;
            TableState state;
            try {
                state.parsed = parse_create_table(*sql);
            } catch (const Error& error) {
                throw Error(ErrorKind::Introspection,
                            fmt::format("cannot read the definition of table '{}': {}", row.name,
                                        error.message()),
                            error.context());
            }
            state.table.name = row.name;
            state.table.is_without_rowid = row.is_without_rowid;
            state.table.is_strict = row.is_strict;
            state.unique_used.assign(state.parsed.uniques.size(), false);
            state.foreign_key_used.assign(state.parsed.foreign_keys.size(), false);
            tables_.emplace(key(row.name), std::move(state));
        }
    }

    void add_columns() {
        for_each_group(
            rows_.columns, [](const auto& a, const auto& b) { return a.table == b.table; },
            [this](std::span<const CatalogRows::ColumnRow> rows) {
                TableState* state = state_of(rows.front().table);
                if (state == nullptr) return;
                for (const auto& row : rows) add_column(*state, row, rows.size());
                add_primary_key(*state, rows);
                add_checks(*state);
            });
    }

    // The parsed column for a pragma row: by position when the parser saw the same number of
    // columns (robust to any spelling), else by name.
    static const ParsedColumn* parsed_column(const TableState& state,
                                             const CatalogRows::ColumnRow& row,
                                             std::size_t column_count) {
        const auto& parsed = state.parsed.columns;
        if (parsed.size() == column_count && row.cid >= 0 &&
            static_cast<std::size_t>(row.cid) < parsed.size()) {
            return &parsed[static_cast<std::size_t>(row.cid)];
        }
        for (const auto& column : parsed) {
            if (text::iequals(column.name, row.name)) return &column;
        }
        return nullptr;
    }

    void add_column(TableState& state, const CatalogRows::ColumnRow& row,
                    std::size_t column_count) {
        const ParsedColumn* parsed = parsed_column(state, row, column_count);
        Column column;
        column.name = row.name;
        column.type = column_type(row.declared_type);
        column.is_nullable = !row.is_not_null;
        if (row.default_sql) column.default_sql = catalog_default(*row.default_sql);
        if (row.hidden == 2 || row.hidden == 3) {
            column.generated = GeneratedColumn{
                parsed != nullptr && parsed->generated ? parsed->generated->expression : "",
                row.hidden == 3};
        }
        if (parsed != nullptr) {
            if (parsed->collation) column.collation = canonical_collation(*parsed->collation);
            column.is_autoincrement = parsed->is_autoincrement;
            if (column.type.kind == TypeKind::Text) {
                for (const auto& check : parsed->checks) {
                    if (auto values = enum_values(check.expression, row.name)) {
                        column.type = ColumnType::enumeration(std::move(*values));
                        enum_checks_.insert(&check);
                        break;
                    }
                }
            }
        }
        state.table.columns.push_back(std::move(column));
    }

    // A catalog repeats a handful of declared types thousands of times: normalise each once.
    const ColumnType& column_type(const std::string& declared) {
        auto it = types_.find(declared);
        if (it == types_.end()) {
            it = types_.emplace(declared, dialect_.normalize_type(declared)).first;
        }
        return it->second;
    }

    void add_primary_key(TableState& state, std::span<const CatalogRows::ColumnRow> rows) {
        std::map<long long, std::string> positions;
        for (const auto& row : rows) {
            if (row.primary_key_position > 0) positions[row.primary_key_position] = row.name;
        }
        for (auto& [position, name] : positions) state.table.primary_key.columns.push_back(name);
        if (!positions.empty()) state.table.primary_key.name = state.parsed.primary_key_name;
    }

    // A key column never holds NULL in a WITHOUT ROWID table, nor when it is the rowid itself;
    // elsewhere SQLite allows NULLs in key columns unless NOT NULL is declared. The key is the
    // rowid exactly when a rowid table's key has no automatic index ('pk' origin): that covers
    // SQLite's quirks (INTEGER PRIMARY KEY DESC, INT PRIMARY KEY are not the rowid).
    void apply_key_nullability() {
        for (auto& [table_key, state] : tables_) {
            const PrimaryKey& key_columns = state.table.primary_key;
            if (key_columns.empty()) continue;
            const bool is_rowid = !state.table.is_without_rowid && !state.has_key_index;
            if (!state.table.is_without_rowid && !is_rowid) continue;
            for (auto& column : state.table.columns) {
                for (const auto& name : key_columns.columns) {
                    if (column.name == name) column.is_nullable = false;
                }
            }
        }
    }

    void add_checks(TableState& state) {
        for (const auto& column : state.parsed.columns) {
            for (const auto& check : column.checks) {
                if (!enum_checks_.contains(&check)) state.table.checks.push_back(check);
            }
        }
        for (const auto& check : state.parsed.checks) state.table.checks.push_back(check);
    }

    // The column `name` refers to (SQLite matches names ignoring ASCII case), or nullptr. A
    // scan: tables have few columns, and a map per table would cost more to build than to use.
    static const Column* find_column(const TableState& state, std::string_view name) {
        for (const auto& column : state.table.columns) {
            if (text::iequals(column.name, name)) return &column;
        }
        return nullptr;
    }

    [[nodiscard]] static std::string column_spelling(const TableState& state,
                                                     const std::string& name) {
        const Column* column = find_column(state, name);
        return column == nullptr ? name : column->name;
    }

    // Automatic indexes (UNIQUE and PRIMARY KEY constraints) come from the pragma rows; indexes
    // made by CREATE INDEX from their stored text alone (see kIndexColumnsQuery).
    void add_indexes() {
        for_each_group(
            rows_.index_columns,
            [](const auto& a, const auto& b) { return a.table == b.table && a.index == b.index; },
            [this](std::span<const CatalogRows::IndexColumnRow> rows) {
                TableState* state = state_of(rows.front().table);
                if (state == nullptr) return;
                if (rows.front().origin == "pk") {  // the primary key, read from the columns
                    state->has_key_index = true;
                } else if (rows.front().origin == "u") {
                    add_unique(*state, rows);
                }
            });
        for (const auto& object : rows_.objects) {
            if (object.type != "index" || !object.sql) continue;
            if (TableState* state = state_of(object.table_name)) add_index(*state, object);
        }
    }

    void add_index(TableState& state, const CatalogRows::Object& object) {
        ParsedCreateIndex parsed;
        try {
            parsed = parse_create_index(*object.sql);
        } catch (const Error& error) {
            throw Error(ErrorKind::Introspection,
                        fmt::format("cannot read the definition of index '{}': {}", object.name,
                                    error.message()),
                        error.context());
        }
        Index index;
        index.name = object.name;
        index.is_unique = parsed.is_unique;
        index.where = std::move(parsed.where);
        for (const auto& part : parsed.parts) index.parts.push_back(index_part(state, part));
        state.table.indexes.push_back(std::move(index));
    }

    // A key part as SQLite resolves it: a name of one of the table's columns (quoted any way,
    // in parentheses, with a COLLATE inside them) is that column in the table's spelling; a
    // double-quoted name of no column is a string, and anything else an expression. SQLite
    // allows neither the rowid nor qualified names in an index.
    static IndexPart index_part(const TableState& state, const ParsedIndexPart& parsed) {
        IndexPart out;
        out.is_descending = parsed.is_descending;
        std::optional<std::string> collation = parsed.collation;
        std::optional<std::string> inner_collation;
        if (const auto name = bare_name(parsed.expression, inner_collation)) {
            if (const Column* column = find_column(state, *name)) {
                out.column = column->name;
                if (!collation) collation = std::move(inner_collation);
            }
        }
        if (out.column.empty()) out.expression = parsed.expression;
        if (collation) out.collation = canonical_collation(*collation);
        return out;
    }

    // The name an index key part consists of, once parentheses and COLLATE clauses around it
    // are peeled (the outermost COLLATE is kept in `collation`); nullopt for an expression.
    static std::optional<std::string> bare_name(std::string_view expression,
                                                std::optional<std::string>& collation) {
        const std::vector<Token> tokens = tokenize(expression);
        std::span<const Token> rest(tokens);
        for (;;) {
            if (rest.size() >= 3 && rest.front().is('(') && rest.back().is(')') &&
                closes_at_end(rest)) {
                rest = rest.subspan(1, rest.size() - 2);
            } else if (rest.size() >= 3 && rest[rest.size() - 2].is_keyword("COLLATE") &&
                       rest.back().is_name()) {
                if (!collation) collation = rest.back().value();
                rest = rest.first(rest.size() - 2);
            } else {
                break;
            }
        }
        if (rest.size() != 1 || !rest.front().is_name()) return std::nullopt;
        const Token& name = rest.front();
        if (name.is_keyword("NULL") || name.is_keyword("CURRENT_DATE") ||
            name.is_keyword("CURRENT_TIME") || name.is_keyword("CURRENT_TIMESTAMP")) {
            return std::nullopt;  // literals, whatever the table's columns are called
        }
        return name.value();
    }

    // Whether the '(' that opens `tokens` is closed by its last token.
    static bool closes_at_end(std::span<const Token> tokens) {
        int depth = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i].is('(')) ++depth;
            if (tokens[i].is(')') && --depth == 0) return i + 1 == tokens.size();
        }
        return false;
    }

    void add_unique(TableState& state, std::span<const CatalogRows::IndexColumnRow> rows) {
        UniqueConstraint unique;
        for (const auto& row : rows) unique.columns.push_back(row.column.value_or(""));
        for (std::size_t i = 0; i < state.parsed.uniques.size(); ++i) {
            const auto& parsed = state.parsed.uniques[i];
            if (state.unique_used[i] || !same_names(parsed.columns, unique.columns)) continue;
            state.unique_used[i] = true;
            unique.name = parsed.name;
            break;
        }
        state.table.unique_constraints.push_back(std::move(unique));
    }

    static bool same_names(const std::vector<std::string>& a, const std::vector<std::string>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (!text::iequals(a[i], b[i])) return false;
        }
        return true;
    }

    void add_foreign_keys() {
        for_each_group(
            rows_.foreign_keys,
            [](const auto& a, const auto& b) { return a.table == b.table && a.id == b.id; },
            [this](std::span<const CatalogRows::ForeignKeyRow> rows) {
                if (TableState* state = state_of(rows.front().table)) add_foreign_key(*state, rows);
            });
    }

    void add_foreign_key(TableState& state, std::span<const CatalogRows::ForeignKeyRow> rows) {
        ForeignKey fk;
        const auto& first = rows.front();
        const auto target = table_objects_.find(key(first.referenced_table));
        fk.referenced_table =
            target == table_objects_.end() ? first.referenced_table : target->second->name;
        const TableState* referenced = state_of(fk.referenced_table);
        bool implicit_target = false;
        for (const auto& row : rows) {
            fk.columns.push_back(column_spelling(state, row.column));
            if (!row.referenced_column) {
                implicit_target = true;
                continue;
            }
            fk.referenced_columns.push_back(
                referenced != nullptr ? column_spelling(*referenced, *row.referenced_column)
                                      : *row.referenced_column);
        }
        if (implicit_target) fk.referenced_columns.clear();
        fk.on_update =
            parse_foreign_key_action(first.on_update).value_or(ForeignKeyAction::NoAction);
        fk.on_delete =
            parse_foreign_key_action(first.on_delete).value_or(ForeignKeyAction::NoAction);
        for (std::size_t i = 0; i < state.parsed.foreign_keys.size(); ++i) {
            const auto& parsed = state.parsed.foreign_keys[i];
            if (state.foreign_key_used[i] || !same_names(parsed.columns, fk.columns) ||
                !text::iequals(parsed.referenced_table, fk.referenced_table) ||
                !same_names(parsed.referenced_columns, fk.referenced_columns)) {
                continue;
            }
            state.foreign_key_used[i] = true;
            fk.name = parsed.name;
            fk.is_deferrable = parsed.is_deferrable;
            fk.is_initially_deferred = parsed.is_initially_deferred;
            break;
        }
        state.table.foreign_keys.push_back(std::move(fk));
    }

    void add_triggers_and_views() {
        for (const auto& object : rows_.objects) {
            if (!object.sql) continue;
            if (object.type == "trigger") {
                if (TableState* state = state_of(object.table_name)) {
                    state->table.triggers.push_back(Trigger{object.name, *object.sql});
                }
            } else if (object.type == "view") {
                views_.push_back(View{object.name, *object.sql});
            }
        }
    }

    const CatalogRows& rows_;
    const ReadOptions& options_;
    SqliteDialect dialect_;
    // key -> the table's row of sqlite_schema (its spelling and CREATE TABLE text), all tables.
    std::unordered_map<std::string, const CatalogRows::Object*> table_objects_;
    std::unordered_map<std::string, TableState> tables_;  // key -> table being built
    std::set<const CheckConstraint*> enum_checks_;        // column CHECKs read as enum types
    std::unordered_map<std::string, ColumnType> types_;   // declared type -> normalised
    std::vector<View> views_;
};

}  // namespace

Schema build_schema(const CatalogRows& rows, const ReadOptions& options) {
    return SchemaBuilder(rows, options).build();
}

}  // namespace schemadiff::sqlite::detail
