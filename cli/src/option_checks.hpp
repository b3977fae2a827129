// Checks of option values that CLI11 cannot express with a clear one-line message.
#pragma once

#include <initializer_list>
#include <string_view>

namespace schemadiff::cli {

// Throws Error(Usage) "unknown <option> 'x' (use a, b or c)" unless `value` is one of `allowed`.
void require_choice(std::string_view option, std::string_view value,
                    std::initializer_list<std::string_view> allowed);

}  // namespace schemadiff::cli
