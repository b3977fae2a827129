// Model sources — the schema the models describe, from one of three places:
//   * a Schema compiled into the caller's program (a model program calling the CLI entry point),
//   * [models] json: a model JSON file, as `schemadiff dump` writes,
//   * [models] command: a command (run in the config's folder) printing that JSON on stdout.
// The in-process schema wins when given. A failing command or invalid JSON is Error naming it.
#pragma once

#include "config.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::cli {

[[nodiscard]] Schema load_models(const Config& config, const Schema* in_process = nullptr);

}  // namespace schemadiff::cli
