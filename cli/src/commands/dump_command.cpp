// `schemadiff dump SRC [--format json|sql] [--dialect NAME]`
//
// Prints one schema source as model JSON (the format every command reads back) or as the CREATE
// statements that build it from nothing, tables in foreign-key dependency order, then views.
#include <CLI/App.hpp>
#include <memory>
#include <string>

#include "commands.hpp"
#include "option_checks.hpp"
#include "schema_source.hpp"
#include "schemadiff/cli/run.hpp"
#include "schemadiff/core/schema_json.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/emit/sql.hpp"

namespace schemadiff::cli {

namespace {

struct DumpArguments {
    std::string source;
    std::string format = "json";
    std::string dialect;
    std::string config_file;
};

// The CREATE statements: the plan from an empty schema holds one CreateTable per table, in
// dependency order, then the views (diff_schemas compares views too).
std::string create_statements(const SchemaSource& source, std::string_view requested_dialect) {
    const Dialect& dialect = choose_dialect(source, nullptr, requested_dialect);
    const Plan plan = diff::diff_schemas(Schema{}, source.schema, {.dialect = &dialect});
    return emit::render_sql(emit::emit_sql(plan, dialect), {.wrap_in_transaction = false});
}

int run_dump(const DumpArguments& args, const Streams& streams) {
    require_choice("--format", args.format, {"json", "sql"});
    const SchemaSource source = load_schema_source(args.source, "SRC", args.config_file);
    if (args.format == "sql") {
        streams.out << create_statements(source, args.dialect);
    } else {
        streams.out << schema_to_json(source.schema);
    }
    streams.out.flush();
    return kExitOk;
}

}  // namespace

CommandAction setup_dump_command(CLI::App& command) {
    auto args = std::make_shared<DumpArguments>();
    command.add_option("SRC", args->source, "a database URL, a model JSON file or `models`")
        ->required()
        ->type_name("");
    command.add_option("--format", args->format, "json (default) or sql")->type_name("FORMAT");
    command
        .add_option("--dialect", args->dialect,
                    "SQL dialect for --format sql of a model file (default: sqlite)")
        ->type_name("NAME");
    command
        .add_option(
            "-c,--config", args->config_file,
            "schemadiff.toml whose [models] SRC `models` reads (default: ./schemadiff.toml)")
        ->type_name("FILE");
    command.footer(
        "SRC is a database URL (sqlite:///app.db), a model JSON file, or `models`: the models\n"
        "compiled into a model program, else those [models] in schemadiff.toml configures\n"
        "(a file named models is ./models).\n"
        "The JSON output is what `diff --from/--to` and `[models] json` read back.");
    return [args](const Streams& streams) { return run_dump(*args, streams); };
}

}  // namespace schemadiff::cli
