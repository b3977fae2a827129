// Rendering and strict parsing of revision script files (see revision_script.hpp for the format).
//
// The parser reads the file line by line: `-- Key: value` header lines (and blank lines) until
// `-- migrate:up`, the upgrade text until `-- migrate:down`, the downgrade text to the end.
// Section text is kept byte for byte; header values are trimmed. render_script produces the
// canonical form of a script, which parse_script reads back to the same bytes.
#include "schemadiff/migrate/revision_script.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::migrate {

namespace {

constexpr std::string_view kUpMarker = "-- migrate:up";
constexpr std::string_view kDownMarker = "-- migrate:down";

constexpr std::string_view kMessage = "Message";
constexpr std::string_view kRevisionId = "Revision ID";
constexpr std::string_view kRevises = "Revises";
constexpr std::string_view kCreateDate = "Create Date";
constexpr std::string_view kDialect = "Dialect";
constexpr std::string_view kBranchLabels = "Branch Labels";
constexpr std::string_view kDependsOn = "Depends On";
constexpr std::string_view kTransactional = "Transactional";

constexpr std::string_view kKeys[] = {kMessage, kRevisionId,   kRevises,   kCreateDate,
                                      kDialect, kBranchLabels, kDependsOn, kTransactional};

bool is_horizontal_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && (is_horizontal_space(s.back()) || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

bool is_revision_id(std::string_view id) {
    if (id.empty()) return false;
    for (const char c : id) {
        const bool ok =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!ok) return false;
    }
    return true;
}

// A label or dependency: anything printable without spaces, ',' or '@' ('@' separates a label
// from "head" in identifiers).
bool is_label(std::string_view label) {
    if (label.empty()) return false;
    for (const char c : label) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == ',' || c == '@') return false;
    }
    return true;
}

// One header value on one line, without surrounding blanks: what the parser reads back.
std::string header_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (const char c : value) out += (c == '\n' || c == '\r') ? ' ' : c;
    return std::string(text::trim(out));
}

void append_header(std::string& out, std::string_view key, std::string_view value) {
    const std::string clean = header_value(value);
    out += "-- ";
    out += key;
    out += ':';
    if (!clean.empty()) {
        out += ' ';
        out += clean;
    }
    out += '\n';
}

std::string join_list(const std::vector<std::string>& items) {
    std::vector<std::string> clean;
    clean.reserve(items.size());
    for (const auto& item : items) clean.push_back(header_value(item));
    return text::join(clean, ", ");
}

// The parser's state and its error reporting.
class ScriptParser {
public:
    ScriptParser(std::string_view text, std::string_view path) : text_(text), path_(path) {
        script_.path = std::string(path);
    }

    RevisionScript parse();

private:
    enum class Section { Header, Up, Down };

    [[noreturn]] void fail(int line, std::string message) const {
        const std::string where = path_.empty() ? std::string("<script>") : std::string(path_);
        throw Error(ErrorKind::Revision, std::move(message), fmt::format("{}:{}", where, line));
    }

    // The marker a line is, if it is one: "up", "down", or another name after "migrate:".
    static std::optional<std::string_view> marker_name(std::string_view line);
    void on_marker(std::string_view name, int line, std::size_t next_offset);
    void on_header_line(std::string_view line, int line_number);
    std::vector<std::string> parse_list(std::string_view key, std::string_view value, int line,
                                        bool ids_only) const;

    std::string_view text_;
    std::string_view path_;
    RevisionScript script_;
    Section section_ = Section::Header;
    int up_marker_line_ = 0;
    int down_marker_line_ = 0;
    std::size_t up_begin_ = 0;    // offset of the first byte after the up marker line
    std::size_t up_end_ = 0;      // offset of the down marker line
    std::size_t down_begin_ = 0;  // offset of the first byte after the down marker line
    std::vector<std::pair<std::string, int>> seen_keys_;
};

std::optional<std::string_view> ScriptParser::marker_name(std::string_view line) {
    line = trim_right(line);
    if (line.substr(0, 2) != "--") return std::nullopt;
    std::string_view rest = line.substr(2);
    while (!rest.empty() && is_horizontal_space(rest.front())) rest.remove_prefix(1);
    constexpr std::string_view kPrefix = "migrate:";
    if (!text::starts_with_icase(rest, kPrefix)) return std::nullopt;
    return rest.substr(kPrefix.size());
}

void ScriptParser::on_marker(std::string_view name, int line, std::size_t next_offset) {
    if (name == "up") {
        if (up_marker_line_ != 0) {
            fail(line,
                 fmt::format("'{}' appears twice (first on line {})", kUpMarker, up_marker_line_));
        }
        up_marker_line_ = line;
        up_begin_ = next_offset;
        script_.upgrade_line = line + 1;
        section_ = Section::Up;
        return;
    }
    if (name == "down") {
        if (down_marker_line_ != 0) {
            fail(line, fmt::format("'{}' appears twice (first on line {})", kDownMarker,
                                   down_marker_line_));
        }
        if (up_marker_line_ == 0) {
            fail(line, fmt::format("'{}' comes before '{}'", kDownMarker, kUpMarker));
        }
        down_marker_line_ = line;
        down_begin_ = next_offset;
        script_.downgrade_line = line + 1;
        section_ = Section::Down;
        return;
    }
    fail(line, fmt::format("unknown section marker 'migrate:{}' (expected '{}' or '{}')", name,
                           kUpMarker, kDownMarker));
}

std::vector<std::string> ScriptParser::parse_list(std::string_view key, std::string_view value,
                                                  int line, bool ids_only) const {
    std::vector<std::string> items;
    if (value.empty()) return items;
    std::set<std::string, std::less<>> seen;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = value.find(',', start);
        const std::string_view item = text::trim(value.substr(start, comma - start));
        const bool ok = ids_only ? is_revision_id(item) : is_label(item);
        if (!ok) {
            fail(line, item.empty() ? fmt::format("'{}' has an empty item in '{}'", key, value)
                                    : fmt::format("'{}' has an invalid item '{}'", key, item));
        }
        if (!seen.insert(std::string(item)).second) {
            fail(line, fmt::format("'{}' lists '{}' twice", key, item));
        }
        items.emplace_back(item);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return items;
}

void ScriptParser::on_header_line(std::string_view raw, int line) {
    const std::string_view content = trim_right(raw);
    if (content.substr(0, 2) != "--") {
        fail(line, fmt::format("expected a '-- Key: value' header line or '{}', found '{}'",
                               kUpMarker, content));
    }
    const std::string_view body = content.substr(2);
    const std::size_t colon = body.find(':');
    if (colon == std::string_view::npos) {
        fail(line, fmt::format("expected a '-- Key: value' header line, found '{}'", content));
    }
    const std::string_view key = text::trim(body.substr(0, colon));
    const std::string_view value = text::trim(body.substr(colon + 1));

    bool known = false;
    for (const auto k : kKeys) known = known || k == key;
    if (!known) fail(line, fmt::format("unknown header key '{}'", key));
    for (const auto& [seen_key, seen_line] : seen_keys_) {
        if (seen_key == key) {
            fail(line,
                 fmt::format("header key '{}' appears twice (first on line {})", key, seen_line));
        }
    }
    seen_keys_.emplace_back(std::string(key), line);

    if (key == kMessage) {
        script_.message = std::string(value);
    } else if (key == kRevisionId) {
        if (!is_revision_id(value)) {
            fail(line,
                 fmt::format("invalid Revision ID '{}' (expected letters, digits and '_')", value));
        }
        script_.revision = std::string(value);
    } else if (key == kRevises) {
        script_.revises = parse_list(key, value, line, true);
    } else if (key == kCreateDate) {
        script_.create_date = std::string(value);
    } else if (key == kDialect) {
        script_.dialect = std::string(value);
    } else if (key == kBranchLabels) {
        script_.branch_labels = parse_list(key, value, line, false);
    } else if (key == kDependsOn) {
        script_.depends_on = parse_list(key, value, line, false);
    } else if (key == kTransactional) {
        if (value == "true") {
            script_.is_transactional = true;
        } else if (value == "false") {
            script_.is_transactional = false;
        } else {
            fail(line, fmt::format("'{}' must be 'true' or 'false', not '{}'", key, value));
        }
    }
}

RevisionScript ScriptParser::parse() {
    std::size_t offset = 0;
    // A UTF-8 byte order mark some editors add is not part of the first header line.
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") offset = 3;
    int line = 0;
    while (offset < text_.size()) {
        ++line;
        const std::size_t newline = text_.find('\n', offset);
        const std::size_t next = newline == std::string_view::npos ? text_.size() : newline + 1;
        const std::string_view raw = text_.substr(offset, next - offset);
        if (const auto name = marker_name(raw)) {
            if (section_ == Section::Up) up_end_ = offset;
            on_marker(*name, line, next);
        } else if (section_ == Section::Header && !trim_right(raw).empty()) {
            on_header_line(raw, line);
        }
        offset = next;
    }
    const int last_line = line == 0 ? 1 : line;
    if (up_marker_line_ == 0) fail(last_line, fmt::format("missing '{}' marker", kUpMarker));
    if (down_marker_line_ == 0) {
        fail(up_marker_line_,
             fmt::format("missing '{}' marker after '{}'", kDownMarker, kUpMarker));
    }
    if (script_.revision.empty()) fail(1, fmt::format("missing '{}' header", kRevisionId));
    script_.upgrade_sql = std::string(text_.substr(up_begin_, up_end_ - up_begin_));
    script_.downgrade_sql = std::string(text_.substr(down_begin_));
    return std::move(script_);
}

}  // namespace

std::string render_script(const RevisionScript& script) {
    std::string out;
    append_header(out, kMessage, script.message);
    append_header(out, kRevisionId, script.revision);
    append_header(out, kRevises, join_list(script.revises));
    append_header(out, kCreateDate, script.create_date);
    append_header(out, kDialect, script.dialect);
    if (!script.branch_labels.empty()) {
        append_header(out, kBranchLabels, join_list(script.branch_labels));
    }
    if (!script.depends_on.empty()) append_header(out, kDependsOn, join_list(script.depends_on));
    if (!script.is_transactional) append_header(out, kTransactional, "false");

    // Sections: the SQL without trailing blanks, a blank line after the upgrade section, and
    // exactly one final newline; leading text (comments, indentation) is kept as given.
    const std::string_view up = trim_right(script.upgrade_sql);
    const std::string_view down = trim_right(script.downgrade_sql);
    out += '\n';
    out += kUpMarker;
    out += '\n';
    if (!up.empty()) {
        out += up;
        out += '\n';
    }
    out += '\n';
    out += kDownMarker;
    out += '\n';
    if (!down.empty()) {
        out += down;
        out += '\n';
    }
    return out;
}

RevisionScript parse_script(std::string_view text, std::string_view path) {
    return ScriptParser(text, path).parse();
}

}  // namespace schemadiff::migrate
