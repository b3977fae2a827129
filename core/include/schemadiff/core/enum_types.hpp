// Named enum types of a schema: the types a schema lists (Schema::enum_types) merged with the
// types its columns name (ColumnType::enum_name with enum_values).
//
// A catalog lists every enum type of the database, used or not; a model may list some and leave
// the rest to its columns. One name must mean one value list everywhere: a second, different
// list is an invalid model, reported with both places. Dialects without named enums (SQLite,
// whose canonical type drops enum_name) never see these types as operations: the diff asks the
// dialect first.
#pragma once

#include <vector>

#include "schemadiff/core/schema.hpp"

namespace schemadiff {

// The enum types of `schema`, sorted by name: the listed ones and those its columns name.
// Throws Error(InvalidModel) when one name has two different value lists, naming both places.
[[nodiscard]] std::vector<EnumType> collect_enum_types(const Schema& schema);

}  // namespace schemadiff
