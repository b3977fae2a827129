// Offline SQL: the runner's work as text for the database's own client.
#include "schemadiff/migrate/offline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "runner_support.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"
#include "schemadiff/migrate/runner.hpp"
#include "schemadiff/migrate/version_store.hpp"
#include "script_section.hpp"

namespace schemadiff::migrate {

namespace {

using detail::SectionStatement;

struct Range {
    std::string from;  // empty: base
    std::string to;
};

Range split_range(std::string_view range, std::string_view command, bool needs_from) {
    const std::size_t colon = range.find(':');
    if (colon == std::string_view::npos) {
        if (needs_from || range.empty()) {
            throw Error(ErrorKind::Usage,
                        fmt::format("{} --sql needs a range FROM:TO, got '{}'", command, range),
                        needs_from ? "for example head:base" : "for example base:head");
        }
        return {"", std::string(range)};
    }
    Range out{std::string(range.substr(0, colon)), std::string(range.substr(colon + 1))};
    if (out.from.empty() || out.to.empty()) {
        throw Error(ErrorKind::Usage,
                    fmt::format("{} --sql needs a range FROM:TO, got '{}'", command, range));
    }
    return out;
}

// Whether the last line of `sql` ends in a -- comment (outside quotes), which would swallow a
// terminator put on the same line.
bool ends_in_line_comment(std::string_view sql) {
    const std::size_t newline = sql.rfind('\n');
    const std::string_view line = sql.substr(newline == std::string_view::npos ? 0 : newline + 1);
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"' || c == '`') {
            quote = c;
        } else if (c == '-' && i + 1 < line.size() && line[i + 1] == '-') {
            return true;
        }
    }
    return false;
}

void append_statement(std::string& out, const std::string& sql) {
    out += sql;
    if (ends_in_line_comment(sql)) out += '\n';
    out += ";\n";
}

bool is_switch(const SectionStatement& statement) {
    return statement.role == detail::StatementRole::ForeignKeysOff ||
           statement.role == detail::StatementRole::ForeignKeysOn;
}

std::string describe(const std::vector<std::string>& heads) {
    return heads.empty() ? "base" : text::join(heads, ", ");
}

class OfflineWriter {
public:
    OfflineWriter(const RevisionGraph& graph, const Dialect& dialect, const OfflineOptions& options)
        : graph_(graph), sql_(dialect, options.version_table) {}

    std::string write(MigrationDirection direction, std::vector<std::string> heads,
                      const std::vector<std::string>& path) {
        std::string out;
        for (const auto& revision : path) {
            std::vector<std::string> after =
                detail::heads_after(graph_, direction, heads, revision);
            if (!out.empty()) out += '\n';
            append_script(out, direction, graph_.get(revision), heads, after);
            heads = std::move(after);
        }
        return out;
    }

private:
    void append_script(std::string& out, MigrationDirection direction, const RevisionScript& script,
                       const std::vector<std::string>& before,
                       const std::vector<std::string>& after) {
        out += fmt::format("-- Running {} {} -> {}: {}\n", to_string(direction), describe(before),
                           describe(after), script.message);
        detail::check_dialect(script, sql_.dialect().name());
        if (!script.path.empty()) out += "-- File: " + script.path + "\n";
        const detail::ScriptSection section = detail::prepare_section(script, direction);
        const auto& statements = section.statements;
        if (!script.is_transactional) {
            out += "-- Transactional: false (statements run one by one)\n";
            for (const auto& statement : statements) append_statement(out, statement.sql);
            out += "BEGIN;\n";
            append_version_statements(out, direction, script, before, after);
            out += "COMMIT;\n";
            return;
        }
        // Foreign-key switches before and after the body stay outside the transaction.
        const auto body_begin = std::find_if_not(statements.begin(), statements.end(), is_switch);
        auto body_end = statements.end();
        while (body_end != body_begin && is_switch(*(body_end - 1))) --body_end;
        for (auto it = statements.begin(); it != body_begin; ++it) append_statement(out, it->sql);
        out += "BEGIN;\n";
        for (auto it = body_begin; it != body_end; ++it) append_statement(out, it->sql);
        append_version_statements(out, direction, script, before, after);
        out += "COMMIT;\n";
        for (auto it = body_end; it != statements.end(); ++it) append_statement(out, it->sql);
    }

    void append_version_statements(std::string& out, MigrationDirection direction,
                                   const RevisionScript& script,
                                   const std::vector<std::string>& before,
                                   const std::vector<std::string>& after) {
        if (is_first_) {
            for (const auto& statement : sql_.create_tables()) append_statement(out, statement);
            is_first_ = false;
        }
        for (const auto& statement : sql_.move_heads(before, after)) {
            append_statement(out, statement);
        }
        HistoryEntry entry;
        entry.revision = script.revision;
        entry.direction = direction;
        entry.checksum = script_checksum(script);
        entry.message = script.message;
        entry.note = "offline (--sql)";
        append_statement(out, sql_.insert_history(entry));
    }

    const RevisionGraph& graph_;
    VersionTableSql sql_;
    bool is_first_ = true;
};

std::vector<std::string> start_heads(const RevisionGraph& graph, const std::string& from) {
    if (from.empty() || from == "base") return {};
    std::vector<std::string> heads = graph.resolve_targets(from, {});
    std::sort(heads.begin(), heads.end());
    return heads;
}

}  // namespace

std::string offline_upgrade_sql(const RevisionGraph& graph, const Dialect& dialect,
                                std::string_view range, const OfflineOptions& options) {
    const Range parts = split_range(range, "upgrade", false);
    const std::vector<std::string> heads = start_heads(graph, parts.from);
    const std::vector<std::string> targets = graph.resolve_targets(parts.to, heads);
    return OfflineWriter(graph, dialect, options)
        .write(MigrationDirection::Upgrade, heads, graph.upgrade_path(heads, targets));
}

std::string offline_downgrade_sql(const RevisionGraph& graph, const Dialect& dialect,
                                  std::string_view range, const OfflineOptions& options) {
    const Range parts = split_range(range, "downgrade", true);
    const std::vector<std::string> heads = start_heads(graph, parts.from);
    const std::string target = graph.resolve(parts.to, heads);
    return OfflineWriter(graph, dialect, options)
        .write(MigrationDirection::Downgrade, heads, graph.downgrade_path(heads, target));
}

}  // namespace schemadiff::migrate
