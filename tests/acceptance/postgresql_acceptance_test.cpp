// Runs every case under cases/ on the PostgreSQL server SCHEMADIFF_TEST_POSTGRES_URL names, each
// in fresh databases of its own, as a doctest subcase named after the case (`-sc="indexes/*"`
// runs one area). A case marked `# postgresql: skip <reason>` (SQLite-only DDL) is counted and
// listed with its reason; any other case that errors fails. Without the variable the test skips
// with a visible message, and fails under CI=true.
// SCHEMADIFF_ACCEPTANCE_CASES=DIR runs another folder; SCHEMADIFF_ACCEPTANCE_SHOW=1 prints each
// case's findings and SQL; SCHEMADIFF_ACCEPTANCE_KEEP=1 leaves a failed case's databases.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "runner/case_file.hpp"
#include "runner/pg_case_runner.hpp"
#include "schemadiff/core/database_url.hpp"

using namespace schemadiff;
using namespace schemadiff::acceptance;

namespace {

constexpr const char* kServerVariable = "SCHEMADIFF_TEST_POSTGRES_URL";

bool is_set(const char* variable, std::string_view value) {
    const char* actual = std::getenv(variable);
    return actual != nullptr && std::string_view(actual) == value;
}

// The server, or nullopt after saying why the test is skipped (a failure under CI=true).
std::optional<DatabaseUrl> test_server() {
    const char* url = std::getenv(kServerVariable);
    if (url != nullptr && *url != '\0') return parse_database_url(url);
    if (is_set("CI", "true")) {
        FAIL_CHECK(std::string(kServerVariable)
                   << " is not set under CI=true: the PostgreSQL acceptance "
                      "cases need a server (.ci/postgres-server start)");
    } else {
        MESSAGE("skipped: " << std::string(kServerVariable)
                            << " is not set (.ci/postgres-server start)");
    }
    return std::nullopt;
}

const std::vector<AcceptanceCase>& all_cases() {
    static const auto cases = [] {
        const char* override_root = std::getenv("SCHEMADIFF_ACCEPTANCE_CASES");
        return load_cases(override_root != nullptr ? override_root : SCHEMADIFF_ACCEPTANCE_CASES);
    }();
    return cases;
}

// sd_acc_<pid>_<n>: unique per run and case, short enough for `_<role>` under 63 bytes.
std::string database_prefix(std::size_t index) {
    return "sd_acc_" + std::to_string(::getpid()) + "_" + std::to_string(index);
}

}  // namespace

TEST_CASE("the PostgreSQL runner lists the cases it skips, each with its reason") {
    std::map<std::string, std::vector<std::string>> by_reason;
    std::size_t runs = 0;
    std::size_t skipped = 0;
    for (const auto& acceptance_case : all_cases()) {
        if (!acceptance_case.runs_on("postgresql")) continue;
        if (acceptance_case.postgresql_skip) {
            CHECK_FALSE(acceptance_case.postgresql_skip->empty());
            by_reason[*acceptance_case.postgresql_skip].push_back(acceptance_case.name);
            ++skipped;
        } else {
            ++runs;
        }
    }
    std::string listing;
    for (const auto& [reason, names] : by_reason) {
        listing += "\n  " + reason + " (" + std::to_string(names.size()) + "):";
        for (const auto& name : names) listing += " " + name;
    }
    MESSAGE("PostgreSQL acceptance: " << runs << " cases run, " << skipped
                                      << " skipped (SQLite-only DDL):" << listing);
    CHECK(runs > skipped);
}

TEST_CASE("every acceptance case upgrades to its target and downgrades back on PostgreSQL") {
    const auto server = test_server();
    if (!server) return;
    const bool show = is_set("SCHEMADIFF_ACCEPTANCE_SHOW", "1");
    const bool keep = is_set("SCHEMADIFF_ACCEPTANCE_KEEP", "1");
    const auto& cases = all_cases();
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& acceptance_case = cases[i];
        if (!acceptance_case.runs_on("postgresql") || acceptance_case.postgresql_skip) continue;
        SUBCASE(acceptance_case.name.c_str()) {
            INFO("case " << acceptance_case.name << " (" << acceptance_case.path.string()
                         << "): " << acceptance_case.description);
            const auto report = run_pg_case(acceptance_case, *server, database_prefix(i), keep);
            if (show) {
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
}
