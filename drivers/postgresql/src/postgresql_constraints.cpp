// PostgresqlDialect: keys, constraints and indexes — their clauses, ADD/DROP CONSTRAINT by name
// (an unnamed one by the name PostgreSQL gave it), and CREATE/DROP INDEX with access method,
// INCLUDE, operator classes, NULLS FIRST/LAST, partial predicates and CONCURRENTLY.
#include <algorithm>

#include "postgresql_ddl.hpp"
#include "postgresql_sql_tokens.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::postgresql {

namespace {

constexpr std::size_t kMaxNameBytes = 63;  // NAMEDATALEN - 1

// Cut to at most `bytes` without splitting a UTF-8 character (pg_mbcliplen).
std::string_view clip(std::string_view s, std::size_t bytes) {
    if (s.size() <= bytes) return s;
    while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) --bytes;
    return s.substr(0, bytes);
}

// Column names joined with "_" as ChooseIndexNameAddition does (it stops once past 63 bytes).
std::string joined_columns(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& column : columns) {
        if (!out.empty()) out += '_';
        out += column;
        if (out.size() >= kMaxNameBytes + 1) break;
    }
    return out;
}

std::string constraint_prefix(const PostgresqlDialect& dialect,
                              const std::optional<std::string>& name) {
    return name && !name->empty() ? "CONSTRAINT " + dialect.quote_identifier(*name) + " " : "";
}

std::string drop_constraint(const PostgresqlDialect& dialect, const std::string& table,
                            const std::string& name) {
    return detail::alter_table(dialect, table) + "DROP CONSTRAINT " +
           dialect.quote_identifier(name);
}

const std::string& named(const std::optional<std::string>& name, const std::string& fallback) {
    return name && !name->empty() ? *name : fallback;
}

}  // namespace

std::string default_object_name(std::string_view table, std::string_view column,
                                std::string_view suffix) {
    std::size_t overhead = suffix.empty() ? 0 : suffix.size() + 1;
    if (!column.empty()) ++overhead;
    const std::size_t available = kMaxNameBytes - std::min(overhead, kMaxNameBytes);
    std::size_t table_bytes = table.size();
    std::size_t column_bytes = column.size();
    while (table_bytes + column_bytes > available) {
        if (table_bytes > column_bytes) {
            --table_bytes;
        } else {
            --column_bytes;
        }
    }
    std::string out(clip(table, table_bytes));
    if (!column.empty()) out += "_" + std::string(clip(column, column_bytes));
    if (!suffix.empty()) out += "_" + std::string(suffix);
    return out;
}

namespace detail {

std::string alter_table(const PostgresqlDialect& dialect, const std::string& table) {
    return "ALTER TABLE " + dialect.quote_identifier(table) + " ";
}

std::string column_list(const PostgresqlDialect& dialect, const std::vector<std::string>& columns) {
    std::vector<std::string> quoted;
    quoted.reserve(columns.size());
    for (const auto& column : columns) quoted.push_back(dialect.quote_identifier(column));
    return "(" + text::join(quoted, ", ") + ")";
}

std::string primary_key_clause(const PostgresqlDialect& dialect, const PrimaryKey& key) {
    return constraint_prefix(dialect, key.name) + "PRIMARY KEY " +
           column_list(dialect, key.columns);
}

std::string unique_clause(const PostgresqlDialect& dialect, const UniqueConstraint& unique) {
    return constraint_prefix(dialect, unique.name) + "UNIQUE " +
           column_list(dialect, unique.columns);
}

std::string foreign_key_clause(const PostgresqlDialect& dialect, const ForeignKey& key) {
    std::string out = constraint_prefix(dialect, key.name) + "FOREIGN KEY " +
                      column_list(dialect, key.columns) + " REFERENCES " +
                      dialect.quote_referenced_table(key);
    if (!key.referenced_columns.empty()) out += " " + column_list(dialect, key.referenced_columns);
    if (key.is_match_full) out += " MATCH FULL";
    if (key.on_delete != ForeignKeyAction::NoAction) {
        out += " ON DELETE " + std::string(to_string(key.on_delete));
    }
    if (key.on_update != ForeignKeyAction::NoAction) {
        out += " ON UPDATE " + std::string(to_string(key.on_update));
    }
    if (key.is_deferrable) {
        out += key.is_initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }
    return out;
}

std::string check_clause(const PostgresqlDialect& dialect, const CheckConstraint& check) {
    return constraint_prefix(dialect, check.name) + "CHECK (" + check.expression + ")";
}

}  // namespace detail

std::string detail::create_index_sql(const PostgresqlDialect& dialect, const std::string& table,
                                     const Index& index, bool is_concurrent) {
    std::vector<std::string> parts;
    for (const auto& part : index.parts) {
        std::string item =
            part.expression ? "(" + *part.expression + ")" : dialect.quote_identifier(part.column);
        if (part.collation) item += " COLLATE " + dialect.quote_identifier(*part.collation);
        if (part.operator_class) item += " " + operator_class_sql(dialect, *part.operator_class);
        if (part.is_descending) item += " DESC";
        if (part.nulls_first) item += *part.nulls_first ? " NULLS FIRST" : " NULLS LAST";
        parts.push_back(std::move(item));
    }
    std::string out = index.is_unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
    if (is_concurrent) out += "CONCURRENTLY ";
    out += dialect.quote_identifier(index.name) + " ON " + dialect.quote_identifier(table);
    // btree is the default method: written only when it is another one.
    if (!index.method.empty() && !text::iequals(index.method, "btree")) {
        out += " USING " + dialect.quote_identifier(text::to_lower(index.method));
    }
    out += " (" + text::join(parts, ", ") + ")";
    if (!index.include.empty()) out += " INCLUDE " + column_list(dialect, index.include);
    if (index.where) out += " WHERE " + *index.where;
    return out;
}

std::string PostgresqlDialect::create_index(const std::string& table, const Index& index) const {
    return detail::create_index_sql(*this, table, index, options().is_index_concurrent);
}

std::vector<std::string> PostgresqlDialect::drop_index(const DropIndex& op) const {
    return {
        std::string(options().is_index_concurrent ? "DROP INDEX CONCURRENTLY " : "DROP INDEX ") +
        quote_identifier(op.index.name)};
}

std::vector<std::string> PostgresqlDialect::add_unique(const AddUniqueConstraint& op) const {
    return {detail::alter_table(*this, op.table) + "ADD " +
            detail::unique_clause(*this, op.constraint)};
}

std::vector<std::string> PostgresqlDialect::drop_unique(const DropUniqueConstraint& op) const {
    const std::string fallback =
        default_object_name(op.table, joined_columns(op.constraint.columns), "key");
    return {drop_constraint(*this, op.table, named(op.constraint.name, fallback))};
}

std::vector<std::string> PostgresqlDialect::add_foreign_key(const AddForeignKey& op) const {
    return {detail::alter_table(*this, op.table) + "ADD " +
            detail::foreign_key_clause(*this, op.foreign_key)};
}

std::vector<std::string> PostgresqlDialect::drop_foreign_key(const DropForeignKey& op) const {
    const std::string fallback =
        default_object_name(op.table, joined_columns(op.foreign_key.columns), "fkey");
    return {drop_constraint(*this, op.table, named(op.foreign_key.name, fallback))};
}

std::vector<std::string> PostgresqlDialect::add_check(const AddCheckConstraint& op) const {
    return {detail::alter_table(*this, op.table) + "ADD " + detail::check_clause(*this, op.check)};
}

std::vector<std::string> PostgresqlDialect::drop_check(const DropCheckConstraint& op) const {
    if (!op.check.name || op.check.name->empty()) {
        // PostgreSQL names it after the one column it uses, if any: not knowable from here.
        throw Error(ErrorKind::UnsupportedOperation,
                    "cannot drop an unnamed CHECK constraint: name it in the model, or read the "
                    "current schema from the database",
                    "table " + op.table + ", CHECK (" + op.check.expression + ")");
    }
    return {drop_constraint(*this, op.table, *op.check.name)};
}

std::vector<std::string> PostgresqlDialect::alter_primary_key(const AlterPrimaryKey& op) const {
    std::vector<std::string> out;
    if (!op.from.empty()) {
        out.push_back(drop_constraint(
            *this, op.table, named(op.from.name, default_object_name(op.table, "", "pkey"))));
    }
    if (!op.to.empty()) {
        out.push_back(detail::alter_table(*this, op.table) + "ADD " +
                      detail::primary_key_clause(*this, op.to));
    }
    return out;
}

}  // namespace schemadiff::postgresql
