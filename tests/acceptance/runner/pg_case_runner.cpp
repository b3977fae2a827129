#include "pg_case_runner.hpp"

#include <stdexcept>

#include "case_checks.hpp"
#include "catalog_compare.hpp"
#include "pg_database.hpp"
#include "pg_row_compare.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/drivers/registry.hpp"
#include "schemadiff/emit/sql.hpp"

namespace schemadiff::acceptance {

namespace {

// Each database lives in the case's schema when it names one (`# postgresql schema:`).
DatabaseUrl in_schema(DatabaseUrl url, const AcceptanceCase& acceptance_case) {
    if (acceptance_case.postgresql_schema) url.query["schema"] = *acceptance_case.postgresql_schema;
    return url;
}

// What every database of a case written for SQLite starts with: SQLite's DATETIME, used by many
// cases as a mere column type, as a PostgreSQL domain of that name (a user-defined type the
// driver must read back and render unchanged).
constexpr const char* kSqlitePrelude = "CREATE DOMAIN datetime AS timestamp";

void build_database(const DatabaseUrl& url, const AcceptanceCase& acceptance_case,
                    const std::string& sql, const std::string& what) {
    DatabaseUrl plain = url;
    plain.query.erase("schema");
    PgDatabase db(plain);
    try {
        if (acceptance_case.runs_on("sqlite")) db.execute_script(kSqlitePrelude);
        if (acceptance_case.postgresql_schema) {
            db.execute_script("CREATE SCHEMA " +
                              pg_quote_identifier(*acceptance_case.postgresql_schema));
        }
    } catch (const std::exception& e) {
        throw std::runtime_error("cannot prepare the database: " + std::string(e.what()));
    }
    if (sql.empty()) return;
    PgDatabase in(in_schema(plain, acceptance_case));
    try {
        in.execute_script(sql);
    } catch (const std::exception& e) {
        throw std::runtime_error("the case's " + what + " does not run on PostgreSQL: " + e.what());
    }
}

Schema read_database(const DatabaseUrl& url) {
    auto connection = drivers::open_database(url, drivers::Access::ReadOnly);
    return connection->read_schema({});
}

void run_group(PgDatabase& db, const std::vector<emit::SqlStatement>& statements,
               const std::string& group) {
    for (std::size_t i = 0; i < statements.size(); ++i) {
        try {
            static_cast<void>(db.query(statements[i].sql));
        } catch (const std::exception& e) {
            throw std::runtime_error(group + " statement " + std::to_string(i + 1) + " failed: " +
                                     e.what() + "\n  statement: " + statements[i].sql);
        }
    }
}

// As a migration runner applies a script: each statement on its own, the body in one
// transaction (rolled back when a statement fails, as the runner does).
void apply_script(const DatabaseUrl& url, const emit::SqlScript& script, const std::string& label) {
    PgDatabase db(url);
    try {
        run_group(db, script.before_transaction, "before-transaction");
        db.execute_script("BEGIN");
        try {
            run_group(db, script.transactional, "transactional");
            db.execute_script("COMMIT");
        } catch (...) {
            db.execute_script("ROLLBACK");
            throw;
        }
        run_group(db, script.after_transaction, "after-transaction");
    } catch (const std::exception& e) {
        throw std::runtime_error(label + ": " + e.what());
    }
}

class PgRun {
public:
    PgRun(const AcceptanceCase& c, PgScratch& scratch, CaseReport& report)
        : case_(c),
          scratch_(scratch),
          report_(report),
          dialect_(drivers::dialect_for("postgresql")) {}

    void fail(const std::string& message) { report_.failures.push_back(message); }

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

    std::vector<TableRows> snapshot(const DatabaseUrl& url, const Schema& schema,
                                    const std::vector<KeptTable>& tables, Side side) {
        PgDatabase db(url);
        return snapshot_rows(db, schema, tables, side);
    }

    void check_rows(const std::vector<KeptTable>& tables, const std::vector<TableRows>& before,
                    const std::vector<TableRows>& after, const std::string& when) {
        for (const auto& failure : compare_snapshots(tables, before, after)) {
            fail(when + ": " + failure);
        }
    }

    // The script, or nullopt when the case expects the dialect to refuse it and it does (a
    // refusal that does not come, or says something else, is a failure).
    std::optional<emit::SqlScript> emit_or_refuse(const Plan& plan,
                                                  const std::optional<std::string>& refusal,
                                                  const std::string& what) {
        if (!refusal) return emit::emit_sql(plan, dialect_);
        try {
            const auto script = emit::emit_sql(plan, dialect_);
            fail("the " + what + " was expected to be refused (" + *refusal +
                 ") but was written:\n" + emit::render_sql(script, {}));
        } catch (const Error& error) {
            const std::string message = error.what();
            if (message.find(*refusal) == std::string::npos) {
                fail("the " + what + " was refused with `" + message +
                     "`, expected a message with `" + *refusal + "`");
            }
        }
        return std::nullopt;
    }

    void execute() {
        const DatabaseUrl current_url = in_schema(scratch_.create("cur"), case_);
        build_database(current_url, case_, case_.current_sql, "current DDL");
        if (!case_.rows_sql.empty()) {
            PgDatabase db(current_url);
            try {
                db.execute_script(case_.rows_sql);
            } catch (const std::exception& e) {
                throw std::runtime_error(std::string("the case's rows do not run: ") + e.what());
            }
        }
        const DatabaseUrl target_url = in_schema(scratch_.create("tgt"), case_);
        build_database(target_url, case_, case_.target_sql, "target DDL");

        const Schema current = read_database(current_url);
        const Schema target_read = read_database(target_url);
        Schema target = target_read;
        apply_renames(target, case_.renames, dialect_);

        const Plan plan = diff::diff_schemas(current, target, {.dialect = &dialect_});
        report_.findings = finding_lines(plan);
        const auto script = emit_or_refuse(plan, case_.postgresql_upgrade_refused, "upgrade");
        if (script) report_.upgrade_sql = emit::render_sql(*script, {});
        for (auto& failure :
             check_plan(case_, plan, report_.findings, report_.upgrade_sql,
                        {case_.expected_postgresql_findings, case_.expected_postgresql_sql})) {
            fail(failure);
        }
        if (!script) return;
        const Plan inverse = diff::invert(plan, dialect_);
        const auto inverse_script =
            emit_or_refuse(inverse, case_.postgresql_downgrade_refused, "downgrade");
        if (inverse_script) report_.downgrade_sql = emit::render_sql(*inverse_script, {});

        // The rows to find again, read before anything runs: the scripts run in place.
        const auto kept = kept_tables(current, target, dialect_);
        const auto restored = case_.is_lossy ? kept : all_tables(current);
        const auto kept_before = snapshot(current_url, current, kept, Side::Before);
        const auto restored_before = snapshot(current_url, current, restored, Side::Before);

        apply_script(current_url, *script, "upgrade");
        const Schema applied = read_database(current_url);
        check_reached(applied, target, case_.is_equivalent ? current : target_read, plan,
                      "after the upgrade");
        check_rows(kept, kept_before, snapshot(current_url, applied, kept, Side::After),
                   "after the upgrade");
        if (!inverse_script) return;

        apply_script(current_url, *inverse_script, "downgrade");
        const Schema reverted = read_database(current_url);
        check_reached(reverted, current, current, inverse, "after the downgrade");
        check_rows(restored, restored_before,
                   snapshot(current_url, reverted, restored, Side::Before), "after the downgrade");
        if (!report_.failures.empty()) return;

        // Back at current: the rendered text, run as one simple query (as `psql -c` would).
        {
            PgDatabase db(current_url);
            try {
                db.execute_script(report_.upgrade_sql);
            } catch (const std::exception& e) {
                throw std::runtime_error(std::string("the rendered upgrade text failed: ") +
                                         e.what());
            }
        }
        const auto by_text =
            diff::diff_schemas(read_database(current_url), target, {.dialect = &dialect_});
        if (!by_text.empty()) {
            fail("after running the rendered upgrade text: a second diff is not empty:\n" +
                 describe_operations(by_text));
        }
    }

private:
    const AcceptanceCase& case_;
    PgScratch& scratch_;
    CaseReport& report_;
    const Dialect& dialect_;
};

}  // namespace

CaseReport run_pg_case(const AcceptanceCase& acceptance_case, const DatabaseUrl& server,
                       const std::string& database_prefix, bool keep_failed) {
    CaseReport report;
    PgScratch scratch(server, database_prefix);
    try {
        PgRun(acceptance_case, scratch, report).execute();
    } catch (const std::exception& e) {
        report.failures.push_back(e.what());
    }
    if (!report.failures.empty() && keep_failed) {
        report.failures.push_back("databases kept: " + scratch.keep());
    }
    return report;
}

}  // namespace schemadiff::acceptance
