#include "sqlite_sql_text.hpp"

#include <cctype>

#include "schemadiff/core/text.hpp"

namespace schemadiff::sqlite::detail {

namespace {

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_string_literal(std::string_view s) {
    return s.size() >= 2 && s.front() == '\'' && text::skip_quoted(s, 0, nullptr) == s.size() &&
           s.back() == '\'';
}

bool is_numeric_literal(std::string_view s) {
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        for (char c : s.substr(2)) {
            if (std::isxdigit(static_cast<unsigned char>(c)) == 0) return false;
        }
        return true;
    }
    std::size_t i = 0;
    const auto skip_digits = [&] {
        const std::size_t start = i;
        while (i < s.size() && is_digit(s[i])) ++i;
        return i - start;
    };
    std::size_t digits = skip_digits();
    if (i < s.size() && s[i] == '.') {
        ++i;
        digits += skip_digits();
    }
    if (digits == 0) return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (skip_digits() == 0) return false;
    }
    return i == s.size();
}

}  // namespace

bool mentions_identifier(std::string_view sql, std::string_view name) {
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'') {
            i = text::skip_quoted(sql, i, nullptr);
        } else if (c == '"' || c == '`' || c == '[') {
            std::string content;
            i = text::skip_quoted(sql, i, &content);
            if (text::iequals(content, name)) return true;
        } else if (is_word_char(c)) {
            const std::size_t start = i;
            while (i < sql.size() && is_word_char(sql[i])) ++i;
            if (text::iequals(sql.substr(start, i - start), name)) return true;
        } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n') ++i;
        } else {
            ++i;
        }
    }
    return false;
}

bool is_current_time_keyword(std::string_view expression) {
    const std::string upper = text::to_upper(text::trim(expression));
    return upper == "CURRENT_TIME" || upper == "CURRENT_DATE" || upper == "CURRENT_TIMESTAMP";
}

bool is_null_literal(std::string_view expression) {
    return text::iequals(text::strip_outer_parentheses(expression), "NULL");
}

bool is_bare_default(std::string_view expression) {
    const std::string_view s = text::trim(expression);
    if (is_current_time_keyword(s)) return true;
    if (text::iequals(s, "NULL") || text::iequals(s, "TRUE") || text::iequals(s, "FALSE")) {
        return true;
    }
    if (is_string_literal(s)) return true;
    if (s.size() >= 3 && (s.front() == 'x' || s.front() == 'X') && is_string_literal(s.substr(1))) {
        return true;
    }
    return is_numeric_literal(s);
}

std::string default_clause_value(std::string_view expression) {
    const std::string_view s = text::trim(expression);
    if (is_bare_default(s) || text::strip_outer_parentheses(s) != s) return std::string(s);
    return "(" + std::string(s) + ")";
}

std::string_view type_affinity(std::string_view declared_type) {
    const std::string upper = text::to_upper(declared_type);
    const auto has = [&](std::string_view part) { return upper.find(part) != std::string::npos; };
    if (has("INT")) return "INTEGER";
    if (has("CHAR") || has("CLOB") || has("TEXT")) return "TEXT";
    if (has("BLOB") || text::trim(upper).empty()) return "BLOB";
    if (has("REAL") || has("FLOA") || has("DOUB")) return "REAL";
    return "NUMERIC";
}

std::string_view copy_cast(std::string_view from_type, std::string_view to_type, bool is_strict) {
    const std::string_view to_affinity = type_affinity(to_type);
    if (type_affinity(from_type) == to_affinity || to_affinity == "NUMERIC") return "";
    if (to_affinity == "BLOB") return is_strict ? to_affinity : "";
    return to_affinity;
}

const Column* inline_primary_key_column(const Table& table) {
    if (table.primary_key.columns.size() != 1) return nullptr;
    const Column* column = table.find_column(table.primary_key.columns.front());
    return column != nullptr && column->is_autoincrement ? column : nullptr;
}

}  // namespace schemadiff::sqlite::detail
