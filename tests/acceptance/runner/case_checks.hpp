// The checks every acceptance runner (SQLite, PostgreSQL) makes on a plan before applying it,
// and the small helpers they share: rename hints set on the target as a model carries them,
// findings as `<kind> <table>[.<column>]` lines, and the expectations a case declares (no
// undeclared data loss, an empty plan for `-- equivalent`, the expected findings and SQL of the
// runner's dialect).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "case_file.hpp"
#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/plan.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::acceptance {

// Sets the case's rename hints on `target` (renamed_from); throws naming a missing table/column.
void apply_renames(Schema& target, const std::vector<RenameHint>& renames, const Dialect& dialect);

// `<kind> <table>[.<column>]` per finding, sorted.
[[nodiscard]] std::vector<std::string> finding_lines(const Plan& plan);

// The expectations of one dialect's runner: the findings and SQL it checks (SQLite's or
// PostgreSQL's sections), beside the findings and upgrade SQL it produced.
struct PlanExpectations {
    const std::optional<std::vector<std::string>>& findings;
    const std::optional<std::string>& sql;
};

// One message per unmet expectation; empty when the plan is as the case says.
[[nodiscard]] std::vector<std::string> check_plan(const AcceptanceCase& acceptance_case,
                                                  const Plan& plan,
                                                  const std::vector<std::string>& findings,
                                                  const std::string& upgrade_sql,
                                                  const PlanExpectations& expected);

}  // namespace schemadiff::acceptance
