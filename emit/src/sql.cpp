#include "schemadiff/emit/sql.hpp"

#include <string_view>
#include <variant>

#include "schemadiff/core/text.hpp"

namespace schemadiff::emit {

namespace {

std::string finding_comment(const Finding& finding) {
    return "WARNING " + std::string(to_string(finding.kind)) + ": " + finding.message;
}

void append_comment_lines(std::string& out, const std::string& comment) {
    // A comment never spans lines: each line gets its own "--", so no text can escape into SQL.
    std::string_view rest = comment;
    while (true) {
        const std::size_t newline = rest.find('\n');
        const std::string_view line = rest.substr(0, newline);
        out += line.empty() ? "--" : "-- ";
        out.append(line.substr(0, line.size() - (line.ends_with('\r') ? 1 : 0)));
        out += '\n';
        if (newline == std::string_view::npos) break;
        rest.remove_prefix(newline + 1);
    }
}

void append_statements(std::string& out, const std::vector<SqlStatement>& statements) {
    for (const auto& statement : statements) {
        for (const auto& comment : statement.comments) append_comment_lines(out, comment);
        out += statement.sql;
        out += ";\n";
    }
}

std::vector<SqlStatement> plain(const std::vector<std::string>& sql) {
    std::vector<SqlStatement> out;
    out.reserve(sql.size());
    for (const auto& statement : sql) out.push_back({statement, {}});
    return out;
}

}  // namespace

bool SqlScript::empty() const {
    return before_transaction.empty() && transactional.empty() && after_transaction.empty();
}

SqlScript emit_sql(const Plan& plan, const Dialect& dialect) {
    SqlScript script;
    script.before_transaction = plain(dialect.before_transaction(plan.operations));

    std::vector<SqlStatement> outside;  // operations that cannot run in a transaction
    for (std::size_t i = 0; i < plan.operations.size(); ++i) {
        const Operation& op = plan.operations[i];
        std::vector<std::string> comments;
        for (const Finding* finding : plan.findings_for(i)) {
            comments.push_back(finding_comment(*finding));
        }
        // An operation that renders nothing (a comment SQLite cannot store) keeps its findings
        // in the header only.
        // What cannot run in a transaction goes after it, except enum values added (PostgreSQL's
        // ADD VALUE): before it, so that the body may use them.
        std::vector<SqlStatement>* target = &script.transactional;
        if (dialect.requires_no_transaction(op)) {
            target =
                std::holds_alternative<AlterEnumType>(op) ? &script.before_transaction : &outside;
        }
        std::vector<std::string> statements = dialect.render(op);
        for (std::size_t s = 0; s < statements.size(); ++s) {
            target->push_back(
                {std::move(statements[s]), s == 0 ? comments : std::vector<std::string>{}});
        }
    }
    for (auto& statement : plain(dialect.before_commit(plan.operations))) {
        script.transactional.push_back(std::move(statement));
    }
    script.after_transaction = std::move(outside);
    for (auto& statement : plain(dialect.after_transaction(plan.operations))) {
        script.after_transaction.push_back(std::move(statement));
    }

    for (const auto& finding : plan.findings) {
        script.header_comments.push_back(finding_comment(finding));
    }
    if (!script.header_comments.empty()) {
        const std::size_t count = script.header_comments.size();
        script.header_comments.insert(script.header_comments.begin(),
                                      std::to_string(count) +
                                          (count == 1 ? " finding needs" : " findings need") +
                                          " review before this script runs:");
    }
    return script;
}

std::string render_sql(const SqlScript& script, const RenderOptions& options) {
    std::string out;
    for (const auto& comment : script.header_comments) append_comment_lines(out, comment);
    if (!script.header_comments.empty() && !script.empty()) out += '\n';
    append_statements(out, script.before_transaction);
    const bool wrap = options.wrap_in_transaction && !script.transactional.empty();
    if (wrap) out += "BEGIN;\n";
    append_statements(out, script.transactional);
    if (wrap) out += "COMMIT;\n";
    append_statements(out, script.after_transaction);
    return out;
}

}  // namespace schemadiff::emit
