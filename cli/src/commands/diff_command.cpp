// `schemadiff diff --from SRC --to DST [--format text|json|sql] [--dialect NAME]`
//
// Compares two schema sources and prints the plan that turns SRC into DST: a text report, the
// plan as JSON, or the SQL in SRC's dialect. Exit 0 when they match, 1 when they differ.
#include <CLI/App.hpp>
#include <memory>
#include <string>

#include "commands.hpp"
#include "model_definitions.hpp"
#include "option_checks.hpp"
#include "schema_source.hpp"
#include "schemadiff/cli/run.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/emit/report.hpp"
#include "schemadiff/emit/sql.hpp"

namespace schemadiff::cli {

namespace {

struct DiffArguments {
    std::string from;
    std::string to;
    std::string format = "text";
    std::string dialect;
};

int run_diff(const DiffArguments& args, const Streams& streams) {
    require_choice("--format", args.format, {"text", "json", "sql"});
    SchemaSource from = load_schema_source(args.from, "--from");
    SchemaSource to = load_schema_source(args.to, "--to");
    // A model compared with a database: its views and triggers in the database's spelling.
    if (from.is_database() && !to.is_database()) {
        align_model_definitions(from.connection.get(), from.schema, to.schema);
    } else if (to.is_database() && !from.is_database()) {
        align_model_definitions(to.connection.get(), to.schema, from.schema);
    }
    const Dialect& dialect = choose_dialect(from, &to, args.dialect);
    const Plan plan = diff::diff_schemas(from.schema, to.schema, {.dialect = &dialect});
    if (args.format == "json") {
        streams.out << emit::render_json_report(plan);
    } else if (args.format == "sql") {
        streams.out << emit::render_sql(emit::emit_sql(plan, dialect), {});
    } else {
        streams.out << emit::render_text_report(plan, dialect);
    }
    streams.out.flush();
    return plan.empty() ? kExitOk : kExitDifferent;
}

}  // namespace

CommandAction setup_diff_command(CLI::App& command) {
    auto args = std::make_shared<DiffArguments>();
    command
        .add_option("--from", args->from, "SRC: the schema as it is (database URL or model JSON)")
        ->required()
        ->type_name("SRC");
    command.add_option("--to", args->to, "DST: the schema as it should be (URL or model JSON)")
        ->required()
        ->type_name("DST");
    command.add_option("--format", args->format, "text (default), json, or sql")
        ->type_name("FORMAT");
    command
        .add_option("--dialect", args->dialect,
                    "SQL dialect when neither source is a database (default: sqlite)")
        ->type_name("NAME");
    command.footer(
        "SRC and DST are database URLs (sqlite:///app.db, sqlite:////abs/app.db,\n"
        "postgresql://user:password@host/db) or model JSON files as `schemadiff dump` writes.\n"
        "--format sql prints the statements that turn SRC into DST in SRC's dialect.\n"
        "Exit status: 0 no difference, 1 different, 2 error.");
    return [args](const Streams& streams) { return run_diff(*args, streams); };
}

}  // namespace schemadiff::cli
