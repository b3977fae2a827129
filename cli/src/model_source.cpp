#include "model_source.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "errors.hpp"
#include "model_file.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/naming_convention.hpp"
#include "schemadiff/core/schema_json.hpp"
#include "schemadiff/reflect/registry.hpp"

namespace schemadiff::cli {

namespace {

thread_local const reflect::Registry* compiled_registry = nullptr;

std::string shell_quote(const std::string& word) {
    std::string quoted = "'";
    for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string run_model_command(const Config& config) {
    const std::string where =
        fmt::format("[models] command \"{}\" in {}", config.models_command, config.file.string());
    const std::string shell =
        fmt::format("cd {} && {}", shell_quote(config.base_dir.string()), config.models_command);
    FILE* pipe = popen(shell.c_str(), "r");
    if (pipe == nullptr) throw Error(ErrorKind::Io, "cannot start the model command", where);
    std::string output;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
        output.append(buffer, n);
    }
    const int status = pclose(pipe);
    if (status != 0) {
        const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        throw Error(ErrorKind::InvalidModel,
                    fmt::format("the model command failed (exit {})", code),
                    where + "; run it yourself to see why");
    }
    return output;
}

Schema read_models(const Config& config, const Schema* in_process) {
    if (in_process != nullptr) return *in_process;
    if (!config.models_json.empty() && !config.models_command.empty()) {
        throw usage_error("[models] has both json and command",
                          fmt::format("{}; keep one", config.file.string()));
    }
    if (!config.models_json.empty()) {
        const std::string path = config.models_json.string();
        return schema_from_json(read_model_file(path, "[models] json"), path);
    }
    if (!config.models_command.empty()) {
        const std::string output = run_model_command(config);
        try {
            return schema_from_json(output, fmt::format("output of `{}`", config.models_command));
        } catch (const Error& error) {
            throw Error(
                ErrorKind::InvalidModel,
                fmt::format("the model command printed invalid model JSON: {}", error.message()),
                fmt::format("[models] command \"{}\"; {}", config.models_command, error.context()));
        }
    }
    throw usage_error(
        "no models configured",
        fmt::format("{}; set [models] json or [models] command", config.file.string()));
}

}  // namespace

CompiledModelsScope::CompiledModelsScope(const reflect::Registry& models)
    : previous_(compiled_registry) {
    compiled_registry = &models;
}

CompiledModelsScope::~CompiledModelsScope() { compiled_registry = previous_; }

bool has_compiled_models() { return compiled_registry != nullptr; }

Schema load_models_source(const std::string& config_file) {
    if (compiled_registry != nullptr) return compiled_registry->schema();
    return load_models(load_config(config_file, ""));
}

Schema load_models(const Config& config, const Schema* in_process) {
    // Compiled-in models come named: the registry applied its own naming convention.
    if (in_process == nullptr && compiled_registry != nullptr) return compiled_registry->schema();
    Schema models = read_models(config, in_process);
    // 63 bytes, PostgreSQL's limit (MySQL allows 64, SQLite more): the same names on every
    // database, and none that PostgreSQL would cut silently.
    apply_naming_convention(models, config.naming_convention, 63);
    return models;
}

std::future<Schema> start_loading_models(const Config& config) {
    if (compiled_registry != nullptr) {
        std::promise<Schema> compiled;
        compiled.set_value(compiled_registry->schema());
        return compiled.get_future();
    }
    return std::async(std::launch::async, [&config] { return load_models(config); });
}

}  // namespace schemadiff::cli
