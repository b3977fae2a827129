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
        if (column.is_array) item["array"] = true;
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
        column.is_array = item.optional_bool("array", false);
        item.finish();
        out.push_back(std::move(column));
    }
    return out;
}

void enum_swap_dependents_to_json(const AlterEnumType& op, Json& out) {
    if (!op.indexes.empty()) {
        Json items = Json::array();
        for (const auto& index : op.indexes) {
            items.push_back(Json{{"table", index.table}, {"index", index_to_json(index.index)}});
        }
        out["indexes"] = std::move(items);
    }
    if (!op.checks.empty()) {
        Json items = Json::array();
        for (const auto& check : op.checks) {
            items.push_back(Json{{"table", check.table}, {"check", check_to_json(check.check)}});
        }
        out["checks"] = std::move(items);
    }
    if (!op.views.empty()) {
        Json items = Json::array();
        for (const auto& view : op.views) items.push_back(view_to_json(view));
        out["views"] = std::move(items);
    }
}

void enum_swap_dependents_from_json(ObjectReader& reader, AlterEnumType& op) {
    const auto each = [&](const char* key, auto read) {
        const Json& items = reader.array(key);
        for (std::size_t i = 0; i < items.size(); ++i) {
            read(items[i], fmt::format("{}[{}]", reader.child_path(key), i));
        }
    };
    each("indexes", [&](const Json& json, const std::string& path) {
        ObjectReader item(json, path, reader.origin());
        const std::string table = item.required_string("table");
        const Json* index = item.object("index");
        if (index == nullptr) item.fail("index", "an index is required");
        op.indexes.push_back(
            CreateIndex{table, index_from_json(*index, path + ".index", reader.origin())});
        item.finish();
    });
    each("checks", [&](const Json& json, const std::string& path) {
        ObjectReader item(json, path, reader.origin());
        const std::string table = item.required_string("table");
        const Json* check = item.object("check");
        if (check == nullptr) item.fail("check", "a check is required");
        op.checks.push_back(
            AddCheckConstraint{table, check_from_json(*check, path + ".check", reader.origin())});
        item.finish();
    });
    each("views", [&](const Json& json, const std::string& path) {
        op.views.push_back(view_from_json(json, path, reader.origin()));
    });
}

}  // namespace schemadiff::detail
