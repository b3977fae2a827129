// Schema ⇄ model JSON, the format `schemadiff dump` writes and `[models] json` reads.
//
// {"format": "schemadiff-model", "version": 1, "tables": [...], "views": [...]}; keys with
// default values (false, null, empty lists) are left out when writing. Reading is strict: an
// unknown key, a wrong value type, a missing name, a duplicate table or column is an
// Error(InvalidModel) whose context names the place ("table users, column email").
// Output is deterministic: keys in a fixed order, tables canonicalised.
#pragma once

#include <string>
#include <string_view>

#include "schemadiff/core/schema.hpp"

namespace schemadiff {

// Pretty-printed JSON (2-space indent) with a trailing newline.
[[nodiscard]] std::string schema_to_json(const Schema& schema);
// `origin` (a file name) goes into error contexts.
[[nodiscard]] Schema schema_from_json(std::string_view text, std::string_view origin);

}  // namespace schemadiff
