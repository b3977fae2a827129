// Private: the JSON shape of a named enum type ({"name": ..., "values": [...]}) and of a column
// using one ({"table", "column", "default"}), shared by the model JSON (its optional
// "enum_types") and the plan JSON (the enum type operations).
#pragma once

#include <string>

#include "json_shapes.hpp"
#include "schemadiff/core/operation.hpp"

namespace schemadiff::detail {

[[nodiscard]] Json enum_type_to_json(const EnumType& type);
[[nodiscard]] EnumType enum_type_from_json(const Json& json, const std::string& path,
                                           const std::string& origin);
[[nodiscard]] Json enum_type_columns_to_json(const std::vector<EnumTypeColumn>& columns);
// The array at `key` of `reader` (empty when absent).
[[nodiscard]] std::vector<EnumTypeColumn> enum_type_columns_from_json(ObjectReader& reader,
                                                                      const char* key);

// A type swap's indexes, checks and views ("indexes": [{"table", "index"}], "checks":
// [{"table", "check"}], "views": [...]), each written only when not empty.
void enum_swap_dependents_to_json(const AlterEnumType& op, Json& out);
void enum_swap_dependents_from_json(ObjectReader& reader, AlterEnumType& op);

}  // namespace schemadiff::detail
