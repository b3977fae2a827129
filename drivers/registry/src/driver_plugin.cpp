#include "driver_plugin.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

#include "schemadiff/core/error.hpp"

namespace schemadiff::drivers::detail {

namespace {

namespace fs = std::filesystem;

constexpr const char* kPathVariable = "SCHEMADIFF_DRIVER_PATH";

// $SCHEMADIFF_DRIVER_PATH when set and not empty: the override.
const char* path_override() {
    const char* path = std::getenv(kPathVariable);
    return path != nullptr && *path != '\0' ? path : nullptr;
}

std::vector<fs::path> search_folders() {
    std::vector<fs::path> folders;
    if (const char* path = path_override(); path != nullptr) {
        std::string_view rest = path;
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            const std::string_view folder = rest.substr(0, colon);
            if (!folder.empty()) folders.emplace_back(folder);
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        }
        return folders;
    }
    std::error_code error;
    const fs::path program = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        folders.push_back(program.parent_path());
        folders.push_back(program.parent_path() / SCHEMADIFF_DRIVER_RELATIVE_DIR);
    }
    folders.emplace_back(SCHEMADIFF_DRIVER_BUILD_DIR);
    folders.emplace_back(SCHEMADIFF_DRIVER_INSTALL_DIR);
    return folders;
}

template <typename Function>
Function symbol(void* handle, const char* name, const fs::path& file) {
    void* address = dlsym(handle, name);
    if (address == nullptr) {
        throw Error(ErrorKind::Connection,
                    fmt::format("{} is not a schemadiff driver (no {})", file.string(), name),
                    "reinstall schemadiff");
    }
    return reinterpret_cast<Function>(address);
}

DriverOpenFunction load(std::string_view name) {
    const std::string file_name = fmt::format("libschemadiff_driver_{}.so", name);
    std::string looked_in;
    for (const auto& folder : search_folders()) {
        const fs::path file = folder / file_name;
        std::error_code error;
        if (!fs::is_regular_file(file, error)) {
            looked_in += (looked_in.empty() ? "" : ", ") + folder.lexically_normal().string();
            continue;
        }
        void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* reason = dlerror();
            throw Error(
                ErrorKind::Connection,
                fmt::format("cannot load the {} driver: {}", name,
                            reason != nullptr ? reason : file.string()),
                "reinstall schemadiff, or install the library it names (for PostgreSQL: libpq5 "
                "and libsoci-postgresql4.0)");
        }
        const auto abi = symbol<DriverAbiFunction>(handle, "schemadiff_driver_abi", file);
        if (abi() != kDriverAbi) {
            throw Error(ErrorKind::Connection,
                        fmt::format("{} comes from another schemadiff build", file.string()),
                        "install the driver from the same build as the program, or fix "
                        "SCHEMADIFF_DRIVER_PATH");
        }
        return symbol<DriverOpenFunction>(handle, "schemadiff_driver_open", file);
    }
    if (looked_in.empty()) looked_in = "no folder";
    if (path_override() != nullptr) {
        throw Error(ErrorKind::Connection,
                    fmt::format("the {} driver ({}) is not in {}", name, file_name, kPathVariable),
                    fmt::format("looked only in {}, as {} says; put the plugin there or unset {}",
                                looked_in, kPathVariable, kPathVariable));
    }
    throw Error(ErrorKind::Connection,
                fmt::format("the {} driver ({}) is not installed", name, file_name),
                fmt::format("looked in {}; reinstall schemadiff or set {} to its folder", looked_in,
                            kPathVariable));
}

}  // namespace

DriverOpenFunction driver_plugin(std::string_view name) {
    static std::mutex mutex;
    static std::map<std::string, DriverOpenFunction, std::less<>> loaded;
    const std::lock_guard lock(mutex);
    const auto found = loaded.find(name);
    if (found != loaded.end()) return found->second;
    const DriverOpenFunction open = load(name);
    loaded.emplace(std::string(name), open);
    return open;
}

}  // namespace schemadiff::drivers::detail
