// Plan ⇄ JSON: the machine-readable form of a plan (`diff --format json`, `check --format json`).
//
// {"format": "schemadiff-plan", "version": 1, "operations": [{"op": "add_column", ...}],
//  "findings": [{"kind": "data-loss", "operation": 0, "table": ..., "column": ..., "message":
//  ...}]}
// Tables and columns inside operations use the model JSON shapes of schema_json.hpp.
// Round trip: plan_from_json(plan_to_json(p)) equals p.
#pragma once

#include <string>
#include <string_view>

#include "schemadiff/core/plan.hpp"

namespace schemadiff {

[[nodiscard]] std::string plan_to_json(const Plan& plan);
[[nodiscard]] Plan plan_from_json(std::string_view text, std::string_view origin);

}  // namespace schemadiff
