// Reading a model JSON file from disk, with the errors a user can act on: the file is missing,
// is a directory, cannot be read, or is in fact a SQLite database that should be passed as a URL.
#pragma once

#include <string>
#include <string_view>

namespace schemadiff::cli {

// The file's bytes. Throws Error(Io) or Error(Usage) naming the path and what to do.
[[nodiscard]] std::string read_model_file(std::string_view path, std::string_view role);

}  // namespace schemadiff::cli
