// enum_check_values: reads back the CHECK the dialect writes for an enum without a type name.
// PostgreSQL rewrites `col IN ('a', 'b')` before storing it, and pg_get_constraintdef prints
// the rewritten tree: `CHECK (col = ANY (ARRAY['a'::text, 'b'::text]))`, with casts on both
// sides for varchar columns, or `CHECK (col = 'a'::text)` for a single value. Anything else is
// not an enum check.
#include "postgresql_catalog_checks.hpp"

#include <string_view>

namespace schemadiff::postgresql::detail {

namespace {

class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    void skip_spaces() {
        while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    }
    [[nodiscard]] bool at_end() {
        skip_spaces();
        return pos_ == text_.size();
    }
    // Consumes `word` (after spaces) when the text continues with it.
    bool take(std::string_view word) {
        skip_spaces();
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }
    // An identifier as PostgreSQL prints it: plain, or double-quoted with "" for a quote.
    std::optional<std::string> identifier() {
        skip_spaces();
        if (pos_ < text_.size() && text_[pos_] == '"') return quoted('"');
        const std::size_t start = pos_;
        while (pos_ < text_.size() && is_word_char(text_[pos_])) ++pos_;
        if (pos_ == start) return std::nullopt;
        return std::string(text_.substr(start, pos_ - start));
    }
    // A string literal '...' ('' for a quote).
    std::optional<std::string> literal() {
        skip_spaces();
        if (pos_ >= text_.size() || text_[pos_] != '\'') return std::nullopt;
        return quoted('\'');
    }
    // `::text`, `::character varying`, `::text[]`, ...: a cast to a textual type, if present.
    bool textual_cast() {
        if (!take("::")) return true;
        for (const std::string_view type : {"character varying", "text", "bpchar", "varchar"}) {
            if (take(type)) {
                take("[]");
                return true;
            }
        }
        return false;
    }

private:
    static bool is_word_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
               static_cast<unsigned char>(c) >= 0x80;
    }

    std::optional<std::string> quoted(char quote) {
        std::string out;
        ++pos_;
        while (pos_ < text_.size()) {
            const char c = text_[pos_++];
            if (c != quote) {
                out += c;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == quote) {
                out += quote;
                ++pos_;
                continue;
            }
            return out;
        }
        return std::nullopt;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

std::optional<std::vector<std::string>> enum_check_values(std::string_view definition,
                                                          std::string_view column) {
    Cursor cursor(definition);
    if (!cursor.take("CHECK (")) return std::nullopt;
    const auto name = cursor.identifier();
    if (!name || *name != column || !cursor.textual_cast() || !cursor.take("=")) {
        return std::nullopt;
    }
    std::vector<std::string> values;
    if (cursor.take("ANY (ARRAY[")) {
        do {
            auto value = cursor.literal();
            if (!value || !cursor.textual_cast()) return std::nullopt;
            values.push_back(std::move(*value));
        } while (cursor.take(","));
        if (!cursor.take("]") || !cursor.textual_cast() || !cursor.take(")")) return std::nullopt;
    } else {
        auto value = cursor.literal();
        if (!value || !cursor.textual_cast()) return std::nullopt;
        values.push_back(std::move(*value));
    }
    if (!cursor.take(")") || !cursor.at_end()) return std::nullopt;
    return values;
}

}  // namespace schemadiff::postgresql::detail
