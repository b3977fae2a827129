// Golden SQL comparisons print the statements (and query results their rows) on failure
// instead of doctest's "{?}".
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace doctest {

template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& statements) {
        std::string out = "\n";
        for (const auto& statement : statements) out += "  [" + statement + "]\n";
        return String(out.c_str());
    }
};

template <>
struct StringMaker<std::vector<std::vector<std::string>>> {
    static String convert(const std::vector<std::vector<std::string>>& rows) {
        std::string out = "\n";
        for (const auto& row : rows) {
            out += " ";
            for (const auto& value : row) out += " [" + value + "]";
            out += "\n";
        }
        return String(out.c_str());
    }
};

}  // namespace doctest

namespace schemadiff::testing {
using Statements = std::vector<std::string>;
}  // namespace schemadiff::testing
