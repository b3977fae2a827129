// Model sources — the schema the models describe, from one of three places:
//   * a Schema compiled into the caller's program (a model program calling the CLI entry point),
//   * [models] json: a model JSON file, as `schemadiff dump` writes,
//   * [models] command: a command (run in the config's folder) printing that JSON on stdout.
// The in-process schema wins when given. A failing command or invalid JSON is Error naming it.
// [autogenerate.naming_convention], when set, then names what the models leave unnamed.
//
// A model program's models reach the commands through CompiledModelsScope: run(argc, argv,
// models) opens one for the duration of the call, and load_models() then returns
// models.schema() and never looks at [models] (a model program needs no [models] section).
#pragma once

#include <future>
#include <string>

#include "config.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::reflect {
class Registry;
}

namespace schemadiff::cli {

// The models compiled into the running program, for this thread, while the scope lives.
// Scopes nest; the registry must outlive the scope.
class CompiledModelsScope {
public:
    explicit CompiledModelsScope(const reflect::Registry& models);
    ~CompiledModelsScope();
    CompiledModelsScope(const CompiledModelsScope&) = delete;
    CompiledModelsScope& operator=(const CompiledModelsScope&) = delete;

private:
    const reflect::Registry* previous_;
};

// Whether this run is a model program's (models compiled in).
[[nodiscard]] bool has_compiled_models();

[[nodiscard]] Schema load_models(const Config& config, const Schema* in_process = nullptr);

// load_models(config) started on another thread (the compiled-in models, which belong to this
// thread, are taken here). `config` must outlive the future.
[[nodiscard]] std::future<Schema> start_loading_models(const Config& config);

// The schema source `models`: the compiled-in models, or else the ones [models] of
// `config_file` (empty: ./schemadiff.toml) configures.
[[nodiscard]] Schema load_models_source(const std::string& config_file);

}  // namespace schemadiff::cli
