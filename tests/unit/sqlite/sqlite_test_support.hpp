// Helpers for the SQLite driver tests: a database built from DDL and read back, and a scratch
// directory removed at the end of each test.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/sqlite/sqlite_connection.hpp"

namespace schemadiff::testing {

// A fresh in-memory database holding `ddl` (any number of statements).
inline std::unique_ptr<Connection> memory_database(std::string_view ddl) {
    auto db = sqlite::open_sqlite(":memory:", sqlite::OpenMode::ReadWriteCreate);
    db->execute(std::string(ddl));
    return db;
}

inline Schema read_back(std::string_view ddl, const ReadOptions& options = {}) {
    return memory_database(ddl)->read_schema(options);
}

inline const Table& table_named(const Schema& schema, std::string_view name) {
    const Table* table = schema.find_table(name);
    if (table == nullptr) throw std::runtime_error("no table " + std::string(name));
    return *table;
}

class ScratchDirectory {
public:
    ScratchDirectory() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("schemadiff-sqlite-test-" + std::to_string(::getpid()) + "-" +
                 std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    ~ScratchDirectory() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;

    [[nodiscard]] std::string file(std::string_view name) const { return (path_ / name).string(); }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace schemadiff::testing
