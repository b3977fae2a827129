#include "schemadiff/core/schema_json.hpp"

#include <fmt/format.h>

#include <set>

#include "enum_type_json.hpp"
#include "json_shapes.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff {

namespace {

constexpr const char* kFormat = "schemadiff-model";
constexpr long long kVersion = 1;

}  // namespace

std::string schema_to_json(const Schema& input) {
    Schema schema = input;
    canonicalize(schema);
    detail::Json json;
    json["format"] = kFormat;
    json["version"] = kVersion;
    json["tables"] = detail::Json::array();
    for (const auto& table : schema.tables) json["tables"].push_back(detail::table_to_json(table));
    if (!schema.views.empty()) {
        json["views"] = detail::Json::array();
        for (const auto& view : schema.views) json["views"].push_back(detail::view_to_json(view));
    }
    if (!schema.enum_types.empty()) {
        json["enum_types"] = detail::Json::array();
        for (const auto& type : schema.enum_types) {
            json["enum_types"].push_back(detail::enum_type_to_json(type));
        }
    }
    return json.dump(2) + "\n";
}

Schema schema_from_json(std::string_view text, std::string_view origin_view) {
    const std::string origin(origin_view);
    const detail::Json json = detail::parse_json_text(text, origin);
    detail::ObjectReader reader(json, "", origin);
    if (const auto format = reader.optional_string("format"); format && *format != kFormat) {
        reader.fail("format", fmt::format("expected \"{}\", found \"{}\"", kFormat, *format));
    }
    if (const auto version = reader.optional_integer("version"); version && *version != kVersion) {
        reader.fail("version", fmt::format("unsupported model format version {} (this schemadiff "
                                           "reads version {})",
                                           *version, kVersion));
    }
    Schema schema;
    const auto& tables = reader.array("tables");
    schema.tables.reserve(tables.size());
    std::set<std::string> names;
    for (std::size_t i = 0; i < tables.size(); ++i) {
        schema.tables.push_back(
            detail::table_from_json(tables[i], fmt::format("tables[{}]", i), origin));
        if (!names.insert(schema.tables.back().name).second) {
            reader.fail("tables", fmt::format("duplicate table \"{}\"", schema.tables.back().name));
        }
    }
    const auto& views = reader.array("views");
    for (std::size_t i = 0; i < views.size(); ++i) {
        schema.views.push_back(
            detail::view_from_json(views[i], fmt::format("views[{}]", i), origin));
    }
    const auto& enum_types = reader.array("enum_types");
    std::set<std::string> enum_names;
    for (std::size_t i = 0; i < enum_types.size(); ++i) {
        schema.enum_types.push_back(
            detail::enum_type_from_json(enum_types[i], fmt::format("enum_types[{}]", i), origin));
        if (!enum_names.insert(schema.enum_types.back().name).second) {
            reader.fail("enum_types",
                        fmt::format("duplicate enum type \"{}\"", schema.enum_types.back().name));
        }
    }
    reader.finish();
    canonicalize(schema);
    return schema;
}

}  // namespace schemadiff
