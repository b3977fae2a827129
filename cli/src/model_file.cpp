#include "model_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "errors.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::cli {

namespace {

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

std::string sqlite_url_for(std::string_view path) { return fmt::format("sqlite:///{}", path); }

}  // namespace

std::string read_model_file(std::string_view path_text, std::string_view role) {
    if (path_text.empty()) {
        throw usage_error(fmt::format("{} is empty", role),
                          "give a model JSON file or a database URL such as sqlite:///app.db");
    }
    const std::filesystem::path path(path_text);
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        throw Error(ErrorKind::Io, "model file not found",
                    fmt::format("{} {}; a schema source is a model JSON file or a database URL "
                                "such as sqlite:///app.db",
                                role, path_text));
    }
    if (std::filesystem::is_directory(status)) {
        throw Error(ErrorKind::Io, "model file is a directory",
                    fmt::format("{} {}", role, path_text));
    }
    std::ifstream file(path, std::ios::binary);
    std::string bytes;
    const auto size = std::filesystem::is_regular_file(status)
                          ? std::filesystem::file_size(path, ec)
                          : std::uintmax_t{0};
    if (file && std::filesystem::is_regular_file(status) && !ec) {
        // One read into a buffer of the file's size (a stringstream grows and copies).
        bytes.resize(static_cast<std::size_t>(size));
        file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    } else if (file) {
        std::ostringstream content;
        content << file.rdbuf();
        bytes = std::move(content).str();
    }
    if (!file || file.bad()) {
        throw Error(ErrorKind::Io, "cannot read model file",
                    fmt::format("{} {}: {}", role, path_text, std::strerror(errno)));
    }
    if (bytes.starts_with(kSqliteMagic)) {
        throw usage_error("this is a SQLite database, not a model JSON file",
                          fmt::format("{} {}; pass it as the URL {}", role, path_text,
                                      sqlite_url_for(path_text)));
    }
    return bytes;
}

}  // namespace schemadiff::cli
