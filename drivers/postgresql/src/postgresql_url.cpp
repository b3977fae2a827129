#include "postgresql_url.hpp"

#include <map>
#include <vector>

namespace schemadiff::postgresql::detail {

namespace {

constexpr std::string_view kSchemaParameter = "schema";

bool is_plain(std::string_view value) {
    if (value.empty()) return false;
    for (const char c : value) {
        if (c == ' ' || c == '\'' || c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '=') {
            return false;
        }
    }
    return true;
}

}  // namespace

std::string conninfo_value(std::string_view value) {
    if (is_plain(value)) return std::string(value);
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    out += '\'';
    return out;
}

std::string conninfo(const DatabaseUrl& url) {
    // Keys in libpq's documented order; the query may override any of them.
    std::vector<std::pair<std::string, std::string>> parts;
    if (!url.host.empty()) parts.emplace_back("host", url.host);
    if (url.port) parts.emplace_back("port", std::to_string(*url.port));
    if (!url.user.empty()) parts.emplace_back("user", url.user);
    if (url.password) parts.emplace_back("password", *url.password);
    if (!url.database.empty()) parts.emplace_back("dbname", url.database);
    for (const auto& [key, value] : url.query) {
        if (key == kSchemaParameter) continue;
        bool is_override = false;
        for (auto& part : parts) {
            if (part.first == key) {
                part.second = value;
                is_override = true;
            }
        }
        if (!is_override) parts.emplace_back(key, value);
    }
    std::string out;
    for (const auto& [key, value] : parts) {
        if (!out.empty()) out += ' ';
        out += key;
        out += '=';
        out += conninfo_value(value);
    }
    return out;
}

std::optional<std::string> schema_parameter(const DatabaseUrl& url) {
    const auto found = url.query.find(std::string(kSchemaParameter));
    if (found == url.query.end() || found->second.empty()) return std::nullopt;
    return found->second;
}

}  // namespace schemadiff::postgresql::detail
