#include "case_runner.hpp"

#include <algorithm>
#include <stdexcept>

#include "case_checks.hpp"
#include "catalog_compare.hpp"
#include "row_compare.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/drivers/registry.hpp"
#include "schemadiff/emit/sql.hpp"
#include "script_apply.hpp"
#include "sqlite_file.hpp"

namespace schemadiff::acceptance {

namespace {

void build_database(const std::filesystem::path& path, const std::string& sql,
                    const std::string& what) {
    SqliteFile db(path);
    try {
        db.execute_script(sql);
    } catch (const std::exception& e) {
        throw std::runtime_error("the case's " + what + " does not run on SQLite: " + e.what());
    }
}

class Run {
public:
    Run(const AcceptanceCase& c, const std::filesystem::path& scratch, CaseReport& report)
        : case_(c), dir_(scratch), report_(report), dialect_(drivers::dialect_for("sqlite")) {}

    void fail(const std::string& message) { report_.failures.push_back(message); }

    std::filesystem::path file(const char* name) const { return dir_ / name; }

    void copy(const char* from, const char* to) const {
        std::filesystem::copy_file(file(from), file(to),
                                   std::filesystem::copy_options::overwrite_existing);
    }

    // Asserts that `database` holds `expected` (read from SQLite, compared as README says).
    void check_reached(const Schema& actual, const Schema& expected_with_hints,
                       const Schema& expected, const Plan& applied, const std::string& when) {
        const auto again = diff::diff_schemas(actual, expected_with_hints, {.dialect = &dialect_});
        if (!again.empty()) {
            fail(when + ": a second diff is not empty:\n" + describe_operations(again));
        }
        const auto free = tables_with_appended_columns(applied, dialect_);
        const auto difference = describe_difference(comparable(expected, dialect_, free),
                                                    comparable(actual, dialect_, free));
        if (!difference.empty()) fail(when + ": the catalog differs:\n" + difference);
    }

    void check_rows(const char* before, const char* after, const std::vector<KeptTable>& kept,
                    const std::string& when) {
        for (const auto& failure : compare_rows(file(before), file(after), kept)) {
            fail(when + ": " + failure);
        }
    }

    void execute() {
        std::filesystem::create_directories(dir_);
        build_database(file("current.db"), case_.current_sql, "current DDL");
        if (!case_.rows_sql.empty()) {
            SqliteFile db(file("current.db"));
            try {
                db.execute_script(case_.rows_sql);
            } catch (const std::exception& e) {
                throw std::runtime_error(std::string("the case's rows do not run: ") + e.what());
            }
        }
        build_database(file("target.db"), case_.target_sql, "target DDL");

        const Schema current = read_database(file("current.db"));
        const Schema target_read = read_database(file("target.db"));
        Schema target = target_read;
        apply_renames(target, case_.renames, dialect_);

        const Plan plan = diff::diff_schemas(current, target, {.dialect = &dialect_});
        const auto script = emit::emit_sql(plan, dialect_);
        report_.upgrade_sql = emit::render_sql(script, {});
        report_.findings = finding_lines(plan);
        check_expectations(plan);

        copy("current.db", "applied.db");
        apply_script(file("applied.db"), script, "upgrade");
        const Schema applied = read_database(file("applied.db"));
        // An equivalent target is spelled differently: what must hold is that nothing changed.
        check_reached(applied, target, case_.is_equivalent ? current : target_read, plan,
                      "after the upgrade");
        check_rows("current.db", "applied.db", kept_tables(current, target, dialect_),
                   "after the upgrade");

        copy("current.db", "applied_text.db");
        apply_script_text(file("applied_text.db"), report_.upgrade_sql);
        const auto by_text = diff::diff_schemas(read_database(file("applied_text.db")), target,
                                                {.dialect = &dialect_});
        if (!by_text.empty()) {
            fail("after running the rendered upgrade text: a second diff is not empty:\n" +
                 describe_operations(by_text));
        }

        const Plan inverse = diff::invert(plan, dialect_);
        const auto inverse_script = emit::emit_sql(inverse, dialect_);
        report_.downgrade_sql = emit::render_sql(inverse_script, {});
        copy("applied.db", "reverted.db");
        apply_script(file("reverted.db"), inverse_script, "downgrade");
        const Schema reverted = read_database(file("reverted.db"));
        check_reached(reverted, current, current, inverse, "after the downgrade");
        check_rows("current.db", "reverted.db",
                   case_.is_lossy ? kept_tables(current, target, dialect_) : all_tables(current),
                   "after the downgrade");
    }

    void check_expectations(const Plan& plan) {
        for (auto& failure : check_plan(case_, plan, report_.findings, report_.upgrade_sql,
                                        {case_.expected_findings, case_.expected_sql})) {
            fail(failure);
        }
    }

private:
    const AcceptanceCase& case_;
    std::filesystem::path dir_;
    CaseReport& report_;
    const Dialect& dialect_;
};

}  // namespace

CaseReport run_case(const AcceptanceCase& acceptance_case, const std::filesystem::path& scratch) {
    CaseReport report;
    std::filesystem::remove_all(scratch);
    try {
        Run(acceptance_case, scratch, report).execute();
    } catch (const std::exception& e) {
        report.failures.push_back(e.what());
    }
    if (report.failures.empty()) {
        std::filesystem::remove_all(scratch);
    } else {
        report.failures.push_back("databases kept in " + scratch.string());
    }
    return report;
}

}  // namespace schemadiff::acceptance
