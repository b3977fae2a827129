#include "case_file.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "schemadiff/core/text.hpp"

namespace schemadiff::acceptance {

namespace {

enum class Section {
    None,
    Current,
    Target,
    Rows,
    Renames,
    ExpectFindings,
    ExpectSql,
    Lossy,
    Equivalent,
    ExpectPostgresqlFindings,
    ExpectPostgresqlSql,
    PostgresqlUpgradeRefused,
    PostgresqlDowngradeRefused
};

struct Marker {
    std::string_view text;
    Section section;
};

constexpr std::array kMarkers = {
    Marker{"-- current", Section::Current},
    Marker{"-- target", Section::Target},
    Marker{"-- rows", Section::Rows},
    Marker{"-- renames", Section::Renames},
    Marker{"-- expect findings", Section::ExpectFindings},
    Marker{"-- expect sql", Section::ExpectSql},
    Marker{"-- lossy", Section::Lossy},
    Marker{"-- equivalent", Section::Equivalent},
    Marker{"-- expect postgresql findings", Section::ExpectPostgresqlFindings},
    Marker{"-- expect postgresql sql", Section::ExpectPostgresqlSql},
    Marker{"-- expect postgresql upgrade refused", Section::PostgresqlUpgradeRefused},
    Marker{"-- expect postgresql downgrade refused", Section::PostgresqlDowngradeRefused},
};

constexpr std::array kDialects = {std::string_view("sqlite"), std::string_view("postgresql")};

std::string_view rtrim(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

std::optional<Section> marker_of(std::string_view line) {
    for (const auto& marker : kMarkers) {
        if (rtrim(line) == marker.text) return marker.section;
    }
    return std::nullopt;
}

// Drops leading and trailing blank lines; keeps inner text exactly.
std::string trim_blank_lines(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto line_start = text.rfind('\n', first);
    const auto begin = line_start == std::string::npos ? 0 : line_start + 1;
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, last + 1 - begin);
}

std::vector<std::string> non_blank_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        const auto trimmed = text::trim(line);
        if (!trimmed.empty()) lines.emplace_back(trimmed);
    }
    return lines;
}

class Parser {
public:
    Parser(const std::filesystem::path& path) : path_(path) {}

    [[noreturn]] void fail(std::size_t line, const std::string& what) const {
        throw std::runtime_error(path_.string() + ":" + std::to_string(line) + ": " + what);
    }

    RenameHint parse_rename(const std::string& line, std::size_t line_no) const {
        const auto arrow = line.find("<-");
        if (arrow == std::string::npos) fail(line_no, "a rename is `table[.column] <- old_name`");
        const std::string left(text::trim(std::string_view(line).substr(0, arrow)));
        const std::string from(text::trim(std::string_view(line).substr(arrow + 2)));
        if (left.empty() || from.empty()) fail(line_no, "a rename needs both names");
        RenameHint hint;
        const auto dot = left.find('.');
        hint.table = left.substr(0, dot);
        if (dot != std::string::npos) hint.column = left.substr(dot + 1);
        hint.from = from;
        return hint;
    }

    // `sqlite, postgresql`: known names, at least one.
    std::vector<std::string> parse_dialects(const std::string& value, std::size_t line_no) const {
        std::vector<std::string> names;
        std::istringstream in(value);
        for (std::string name; std::getline(in, name, ',');) {
            const std::string trimmed(text::trim(name));
            if (std::find(kDialects.begin(), kDialects.end(), trimmed) == kDialects.end()) {
                fail(line_no, "unknown dialect `" + trimmed + "` (known: sqlite, postgresql)");
            }
            names.push_back(trimmed);
        }
        if (names.empty()) fail(line_no, "`# dialects:` needs at least one dialect");
        return names;
    }

    // `skip <reason>`: the reason, which must be given.
    std::string parse_skip(const std::string& value, std::size_t line_no) const {
        constexpr std::string_view kSkip = "skip";
        const std::string_view view(value);
        const auto reason = text::trim(view.substr(std::min(view.size(), kSkip.size())));
        if (view.substr(0, kSkip.size()) != kSkip || reason.empty() ||
            (view.size() > kSkip.size() && view[kSkip.size()] != ' ')) {
            fail(line_no, "`# postgresql:` takes `skip <reason>`");
        }
        return std::string(reason);
    }

private:
    std::filesystem::path path_;
};

}  // namespace

AcceptanceCase parse_case(std::string_view text, const std::string& name_from_path,
                          const std::filesystem::path& path) {
    const Parser parser(path);
    AcceptanceCase result;
    result.path = path;

    std::vector<std::pair<Section, std::size_t>> seen;
    Section section = Section::None;
    std::array<std::string, kMarkers.size() + 1> bodies;
    std::vector<std::size_t> rename_lines;

    std::istringstream in{std::string(text)};
    std::size_t line_no = 0;
    for (std::string line; std::getline(in, line);) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (const auto marker = marker_of(line)) {
            for (const auto& [previous, at] : seen) {
                if (previous == *marker) {
                    parser.fail(line_no,
                                "section repeated (first at line " + std::to_string(at) + ")");
                }
            }
            seen.emplace_back(*marker, line_no);
            section = *marker;
            if (section == Section::Lossy) result.is_lossy = true;
            if (section == Section::Equivalent) result.is_equivalent = true;
            continue;
        }
        if (section == Section::None) {
            const auto trimmed = text::trim(line);
            if (trimmed.empty()) continue;
            if (trimmed.substr(0, 1) != "#") {
                parser.fail(line_no, "expected a `# key: value` header line or a section marker");
            }
            const auto body = text::trim(trimmed.substr(1));
            const auto colon = body.find(':');
            if (colon == std::string_view::npos) continue;  // a free comment line
            const std::string key(text::trim(body.substr(0, colon)));
            const std::string value(text::trim(body.substr(colon + 1)));
            if (key == "name") {
                result.name = value;
            } else if (key == "description") {
                result.description += (result.description.empty() ? "" : " ") + value;
            } else if (key == "dialects") {
                result.dialects = parser.parse_dialects(value, line_no);
            } else if (key == "postgresql") {
                result.postgresql_skip = parser.parse_skip(value, line_no);
            } else if (key == "postgresql schema") {
                if (value.empty()) parser.fail(line_no, "`# postgresql schema:` needs a name");
                result.postgresql_schema = value;
            } else {
                parser.fail(line_no, "unknown header key `" + key + "`");
            }
            continue;
        }
        auto& body = bodies[static_cast<std::size_t>(section)];
        body += line;
        body += '\n';
        if (section == Section::Renames && !text::trim(line).empty()) {
            rename_lines.push_back(line_no);
        }
    }

    if (result.name.empty()) parser.fail(1, "missing `# name:` header");
    if (result.name != name_from_path) {
        parser.fail(1, "`# name: " + result.name + "` does not match the file path (" +
                           name_from_path + ")");
    }
    if (result.description.empty()) parser.fail(1, "missing `# description:` header");
    const auto has = [&seen](Section s) {
        return std::any_of(seen.begin(), seen.end(), [s](const auto& p) { return p.first == s; });
    };
    if (!has(Section::Current)) parser.fail(line_no, "missing `-- current` section");
    if (!has(Section::Target)) parser.fail(line_no, "missing `-- target` section");

    const auto body_of = [&bodies](Section s) { return bodies[static_cast<std::size_t>(s)]; };
    result.current_sql = trim_blank_lines(body_of(Section::Current));
    result.target_sql = trim_blank_lines(body_of(Section::Target));
    result.rows_sql = trim_blank_lines(body_of(Section::Rows));
    {
        const auto lines = non_blank_lines(body_of(Section::Renames));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            result.renames.push_back(parser.parse_rename(lines[i], rename_lines[i]));
        }
    }
    if (has(Section::ExpectFindings)) {
        auto findings = non_blank_lines(body_of(Section::ExpectFindings));
        std::sort(findings.begin(), findings.end());
        result.expected_findings = std::move(findings);
    }
    if (has(Section::ExpectSql))
        result.expected_sql = trim_blank_lines(body_of(Section::ExpectSql));
    if (has(Section::ExpectPostgresqlFindings)) {
        auto findings = non_blank_lines(body_of(Section::ExpectPostgresqlFindings));
        std::sort(findings.begin(), findings.end());
        result.expected_postgresql_findings = std::move(findings);
    }
    if (has(Section::ExpectPostgresqlSql)) {
        result.expected_postgresql_sql = trim_blank_lines(body_of(Section::ExpectPostgresqlSql));
    }
    const auto refusal = [&](Section s) -> std::optional<std::string> {
        if (!has(s)) return std::nullopt;
        auto message = trim_blank_lines(body_of(s));
        if (message.empty()) parser.fail(line_no, "a refused section needs part of the message");
        return message;
    };
    result.postgresql_upgrade_refused = refusal(Section::PostgresqlUpgradeRefused);
    result.postgresql_downgrade_refused = refusal(Section::PostgresqlDowngradeRefused);
    if (result.postgresql_skip && !result.runs_on("postgresql")) {
        parser.fail(1, "`# postgresql: skip` on a case that does not run on postgresql");
    }
    return result;
}

bool AcceptanceCase::runs_on(std::string_view dialect) const {
    return dialects.empty() ||
           std::find(dialects.begin(), dialects.end(), dialect) != dialects.end();
}

std::vector<AcceptanceCase> load_cases(const std::filesystem::path& root) {
    std::vector<AcceptanceCase> cases;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".case") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        if (!in) throw std::runtime_error("cannot read " + entry.path().string());
        std::ostringstream text;
        text << in.rdbuf();
        auto relative = std::filesystem::relative(entry.path(), root);
        relative.replace_extension();
        cases.push_back(parse_case(text.str(), relative.generic_string(), entry.path()));
    }
    std::sort(cases.begin(), cases.end(),
              [](const AcceptanceCase& a, const AcceptanceCase& b) { return a.name < b.name; });
    return cases;
}

}  // namespace schemadiff::acceptance
