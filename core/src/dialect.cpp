// The portable defaults of Dialect: SQL-standard quoting and reserved words, and ANSI DDL for
// every operation. Database dialects override only where their SQL differs.
#include "schemadiff/core/dialect.hpp"

#include <algorithm>
#include <array>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// SQL:2016 reserved words (upper case, sorted for binary search).
// clang-format off
constexpr auto kReservedWords = std::to_array<std::string_view>({
    "ABS", "ALL", "ALLOCATE", "ALTER", "AND", "ANY", "ARE", "ARRAY", "AS", "ASENSITIVE",
    "ASYMMETRIC", "AT", "ATOMIC", "AUTHORIZATION", "AVG", "BEGIN", "BETWEEN", "BIGINT", "BINARY",
    "BLOB", "BOOLEAN", "BOTH", "BY", "CALL", "CALLED", "CASCADED", "CASE", "CAST", "CHAR",
    "CHARACTER", "CHECK", "CLOB", "CLOSE", "COLLATE", "COLUMN", "COMMIT", "CONDITION", "CONNECT",
    "CONSTRAINT", "CONTINUE", "CORRESPONDING", "COUNT", "CREATE", "CROSS", "CUBE", "CURRENT",
    "CURRENT_DATE", "CURRENT_ROLE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR",
    "CYCLE", "DATE", "DAY", "DEALLOCATE", "DEC", "DECIMAL", "DECLARE", "DEFAULT", "DELETE", "DEREF",
    "DESCRIBE", "DETERMINISTIC", "DISCONNECT", "DISTINCT", "DOUBLE", "DROP", "DYNAMIC", "EACH",
    "ELEMENT", "ELSE", "END", "ESCAPE", "EXCEPT", "EXEC", "EXECUTE", "EXISTS", "EXTERNAL", "FALSE",
    "FETCH", "FILTER", "FLOAT", "FOR", "FOREIGN", "FREE", "FROM", "FULL", "FUNCTION", "GET",
    "GLOBAL", "GRANT", "GROUP", "GROUPING", "HAVING", "HOLD", "HOUR", "IDENTITY", "IN", "INDICATOR",
    "INNER", "INOUT", "INSENSITIVE", "INSERT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO",
    "IS", "JOIN", "LANGUAGE", "LARGE", "LATERAL", "LEADING", "LEFT", "LIKE", "LOCAL", "LOCALTIME",
    "LOCALTIMESTAMP", "MATCH", "MAX", "MEMBER", "MERGE", "METHOD", "MIN", "MINUTE", "MODIFIES",
    "MODULE", "MONTH", "MULTISET", "NATIONAL", "NATURAL", "NCHAR", "NCLOB", "NEW", "NO", "NONE",
    "NOT", "NULL", "NUMERIC", "OF", "OLD", "ON", "ONLY", "OPEN", "OR", "ORDER", "OUT", "OUTER",
    "OVER", "OVERLAPS", "PARAMETER", "PARTITION", "PRECISION", "PREPARE", "PRIMARY", "PROCEDURE",
    "RANGE", "READS", "REAL", "RECURSIVE", "REF", "REFERENCES", "REFERENCING", "RELEASE", "RETURN",
    "RETURNS", "REVOKE", "RIGHT", "ROLLBACK", "ROLLUP", "ROW", "ROWS", "SAVEPOINT", "SCOPE",
    "SCROLL", "SEARCH", "SECOND", "SELECT", "SENSITIVE", "SESSION_USER", "SET", "SIMILAR",
    "SMALLINT", "SOME", "SPECIFIC", "SQL", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING", "START",
    "STATIC", "SUBMULTISET", "SYMMETRIC", "SYSTEM", "SYSTEM_USER", "TABLE", "THEN", "TIME",
    "TIMESTAMP", "TO", "TRAILING", "TRANSLATION", "TREAT", "TRIGGER", "TRUE", "UNION", "UNIQUE",
    "UNKNOWN", "UPDATE", "USER", "USING", "VALUE", "VALUES", "VARCHAR", "VARYING", "WHEN",
    "WHENEVER", "WHERE", "WINDOW", "WITH", "WITHIN", "WITHOUT", "YEAR",
});
// clang-format on
static_assert(std::is_sorted(kReservedWords.begin(), kReservedWords.end()));

bool is_plain_identifier(std::string_view name) {
    if (name.empty()) return false;
    const auto is_alpha = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    if (!is_alpha(name.front())) return false;
    return std::all_of(name.begin(), name.end(),
                       [&](char c) { return is_alpha(c) || (c >= '0' && c <= '9'); });
}

// A trigger or view statement as stored, without trailing whitespace or ';'.
std::string without_terminator(std::string_view sql) {
    sql = text::trim(sql);
    while (!sql.empty() && sql.back() == ';') sql = text::trim(sql.substr(0, sql.size() - 1));
    return std::string(sql);
}

std::string quoted_list(const Dialect& dialect, const std::vector<std::string>& names) {
    std::vector<std::string> quoted;
    quoted.reserve(names.size());
    for (const auto& name : names) quoted.push_back(dialect.quote_identifier(name));
    return "(" + text::join(quoted, ", ") + ")";
}

std::string constraint_prefix(const Dialect& dialect, const std::optional<std::string>& name) {
    return name ? "CONSTRAINT " + dialect.quote_identifier(*name) + " " : std::string();
}

std::string alter_table(const Dialect& dialect, const std::string& table) {
    return "ALTER TABLE " + dialect.quote_identifier(table) + " ";
}

std::string primary_key_clause(const Dialect& dialect, const PrimaryKey& key) {
    return constraint_prefix(dialect, key.name) + "PRIMARY KEY " +
           quoted_list(dialect, key.columns);
}

std::string unique_clause(const Dialect& dialect, const UniqueConstraint& unique) {
    return constraint_prefix(dialect, unique.name) + "UNIQUE " +
           quoted_list(dialect, unique.columns);
}

std::string foreign_key_clause(const Dialect& dialect, const ForeignKey& key) {
    std::string out = constraint_prefix(dialect, key.name) + "FOREIGN KEY " +
                      quoted_list(dialect, key.columns) + " REFERENCES " +
                      dialect.quote_referenced_table(key);
    if (!key.referenced_columns.empty()) out += " " + quoted_list(dialect, key.referenced_columns);
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

std::string check_clause(const Dialect& dialect, const CheckConstraint& check) {
    return constraint_prefix(dialect, check.name) + "CHECK (" + check.expression + ")";
}

std::string drop_constraint(const Dialect& dialect, const std::string& table,
                            const std::optional<std::string>& name, std::string_view what) {
    if (!name) {
        throw Error(ErrorKind::UnsupportedOperation,
                    "cannot drop an unnamed " + std::string(what) + " constraint",
                    "table " + table);
    }
    return alter_table(dialect, table) + "DROP CONSTRAINT " + dialect.quote_identifier(*name);
}

// The single column that carries the primary key inline, when the key is one autoincrement
// column (SQLite requires it inline; identity columns accept it there).
const Column* inline_primary_key_column(const Table& table) {
    if (table.primary_key.columns.size() != 1) return nullptr;
    const Column* column = table.find_column(table.primary_key.columns.front());
    return column != nullptr && column->is_autoincrement ? column : nullptr;
}

std::string comment_literal(const Dialect& dialect, const std::optional<std::string>& comment) {
    return comment ? dialect.quote_string(*comment) : std::string("NULL");
}

std::string column_comment(const Dialect& dialect, const std::string& table, const Column& column) {
    return "COMMENT ON COLUMN " + dialect.quote_identifier(table) + "." +
           dialect.quote_identifier(column.name) + " IS " +
           comment_literal(dialect, column.comment);
}

}  // namespace

// --- Identifiers and literals -------------------------------------------------------------------

std::string Dialect::quote_identifier(std::string_view name) const {
    if (is_plain_identifier(name) && !is_reserved_word(name)) return std::string(name);
    std::string out = "\"";
    for (char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string Dialect::quote_referenced_table(const ForeignKey& key) const {
    const std::string table = quote_identifier(key.referenced_table);
    return key.referenced_schema ? quote_identifier(*key.referenced_schema) + "." + table : table;
}

std::string Dialect::quote_string(std::string_view value) const {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'') out += '\'';
        out += c;
    }
    return out + "'";
}

bool Dialect::is_reserved_word(std::string_view word) const {
    return std::binary_search(kReservedWords.begin(), kReservedWords.end(), text::to_upper(word));
}

std::string Dialect::identifier_key(std::string_view name) const { return std::string(name); }

// --- Types and defaults -------------------------------------------------------------------------

ColumnType Dialect::canonical_type(const ColumnType& type) const {
    ColumnType canonical = normalize_type(render_type(type));
    // A dialect that renders an enum as text plus a CHECK reads the enum back from the CHECK.
    // Its values are compared; a type name only matters where the dialect keeps one (it then
    // overrides this function), so an inline enum drops it.
    if (type.kind == TypeKind::Enum && is_textual_kind(canonical.kind)) {
        ColumnType inline_enum = type;
        inline_enum.enum_name.clear();
        return inline_enum;
    }
    return canonical;
}

ColumnType Dialect::canonical_column_type(const Column& column) const {
    return canonical_type(column.type);
}

Index Dialect::canonical_index(const Index& index) const { return index; }

std::string Dialect::normalize_default(std::string_view expression, const ColumnType&) const {
    return text::normalize_sql_expression(expression);
}

std::string Dialect::normalize_expression(std::string_view expression) const {
    return text::normalize_sql_expression(expression);
}

// --- Capabilities -------------------------------------------------------------------------------

bool Dialect::can_alter_in_place(const Operation&, const Table&, std::string& reason) const {
    reason.clear();
    return true;
}

bool Dialect::requires_no_transaction(const Operation&) const { return false; }

// --- SQL ----------------------------------------------------------------------------------------

std::vector<std::string> Dialect::render(const Operation& op) const {
    return std::visit(Overloaded{
                          [&](const CreateTable& o) { return create_table(o.table); },
                          [&](const DropTable& o) { return drop_table(o.table); },
                          [&](const RenameTable& o) { return rename_table(o); },
                          [&](const AddColumn& o) { return add_column(o); },
                          [&](const DropColumn& o) { return drop_column(o); },
                          [&](const RenameColumn& o) { return rename_column(o); },
                          [&](const AlterColumn& o) { return alter_column(o); },
                          [&](const CreateIndex& o) {
                              return std::vector<std::string>{create_index(o.table, o.index)};
                          },
                          [&](const DropIndex& o) { return drop_index(o); },
                          [&](const AddUniqueConstraint& o) { return add_unique(o); },
                          [&](const DropUniqueConstraint& o) { return drop_unique(o); },
                          [&](const AddForeignKey& o) { return add_foreign_key(o); },
                          [&](const DropForeignKey& o) { return drop_foreign_key(o); },
                          [&](const AddCheckConstraint& o) { return add_check(o); },
                          [&](const DropCheckConstraint& o) { return drop_check(o); },
                          [&](const AlterPrimaryKey& o) { return alter_primary_key(o); },
                          [&](const SetTableComment& o) { return set_table_comment(o); },
                          [&](const RebuildTable& o) { return rebuild_table(o); },
                          [&](const CreateView& o) { return create_view(o); },
                          [&](const DropView& o) { return drop_view(o); },
                          [&](const CreateTrigger& o) { return create_trigger(o); },
                          [&](const DropTrigger& o) { return drop_trigger(o); },
                          [&](const CreateEnumType& o) { return create_enum_type(o); },
                          [&](const DropEnumType& o) { return drop_enum_type(o); },
                          [&](const AlterEnumType& o) { return alter_enum_type(o); },
                      },
                      op);
}

namespace {

Error no_enum_types(const Dialect& dialect, const std::string& type) {
    return Error(ErrorKind::UnsupportedOperation,
                 std::string(dialect.name()) + " has no named enum types", "enum type " + type);
}

}  // namespace

std::vector<std::string> Dialect::create_enum_type(const CreateEnumType& op) const {
    throw no_enum_types(*this, op.type.name);
}

std::vector<std::string> Dialect::drop_enum_type(const DropEnumType& op) const {
    throw no_enum_types(*this, op.type.name);
}

std::vector<std::string> Dialect::alter_enum_type(const AlterEnumType& op) const {
    throw no_enum_types(*this, op.name);
}

std::string Dialect::column_definition(const Column& column, const Table& table) const {
    std::string out = quote_identifier(column.name) + " " + render_type(column.type);
    if (column.collation) out += " COLLATE " + quote_identifier(*column.collation);
    if (column.generated) {
        out += " GENERATED ALWAYS AS (" + column.generated->expression + ")";
        out += column.generated->is_stored ? " STORED" : " VIRTUAL";
    }
    if (column.is_autoincrement) out += " GENERATED BY DEFAULT AS IDENTITY";
    if (const Column* key = inline_primary_key_column(table); key && key->name == column.name) {
        out += " " + constraint_prefix(*this, table.primary_key.name) + "PRIMARY KEY";
    }
    if (!column.is_nullable) out += " NOT NULL";
    if (column.default_sql) out += " DEFAULT " + *column.default_sql;
    return out;
}

std::vector<std::string> Dialect::create_table(const Table& table) const {
    std::vector<std::string> lines;
    for (const auto& column : table.columns) lines.push_back(column_definition(column, table));
    if (!table.primary_key.empty() && inline_primary_key_column(table) == nullptr) {
        lines.push_back(primary_key_clause(*this, table.primary_key));
    }
    for (const auto& unique : table.unique_constraints) {
        lines.push_back(unique_clause(*this, unique));
    }
    for (const auto& key : table.foreign_keys) lines.push_back(foreign_key_clause(*this, key));
    for (const auto& check : table.checks) lines.push_back(check_clause(*this, check));

    std::vector<std::string> out;
    out.push_back("CREATE TABLE " + quote_identifier(table.name) + " (\n    " +
                  text::join(lines, ",\n    ") + "\n)");
    for (const auto& index : table.indexes) out.push_back(create_index(table.name, index));
    for (const auto& trigger : table.triggers) out.push_back(without_terminator(trigger.sql));
    if (table.comment) {
        for (auto& statement : set_table_comment({table.name, std::nullopt, table.comment})) {
            out.push_back(std::move(statement));
        }
    }
    for (const auto& column : table.columns) {
        if (column.comment) out.push_back(column_comment(*this, table.name, column));
    }
    return out;
}

std::vector<std::string> Dialect::drop_table(const Table& table) const {
    return {"DROP TABLE " + quote_identifier(table.name)};
}

std::vector<std::string> Dialect::rename_table(const RenameTable& op) const {
    return {alter_table(*this, op.from) + "RENAME TO " + quote_identifier(op.to)};
}

std::vector<std::string> Dialect::add_column(const AddColumn& op) const {
    Table table;
    table.name = op.table;
    std::vector<std::string> out{alter_table(*this, op.table) + "ADD COLUMN " +
                                 column_definition(op.column, table)};
    if (op.column.comment) out.push_back(column_comment(*this, op.table, op.column));
    return out;
}

std::vector<std::string> Dialect::drop_column(const DropColumn& op) const {
    return {alter_table(*this, op.table) + "DROP COLUMN " + quote_identifier(op.column.name)};
}

std::vector<std::string> Dialect::rename_column(const RenameColumn& op) const {
    return {alter_table(*this, op.table) + "RENAME COLUMN " + quote_identifier(op.from) + " TO " +
            quote_identifier(op.to)};
}

std::vector<std::string> Dialect::alter_column(const AlterColumn& op) const {
    const Column& from = op.from;
    const Column& to = op.to;
    if (from.generated != to.generated) {
        throw Error(ErrorKind::UnsupportedOperation,
                    "cannot change a generated column's expression in place",
                    "table " + op.table + ", column " + to.name);
    }
    const std::string prefix =
        alter_table(*this, op.table) + "ALTER COLUMN " + quote_identifier(to.name) + " ";
    std::vector<std::string> out;
    if (from.type != to.type || from.collation != to.collation) {
        std::string type = render_type(to.type);
        if (to.collation) type += " COLLATE " + quote_identifier(*to.collation);
        out.push_back(prefix + "SET DATA TYPE " + type);
    }
    if (from.is_nullable != to.is_nullable) {
        out.push_back(prefix + (to.is_nullable ? "DROP NOT NULL" : "SET NOT NULL"));
    }
    if (from.default_sql != to.default_sql) {
        out.push_back(prefix +
                      (to.default_sql ? "SET DEFAULT " + *to.default_sql : "DROP DEFAULT"));
    }
    if (from.is_autoincrement != to.is_autoincrement) {
        out.push_back(prefix + (to.is_autoincrement ? "ADD GENERATED BY DEFAULT AS IDENTITY"
                                                    : "DROP IDENTITY"));
    }
    if (from.comment != to.comment) out.push_back(column_comment(*this, op.table, to));
    return out;
}

std::string Dialect::create_index(const std::string& table, const Index& index) const {
    std::vector<std::string> parts;
    for (const auto& part : index.parts) {
        std::string item =
            part.expression ? "(" + *part.expression + ")" : quote_identifier(part.column);
        if (part.collation) item += " COLLATE " + quote_identifier(*part.collation);
        if (part.is_descending) item += " DESC";
        parts.push_back(std::move(item));
    }
    std::string out = std::string(index.is_unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") +
                      quote_identifier(index.name) + " ON " + quote_identifier(table) + " (" +
                      text::join(parts, ", ") + ")";
    if (index.where) out += " WHERE " + *index.where;
    return out;
}

std::vector<std::string> Dialect::drop_index(const DropIndex& op) const {
    return {"DROP INDEX " + quote_identifier(op.index.name)};
}

std::vector<std::string> Dialect::add_unique(const AddUniqueConstraint& op) const {
    return {alter_table(*this, op.table) + "ADD " + unique_clause(*this, op.constraint)};
}

std::vector<std::string> Dialect::drop_unique(const DropUniqueConstraint& op) const {
    return {drop_constraint(*this, op.table, op.constraint.name, "unique")};
}

std::vector<std::string> Dialect::add_foreign_key(const AddForeignKey& op) const {
    return {alter_table(*this, op.table) + "ADD " + foreign_key_clause(*this, op.foreign_key)};
}

std::vector<std::string> Dialect::drop_foreign_key(const DropForeignKey& op) const {
    return {drop_constraint(*this, op.table, op.foreign_key.name, "foreign key")};
}

std::vector<std::string> Dialect::add_check(const AddCheckConstraint& op) const {
    return {alter_table(*this, op.table) + "ADD " + check_clause(*this, op.check)};
}

std::vector<std::string> Dialect::drop_check(const DropCheckConstraint& op) const {
    return {drop_constraint(*this, op.table, op.check.name, "check")};
}

std::vector<std::string> Dialect::alter_primary_key(const AlterPrimaryKey& op) const {
    std::vector<std::string> out;
    if (!op.from.empty())
        out.push_back(drop_constraint(*this, op.table, op.from.name, "primary key"));
    if (!op.to.empty()) {
        out.push_back(alter_table(*this, op.table) + "ADD " + primary_key_clause(*this, op.to));
    }
    return out;
}

std::vector<std::string> Dialect::set_table_comment(const SetTableComment& op) const {
    return {"COMMENT ON TABLE " + quote_identifier(op.table) + " IS " +
            comment_literal(*this, op.to)};
}

std::vector<std::string> Dialect::rebuild_table(const RebuildTable& op) const {
    throw Error(ErrorKind::UnsupportedOperation,
                "the " + std::string(name()) + " dialect does not rebuild tables",
                "table " + op.to.name);
}

std::vector<std::string> Dialect::create_view(const CreateView& op) const {
    return {without_terminator(op.view.sql)};
}

std::vector<std::string> Dialect::drop_view(const DropView& op) const {
    return {(is_materialized_view(op.view) ? "DROP MATERIALIZED VIEW " : "DROP VIEW ") +
            quote_identifier(op.view.name)};
}

std::vector<std::string> Dialect::create_trigger(const CreateTrigger& op) const {
    return {without_terminator(op.trigger.sql)};
}

std::vector<std::string> Dialect::drop_trigger(const DropTrigger& op) const {
    return {"DROP TRIGGER " + quote_identifier(op.trigger.name)};
}

std::vector<std::string> Dialect::before_transaction(const std::vector<Operation>&) const {
    return {};
}

std::vector<std::string> Dialect::before_commit(const std::vector<Operation>&) const { return {}; }

std::vector<std::string> Dialect::after_transaction(const std::vector<Operation>&) const {
    return {};
}

}  // namespace schemadiff
