// What SQLite's pragmas do not expose about a table, read from the CREATE TABLE text that
// sqlite_schema stores: constraint names, CHECK expressions, generated-column expressions,
// AUTOINCREMENT, collations, foreign-key deferrability, WITHOUT ROWID and STRICT.
//
// The parser follows SQLite's grammar (https://www.sqlite.org/lang_createtable.html) over the
// tokens of sql_tokenizer.hpp, so quoted names in every style, comments, nested parentheses and
// strings with doubled quotes are handled. Names are returned unquoted; expressions are returned
// as written, with comments removed and whitespace collapsed (see join_tokens). Unknown clauses
// are skipped rather than rejected: the catalog reader must not fail on valid SQL it does not know.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/schema.hpp"

namespace schemadiff::sqlite::detail {

struct ParsedForeignKey {
    std::optional<std::string> name;
    std::vector<std::string> columns;
    std::string referenced_table;
    std::vector<std::string> referenced_columns;  // empty: the referenced table's primary key
    ForeignKeyAction on_delete = ForeignKeyAction::NoAction;
    ForeignKeyAction on_update = ForeignKeyAction::NoAction;
    bool is_deferrable = false;
    bool is_initially_deferred = false;
};

struct ParsedUnique {
    std::optional<std::string> name;
    std::vector<std::string> columns;
};

struct ParsedColumn {
    std::string name;
    std::string declared_type;  // "" when none
    bool is_primary_key = false;
    bool is_autoincrement = false;
    bool is_not_null = false;
    std::optional<std::string> default_sql;
    std::optional<std::string> collation;
    std::optional<GeneratedColumn> generated;
    std::vector<CheckConstraint> checks;  // column-level CHECKs, in declared order
};

struct ParsedCreateTable {
    std::string name;
    std::vector<ParsedColumn> columns;  // declared order
    std::optional<std::string> primary_key_name;
    std::vector<std::string> primary_key_columns;  // from a column or a table constraint
    std::vector<ParsedUnique> uniques;             // column- and table-level, declared order
    std::vector<CheckConstraint> checks;           // table-level CHECKs, declared order
    std::vector<ParsedForeignKey> foreign_keys;    // column- and table-level, declared order
    bool is_without_rowid = false;
    bool is_strict = false;
};

// Throws Error(Introspection) when `sql` is not a CREATE TABLE statement with a column list.
[[nodiscard]] ParsedCreateTable parse_create_table(std::string_view sql);

}  // namespace schemadiff::sqlite::detail
