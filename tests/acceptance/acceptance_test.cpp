// Runs every case under cases/ (SCHEMADIFF_ACCEPTANCE_CASES, set by CMake) as its own doctest
// subcase, named after the case: `acceptance_test -sc="columns/*"` runs one area.
// SCHEMADIFF_ACCEPTANCE_CASES=DIR runs the cases of another folder instead. Cases whose
// `# dialects:` leaves out sqlite (cases/postgresql/) are not SQLite's to run.
// SCHEMADIFF_ACCEPTANCE_SHOW=1 prints each case's upgrade and downgrade SQL and findings (to review
// and record `-- expect sql` / `-- expect findings`; never copy them in without reading them).
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "runner/case_file.hpp"
#include "runner/case_runner.hpp"

using namespace schemadiff::acceptance;

namespace {

// SCHEMADIFF_ACCEPTANCE_CASES in the environment points the runner at another folder of cases.
const std::vector<AcceptanceCase>& all_cases() {
    static const auto cases = [] {
        const char* override_root = std::getenv("SCHEMADIFF_ACCEPTANCE_CASES");
        return load_cases(override_root != nullptr ? override_root : SCHEMADIFF_ACCEPTANCE_CASES);
    }();
    return cases;
}

std::filesystem::path scratch_root() {
    return std::filesystem::temp_directory_path() /
           ("schemadiff-acceptance-" + std::to_string(::getpid()));
}

bool show_sql() {
    const char* value = std::getenv("SCHEMADIFF_ACCEPTANCE_SHOW");
    return value != nullptr && std::string(value) == "1";
}

std::string slug(const std::string& name) {
    std::string out = name;
    for (char& c : out) {
        if (c == '/') c = '-';
    }
    return out;
}

}  // namespace

TEST_CASE("the acceptance corpus holds at least 70 well-formed cases") {
    CHECK(all_cases().size() >= 70);
}

TEST_CASE("every acceptance case upgrades to its target and downgrades back with its rows") {
    for (const auto& acceptance_case : all_cases()) {
        if (!acceptance_case.runs_on("sqlite")) continue;  // `# dialects:` without sqlite
        SUBCASE(acceptance_case.name.c_str()) {
            INFO("case " << acceptance_case.name << " (" << acceptance_case.path.string()
                         << "): " << acceptance_case.description);
            const auto report =
                run_case(acceptance_case, scratch_root() / slug(acceptance_case.name));
            if (show_sql()) {
                std::cout << "==== " << acceptance_case.name << "\n-- findings\n";
                for (const auto& finding : report.findings) std::cout << finding << "\n";
                std::cout << "-- upgrade\n"
                          << report.upgrade_sql << "-- downgrade\n"
                          << report.downgrade_sql << "\n";
            }
            for (const auto& failure : report.failures) FAIL_CHECK(failure);
            CHECK(report.failures.empty());
        }
    }
    std::error_code ignored;
    std::filesystem::remove(scratch_root(), ignored);  // only when empty: failures keep theirs
}
