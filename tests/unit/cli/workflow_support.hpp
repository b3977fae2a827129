// Test support for the revision workflow: a scratch project (schemadiff.toml, a model JSON, a
// SQLite file) driven through the real binary.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli_process.hpp"

namespace schemadiff::cli::testing {

class WorkflowProject {
public:
    WorkflowProject();

    [[nodiscard]] const std::filesystem::path& dir() const { return scratch_.path(); }
    [[nodiscard]] std::filesystem::path database() const { return scratch_ / "app.db"; }
    [[nodiscard]] std::filesystem::path versions() const {
        return scratch_ / "migrations" / "versions";
    }
    // Runs `schemadiff args...` in the project folder.
    [[nodiscard]] CliResult run(const std::vector<std::string>& args) const;
    // Writes models.json with the given "tables" array text.
    void write_models(const std::string& tables_json) const;
    // The revision script files, sorted by name.
    [[nodiscard]] std::vector<std::filesystem::path> scripts() const;

private:
    ScratchDir scratch_;
};

// The first line of stdout, trimmed of its newline.
[[nodiscard]] std::string first_line(const CliResult& result);

}  // namespace schemadiff::cli::testing
