// The acceptance procedure for one case, against real SQLite files in a scratch directory:
// build `current` (+ rows) and `target` from the case's DDL, read both through the driver, diff,
// check the expected SQL and findings, apply the upgrade to a copy of current, check it reached
// the target (empty second diff, equal catalog, rows kept), apply the inverse plan and check the
// start is restored (catalog and rows). README.md describes each check.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "case_file.hpp"

namespace schemadiff::acceptance {

struct CaseReport {
    std::vector<std::string> failures;  // empty: the case passed
    std::string upgrade_sql;            // render_sql of the upgrade, as produced
    std::string downgrade_sql;          // render_sql of the inverse plan, as produced
    std::vector<std::string> findings;  // `<kind> <table>[.<column>]`, sorted
};

// Runs one case in `scratch` (created if missing; removed when the case passes).
[[nodiscard]] CaseReport run_case(const AcceptanceCase& acceptance_case,
                                  const std::filesystem::path& scratch);

}  // namespace schemadiff::acceptance
