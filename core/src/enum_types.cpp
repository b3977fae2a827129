#include "schemadiff/core/enum_types.hpp"

#include <fmt/format.h>

#include <map>

#include "schemadiff/core/error.hpp"

namespace schemadiff {

namespace {

std::string quoted_values(const std::vector<std::string>& values) {
    std::string out = "(";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ", ";
        out += "'" + values[i] + "'";
    }
    return out + ")";
}

struct Found {
    EnumType type;
    std::string place;  // where it was first seen, for the error
};

void merge(std::map<std::string, Found>& types, const std::string& name,
           const std::vector<std::string>& values, std::string place) {
    const auto [it, is_new] = types.try_emplace(name, Found{EnumType{name, values}, place});
    if (is_new || it->second.type.values == values) return;
    throw Error(ErrorKind::InvalidModel,
                fmt::format("enum type \"{}\" has two different value lists: {} and {}", name,
                            quoted_values(it->second.type.values), quoted_values(values)),
                it->second.place + " and " + place);
}

}  // namespace

std::vector<EnumType> collect_enum_types(const Schema& schema) {
    std::map<std::string, Found> types;
    for (const auto& type : schema.enum_types) {
        merge(types, type.name, type.values, fmt::format("enum_types \"{}\"", type.name));
    }
    for (const auto& table : schema.tables) {
        for (const auto& column : table.columns) {
            if (column.type.kind != TypeKind::Enum || column.type.enum_name.empty()) continue;
            merge(types, column.type.enum_name, column.type.enum_values,
                  fmt::format("table {}, column {}", table.name, column.name));
        }
    }
    std::vector<EnumType> out;
    out.reserve(types.size());
    for (auto& [name, found] : types) out.push_back(std::move(found.type));
    return out;
}

}  // namespace schemadiff
