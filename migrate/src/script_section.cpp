// prepare_section: a section's statements with their roles, from a tiny scan of each
// statement's leading words (comments and quotes skipped, unquoted words upper-cased).
#include "script_section.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::migrate::detail {

namespace {

constexpr std::size_t kLeadingTokens = 6;

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}

// The first `max_tokens` tokens of a statement: words upper-cased, quoted names by their
// content, any other character on its own.
std::vector<std::string> leading_tokens(std::string_view sql, std::size_t max_tokens) {
    std::vector<std::string> tokens;
    std::size_t i = 0;
    while (i < sql.size() && tokens.size() < max_tokens) {
        const char c = sql[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
            ++i;
        } else if (sql.substr(i, 2) == "--") {
            i = sql.find('\n', i);
        } else if (sql.substr(i, 2) == "/*") {
            const std::size_t end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
        } else {
            std::size_t end = i + 1;
            if (is_word_char(c)) {
                while (end < sql.size() && is_word_char(sql[end])) ++end;
                tokens.push_back(text::to_upper(sql.substr(i, end - i)));
            } else if (c == '"' || c == '`' || c == '[' || c == '\'') {
                const char close = c == '[' ? ']' : c;
                end = sql.find(close, i + 1);
                end = end == std::string_view::npos ? sql.size() : end + 1;
                tokens.push_back(text::to_upper(sql.substr(i + 1, end - i - 2)));
            } else {
                tokens.emplace_back(1, c);
            }
            i = end;
        }
    }
    return tokens;
}

StatementRole pragma_role(const std::vector<std::string>& t) {
    const std::size_t name = t.size() > 2 && t[2] == "." ? 3 : 1;
    if (name >= t.size()) return StatementRole::Run;
    if (t[name] == "FOREIGN_KEY_CHECK") return StatementRole::ForeignKeyCheck;
    if (t[name] != "FOREIGN_KEYS" || name + 2 >= t.size()) return StatementRole::Run;
    if (t[name + 1] != "=" && t[name + 1] != "(") return StatementRole::Run;
    const std::string& value = t[name + 2];
    if (value == "OFF" || value == "0" || value == "FALSE" || value == "NO") {
        return StatementRole::ForeignKeysOff;
    }
    if (value == "ON" || value == "1" || value == "TRUE" || value == "YES") {
        return StatementRole::ForeignKeysOn;
    }
    return StatementRole::Run;
}

StatementRole role_of(const std::vector<std::string>& t) {
    if (t.empty()) return StatementRole::Run;
    const std::string& first = t[0];
    if (first == "PRAGMA") return pragma_role(t);
    if (first == "BEGIN") return StatementRole::BeginTransaction;
    if (first == "START" && t.size() > 1 && t[1] == "TRANSACTION") {
        return StatementRole::BeginTransaction;
    }
    if (first == "COMMIT" || first == "END") return StatementRole::EndTransaction;
    if (first == "ROLLBACK") {
        // ROLLBACK [TRANSACTION | WORK] TO [SAVEPOINT] x stays inside the transaction.
        const std::size_t to = t.size() > 1 && (t[1] == "TRANSACTION" || t[1] == "WORK") ? 2 : 1;
        if (to < t.size() && t[to] == "TO") return StatementRole::Run;
        return StatementRole::Rollback;
    }
    return StatementRole::Run;
}

bool is_switch(StatementRole role) {
    return role == StatementRole::ForeignKeysOff || role == StatementRole::ForeignKeysOn;
}

bool is_transaction_control(StatementRole role) {
    return role == StatementRole::BeginTransaction || role == StatementRole::EndTransaction ||
           role == StatementRole::Rollback;
}

std::string canonical_dialect(std::string_view name) {
    const std::string lower = text::to_lower(text::trim(name));
    if (lower == "sqlite3") return "sqlite";
    if (lower == "postgres") return "postgresql";
    if (lower == "mariadb") return "mysql";
    return lower;
}

}  // namespace

void check_dialect(const RevisionScript& script, std::string_view dialect) {
    if (text::trim(script.dialect).empty()) return;
    if (canonical_dialect(script.dialect) == canonical_dialect(dialect)) return;
    throw Error(
        ErrorKind::Revision,
        fmt::format("script {} is written for {}, but the database is {}",
                    script.path.empty() ? script.revision : script.path, script.dialect, dialect));
}

StatementRole statement_role(const std::string& sql) {
    return role_of(leading_tokens(sql, kLeadingTokens));
}

ScriptSection prepare_section(const RevisionScript& script, MigrationDirection direction) {
    const bool is_upgrade = direction == MigrationDirection::Upgrade;
    const std::string& sql = is_upgrade ? script.upgrade_sql : script.downgrade_sql;
    const int first_line = is_upgrade ? script.upgrade_line : script.downgrade_line;

    ScriptSection section;
    // split_statements gives the line of the statement's first code character.
    for (ScriptStatement& statement : split_statements(sql, first_line)) {
        const StatementRole role = role_of(leading_tokens(statement.sql, kLeadingTokens));
        section.turns_foreign_keys_off |= role == StatementRole::ForeignKeysOff;
        section.statements.push_back({std::move(statement.sql), statement.line, role});
    }
    if (!script.is_transactional) return section;

    // An outer BEGIN ... COMMIT (foreign-key switches may sit outside it) is the runner's own.
    auto& statements = section.statements;
    const auto body = [](const SectionStatement& s) { return !is_switch(s.role); };
    const auto first = std::find_if(statements.begin(), statements.end(), body);
    const auto last = std::find_if(statements.rbegin(), statements.rend(), body);
    if (first != statements.end() && first->role == StatementRole::BeginTransaction &&
        last.base() - 1 != first && last->role == StatementRole::EndTransaction) {
        statements.erase(last.base() - 1);
        statements.erase(first);
    }
    for (const SectionStatement& statement : statements) {
        if (!is_transaction_control(statement.role)) continue;
        throw Error(
            ErrorKind::Revision,
            fmt::format("{}:{}: transaction control inside a transactional script: the "
                        "runner runs each script in one transaction; remove it, or "
                        "declare '-- Transactional: false' to manage transactions "
                        "yourself",
                        script.path.empty() ? script.revision : script.path, statement.line));
    }
    return section;
}

}  // namespace schemadiff::migrate::detail
