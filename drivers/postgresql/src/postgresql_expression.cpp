#include "postgresql_expression.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>

#include "schemadiff/core/text.hpp"

namespace schemadiff::postgresql::detail {

namespace {

using Tokens = std::vector<Token>;

// Precedence levels, loosest first (PostgreSQL's operator precedence table).
constexpr int kBoundary = 0;
constexpr int kOr = 10;
constexpr int kAnd = 20;
constexpr int kNot = 30;
constexpr int kComparison = 40;
constexpr int kOtherOperator = 50;
constexpr int kAdditive = 60;
constexpr int kMultiplicative = 70;
constexpr int kPower = 75;
constexpr int kUnary = 80;
constexpr int kCollate = 85;
constexpr int kAtom = 90;
constexpr int kPostfix = 95;  // [subscript], .field
constexpr int kRow = -1;      // "(a, b)": never unwrapped

Token word(std::string text) { return {TokenKind::Word, std::move(text), {}}; }
Token punct(std::string text) { return {TokenKind::Punct, std::move(text), {}}; }
Token op(std::string text) { return {TokenKind::Operator, std::move(text), {}}; }

bool is_any_word(const Token& t, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return t.is_word(w); });
}

// Words after which an operand starts (so a following "-" is unary, "(" groups).
bool is_prefix_word(const Token& t) {
    return is_any_word(
        t, {"AND", "OR", "NOT", "IS", "LIKE", "ILIKE", "SIMILAR", "BETWEEN", "WHEN", "THEN", "ELSE",
            "CASE", "SELECT", "WHERE", "ESCAPE", "RETURN", "TO", "AS"});
}

bool starts_operand(const Tokens& t, std::size_t k, std::size_t start) {
    if (k == start) return true;
    const Token& prev = t[k - 1];
    return prev.kind == TokenKind::Operator || prev.is("(") || prev.is(",") || prev.is("[") ||
           is_prefix_word(prev);
}

std::size_t matching_close(const Tokens& t, std::size_t open) {
    const std::string close = t[open].text == "(" ? ")" : "]";
    int depth = 0;
    for (std::size_t k = open; k < t.size(); ++k) {
        if (t[k].is(t[open].text)) ++depth;
        if (t[k].is(close) && --depth == 0) return k;
    }
    return t.size();
}

std::size_t matching_end(const Tokens& t, std::size_t case_index) {
    int depth = 0;
    for (std::size_t k = case_index; k < t.size(); ++k) {
        if (t[k].is_word("CASE")) ++depth;
        if (t[k].is_word("END") && --depth == 0) return k;
    }
    return t.size();
}

int binary_level(const Token& t) {
    if (t.kind == TokenKind::Operator) {
        const std::string& o = t.text;
        if (o == "=" || o == "<>" || o == "<" || o == ">" || o == "<=" || o == ">=") {
            return kComparison;
        }
        if (o == "+" || o == "-") return kAdditive;
        if (o == "*" || o == "/" || o == "%") return kMultiplicative;
        if (o == "^") return kPower;
        return kOtherOperator;
    }
    if (t.is_word("OR")) return kOr;
    if (t.is_word("AND")) return kAnd;
    if (is_any_word(t, {"NOT", "IS", "ISNULL", "NOTNULL", "IN", "LIKE", "ILIKE", "SIMILAR",
                        "BETWEEN", "ESCAPE"})) {
        return kComparison;  // NOT here is the NOT of NOT IN / NOT LIKE / IS NOT
    }
    if (t.is_word("COLLATE")) return kCollate;
    if (t.is("[") || t.is(".") || t.is("::")) return kPostfix;
    return kBoundary;
}

// The level of the token at `k` inside an operand that starts at `start`.
int level_at(const Tokens& t, std::size_t k, std::size_t start) {
    if (starts_operand(t, k, start)) {
        if (t[k].kind == TokenKind::Operator) return kUnary;
        if (t[k].is_word("NOT")) return kNot;
    }
    const int level = binary_level(t[k]);
    return level == kBoundary || level == kPostfix ? kAtom : level;
}

// The loosest operator at the top level of t[begin, end).
int content_level(const Tokens& t, std::size_t begin, std::size_t end) {
    if (begin >= end) return kRow;
    if (is_any_word(t[begin], {"SELECT", "WITH", "VALUES"})) return kRow;
    int lowest = kAtom;
    for (std::size_t k = begin; k < end; ++k) {
        if (t[k].is("(") || t[k].is("[")) {
            k = matching_close(t, k);
        } else if (t[k].is_word("CASE")) {
            k = matching_end(t, k);
        } else if (t[k].is(",")) {
            return kRow;
        } else {
            lowest = std::min(lowest, level_at(t, k, begin));
        }
    }
    return lowest;
}

int prev_level(const Tokens& t, std::size_t open) {
    if (open == 0) return kBoundary;
    const Token& prev = t[open - 1];
    if (prev.kind == TokenKind::Operator) {
        return starts_operand(t, open - 1, 0) ? kUnary : binary_level(prev);
    }
    if (prev.is_word("NOT")) return starts_operand(t, open - 1, 0) ? kNot : kComparison;
    return binary_level(prev);
}

int next_level(const Tokens& t, std::size_t close) {
    return close + 1 < t.size() ? binary_level(t[close + 1]) : kBoundary;
}

// Whether the "(" at `open` groups an operand (not a call, IN list, ARRAY(...), ...).
bool is_grouping(const Tokens& t, std::size_t open) {
    return t[open].is("(") && starts_operand(t, open, 0);
}

bool unwrap_one(Tokens& t) {
    for (std::size_t open = 0; open < t.size(); ++open) {
        if (!is_grouping(t, open)) continue;
        const std::size_t close = matching_close(t, open);
        if (close >= t.size()) return false;
        const int content = content_level(t, open + 1, close);
        if (content == kRow) continue;
        const int before = prev_level(t, open);
        const int after = next_level(t, close);
        const bool is_associative = content == kOr || content == kAnd;
        const bool fits_before = content > before || (is_associative && content == before);
        const bool fits_after = content > after || (content == after && content != kComparison);
        if (fits_before && fits_after) {
            t.erase(t.begin() + static_cast<std::ptrdiff_t>(close));
            t.erase(t.begin() + static_cast<std::ptrdiff_t>(open));
            return true;
        }
    }
    return false;
}

void unwrap_parentheses(Tokens& t) {
    while (unwrap_one(t)) {
    }
}

// After "::" at `k`: one past the type name (schema-qualified, multi-word, modifiers, []).
std::size_t skip_type(const Tokens& t, std::size_t k) {
    if (k >= t.size() ||
        (t[k].kind != TokenKind::Word && t[k].kind != TokenKind::QuotedIdentifier)) {
        return k;
    }
    std::string first = text::to_upper(t[k].text);
    ++k;
    while (k + 1 < t.size() && t[k].is(".") &&
           (t[k + 1].kind == TokenKind::Word || t[k + 1].kind == TokenKind::QuotedIdentifier)) {
        first = text::to_upper(t[k + 1].text);
        k += 2;
    }
    auto take = [&](std::string_view w) {
        if (k < t.size() && t[k].is_word(w)) {
            ++k;
            return true;
        }
        return false;
    };
    if (first == "DOUBLE") take("PRECISION");
    if (first == "NATIONAL") take("CHARACTER");
    if (first == "CHARACTER" || first == "CHAR" || first == "BIT" || first == "NATIONAL") {
        take("VARYING");
    }
    if (k < t.size() && t[k].is("(")) k = matching_close(t, k) + 1;
    if ((first == "TIMESTAMP" || first == "TIME") && k + 2 < t.size() &&
        (t[k].is_word("WITH") || t[k].is_word("WITHOUT")) && t[k + 1].is_word("TIME") &&
        t[k + 2].is_word("ZONE")) {
        k += 3;
    }
    if (first == "INTERVAL") {
        while (k < t.size() &&
               is_any_word(t[k], {"YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO"})) {
            ++k;
        }
    }
    while (k < t.size() && t[k].is("[")) k = matching_close(t, k) + 1;
    return std::min(k, t.size());
}

bool is_number_text(std::string_view s) {
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
    const Tokens lexed = tokenize(s);
    return lexed.size() == 1 && lexed.front().kind == TokenKind::Number &&
           lexed.front().text.size() == s.size();
}

// '-1'::integer, '1000'::numeric: how pg_get_expr() prints a negative or float-looking constant.
void cast_strings_to_numbers(Tokens& t, std::size_t cast) {
    if (cast == 0 || cast + 1 >= t.size() || t[cast - 1].kind != TokenKind::String ||
        !t[cast - 1].text.empty() || !is_number_text(t[cast - 1].value)) {
        return;
    }
    if (is_any_word(t[cast + 1],
                    {"INTEGER", "INT", "INT2", "INT4", "INT8", "SMALLINT", "BIGINT", "NUMERIC",
                     "DECIMAL", "REAL", "FLOAT4", "FLOAT8", "DOUBLE", "FLOAT"})) {
        std::string number = t[cast - 1].value;
        if (number.front() == '+') number.erase(0, 1);
        t[cast - 1] = {TokenKind::Number, std::move(number), {}};
    }
}

void strip_casts(Tokens& t) {
    for (std::size_t k = 0; k < t.size();) {
        if (t[k].is("::")) {
            cast_strings_to_numbers(t, k);
            t.erase(t.begin() + static_cast<std::ptrdiff_t>(k),
                    t.begin() + static_cast<std::ptrdiff_t>(skip_type(t, k + 1)));
        } else {
            ++k;
        }
    }
}

// CAST(x AS type) -> (x)
void rewrite_cast_calls(Tokens& t) {
    for (std::size_t k = 0; k + 1 < t.size(); ++k) {
        if (!t[k].is_word("CAST") || !t[k + 1].is("(")) continue;
        const std::size_t close = matching_close(t, k + 1);
        std::optional<std::size_t> as;
        for (std::size_t j = k + 2; j < close; ++j) {
            if (t[j].is("(") || t[j].is("["))
                j = matching_close(t, j);
            else if (t[j].is_word("AS"))
                as = j;
        }
        if (!as || close >= t.size()) continue;
        t.erase(t.begin() + static_cast<std::ptrdiff_t>(*as),
                t.begin() + static_cast<std::ptrdiff_t>(close));
        t.erase(t.begin() + static_cast<std::ptrdiff_t>(k));
    }
}

void rewrite_operators(Tokens& t) {
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (t[k].kind == TokenKind::Operator) {
            const std::string o = t[k].text;
            if (o == "~~" || o == "~~*") {
                t[k] = word(o == "~~" ? "LIKE" : "ILIKE");
            } else if (o == "!~~" || o == "!~~*") {
                t[k] = word(o == "!~~" ? "LIKE" : "ILIKE");
                t.insert(t.begin() + static_cast<std::ptrdiff_t>(k), word("NOT"));
            } else if (o == "!=") {
                t[k].text = "<>";
            }
        } else if (t[k].kind == TokenKind::QuotedIdentifier && is_bare_identifier(t[k].value)) {
            t[k] = word(t[k].value);
        }
    }
}

// "-" then a number, where an operand starts: one signed number ("- 1" and "-1" alike).
void merge_signed_numbers(Tokens& t) {
    for (std::size_t k = 0; k + 1 < t.size(); ++k) {
        if ((t[k].is("-") || t[k].is("+")) && t[k + 1].kind == TokenKind::Number &&
            starts_operand(t, k, 0)) {
            if (t[k].is("-")) t[k + 1].text.insert(0, "-");
            t.erase(t.begin() + static_cast<std::ptrdiff_t>(k));
        }
    }
}

bool is_simple_operand(const Token& t) {
    return t.kind == TokenKind::Word || t.kind == TokenKind::QuotedIdentifier ||
           t.kind == TokenKind::Number || t.kind == TokenKind::String;
}

// x [NOT] BETWEEN a AND b, all three single tokens: how PostgreSQL stores it.
void expand_between(Tokens& t) {
    for (std::size_t k = 1; k + 3 < t.size(); ++k) {
        if (!t[k].is_word("BETWEEN") || !t[k + 2].is_word("AND")) continue;
        const bool is_not = k >= 2 && t[k - 1].is_word("NOT");
        const std::size_t x_index = is_not ? k - 2 : k - 1;
        const Token x = t[x_index];
        const Token low = t[k + 1];
        const Token high = t[k + 3];
        if (!is_simple_operand(x) || !is_simple_operand(low) || !is_simple_operand(high)) continue;
        const Tokens replacement =
            is_not
                ? Tokens{punct("("), x, op("<"), low, word("OR"), x, op(">"), high, punct(")")}
                : Tokens{punct("("), x, op(">="), low, word("AND"), x, op("<="), high, punct(")")};
        t.erase(t.begin() + static_cast<std::ptrdiff_t>(x_index),
                t.begin() + static_cast<std::ptrdiff_t>(k + 4));
        t.insert(t.begin() + static_cast<std::ptrdiff_t>(x_index), replacement.begin(),
                 replacement.end());
    }
}

// = ANY (ARRAY[...]) -> IN (...); <> ALL (ARRAY[...]) -> NOT IN (...)
void rewrite_any_array(Tokens& t) {
    for (std::size_t k = 0; k + 4 < t.size(); ++k) {
        const bool is_in = t[k].is("=") && (t[k + 1].is_word("ANY") || t[k + 1].is_word("SOME"));
        const bool is_not_in = t[k].is("<>") && t[k + 1].is_word("ALL");
        if (!(is_in || is_not_in) || !t[k + 2].is("(") || !t[k + 3].is_word("ARRAY") ||
            !t[k + 4].is("[")) {
            continue;
        }
        const std::size_t close_bracket = matching_close(t, k + 4);
        if (close_bracket + 1 >= t.size() || !t[close_bracket + 1].is(")")) continue;
        Tokens replacement;
        if (is_not_in) replacement.push_back(word("NOT"));
        replacement.push_back(word("IN"));
        replacement.push_back(punct("("));
        replacement.insert(replacement.end(), t.begin() + static_cast<std::ptrdiff_t>(k + 5),
                           t.begin() + static_cast<std::ptrdiff_t>(close_bracket));
        replacement.push_back(punct(")"));
        t.erase(t.begin() + static_cast<std::ptrdiff_t>(k),
                t.begin() + static_cast<std::ptrdiff_t>(close_bracket + 2));
        t.insert(t.begin() + static_cast<std::ptrdiff_t>(k), replacement.begin(),
                 replacement.end());
    }
}

// x IN (a) -> x = a; x NOT IN (a) -> x <> a (PostgreSQL stores a one-item list that way).
void rewrite_single_in(Tokens& t) {
    for (std::size_t k = 0; k + 1 < t.size(); ++k) {
        if (!t[k].is_word("IN") || !t[k + 1].is("(")) continue;
        const std::size_t close = matching_close(t, k + 1);
        if (close >= t.size() || content_level(t, k + 2, close) == kRow) continue;
        const bool is_not = k > 0 && t[k - 1].is_word("NOT");
        t.erase(t.begin() + static_cast<std::ptrdiff_t>(close));
        t[k + 1] = op(is_not ? "<>" : "=");
        t.erase(t.begin() + static_cast<std::ptrdiff_t>(k));
        if (is_not) t.erase(t.begin() + static_cast<std::ptrdiff_t>(k - 1));
    }
}

bool has_space_before(const Tokens& t, std::size_t k) {
    if (k == 0) return false;
    const Token& prev = t[k - 1];
    const Token& token = t[k];
    for (const char* p : {")", "]", ",", ".", "[", "(", "::"}) {
        if (token.is(p)) return false;
    }
    for (const char* p : {"(", "[", ".", "::", ","}) {
        if (prev.is(p)) return false;
    }
    // no space after a unary operator: "-a", "NOT a" keeps its space (a word)
    return !(prev.kind == TokenKind::Operator && starts_operand(t, k - 1, 0));
}

}  // namespace

std::vector<Token> canonical_tokens(std::string_view sql) {
    Tokens t = tokenize(sql);
    strip_casts(t);
    rewrite_cast_calls(t);
    rewrite_operators(t);
    merge_signed_numbers(t);
    expand_between(t);
    unwrap_parentheses(t);
    rewrite_any_array(t);
    rewrite_single_in(t);
    unwrap_parentheses(t);
    merge_signed_numbers(t);
    return t;
}

namespace {

bool is_lower_case_name(std::string_view name) {
    if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return false;
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

}  // namespace

std::string render_tokens(const std::vector<Token>& tokens) {
    std::string out;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        const Token& t = tokens[k];
        if (has_space_before(tokens, k)) out += ' ';
        switch (t.kind) {
            case TokenKind::Word:
                out += text::to_upper(t.text);
                break;
            case TokenKind::QuotedIdentifier:
                // A lower-case name PostgreSQL quotes only because it is a keyword ("position")
                // compares equal to the bare word a model writes: this text is for comparing.
                out += is_lower_case_name(t.value) ? text::to_upper(t.value) : quote_name(t.value);
                break;
            case TokenKind::String:
                out += t.text + quote_literal(t.value);
                break;
            default:
                out += t.text;
                break;
        }
    }
    return out;
}

}  // namespace schemadiff::postgresql::detail
