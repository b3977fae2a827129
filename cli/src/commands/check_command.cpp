// `schemadiff check` — exit 1 listing the operations when the models and the database (which
// must be at head) differ, exit 0 when they match, 2 when the database is not at head.
// Read-only: never creates a database file or table.
#include <CLI/App.hpp>
#include <memory>
#include <ostream>

#include "commands.hpp"
#include "compared_schemas.hpp"
#include "project.hpp"
#include "schemadiff/cli/run.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/emit/report.hpp"

namespace schemadiff::cli {

namespace {

int run_check(const ProjectOptions& options, const Streams& streams) {
    const Config config = load_project_config(options);
    const migrate::RevisionGraph graph = load_graph(config);
    const Dialect& dialect = project_dialect(config);
    const ComparedSchemas compared = read_compared_schemas(config, graph);
    diff::DiffOptions diff_options;
    diff_options.dialect = &dialect;
    diff_options.compare_types = config.compare_types;
    diff_options.compare_defaults = config.compare_defaults;
    const Plan plan = diff::diff_schemas(compared.database, compared.models, diff_options);
    if (plan.empty()) {
        if (!options.quiet) streams.err << "No changes detected: the models match the database\n";
        return kExitOk;
    }
    streams.out << emit::render_text_report(plan, dialect);
    if (!options.quiet) {
        streams.err << "The models and the database differ: run `schemadiff autogenerate -m MSG`\n";
    }
    return kExitDifferent;
}

}  // namespace

CommandAction setup_check_command(CLI::App& command) {
    auto options = std::make_shared<ProjectOptions>();
    add_project_options(command, *options);
    command.footer("Exit status: 0 no difference, 1 different, 2 error (or database not at head).");
    return [options](const Streams& streams) { return run_check(*options, streams); };
}

}  // namespace schemadiff::cli
