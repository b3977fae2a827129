#include "script_apply.hpp"

#include <stdexcept>

#include "schemadiff/core/database_url.hpp"
#include "schemadiff/core/text.hpp"
#include "schemadiff/drivers/registry.hpp"
#include "sqlite_file.hpp"

namespace schemadiff::acceptance {

namespace {

bool is_foreign_key_check(const std::string& sql) {
    std::string folded = text::to_lower(text::collapse_whitespace(sql));
    return folded.rfind("pragma foreign_key_check", 0) == 0;
}

void check_integrity(SqliteFile& db, const std::string& when) {
    const auto violations = db.query("PRAGMA foreign_key_check");
    if (!violations.empty()) {
        throw std::runtime_error("PRAGMA foreign_key_check " + when + " reports " +
                                 std::to_string(violations.size()) + " violation(s), first in " +
                                 violations.front().front().value_or("?"));
    }
    const auto integrity = db.query("PRAGMA integrity_check");
    if (integrity.size() != 1 || integrity.front().front() != "'ok'") {
        throw std::runtime_error("PRAGMA integrity_check " + when +
                                 " is not ok: " + integrity.front().front().value_or("NULL"));
    }
}

void run(SqliteFile& db, const std::string& sql, const std::string& group, std::size_t index) {
    std::vector<Row> rows;
    try {
        rows = db.query(sql);
    } catch (const std::exception& e) {
        throw std::runtime_error(group + " statement " + std::to_string(index + 1) +
                                 " failed: " + e.what() + "\n  statement: " + sql);
    }
    if (is_foreign_key_check(sql) && !rows.empty()) {
        throw std::runtime_error(group + " statement " + std::to_string(index + 1) + " (" + sql +
                                 ") reports foreign key violations, first in " +
                                 rows.front().front().value_or("?"));
    }
}

void run_group(SqliteFile& db, const std::vector<emit::SqlStatement>& statements,
               const std::string& group) {
    for (std::size_t i = 0; i < statements.size(); ++i) run(db, statements[i].sql, group, i);
}

}  // namespace

void apply_script(const std::filesystem::path& database, const emit::SqlScript& script,
                  const std::string& label) {
    SqliteFile db(database);
    try {
        run_group(db, script.before_transaction, "before-transaction");
        db.execute_script("BEGIN");
        run_group(db, script.transactional, "transactional");
        db.execute_script("COMMIT");
        run_group(db, script.after_transaction, "after-transaction");
        check_integrity(db, "after the script");
    } catch (const std::exception& e) {
        throw std::runtime_error(label + ": " + e.what());
    }
}

void apply_script_text(const std::filesystem::path& database, const std::string& text) {
    SqliteFile db(database);
    try {
        db.execute_script(text);
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("the rendered script failed in sqlite3_exec: ") +
                                 e.what());
    }
    check_integrity(db, "after the rendered script");
}

Schema read_database(const std::filesystem::path& database) {
    const auto url =
        parse_database_url("sqlite:///" + std::filesystem::absolute(database).string());
    auto connection = drivers::open_database(url, drivers::Access::ReadOnly);
    return connection->read_schema({});
}

}  // namespace schemadiff::acceptance
