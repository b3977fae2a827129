// split_statements: a small SQL lexer that finds the statement boundaries of a script section.
//
// A ';' ends a statement only at the top level: never inside '...', "...", `...`, [...],
// E'...' (backslash escapes), $$...$$ / $tag$...$tag$, -- and /* */ comments, or inside the
// BEGIN ... END body of a CREATE TRIGGER / PROCEDURE / FUNCTION / EVENT (nested BEGIN and CASE
// blocks are counted; END IF / END LOOP / END WHILE / END REPEAT close blocks that were not
// counted). A mysql-client `DELIMITER xx` line switches the terminator, as that client does.
//
// What a statement keeps: everything from its first non-blank character (leading comments
// included, they are reviewers' warnings) to its terminator, trailing blanks trimmed. A comment
// on the same line after a terminator belongs to the statement before and is dropped.
// Statements with no code (comments or blanks only) are dropped.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/text.hpp"
#include "schemadiff/migrate/revision_script.hpp"

namespace schemadiff::migrate {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }
bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_tag_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_tag_char(char c) { return is_tag_start(c) || (c >= '0' && c <= '9'); }

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> words) {
    for (const auto w : words) {
        if (text::iequals(word, w)) return true;
    }
    return false;
}

class Splitter {
public:
    Splitter(std::string_view sql, int first_line) : sql_(sql), line_(first_line) {}

    std::vector<ScriptStatement> run();

private:
    // What the leading words say about the statement, for BEGIN ... END bodies.
    enum class Kind { Empty, CreateHeader, Definer, Block, Plain };

    [[nodiscard]] bool at(std::string_view s) const { return sql_.substr(pos_, s.size()) == s; }
    void advance_to(std::size_t end);  // moves pos_, counting newlines
    void mark_text() {
        if (start_ == std::string_view::npos) start_ = pos_;
    }
    void mark_code() {
        mark_text();
        if (!has_code_) {
            has_code_ = true;
            code_line_ = line_;
        }
    }
    void finish(std::size_t end);
    void skip_same_line_comments();
    bool try_delimiter_command();

    [[nodiscard]] std::size_t line_comment_end(std::size_t from) const;
    [[nodiscard]] std::size_t block_comment_end(std::size_t from) const;
    [[nodiscard]] std::size_t quoted_end(std::size_t from, bool backslash_escapes) const;
    [[nodiscard]] std::size_t dollar_quote_end(std::size_t from) const;  // npos: not one
    void on_word(std::string_view word);

    std::string_view sql_;
    std::size_t pos_ = 0;
    int line_;
    std::string delimiter_ = ";";
    std::vector<ScriptStatement> statements_;

    // The statement being read.
    std::size_t start_ = std::string_view::npos;
    bool has_code_ = false;
    int code_line_ = 0;
    Kind kind_ = Kind::Empty;
    int depth_ = 0;
    bool after_end_ = false;         // the previous token was END
    bool end_closed_block_ = false;  // ... and it closed a counted block
};

void Splitter::advance_to(std::size_t end) {
    for (; pos_ < end; ++pos_) {
        if (sql_[pos_] == '\n') ++line_;
    }
}

std::size_t Splitter::line_comment_end(std::size_t from) const {
    const std::size_t newline = sql_.find('\n', from);
    return newline == std::string_view::npos ? sql_.size() : newline;
}

std::size_t Splitter::block_comment_end(std::size_t from) const {
    const std::size_t close = sql_.find("*/", from + 2);
    return close == std::string_view::npos ? sql_.size() : close + 2;
}

// One past the closing quote; a doubled quote is part of the text (brackets have no escape,
// as in SQLite's tokenizer). An unterminated quote runs to the end.
std::size_t Splitter::quoted_end(std::size_t from, bool backslash_escapes) const {
    const char open = sql_[from];
    const char close = open == '[' ? ']' : open;
    std::size_t i = from + 1;
    while (i < sql_.size()) {
        const char c = sql_[i];
        if (backslash_escapes && c == '\\') {
            i += 2;
            continue;
        }
        if (c == close) {
            if (close != ']' && i + 1 < sql_.size() && sql_[i + 1] == close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return sql_.size();
}

// PostgreSQL dollar quoting: `$tag$` with an optional identifier tag (no digit first, so `$1`
// parameters are not quotes), closed by the same `$tag$`.
std::size_t Splitter::dollar_quote_end(std::size_t from) const {
    if (from > 0 && is_word_char(sql_[from - 1])) return std::string_view::npos;
    std::size_t i = from + 1;
    if (i < sql_.size() && is_tag_start(sql_[i])) {
        while (i < sql_.size() && is_tag_char(sql_[i])) ++i;
    }
    if (i >= sql_.size() || sql_[i] != '$') return std::string_view::npos;
    const std::string_view tag = sql_.substr(from, i + 1 - from);
    const std::size_t close = sql_.find(tag, i + 1);
    return close == std::string_view::npos ? sql_.size() : close + tag.size();
}

void Splitter::on_word(std::string_view word) {
    // END IF / END LOOP / END WHILE / END REPEAT close blocks that were never counted.
    const bool reopens =
        after_end_ && end_closed_block_ && is_one_of(word, {"IF", "LOOP", "WHILE", "REPEAT"});
    const bool closes_case = after_end_ && text::iequals(word, "CASE");
    after_end_ = false;
    switch (kind_) {
        case Kind::Empty:
            kind_ = text::iequals(word, "CREATE") ? Kind::CreateHeader : Kind::Plain;
            return;
        case Kind::CreateHeader:
        case Kind::Definer:
            // CREATE [OR REPLACE] [TEMP|TEMPORARY] [CONSTRAINT] [DEFINER = user] [AGGREGATE] KIND
            if (is_one_of(word, {"TRIGGER", "PROCEDURE", "FUNCTION", "EVENT"})) {
                kind_ = Kind::Block;
            } else if (text::iequals(word, "DEFINER")) {
                kind_ = Kind::Definer;
            } else if (is_one_of(word, {"OR", "REPLACE", "TEMP", "TEMPORARY", "CONSTRAINT",
                                        "AGGREGATE"})) {
                kind_ = Kind::CreateHeader;
            } else if (kind_ == Kind::Definer &&
                       !is_one_of(word, {"VIEW", "SQL", "ALGORITHM", "TABLE"})) {
                // part of the user name: DEFINER = root@localhost, CURRENT_USER
            } else {
                kind_ = Kind::Plain;
            }
            return;
        case Kind::Block:
            if (reopens) {
                ++depth_;  // undo the END's decrement
            } else if (closes_case) {
                // END CASE: the END already closed it
            } else if (is_one_of(word, {"BEGIN", "CASE"})) {
                ++depth_;
            } else if (text::iequals(word, "END")) {
                end_closed_block_ = depth_ > 0;
                if (end_closed_block_) --depth_;
                after_end_ = true;
            }
            return;
        case Kind::Plain:
            return;
    }
}

void Splitter::finish(std::size_t end) {
    if (has_code_) {
        std::string_view sql = sql_.substr(start_, end - start_);
        while (!sql.empty() && is_blank(sql.back())) sql.remove_suffix(1);
        statements_.push_back({std::string(sql), code_line_});
    }
    start_ = std::string_view::npos;
    has_code_ = false;
    code_line_ = 0;
    kind_ = Kind::Empty;
    depth_ = 0;
    after_end_ = false;
}

// After a terminator: blanks and comments that start on the same line are a remark on the
// statement just ended, not the start of the next one.
void Splitter::skip_same_line_comments() {
    while (pos_ < sql_.size()) {
        const char c = sql_[pos_];
        if (c == ' ' || c == '\t' || c == '\r') {
            ++pos_;
        } else if (at("--")) {
            advance_to(line_comment_end(pos_));
        } else if (at("/*")) {
            advance_to(block_comment_end(pos_));
        } else {
            return;
        }
    }
}

// `DELIMITER xx` at the start of a statement (the mysql client's command, needed there for
// procedure bodies): sets the terminator and is not itself a statement.
bool Splitter::try_delimiter_command() {
    constexpr std::string_view kCommand = "DELIMITER";
    if (has_code_ || !text::starts_with_icase(sql_.substr(pos_), kCommand)) return false;
    std::size_t i = pos_ + kCommand.size();
    if (i >= sql_.size() || (sql_[i] != ' ' && sql_[i] != '\t')) return false;
    while (i < sql_.size() && (sql_[i] == ' ' || sql_[i] == '\t')) ++i;
    const std::size_t value_begin = i;
    while (i < sql_.size() && !is_blank(sql_[i])) ++i;
    if (i == value_begin) return false;
    delimiter_ = std::string(sql_.substr(value_begin, i - value_begin));
    // Comments before the command were about it; they go with it.
    start_ = std::string_view::npos;
    advance_to(line_comment_end(i));
    return true;
}

std::vector<ScriptStatement> Splitter::run() {
    while (pos_ < sql_.size()) {
        const char c = sql_[pos_];
        if (delimiter_ != ";" && at(delimiter_)) {
            finish(pos_);
            pos_ += delimiter_.size();
            skip_same_line_comments();
        } else if (c == ';' && delimiter_ == ";" && depth_ == 0) {
            finish(pos_);
            ++pos_;
            skip_same_line_comments();
        } else if (is_blank(c)) {
            advance_to(pos_ + 1);
        } else if (at("--")) {
            mark_text();
            advance_to(line_comment_end(pos_));
        } else if (at("/*")) {
            mark_text();
            advance_to(block_comment_end(pos_));
        } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
            mark_code();
            after_end_ = false;
            advance_to(quoted_end(pos_, false));
        } else if (c == '$' && dollar_quote_end(pos_) != std::string_view::npos) {
            mark_code();
            after_end_ = false;
            advance_to(dollar_quote_end(pos_));
        } else if (is_word_char(c)) {
            if (try_delimiter_command()) continue;
            mark_code();
            std::size_t end = pos_;
            // A custom terminator ends a word: END$$ or END// is END then the terminator.
            while (end < sql_.size() && is_word_char(sql_[end]) &&
                   (delimiter_ == ";" || sql_.substr(end, delimiter_.size()) != delimiter_)) {
                ++end;
            }
            const std::string_view word = sql_.substr(pos_, end - pos_);
            if ((word == "E" || word == "e") && end < sql_.size() && sql_[end] == '\'') {
                after_end_ = false;
                advance_to(quoted_end(end, true));  // E'...': PostgreSQL escape string
                continue;
            }
            on_word(word);
            advance_to(end);
        } else {
            mark_code();
            after_end_ = false;
            advance_to(pos_ + 1);
        }
    }
    finish(sql_.size());
    return std::move(statements_);
}

}  // namespace

std::vector<ScriptStatement> split_statements(std::string_view sql, int first_line) {
    return Splitter(sql, first_line).run();
}

}  // namespace schemadiff::migrate
