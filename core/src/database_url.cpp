#include "schemadiff/core/database_url.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff {

namespace {

constexpr std::string_view kSeparator = "://";

// Masks whatever sits between "scheme://user:" and the last '@' of the authority, for error
// messages about URLs that did not parse.
std::string mask_raw(std::string_view raw) {
    const std::size_t start = raw.find(kSeparator);
    if (start == std::string_view::npos) return std::string(raw);
    const std::size_t authority = start + kSeparator.size();
    const std::size_t path = raw.find('/', authority);
    const std::string_view head = raw.substr(
        authority, path == std::string_view::npos ? std::string_view::npos : path - authority);
    const std::size_t at = head.rfind('@');
    const std::size_t colon = head.find(':');
    if (at == std::string_view::npos || colon == std::string_view::npos || colon > at) {
        return std::string(raw);
    }
    return std::string(raw.substr(0, authority + colon + 1)) + "***" +
           std::string(raw.substr(authority + at));
}

[[noreturn]] void fail(std::string message, std::string_view raw) {
    throw Error(ErrorKind::Usage, std::move(message),
                fmt::format("in URL '{}'; expected sqlite:///path.db, sqlite://, "
                            "postgresql://user:password@host:port/db or mysql://...",
                            mask_raw(raw)));
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view s, std::string_view raw) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        const int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
        const int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
        if (hi < 0 || lo < 0) fail("malformed percent-escape", raw);
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::string percent_encode(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += fmt::format("%{:02X}", u);
        }
    }
    return out;
}

std::string normalize_scheme(std::string_view scheme, std::string_view raw) {
    // SQLAlchemy allows "dialect+driver": keep the dialect.
    const std::string name = text::to_lower(scheme.substr(0, scheme.find('+')));
    if (name == "sqlite" || name == "sqlite3") return "sqlite";
    if (name == "postgresql" || name == "postgres" || name == "pgsql") return "postgresql";
    if (name == "mysql" || name == "mariadb") return "mysql";
    fail(fmt::format("unknown database scheme '{}'", scheme), raw);
}

void parse_query(std::string_view query, DatabaseUrl& url, std::string_view raw) {
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        if (!pair.empty()) {
            const std::size_t eq = pair.find('=');
            const std::string key = percent_decode(pair.substr(0, eq), raw);
            const std::string value =
                eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1), raw);
            url.query[key] = value;
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
}

void parse_authority(std::string_view authority, DatabaseUrl& url, std::string_view raw) {
    const std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
        const std::string_view userinfo = authority.substr(0, at);
        const std::size_t colon = userinfo.find(':');
        url.user = percent_decode(userinfo.substr(0, colon), raw);
        if (colon != std::string_view::npos) {
            url.password = percent_decode(userinfo.substr(colon + 1), raw);
        }
        authority.remove_prefix(at + 1);
    }
    std::string_view port_text;
    if (!authority.empty() && authority.front() == '[') {  // IPv6 literal
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) fail("unterminated IPv6 host", raw);
        url.host = std::string(authority.substr(1, close - 1));
        const std::string_view rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') fail("unexpected text after the host", raw);
            port_text = rest.substr(1);
        }
    } else {
        const std::size_t colon = authority.rfind(':');
        url.host = percent_decode(authority.substr(0, colon), raw);
        if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
    }
    if (!port_text.empty()) {
        int port = 0;
        const auto [end, ec] =
            std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
        if (ec != std::errc{} || end != port_text.data() + port_text.size() || port < 1 ||
            port > 65535) {
            fail(fmt::format("invalid port '{}'", port_text), raw);
        }
        url.port = port;
    }
}

}  // namespace

bool looks_like_url(std::string_view s) {
    const std::size_t pos = s.find(kSeparator);
    if (pos == std::string_view::npos || pos == 0) return false;
    for (char c : s.substr(0, pos)) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) == 0 && c != '+' && c != '-' && c != '.') return false;
    }
    return true;
}

DatabaseUrl parse_database_url(std::string_view raw) {
    const std::string_view input = text::trim(raw);
    const std::size_t sep = input.find(kSeparator);
    if (sep == std::string_view::npos || !looks_like_url(input)) {
        fail("not a database URL", raw);
    }
    DatabaseUrl url;
    url.scheme = normalize_scheme(input.substr(0, sep), raw);
    std::string_view rest = input.substr(sep + kSeparator.size());
    const std::size_t question = rest.find('?');
    if (question != std::string_view::npos) {
        parse_query(rest.substr(question + 1), url, raw);
        rest = rest.substr(0, question);
    }
    if (url.scheme == "sqlite") {
        // sqlite:// (memory), sqlite:///relative.db, sqlite:////absolute.db
        if (rest.empty()) return url;
        if (rest.front() != '/') {
            fail("a SQLite URL has no host: write sqlite:///relative.db or sqlite:////abs.db", raw);
        }
        const std::string path = percent_decode(rest.substr(1), raw);
        if (path != ":memory:") url.database = path;
        return url;
    }
    const std::size_t slash = rest.find('/');
    parse_authority(rest.substr(0, slash), url, raw);
    if (slash != std::string_view::npos) url.database = percent_decode(rest.substr(slash + 1), raw);
    // PostgreSQL keeps an absent host absent, so libpq's PGHOST (or its Unix socket) applies.
    if (url.host.empty() && url.scheme != "postgresql") url.host = "localhost";
    return url;
}

std::string DatabaseUrl::redacted() const {
    if (scheme == "sqlite") {
        std::string out = database.empty() ? "sqlite://" : "sqlite:///" + database;
        char separator = '?';
        for (const auto& [key, value] : query) {
            out += fmt::format("{}{}={}", separator, key, value);
            separator = '&';
        }
        return out;
    }
    std::string out = scheme + "://";
    if (!user.empty() || password) {
        out += percent_encode(user);
        if (password) out += ":***";
        out += '@';
    }
    out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
    if (port) out += fmt::format(":{}", *port);
    out += "/" + database;
    char separator = '?';
    for (const auto& [key, value] : query) {
        const bool secret = text::iequals(key, "password");
        out += fmt::format("{}{}={}", separator, key, secret ? "***" : value);
        separator = '&';
    }
    return out;
}

}  // namespace schemadiff
