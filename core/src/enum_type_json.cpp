#include "enum_type_json.hpp"

#include <fmt/format.h>

namespace schemadiff::detail {

Json enum_type_to_json(const EnumType& type) {
    return Json{{"name", type.name}, {"values", type.values}};
}

EnumType enum_type_from_json(const Json& json, const std::string& path, const std::string& origin) {
    ObjectReader reader(json, path, origin);
    EnumType type{reader.required_string("name"), reader.string_list("values")};
    if (type.name.empty()) reader.fail("name", "an enum type needs a name");
    reader.finish();
    return type;
}

Json enum_type_columns_to_json(const std::vector<EnumTypeColumn>& columns) {
    Json out = Json::array();
    for (const auto& column : columns) {
        Json item{{"table", column.table}, {"column", column.column}};
        if (column.default_sql) item["default"] = *column.default_sql;
        out.push_back(std::move(item));
    }
    return out;
}

std::vector<EnumTypeColumn> enum_type_columns_from_json(ObjectReader& reader, const char* key) {
    const Json& items = reader.array(key);
    std::vector<EnumTypeColumn> out;
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        ObjectReader item(items[i], fmt::format("{}[{}]", reader.child_path(key), i),
                          reader.origin());
        EnumTypeColumn column;
        column.table = item.required_string("table");
        column.column = item.required_string("column");
        column.default_sql = item.optional_string("default");
        item.finish();
        out.push_back(std::move(column));
    }
    return out;
}

}  // namespace schemadiff::detail
