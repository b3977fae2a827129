#include "script_writer.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <ostream>
#include <variant>

#include "compared_schemas.hpp"
#include "errors.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/emit/sql.hpp"

namespace schemadiff::cli {

namespace fs = std::filesystem;

namespace {

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

std::string now_utc() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%d %H:%M:%S}", now);
}

// `wrap_in_transaction`: BEGIN ... COMMIT around what can run in a transaction, for a script
// the runner runs statement by statement (`Transactional: false`) whose section still holds
// such statements: the downgrade of `(enum values)`, a type swap, stays atomic that way.
std::string render_statements(const Plan& plan, const Dialect& dialect, const Config& config,
                              bool wrap_in_transaction = false) {
    emit::SqlScript script = emit::emit_sql(plan, dialect);
    // DDL waiting behind a long transaction would block every query queued after it.
    if (dialect.name() == "postgresql" && !config.postgresql_lock_timeout.empty()) {
        script.before_transaction.insert(
            script.before_transaction.begin(),
            {"SET lock_timeout = " + dialect.quote_string(config.postgresql_lock_timeout), {}});
    }
    return emit::render_sql(script, {.wrap_in_transaction = wrap_in_transaction});
}

// The operations at `indexes` of `plan`, with their findings.
Plan subplan(const Plan& plan, const std::vector<std::size_t>& indexes) {
    Plan out;
    for (const std::size_t i : indexes) {
        for (const Finding* finding : plan.findings_for(i)) {
            Finding copy = *finding;
            copy.operation_index = out.operations.size();
            out.findings.push_back(std::move(copy));
        }
        out.operations.push_back(plan.operations[i]);
    }
    return out;
}

// One generated script: its operations, whether a transaction can hold them, and the words
// added to the message.
struct PlannedScript {
    Plan plan;
    bool is_transactional = true;
    std::string suffix;
};

// What cannot run in a transaction (PostgreSQL's CREATE/DROP INDEX CONCURRENTLY) gets scripts
// of its own, marked `Transactional: false`: index drops before the transactional script (a
// column it drops would take the index with it), index builds after it (on columns it adds).
// The transactional script stays atomic. Enum values added (PostgreSQL's ALTER TYPE ... ADD
// VALUE: the script after it may use them only once they are committed) come first of all.
std::vector<PlannedScript> split_plan(const Plan& plan, const Dialect& dialect) {
    std::vector<std::size_t> enum_values;
    std::vector<std::size_t> before;
    std::vector<std::size_t> inside;
    std::vector<std::size_t> after;
    for (std::size_t i = 0; i < plan.operations.size(); ++i) {
        const Operation& op = plan.operations[i];
        if (!dialect.requires_no_transaction(op)) {
            inside.push_back(i);
        } else if (std::holds_alternative<AlterEnumType>(op)) {
            enum_values.push_back(i);
        } else if (std::holds_alternative<DropIndex>(op)) {
            before.push_back(i);
        } else {
            after.push_back(i);
        }
    }
    if (enum_values.empty() && before.empty() && after.empty()) return {{plan, true, ""}};
    std::vector<PlannedScript> out;
    if (!enum_values.empty()) {
        out.push_back({subplan(plan, enum_values), false, " (enum values)"});
    }
    if (!before.empty()) out.push_back({subplan(plan, before), false, " (drop indexes)"});
    if (!inside.empty()) out.push_back({subplan(plan, inside), true, ""});
    if (!after.empty()) out.push_back({subplan(plan, after), false, " (create indexes)"});
    return out;
}

}  // namespace

fs::path write_revision(const Config& config, const Dialect& dialect,
                        migrate::RevisionScript script) {
    if (script.revision.empty()) script.revision = migrate::new_revision_id();
    script.create_date = now_utc();
    script.dialect = std::string(dialect.name());
    std::string slug = migrate::slugify(script.message);
    if (slug.empty()) slug = "revision";
    const std::string name =
        replace_all(replace_all(config.file_template, "{rev}", script.revision), "{slug}", slug);
    const fs::path path = config.versions_dir() / name;
    std::error_code ec;
    if (fs::exists(path, ec)) {
        throw Error(ErrorKind::Io, "revision file already exists",
                    fmt::format("{}; choose another --rev-id", path.string()));
    }
    std::ofstream file(path, std::ios::binary);
    file << migrate::render_script(script);
    file.close();
    if (!file) throw Error(ErrorKind::Io, "cannot write revision script", path.string());
    return path;
}

std::vector<std::string> new_revision_parents(const migrate::RevisionGraph& graph,
                                              const std::string& head_option, bool allow_non_head) {
    const std::vector<std::string> heads = graph.heads();
    if (head_option.empty()) {
        if (heads.size() > 1) {
            throw usage_error(
                fmt::format("several heads ({})", join(heads)),
                "pass --head REV to extend one, or `schemadiff merge -m MSG heads` to join them");
        }
        return heads;
    }
    if (head_option == "base") return {};
    std::string id = head_option;
    if (id.ends_with("@head")) {
        const std::vector<std::string> targets = graph.resolve_targets(id, {});
        if (targets.size() != 1) throw usage_error("--head names several revisions", id);
        return targets;
    }
    if (id == "head") {
        const std::vector<std::string> targets = graph.resolve_targets(id, {});
        return targets;
    }
    id = graph.resolve(id, {});
    const bool is_head = std::find(heads.begin(), heads.end(), id) != heads.end();
    if (!is_head && !allow_non_head) {
        throw usage_error(fmt::format("--head {} is not a head", head_option),
                          "pass --splice to branch from it anyway");
    }
    return {id};
}

int run_autogenerate(const RevisionArguments& args, std::ostream& out, std::ostream& err) {
    if (args.message.empty()) {
        throw usage_error("a message is required", "pass -m \"what this revision does\"");
    }
    const Config config = load_project_config(args.project);
    const migrate::RevisionGraph graph = load_graph(config);
    const std::vector<std::string> parents = new_revision_parents(graph, args.head, args.splice);
    const Dialect& dialect = project_dialect(config);
    const ComparedSchemas compared = read_compared_schemas(config, graph);
    diff::DiffOptions options;
    options.dialect = &dialect;
    options.compare_types = config.compare_types;
    options.compare_defaults = config.compare_defaults;
    const Plan plan = diff::diff_schemas(compared.database, compared.models, options);
    if (plan.empty() && !args.allow_empty) {
        err << "No changes detected: the models match the database; nothing written "
               "(--allow-empty writes an empty script)\n";
        return 0;
    }
    const std::vector<PlannedScript> planned = split_plan(plan, dialect);
    std::vector<std::string> parents_of_next = parents;
    for (std::size_t i = 0; i < planned.size(); ++i) {
        migrate::RevisionScript script;
        script.message = args.message + planned[i].suffix;
        // --rev-id names the transactional script; the label and dependencies go on the first.
        if (planned[i].is_transactional) script.revision = args.rev_id;
        script.revises = parents_of_next;
        if (i == 0) {
            script.branch_labels = args.branch_labels;
            for (const std::string& dependency : args.depends_on) {
                script.depends_on.push_back(graph.resolve(dependency, {}));
            }
        }
        script.is_transactional = planned[i].is_transactional;
        script.upgrade_sql = render_statements(planned[i].plan, dialect, config);
        script.downgrade_sql = render_statements(diff::invert(planned[i].plan, dialect), dialect,
                                                 config, !planned[i].is_transactional);
        if (script.revision.empty()) script.revision = migrate::new_revision_id();
        parents_of_next = {script.revision};
        const fs::path path = write_revision(config, dialect, std::move(script));
        out << path.string() << '\n';
    }
    if (!args.project.quiet) {
        err << fmt::format("Generated {} operation(s)", plan.operations.size());
        if (planned.size() > 1) {
            err << fmt::format(" in {} scripts (indexes built outside a transaction)",
                               planned.size());
        }
        err << '\n';
    }
    return 0;
}

}  // namespace schemadiff::cli
