#include "errors.hpp"

#include <cctype>
#include <utility>

#include "schemadiff/core/text.hpp"

namespace schemadiff::cli {

namespace {

bool ends_url_authority(char c) {
    return c == '/' || c == '?' || c == '#' || c == '\'' || c == '"' || c == ')' ||
           std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Masks "user:password@" in the authority that starts at `from`; returns where it ends.
std::size_t mask_authority(std::string& text, std::size_t from) {
    std::size_t end = from;
    while (end < text.size() && !ends_url_authority(text[end])) ++end;
    const std::string_view authority = std::string_view(text).substr(from, end - from);
    const std::size_t at = authority.rfind('@');
    const std::size_t colon = authority.find(':');
    if (at == std::string_view::npos || colon == std::string_view::npos || colon > at) return end;
    const std::size_t password_start = from + colon + 1;
    const std::size_t password_length = at - colon - 1;
    if (text.compare(password_start, password_length, "***") == 0) return end;
    text.replace(password_start, password_length, "***");
    return end - password_length + 3;
}

void mask_query_passwords(std::string& text) {
    static constexpr std::string_view kKey = "password=";
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::string lowered = text::to_lower(text);
        pos = lowered.find(kKey, pos);
        if (pos == std::string::npos) return;
        const bool is_parameter = pos > 0 && (text[pos - 1] == '?' || text[pos - 1] == '&');
        pos += kKey.size();
        if (!is_parameter) continue;
        std::size_t end = pos;
        while (end < text.size() && text[end] != '&' && !ends_url_authority(text[end])) ++end;
        if (text.compare(pos, end - pos, "***") != 0) text.replace(pos, end - pos, "***");
        pos += 3;
    }
}

}  // namespace

std::string mask_passwords(std::string_view input) {
    std::string text(input);
    std::size_t pos = 0;
    while ((pos = text.find("://", pos)) != std::string::npos) {
        pos = mask_authority(text, pos + 3);
    }
    mask_query_passwords(text);
    return text;
}

std::string error_line(std::string_view what) {
    std::string line = "schemadiff: error: ";
    bool was_space = false;
    for (char c : text::trim(what)) {
        const bool is_space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (is_space) {
            if (!was_space) line += ' ';
        } else {
            line += c;
        }
        was_space = is_space;
    }
    return mask_passwords(line);
}

Error usage_error(std::string message, std::string context) {
    return Error(ErrorKind::Usage, std::move(message), std::move(context));
}

}  // namespace schemadiff::cli
