// DatabaseUrl — SQLAlchemy-shaped database URLs, parsed once.
//
//   sqlite:///relative/path.db   sqlite:////absolute/path.db   sqlite://   (in memory)
//   postgresql://user:password@host:port/dbname?sslmode=require   (also postgres://)
//   mysql://user:password@host:port/dbname                        (also mariadb://)
//
// `redacted()` is the only form that may be printed: the password shows as ***.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace schemadiff {

struct DatabaseUrl {
    std::string scheme;  // normalised: "sqlite", "postgresql", "mysql"
    std::string user;
    std::optional<std::string> password;
    std::string host;
    std::optional<int> port;
    std::string database;  // sqlite: the file path ("" for in-memory)
    std::map<std::string, std::string> query;

    [[nodiscard]] bool is_sqlite_memory() const { return scheme == "sqlite" && database.empty(); }
    [[nodiscard]] std::string redacted() const;
};

// True when `text` looks like a URL ("scheme://..."), as opposed to a file path.
[[nodiscard]] bool looks_like_url(std::string_view text);
// Throws Error(Usage) naming the problem and showing the URL redacted.
[[nodiscard]] DatabaseUrl parse_database_url(std::string_view text);

}  // namespace schemadiff
