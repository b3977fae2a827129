#include "option_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "errors.hpp"

namespace schemadiff::cli {

void require_choice(std::string_view option, std::string_view value,
                    std::initializer_list<std::string_view> allowed) {
    if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
    std::string choices;
    std::size_t i = 0;
    for (const std::string_view choice : allowed) {
        if (i > 0) choices += i + 1 == allowed.size() ? " or " : ", ";
        choices += choice;
        ++i;
    }
    throw usage_error(fmt::format("unknown value '{}' for {}", value, option),
                      fmt::format("use {}", choices));
}

}  // namespace schemadiff::cli
