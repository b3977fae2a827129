#include "create_table_parser.hpp"

#include <array>

#include "schemadiff/core/error.hpp"
#include "sql_tokenizer.hpp"
#include "token_cursor.hpp"

namespace schemadiff::sqlite::detail {

namespace {

[[noreturn]] void fail(std::string_view what, std::string_view sql) {
    constexpr std::size_t kShown = 120;
    std::string shown(sql.substr(0, kShown));
    if (sql.size() > kShown) shown += "...";
    throw Error(ErrorKind::Introspection, std::string(what), "in: " + shown);
}

// "(a COLLATE x DESC, b)" -> {"a", "b"}: the first token of each part names the column.
std::vector<std::string> read_column_list(TokenCursor& cursor) {
    std::vector<std::string> columns;
    if (!cursor.peek_is('(')) return columns;
    for (std::span<const Token> part : split_top_level(cursor.take_parenthesized())) {
        if (!part.empty() && part.front().is_name()) columns.push_back(part.front().value());
    }
    return columns;
}

void skip_conflict_clause(TokenCursor& cursor) {
    if (cursor.accept_keywords({"ON", "CONFLICT"})) cursor.next();
}

ForeignKeyAction read_action(TokenCursor& cursor) {
    if (cursor.accept_keywords({"SET", "NULL"})) return ForeignKeyAction::SetNull;
    if (cursor.accept_keywords({"SET", "DEFAULT"})) return ForeignKeyAction::SetDefault;
    if (cursor.accept_keyword("CASCADE")) return ForeignKeyAction::Cascade;
    if (cursor.accept_keyword("RESTRICT")) return ForeignKeyAction::Restrict;
    cursor.accept_keywords({"NO", "ACTION"});
    return ForeignKeyAction::NoAction;
}

// After REFERENCES: the target, its columns, actions, MATCH and deferrability.
ParsedForeignKey read_references(TokenCursor& cursor) {
    ParsedForeignKey fk;
    fk.referenced_table = read_qualified_name(cursor);
    fk.referenced_columns = read_column_list(cursor);
    while (!cursor.at_end()) {
        if (cursor.peek_keyword("ON") &&
            (cursor.peek_keyword("DELETE", 1) || cursor.peek_keyword("UPDATE", 1))) {
            cursor.next();
            const bool is_delete = cursor.next()->is_keyword("DELETE");
            (is_delete ? fk.on_delete : fk.on_update) = read_action(cursor);
        } else if (cursor.accept_keyword("MATCH")) {
            cursor.next();
        } else if (cursor.peek_keyword("NOT") && cursor.peek_keyword("DEFERRABLE", 1)) {
            // SQLite ignores INITIALLY after NOT DEFERRABLE: the key is immediate.
            cursor.accept_keywords({"NOT", "DEFERRABLE"});
            if (cursor.accept_keyword("INITIALLY")) cursor.next();
            fk.is_deferrable = false;
            fk.is_initially_deferred = false;
        } else if (cursor.accept_keyword("DEFERRABLE")) {
            fk.is_deferrable = true;
            if (cursor.accept_keyword("INITIALLY")) {
                const Token* mode = cursor.next();
                fk.is_initially_deferred = mode != nullptr && mode->is_keyword("DEFERRED");
            }
        } else {
            break;
        }
    }
    return fk;
}

// The expression inside the parentheses at the cursor, or "" when there are none.
std::string read_parenthesized_expression(TokenCursor& cursor) {
    if (!cursor.peek_is('(')) return {};
    return join_tokens(cursor.take_parenthesized());
}

bool starts_column_constraint(const Token& token) {
    constexpr std::array<std::string_view, 11> kKeywords = {
        "CONSTRAINT", "PRIMARY", "NOT",        "NULL",      "UNIQUE", "CHECK",
        "DEFAULT",    "COLLATE", "REFERENCES", "GENERATED", "AS"};
    for (std::string_view keyword : kKeywords) {
        if (token.is_keyword(keyword)) return true;
    }
    return false;
}

bool starts_table_constraint(const Token& token) {
    return token.is_keyword("CONSTRAINT") || token.is_keyword("PRIMARY") ||
           token.is_keyword("UNIQUE") || token.is_keyword("CHECK") || token.is_keyword("FOREIGN");
}

std::string read_default(TokenCursor& cursor) {
    if (cursor.peek_is('(')) return "(" + read_parenthesized_expression(cursor) + ")";
    const Token* first = cursor.next();
    if (first == nullptr) return {};
    std::string value(first->text);
    if ((first->is('+') || first->is('-')) && cursor.peek() != nullptr) {
        value += cursor.next()->text;
    }
    return value;
}

void read_generated(TokenCursor& cursor, ParsedColumn& column) {
    GeneratedColumn generated;
    generated.expression = read_parenthesized_expression(cursor);
    if (cursor.accept_keyword("STORED")) {
        generated.is_stored = true;
    } else {
        cursor.accept_keyword("VIRTUAL");
    }
    column.generated = std::move(generated);
}

void parse_column(std::span<const Token> tokens, ParsedCreateTable& table) {
    TokenCursor cursor(tokens);
    ParsedColumn column;
    column.name = cursor.next()->value();
    const std::size_t type_start = cursor.position();
    while (!cursor.at_end() && !starts_column_constraint(*cursor.peek())) cursor.skip();
    column.declared_type = join_tokens(tokens.subspan(type_start, cursor.position() - type_start));

    std::optional<std::string> name;
    while (!cursor.at_end()) {
        if (cursor.accept_keyword("CONSTRAINT")) {
            name = read_qualified_name(cursor);
            continue;
        }
        if (cursor.accept_keyword("PRIMARY")) {
            cursor.accept_keyword("KEY");
            if (!cursor.accept_keyword("ASC")) cursor.accept_keyword("DESC");
            skip_conflict_clause(cursor);
            column.is_primary_key = true;
            column.is_autoincrement = cursor.accept_keyword("AUTOINCREMENT");
            table.primary_key_name = name;
            table.primary_key_columns = {column.name};
        } else if (cursor.accept_keywords({"NOT", "NULL"})) {
            column.is_not_null = true;
            skip_conflict_clause(cursor);
        } else if (cursor.accept_keyword("NULL")) {
            skip_conflict_clause(cursor);
        } else if (cursor.accept_keyword("UNIQUE")) {
            skip_conflict_clause(cursor);
            table.uniques.push_back(ParsedUnique{name, {column.name}});
        } else if (cursor.accept_keyword("CHECK")) {
            column.checks.push_back(CheckConstraint{name, read_parenthesized_expression(cursor)});
        } else if (cursor.accept_keyword("DEFAULT")) {
            column.default_sql = read_default(cursor);
        } else if (cursor.accept_keyword("COLLATE")) {
            column.collation = read_qualified_name(cursor);
        } else if (cursor.accept_keyword("REFERENCES")) {
            ParsedForeignKey fk = read_references(cursor);
            fk.name = name;
            fk.columns = {column.name};
            table.foreign_keys.push_back(std::move(fk));
        } else if (cursor.accept_keywords({"GENERATED", "ALWAYS", "AS"}) ||
                   cursor.accept_keyword("AS")) {
            read_generated(cursor, column);
        } else {
            cursor.skip();
            continue;  // unknown text keeps a pending constraint name
        }
        name.reset();
    }
    table.columns.push_back(std::move(column));
}

void parse_table_constraints(std::span<const Token> tokens, ParsedCreateTable& table) {
    TokenCursor cursor(tokens);
    std::optional<std::string> name;
    while (!cursor.at_end()) {
        if (cursor.accept_keyword("CONSTRAINT")) {
            name = read_qualified_name(cursor);
            continue;
        }
        if (cursor.accept_keyword("PRIMARY")) {
            cursor.accept_keyword("KEY");
            table.primary_key_columns = read_column_list(cursor);
            table.primary_key_name = name;
            skip_conflict_clause(cursor);
        } else if (cursor.accept_keyword("UNIQUE")) {
            table.uniques.push_back(ParsedUnique{name, read_column_list(cursor)});
            skip_conflict_clause(cursor);
        } else if (cursor.accept_keyword("CHECK")) {
            table.checks.push_back(CheckConstraint{name, read_parenthesized_expression(cursor)});
        } else if (cursor.accept_keyword("FOREIGN")) {
            cursor.accept_keyword("KEY");
            std::vector<std::string> columns = read_column_list(cursor);
            if (cursor.accept_keyword("REFERENCES")) {
                ParsedForeignKey fk = read_references(cursor);
                fk.name = name;
                fk.columns = std::move(columns);
                table.foreign_keys.push_back(std::move(fk));
            }
        } else {
            cursor.skip();
            continue;
        }
        name.reset();
    }
}

}  // namespace

ParsedCreateTable parse_create_table(std::string_view sql) {
    const std::vector<Token> tokens = tokenize(sql);
    TokenCursor cursor(tokens);
    if (!cursor.accept_keyword("CREATE")) fail("not a CREATE TABLE statement", sql);
    if (!cursor.accept_keyword("TEMP")) cursor.accept_keyword("TEMPORARY");
    if (!cursor.accept_keyword("TABLE")) fail("not a CREATE TABLE statement", sql);
    cursor.accept_keywords({"IF", "NOT", "EXISTS"});

    ParsedCreateTable table;
    table.name = read_qualified_name(cursor);
    if (table.name.empty() || !cursor.peek_is('(')) {
        fail("cannot read the table name and column list of a CREATE TABLE statement", sql);
    }
    bool in_constraints = false;
    for (std::span<const Token> item : split_top_level(cursor.take_parenthesized())) {
        if (item.empty()) continue;
        in_constraints = in_constraints || starts_table_constraint(item.front());
        if (in_constraints) {
            parse_table_constraints(item, table);
        } else {
            parse_column(item, table);
        }
    }
    while (!cursor.at_end()) {
        if (cursor.accept_keywords({"WITHOUT", "ROWID"})) {
            table.is_without_rowid = true;
        } else if (cursor.accept_keyword("STRICT")) {
            table.is_strict = true;
        } else {
            cursor.next();
        }
    }
    return table;
}

}  // namespace schemadiff::sqlite::detail
