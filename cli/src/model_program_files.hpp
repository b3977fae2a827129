// The model-program skeleton `init` writes: models_main.cpp (two example tables and a main()
// calling cli::run with them) and the CMakeLists.txt that builds it as `app_models` against the
// installed schemadiff package (or a schemadiff added with add_subdirectory).
//
// With `init --cpp` the configuration points at that program: [models] command runs
// `./build/app_models dump models`, so the plain `schemadiff` tool reads the same models, while
// the program itself ignores [models] (its models are compiled in).
#pragma once

#include <string>
#include <string_view>

namespace schemadiff::cli {

inline constexpr std::string_view kModelProgramSource = "models_main.cpp";
inline constexpr std::string_view kModelProgramCMake = "CMakeLists.txt";
inline constexpr std::string_view kModelProgramCommand = "./build/app_models dump models";

[[nodiscard]] std::string_view model_program_source();
[[nodiscard]] std::string_view model_program_cmake();

// `config` (the schemadiff.toml text) with its [models] section pointing at the model program:
// an active `json = ...` line is commented out and the `command` line set to
// kModelProgramCommand (added when the section has none).
[[nodiscard]] std::string point_config_at_model_program(std::string_view config);

}  // namespace schemadiff::cli
