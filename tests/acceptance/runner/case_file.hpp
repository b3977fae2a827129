// AcceptanceCase — one behaviour of the whole pipeline, written as a data file.
//
// A case file (tests/acceptance/cases/<area>/<case>.case) has a header of `# key: value` lines
// (`name`, which must equal the file's path below cases/ without the extension, and
// `description`), then sections opened by a marker line that is exactly one of:
//   -- current            SQLite DDL of the database before the migration (may be empty)
//   -- target             SQLite DDL of the schema the migration must reach (may be empty)
//   -- rows               SQL run on `current` after its DDL (INSERT, DELETE...)
//   -- renames            rename hints for the target: `table.new_column <- old_column` or
//                         `new_table <- old_table`, one per line
//   -- expect findings    one finding per line: `<kind> <table>[.<column>]`
//   -- expect sql         the exact upgrade script, as emit::render_sql prints it
//   -- lossy              the plan drops data by design (optional free-text reason)
//   -- equivalent         target and current differ only in spellings the diff treats as equal:
//                         the plan must be empty (optional free-text reason)
//   -- expect postgresql findings / -- expect postgresql sql
//                         the same expectations, checked only by the PostgreSQL runner (the two
//                         above are SQLite's)
//   -- expect postgresql upgrade refused / -- expect postgresql downgrade refused
//                         emitting that script must throw an Error whose message contains the
//                         section's text (a change the dialect refuses to write, e.g. removing an
//                         enum value); the runner stops checking that direction there
// Optional header keys: `dialects: sqlite, postgresql` (the runners that run the case; default
// every one) and `postgresql: skip <reason>` (DDL PostgreSQL cannot run: the PostgreSQL runner
// counts the case as skipped with its reason instead of failing) and `postgresql schema: NAME`
// (the PostgreSQL runner creates NAME in each database and works in it through the URL's
// `?schema=` parameter, instead of public).
// Any other line inside a section is that section's text (so `-- comment` lines stay in SQL).
// README.md next to the cases documents the format and what the runner checks.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemadiff::acceptance {

// `table.column <- old` (column rename) or `table <- old` (table rename; column empty).
struct RenameHint {
    std::string table;
    std::string column;
    std::string from;
};

struct AcceptanceCase {
    std::string name;  // "columns/add_nullable"
    std::string description;
    std::filesystem::path path;
    std::string current_sql;
    std::string target_sql;
    std::string rows_sql;
    std::vector<RenameHint> renames;
    std::optional<std::vector<std::string>> expected_findings;  // as written, sorted
    std::optional<std::string> expected_sql;
    bool is_lossy = false;
    bool is_equivalent = false;
    std::vector<std::string> dialects;           // `# dialects:`, as written; empty: every dialect
    std::optional<std::string> postgresql_skip;  // `# postgresql: skip <reason>`: the reason
    std::optional<std::string> postgresql_schema;  // `# postgresql schema: NAME`
    std::optional<std::vector<std::string>> expected_postgresql_findings;  // sorted
    std::optional<std::string> expected_postgresql_sql;
    std::optional<std::string> postgresql_upgrade_refused;    // part of the expected message
    std::optional<std::string> postgresql_downgrade_refused;  // part of the expected message

    // Whether the runner of `dialect` ("sqlite", "postgresql") runs this case at all.
    [[nodiscard]] bool runs_on(std::string_view dialect) const;
};

// Parses a case file's text. `name_from_path` is what `# name:` must equal.
// Throws std::runtime_error naming the file and line for any malformed input.
[[nodiscard]] AcceptanceCase parse_case(std::string_view text, const std::string& name_from_path,
                                        const std::filesystem::path& path);

// Every `*.case` file below `root`, parsed, sorted by name.
[[nodiscard]] std::vector<AcceptanceCase> load_cases(const std::filesystem::path& root);

}  // namespace schemadiff::acceptance
