// SqliteDialect's DDL: column definitions, CREATE TABLE with its options, what render refuses,
// and the statements around a script's transaction. Capabilities are in sqlite_alter_rules.cpp,
// the 12-step rebuild in sqlite_rebuild.cpp, types and names in sqlite_types.cpp.
#include "schemadiff/sqlite/sqlite_dialect.hpp"

#include <algorithm>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"
#include "sqlite_sql_text.hpp"

namespace schemadiff::sqlite {

namespace {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

// Whether a plan runs with foreign key enforcement off: a rebuild drops and recreates a parent
// table, and a DROP TABLE with enforcement on would cascade or fail on its children.
bool needs_foreign_keys_off(const std::vector<Operation>& ops) {
    return std::any_of(ops.begin(), ops.end(), [](const Operation& op) {
        return std::holds_alternative<RebuildTable>(op) || std::holds_alternative<DropTable>(op);
    });
}

Error needs_rebuild(const Operation& op) {
    return Error(ErrorKind::UnsupportedOperation,
                 "SQLite cannot " + describe(op) + " with ALTER TABLE; the table must be rebuilt",
                 "table " + operation_table(op));
}

Table without_comments(const Table& table) {
    Table copy = table;
    copy.comment.reset();
    for (auto& column : copy.columns) column.comment.reset();
    return copy;
}

}  // namespace

std::string SqliteDialect::column_definition(const Column& column, const Table& table) const {
    const Column* inline_key = detail::inline_primary_key_column(table);
    const bool is_inline_key = inline_key != nullptr && inline_key->name == column.name;

    // AUTOINCREMENT is only allowed on a column declared exactly INTEGER PRIMARY KEY.
    std::string out = quote_identifier(column.name) + " " +
                      (is_inline_key ? std::string("INTEGER") : render_type(column.type));
    if (column.type.kind == TypeKind::Enum) {
        std::vector<std::string> values;
        for (const auto& value : column.type.enum_values) values.push_back(quote_string(value));
        out +=
            " CHECK (" + quote_identifier(column.name) + " IN (" + text::join(values, ", ") + "))";
    }
    if (is_inline_key) {
        if (table.primary_key.name) {
            out += " CONSTRAINT " + quote_identifier(*table.primary_key.name);
        }
        out += " PRIMARY KEY AUTOINCREMENT";
    }
    if (column.collation) out += " COLLATE " + quote_identifier(*column.collation);
    if (column.generated) {
        out += " GENERATED ALWAYS AS (" + column.generated->expression + ")";
        out += column.generated->is_stored ? " STORED" : " VIRTUAL";
    }
    if (!column.is_nullable) out += " NOT NULL";
    if (column.default_sql) out += " DEFAULT " + detail::default_clause_value(*column.default_sql);
    return out;
}

std::vector<std::string> SqliteDialect::create_table(const Table& table) const {
    // Foreign keys stay inline in the table body: SQLite cannot add them later.
    std::vector<std::string> out = Dialect::create_table(without_comments(table));
    std::vector<std::string> options;
    if (table.is_without_rowid) options.emplace_back("WITHOUT ROWID");
    if (table.is_strict) options.emplace_back("STRICT");
    if (!options.empty()) out.front() += " " + text::join(options, ", ");
    return out;
}

Index SqliteDialect::canonical_index(const Index& index) const {
    Index canonical = index;
    canonical.method.clear();
    canonical.include.clear();
    for (auto& part : canonical.parts) {
        part.nulls_first.reset();
        part.operator_class.reset();
    }
    return canonical;
}

std::vector<std::string> SqliteDialect::render(const Operation& op) const {
    return std::visit(
        Overloaded{
            [&](const AddColumn& o) {
                AddColumn plain = o;
                plain.column.comment.reset();
                return add_column(plain);
            },
            [&](const AlterColumn& o) { return alter_column(o); },
            [&](const AddUniqueConstraint&) -> std::vector<std::string> {
                throw needs_rebuild(op);
            },
            [&](const DropUniqueConstraint&) -> std::vector<std::string> {
                throw needs_rebuild(op);
            },
            [&](const AddForeignKey&) -> std::vector<std::string> { throw needs_rebuild(op); },
            [&](const DropForeignKey&) -> std::vector<std::string> { throw needs_rebuild(op); },
            [&](const AddCheckConstraint&) -> std::vector<std::string> { throw needs_rebuild(op); },
            [&](const DropCheckConstraint&) -> std::vector<std::string> {
                throw needs_rebuild(op);
            },
            [&](const AlterPrimaryKey&) -> std::vector<std::string> { throw needs_rebuild(op); },
            [&](const SetTableComment&) { return std::vector<std::string>{}; },
            [&](const auto&) { return Dialect::render(op); },
        },
        op);
}

std::vector<std::string> SqliteDialect::alter_column(const AlterColumn& op) const {
    throw needs_rebuild(Operation{op});
}

std::vector<std::string> SqliteDialect::before_transaction(
    const std::vector<Operation>& ops) const {
    // Must run before BEGIN: inside a transaction the pragma is a no-op.
    if (!needs_foreign_keys_off(ops)) return {};
    return {"PRAGMA foreign_keys=OFF"};
}

std::vector<std::string> SqliteDialect::before_commit(const std::vector<Operation>& ops) const {
    // Returns one row per violation; the runner treats any row as a failure and rolls back.
    if (!needs_foreign_keys_off(ops)) return {};
    return {"PRAGMA foreign_key_check"};
}

std::vector<std::string> SqliteDialect::after_transaction(const std::vector<Operation>& ops) const {
    if (!needs_foreign_keys_off(ops)) return {};
    return {"PRAGMA foreign_keys=ON"};
}

}  // namespace schemadiff::sqlite
