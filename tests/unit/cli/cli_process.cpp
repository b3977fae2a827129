#include "cli_process.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#ifndef SCHEMADIFF_BINARY
#error "SCHEMADIFF_BINARY must name the schemadiff executable"
#endif

namespace schemadiff::cli::testing {

namespace {

std::string shell_quote(const std::string& word) {
    std::string quoted = "'";
    for (char c : word) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

}  // namespace

ScratchDir::ScratchDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "schemadiff-cli-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::set<std::string> ScratchDir::entries() const {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path_)) {
        names.insert(std::filesystem::relative(entry.path(), path_).string());
    }
    return names;
}

std::vector<std::string> CliResult::err_lines() const { return split_lines(err); }
std::vector<std::string> CliResult::out_lines() const { return split_lines(out); }

CliResult run_cli(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
    const ScratchDir capture;
    const auto out_file = capture / "stdout";
    const auto err_file = capture / "stderr";
    std::string command =
        "cd " + shell_quote(cwd.string()) + " && " + shell_quote(SCHEMADIFF_BINARY);
    for (const auto& arg : args) command += " " + shell_quote(arg);
    command +=
        " </dev/null >" + shell_quote(out_file.string()) + " 2>" + shell_quote(err_file.string());
    const int status = std::system(command.c_str());
    CliResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = read_file(out_file);
    result.err = read_file(err_file);
    return result;
}

std::string sqlite_url(const std::filesystem::path& file) {
    return "sqlite:///" + std::filesystem::absolute(file).string();
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream stream(file, std::ios::binary);
    std::ostringstream content;
    content << stream.rdbuf();
    return content.str();
}

void write_file(const std::filesystem::path& file, const std::string& content) {
    std::ofstream stream(file, std::ios::binary);
    stream << content;
    if (!stream) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace schemadiff::cli::testing
