#include "schemadiff/cli/run.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "errors.hpp"
#include "model_source.hpp"

#ifndef SCHEMADIFF_VERSION
#error "SCHEMADIFF_VERSION must be defined by the build"
#endif

namespace schemadiff::cli {

namespace {

constexpr const char* kDescription =
    "schemadiff compares database schemas and writes the SQL that turns one into the other.";
constexpr const char* kModelProgramDescription =
    "schemadiff compares database schemas and writes the SQL that turns one into the other.\n"
    "This is a model program: its models are compiled in, so schemadiff.toml needs no [models]\n"
    "section and [models] is ignored when present; `dump models` prints them as model JSON.";

std::string command_names() {
    std::string names;
    for (const CommandSpec& spec : command_table()) {
        if (!names.empty()) names += ", ";
        names += spec.name;
    }
    return names;
}

// An unknown first word is a mistyped command or option; CLI11 would only say that a command is
// required or that an argument was unexpected.
void reject_unknown_command(int argc, const char* const* argv) {
    if (argc < 2 || argv[1] == nullptr) return;
    const std::string_view word = argv[1];
    if (word == "-h" || word == "--help" || word == "--version") return;
    if (!word.empty() && word.front() == '-') {
        throw usage_error(fmt::format("unknown option '{}'", word),
                          "options before the command are --help and --version; see "
                          "'schemadiff --help'");
    }
    for (const CommandSpec& spec : command_table()) {
        if (word == spec.name) return;
    }
    throw usage_error(fmt::format("unknown command '{}'", word),
                      fmt::format("commands: {}; see 'schemadiff --help'", command_names()));
}

Error translate_parse_error(const CLI::ParseError& error, const CLI::App* command) {
    const std::string help = command != nullptr
                                 ? fmt::format("schemadiff {} --help", command->get_name())
                                 : std::string("schemadiff --help");
    if (command == nullptr && dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
        return usage_error("a command is required",
                           fmt::format("commands: {}; see '{}'", command_names(), help));
    }
    return usage_error(error.what(), fmt::format("see '{}'", help));
}

int dispatch(int argc, const char* const* argv, const Streams& streams) {
    // Answered before the parser is built: `--version` is what scripts call to probe the tool.
    if (argc == 2 && std::string_view(argv[1]) == "--version") {
        streams.out << "schemadiff " SCHEMADIFF_VERSION "\n";
        return kExitOk;
    }
    reject_unknown_command(argc, argv);
    CLI::App app(has_compiled_models() ? kModelProgramDescription : kDescription, "schemadiff");
    app.set_version_flag("--version", "schemadiff " SCHEMADIFF_VERSION, "Print the version");
    app.require_subcommand(1);
    app.footer("Run 'schemadiff COMMAND --help' for a command's options.");

    std::vector<std::pair<CLI::App*, CommandAction>> commands;
    for (const CommandSpec& spec : command_table()) {
        CLI::App* command = app.add_subcommand(spec.name, spec.summary);
        commands.emplace_back(command, spec.setup(*command));
    }

    const CLI::App* parsed = nullptr;
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& success) {  // --help, --version
        return app.exit(success, streams.out, streams.err);
    } catch (const CLI::ParseError& error) {
        for (const auto& [command, action] : commands) {
            if (command->parsed()) parsed = command;
        }
        throw translate_parse_error(error, parsed);
    }
    for (const auto& [command, action] : commands) {
        if (command->parsed()) return action(streams);
    }
    throw Error(ErrorKind::Internal, "no command ran", "command-line dispatch");
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    try {
        return dispatch(argc, argv, Streams{out, err});
    } catch (const Error& error) {
        err << error_line(error.what()) << '\n';
    } catch (const std::exception& error) {
        err << error_line(fmt::format("{} (internal error; please report it)", error.what()))
            << '\n';
    } catch (...) {
        err << error_line("unknown internal error (please report it)") << '\n';
    }
    err.flush();
    return kExitError;
}

int run(int argc, const char* const* argv) { return run(argc, argv, std::cout, std::cerr); }

int run(int argc, const char* const* argv, const reflect::Registry& models, std::ostream& out,
        std::ostream& err) {
    const CompiledModelsScope scope(models);
    return run(argc, argv, out, err);
}

int run(int argc, const char* const* argv, const reflect::Registry& models) {
    return run(argc, argv, models, std::cout, std::cerr);
}

}  // namespace schemadiff::cli
