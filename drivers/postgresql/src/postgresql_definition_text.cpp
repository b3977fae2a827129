// The text side of deparsing model definitions (see postgresql_definition_text.hpp).
#include "postgresql_definition_text.hpp"

#include <cctype>
#include <queue>
#include <unordered_map>
#include <unordered_set>

#include "postgresql_sql_tokens.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::postgresql::detail {

namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool is_word_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '_' || c == '$' || u >= 0x80;
}

// Index of the first character at or after `i` that is neither space nor comment.
std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size()) {
        if (is_space(s[i])) {
            ++i;
        } else if (s.substr(i, 2) == "--") {
            const std::size_t end = s.find('\n', i);
            i = end == std::string_view::npos ? s.size() : end + 1;
        } else if (s.substr(i, 2) == "/*") {
            const std::size_t end = s.find("*/", i + 2);
            i = end == std::string_view::npos ? s.size() : end + 2;
        } else {
            break;
        }
    }
    return i;
}

// A bare word (folded to lower case, as PostgreSQL folds it) or a quoted identifier.
struct Word {
    std::string name;
    bool is_quoted = false;
    std::size_t end = 0;

    [[nodiscard]] bool is(std::string_view lower_keyword) const {
        return !is_quoted && name == lower_keyword;
    }
};

std::optional<Word> read_word(std::string_view s, std::size_t i) {
    i = skip_space(s, i);
    if (i >= s.size()) return std::nullopt;
    Word word;
    if (s[i] == '"') {
        word.is_quoted = true;
        word.end = text::skip_quoted(s, i, &word.name);
        return word;
    }
    if (!is_word_char(s[i]) || std::isdigit(static_cast<unsigned char>(s[i])) != 0) {
        return std::nullopt;
    }
    std::size_t end = i;
    while (end < s.size() && is_word_char(s[end])) ++end;
    word.name = text::to_lower(s.substr(i, end - i));
    word.end = end;
    return word;
}

// One past the ')' closing the '(' at `open`, skipping quoted text.
std::size_t skip_parentheses(std::string_view s, std::size_t open) {
    int depth = 0;
    std::size_t i = open;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\'' || c == '"') {
            i = text::skip_quoted(s, i, nullptr);
            continue;
        }
        if (c == '(') ++depth;
        if (c == ')' && --depth == 0) return i + 1;
        ++i;
    }
    return s.size();
}

std::string_view without_terminator(std::string_view sql) {
    sql = text::trim(sql);
    while (!sql.empty() && sql.back() == ';') sql = text::trim(sql.substr(0, sql.size() - 1));
    return sql;
}

// One statement: no ';' outside quotes and comments but at the end.
bool is_single_statement(std::string_view sql) {
    for (const Token& token : tokenize(without_terminator(sql))) {
        if (token.is(";")) return false;
    }
    return true;
}

// `query` without a final WITH [NO] DATA (a materialized view's).
std::string_view without_with_data(std::string_view query) {
    const auto drop_last_word = [](std::string_view s, std::string_view word) {
        s = text::trim(s);
        if (s.size() <= word.size() || !text::iequals(s.substr(s.size() - word.size()), word) ||
            !is_space(s[s.size() - word.size() - 1])) {
            return std::optional<std::string_view>();
        }
        return std::optional<std::string_view>(text::trim(s.substr(0, s.size() - word.size())));
    };
    auto rest = drop_last_word(query, "data");
    if (!rest) return query;
    if (auto without_no = drop_last_word(*rest, "no")) rest = without_no;
    auto without_with = drop_last_word(*rest, "with");
    return without_with ? *without_with : query;
}

// The names a statement mentions, as PostgreSQL resolves them (bare words folded).
std::unordered_set<std::string> mentioned_names(std::string_view sql) {
    std::unordered_set<std::string> names;
    for (const Token& token : tokenize(sql)) {
        if (token.kind == TokenKind::Word) names.insert(text::to_lower(token.text));
        if (token.kind == TokenKind::QuotedIdentifier) names.insert(token.value);
    }
    return names;
}

}  // namespace

std::optional<TemporaryView> temporary_view(std::string_view sql, std::string_view name) {
    sql = without_terminator(sql);
    if (!is_single_statement(sql)) return std::nullopt;
    auto word = read_word(sql, 0);
    if (!word || !word->is("create")) return std::nullopt;
    word = read_word(sql, word->end);
    if (word && word->is("or")) {
        word = read_word(sql, word->end);
        if (!word || !word->is("replace")) return std::nullopt;
        word = read_word(sql, word->end);
    }
    if (word && (word->is("temp") || word->is("temporary"))) word = read_word(sql, word->end);
    bool is_recursive = false;
    if (word && word->is("recursive")) {
        is_recursive = true;
        word = read_word(sql, word->end);
    }
    TemporaryView out;
    if (word && word->is("materialized") && !is_recursive) {
        out.is_materialized = true;
        word = read_word(sql, word->end);
    }
    if (!word || !word->is("view")) return std::nullopt;
    word = read_word(sql, word->end);
    if (out.is_materialized && word && word->is("if")) {  // IF NOT EXISTS
        for (const std::string_view expected : {"not", "exists"}) {
            word = read_word(sql, word->end);
            if (!word || !word->is(expected)) return std::nullopt;
        }
        word = read_word(sql, word->end);
    }
    if (!word) return std::nullopt;
    std::size_t at = word->end;  // one past the (possibly schema-qualified) name
    while (skip_space(sql, at) < sql.size() && sql[skip_space(sql, at)] == '.') {
        word = read_word(sql, skip_space(sql, at) + 1);
        if (!word) return std::nullopt;
        at = word->end;
    }
    const std::string head = std::string("CREATE TEMP ") + (is_recursive ? "RECURSIVE " : "") +
                             "VIEW " + quote_name(name);
    if (!out.is_materialized) {
        out.statement = head + std::string(sql.substr(at));
        return out;
    }
    // CREATE MATERIALIZED VIEW name [(columns)] [USING m] [WITH (...)] [TABLESPACE t] AS query
    // [WITH [NO] DATA]: only the column list and the query make a view.
    std::string columns;
    at = skip_space(sql, at);
    if (at < sql.size() && sql[at] == '(') {
        const std::size_t end = skip_parentheses(sql, at);
        columns = " " + std::string(sql.substr(at, end - at));
        at = end;
    }
    while (true) {
        at = skip_space(sql, at);
        if (at < sql.size() && sql[at] == '(') {
            at = skip_parentheses(sql, at);
            continue;
        }
        word = read_word(sql, at);
        if (!word) return std::nullopt;
        at = word->end;
        if (word->is("as")) break;
    }
    out.statement = head + columns + " AS " + std::string(without_with_data(sql.substr(at)));
    return out;
}

bool is_plain_trigger_statement(std::string_view sql) {
    if (!is_single_statement(sql)) return false;
    const std::vector<Token> tokens = tokenize(without_terminator(sql));
    std::size_t i = 0;
    const auto next_is = [&](std::string_view word) {
        if (i < tokens.size() && tokens[i].is_word(word)) {
            ++i;
            return true;
        }
        return false;
    };
    if (!next_is("CREATE")) return false;
    if (next_is("OR") && !next_is("REPLACE")) return false;
    next_is("CONSTRAINT");
    if (!next_is("TRIGGER")) return false;
    while (i < tokens.size() && !tokens[i].is_word("ON")) ++i;
    // ON table, never ON schema.table
    return i + 1 < tokens.size() && (i + 2 >= tokens.size() || !tokens[i + 2].is("."));
}

std::vector<const View*> creation_order(const std::vector<View>& views) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < views.size(); ++i) index.emplace(views[i].name, i);
    std::vector<std::vector<std::size_t>> used_by(views.size());
    std::vector<std::size_t> waiting(views.size(), 0);
    for (std::size_t i = 0; i < views.size(); ++i) {
        for (const std::string& name : mentioned_names(views[i].sql)) {
            const auto found = index.find(name);
            if (found == index.end() || found->second == i) continue;
            used_by[found->second].push_back(i);
            ++waiting[i];
        }
    }
    std::priority_queue<std::size_t, std::vector<std::size_t>, std::greater<>> ready;
    for (std::size_t i = 0; i < views.size(); ++i) {
        if (waiting[i] == 0) ready.push(i);
    }
    std::vector<bool> is_placed(views.size(), false);
    std::vector<const View*> out;
    out.reserve(views.size());
    while (out.size() < views.size()) {
        if (ready.empty()) {  // a cycle: place its first view and carry on
            for (std::size_t i = 0; i < views.size(); ++i) {
                if (!is_placed[i]) {
                    ready.push(i);
                    break;
                }
            }
        }
        const std::size_t i = ready.top();
        ready.pop();
        if (is_placed[i]) continue;
        is_placed[i] = true;
        out.push_back(&views[i]);
        for (const std::size_t dependent : used_by[i]) {
            if (--waiting[dependent] == 0 && !is_placed[dependent]) ready.push(dependent);
        }
    }
    return out;
}

std::string do_block(std::string_view body) {
    std::string tag = "$schemadiff$";
    for (int n = 1; body.find(tag) != std::string_view::npos; ++n) {
        tag = "$schemadiff" + std::to_string(n) + "$";
    }
    return "DO " + tag + "\nBEGIN\n" + std::string(body) + "END\n" + tag;
}

std::string escaped_literal(std::string_view value) {
    std::string out = "E'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') out += c;
        out += c;
    }
    out += '\'';
    return out;
}

}  // namespace schemadiff::postgresql::detail
