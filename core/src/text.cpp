#include "schemadiff/core/text.hpp"

#include <cctype>

namespace schemadiff::text {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_word(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_quote(char c) { return c == '\'' || c == '"' || c == '`' || c == '['; }
char closing_quote(char c) { return c == '[' ? ']' : c; }

}  // namespace

std::size_t skip_quoted(std::string_view s, std::size_t open, std::string* content) {
    const char close = closing_quote(s[open]);
    std::size_t j = open + 1;
    while (j < s.size()) {
        if (s[j] == close) {
            if (close != ']' && j + 1 < s.size() && s[j + 1] == close) {
                if (content != nullptr) *content += close;
                j += 2;
                continue;
            }
            return j + 1;
        }
        if (content != nullptr) *content += s[j];
        ++j;
    }
    return s.size();
}

std::string to_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower(c);
    return out;
}

std::string to_upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = upper(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += separator;
        out += parts[i];
    }
    return out;
}

std::string collapse_whitespace(std::string_view s) {
    s = trim(s);
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        if (is_quote(s[i])) {
            const std::size_t end = skip_quoted(s, i);
            out.append(s.substr(i, end - i));
            i = end;
        } else if (is_space(s[i])) {
            while (i < s.size() && is_space(s[i])) ++i;
            out += ' ';
        } else {
            out += s[i++];
        }
    }
    return out;
}

std::string strip_outer_parentheses(std::string_view s) {
    s = trim(s);
    while (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        // The opening parenthesis must close at the very end, not earlier: "(a) + (b)".
        int depth = 0;
        std::size_t close_at = s.size();
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (is_quote(s[i])) {
                i = skip_quoted(s, i) - 1;
                continue;
            }
            if (s[i] == '(') ++depth;
            if (s[i] == ')' && --depth == 0) {
                close_at = i;
                break;
            }
        }
        if (close_at != s.size() - 1) break;
        s = trim(s.substr(1, s.size() - 2));
    }
    return std::string(s);
}

std::string normalize_sql_expression(std::string_view s) {
    const std::string collapsed = collapse_whitespace(strip_outer_parentheses(s));
    std::string out;
    out.reserve(collapsed.size());
    const std::string_view in = collapsed;
    std::size_t i = 0;
    auto drop_space_before = [&out]() {
        if (!out.empty() && out.back() == ' ') out.pop_back();
    };
    while (i < in.size()) {
        const char c = in[i];
        if (is_quote(c)) {
            const std::size_t end = skip_quoted(in, i);
            out.append(in.substr(i, end - i));
            i = end;
        } else if (c == ' ') {
            // Keep a space only between words and operators, never next to parentheses or
            // commas: "lower (x)" and "lower(x)" are the same call.
            const char next = i + 1 < in.size() ? in[i + 1] : ')';
            if (!out.empty() && out.back() != '(' && out.back() != ',' && next != ')' &&
                next != ',' && next != '(') {
                out += ' ';
            }
            ++i;
        } else if (c == '(' || c == ')' || c == ',') {
            drop_space_before();
            out += c;
            ++i;
        } else if (is_word(c)) {
            while (i < in.size() && is_word(in[i])) out += upper(in[i++]);
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

}  // namespace schemadiff::text
