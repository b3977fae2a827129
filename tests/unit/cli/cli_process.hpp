// Test support: runs the real `schemadiff` binary in a scratch folder and captures what it did.
//
// The binary's path comes from CMake (SCHEMADIFF_BINARY). Each ScratchDir is a fresh folder under
// the system temp directory, removed at the end of the test.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace schemadiff::cli::testing {

class ScratchDir {
public:
    ScratchDir();
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
        return path_ / name;
    }
    // The names of every file and folder below the scratch folder, recursively.
    [[nodiscard]] std::set<std::string> entries() const;

private:
    std::filesystem::path path_;
};

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;

    // stderr split into lines (without the newlines).
    [[nodiscard]] std::vector<std::string> err_lines() const;
    [[nodiscard]] std::vector<std::string> out_lines() const;
};

// Runs `schemadiff args...` with `cwd` as the current folder; stdin is /dev/null.
[[nodiscard]] CliResult run_cli(const std::vector<std::string>& args,
                                const std::filesystem::path& cwd);

// "sqlite:///" + the absolute path: the URL of a SQLite file.
[[nodiscard]] std::string sqlite_url(const std::filesystem::path& file);

[[nodiscard]] std::string read_file(const std::filesystem::path& file);
void write_file(const std::filesystem::path& file, const std::string& content);

}  // namespace schemadiff::cli::testing
