#include "workflow_support.hpp"

#include <algorithm>

namespace schemadiff::cli::testing {

WorkflowProject::WorkflowProject() {
    const CliResult init = run({"init"});
    if (init.exit_code != 0) throw std::runtime_error("init failed: " + init.err);
}

CliResult WorkflowProject::run(const std::vector<std::string>& args) const {
    return run_cli(args, scratch_.path());
}

void WorkflowProject::write_models(const std::string& tables_json) const {
    write_file(scratch_ / "models.json",
               R"({"format": "schemadiff-model", "version": 1, "tables": )" + tables_json + "}\n");
}

std::vector<std::filesystem::path> WorkflowProject::scripts() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(versions())) {
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string first_line(const CliResult& result) {
    const auto lines = result.out_lines();
    return lines.empty() ? std::string() : lines.front();
}

}  // namespace schemadiff::cli::testing
