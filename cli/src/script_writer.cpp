#include "script_writer.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <fstream>
#include <ostream>

#include "errors.hpp"
#include "model_source.hpp"
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

std::string render_statements(const Plan& plan, const Dialect& dialect) {
    return emit::render_sql(emit::emit_sql(plan, dialect), {.wrap_in_transaction = false});
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
    const auto connection = open_project_database(config, drivers::Access::ReadOnly);
    require_up_to_date(graph, current_heads(connection.get(), config));
    const Schema database = read_database_schema(connection.get(), config);
    const Schema models = filter_tables(load_models(config), config);
    diff::DiffOptions options;
    options.dialect = &dialect;
    options.compare_types = config.compare_types;
    options.compare_defaults = config.compare_defaults;
    const Plan plan = diff::diff_schemas(database, models, options);
    if (plan.empty() && !args.allow_empty) {
        err << "No changes detected: the models match the database; nothing written "
               "(--allow-empty writes an empty script)\n";
        return 0;
    }
    migrate::RevisionScript script;
    script.message = args.message;
    script.revision = args.rev_id;
    script.revises = parents;
    script.branch_labels = args.branch_labels;
    for (const std::string& dependency : args.depends_on) {
        script.depends_on.push_back(graph.resolve(dependency, {}));
    }
    script.upgrade_sql = render_statements(plan, dialect);
    script.downgrade_sql = render_statements(diff::invert(plan, dialect), dialect);
    const fs::path path = write_revision(config, dialect, std::move(script));
    out << path.string() << '\n';
    if (!args.project.quiet) {
        err << fmt::format("Generated {} operation(s)\n", plan.operations.size());
    }
    return 0;
}

}  // namespace schemadiff::cli
