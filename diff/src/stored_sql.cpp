// Reading stored CREATE VIEW / CREATE TRIGGER statements just enough to compare them and to see
// which names they mention.
#include <cctype>

#include "schemadiff/core/text.hpp"
#include "views_triggers.hpp"

namespace schemadiff::diff::detail {

namespace {

bool is_word_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '_' || c == '$' || u >= 0x80;
}

bool is_identifier_quote(char c) { return c == '"' || c == '`' || c == '['; }

// Index one past a comment opening at `i`, or `i` when none opens there.
std::size_t skip_comment(std::string_view s, std::size_t i) {
    if (s.substr(i, 2) == "--") {
        const std::size_t end = s.find('\n', i);
        return end == std::string_view::npos ? s.size() : end + 1;
    }
    if (s.substr(i, 2) == "/*") {
        const std::size_t end = s.find("*/", i + 2);
        return end == std::string_view::npos ? s.size() : end + 2;
    }
    return i;
}

// Every quoted identifier spelled the way the dialect itself would: bare when it needs no
// quotes (SQLite re-quotes the names it rewrites on RENAME), double quotes otherwise.
std::string requote_identifiers(std::string_view sql, const Dialect& dialect) {
    std::string out;
    out.reserve(sql.size());
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'') {
            const std::size_t end = text::skip_quoted(sql, i, nullptr);
            out.append(sql.substr(i, end - i));
            i = end;
        } else if (is_identifier_quote(c)) {
            std::string name;
            i = text::skip_quoted(sql, i, &name);
            if (dialect.quote_identifier(name) == name) {
                out += name;
                continue;
            }
            out += '"';
            for (char ch : name) {
                if (ch == '"') out += '"';
                out += ch;
            }
            out += '"';
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

}  // namespace

std::string fold_statement(std::string_view sql, const Dialect& dialect) {
    sql = text::trim(sql);
    while (!sql.empty() && sql.back() == ';') sql = text::trim(sql.substr(0, sql.size() - 1));
    return dialect.normalize_expression(requote_identifiers(sql, dialect));
}

std::unordered_set<std::string> mentioned_keys(std::string_view sql, const DiffContext& context) {
    std::unordered_set<std::string> keys;
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (const std::size_t after = skip_comment(sql, i); after != i) {
            i = after;
        } else if (c == '\'') {
            i = text::skip_quoted(sql, i, nullptr);
        } else if (is_identifier_quote(c)) {
            std::string name;
            i = text::skip_quoted(sql, i, &name);
            keys.insert(context.key(name));
        } else if (is_word_char(c)) {
            const std::size_t start = i;
            while (i < sql.size() && is_word_char(sql[i])) ++i;
            keys.insert(context.key(sql.substr(start, i - start)));
        } else {
            ++i;
        }
    }
    return keys;
}

}  // namespace schemadiff::diff::detail
