#include "fixtures.hpp"

#include "cli_process.hpp"
#include "sqlite_file.hpp"

#ifndef SCHEMADIFF_SOURCE_DIR
#error "SCHEMADIFF_SOURCE_DIR must name the source tree"
#endif

namespace schemadiff::cli::testing {

std::string quickstart_sql(const std::string& name) {
    return read_file(std::filesystem::path(SCHEMADIFF_SOURCE_DIR) / "samples" / "quickstart" /
                     name);
}

void create_app_v1(const std::filesystem::path& file) {
    execute_sql(file, quickstart_sql("app_v1.sql"));
}

void create_app_v2(const std::filesystem::path& file) {
    execute_sql(file, quickstart_sql("app_v2.sql"));
}

}  // namespace schemadiff::cli::testing
