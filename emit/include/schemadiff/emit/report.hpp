// Human and machine reports of a plan: `diff --format text` and `--format json`.
//
// The text report lists one operation per line ("+ add column users.email VARCHAR(255)"), with
// findings as "!" lines under their operation, and ends with a count. The JSON report is the
// plan's JSON (core/plan_json.hpp). Both are deterministic.
#pragma once

#include <string>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/plan.hpp"

namespace schemadiff::emit {

[[nodiscard]] std::string render_text_report(const Plan& plan, const Dialect& dialect);
[[nodiscard]] std::string render_json_report(const Plan& plan);

}  // namespace schemadiff::emit
