// SqliteFile — a raw sqlite3 handle for the acceptance runner: build databases from a case's DDL,
// apply emitted statements exactly as given, and read rows back. It goes through the sqlite3 C API
// on purpose, so what the runner checks does not depend on the driver under test.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace schemadiff::acceptance {

using Row = std::vector<std::optional<std::string>>;

// How a value is turned into text for comparison.
enum class ValueForm {
    Exact,  // storage class and value: quote() — 1, 1.5, 'a', X'00', NULL
    Loose,  // the value as text, numbers canonical (5 == 5.0 == '5'): for columns whose type
            // changed
};

class SqliteFile {
public:
    // Opens (creating if needed) a database file with foreign key enforcement ON, as an
    // application would run it. Throws std::runtime_error.
    explicit SqliteFile(const std::filesystem::path& path);
    ~SqliteFile();
    SqliteFile(const SqliteFile&) = delete;
    SqliteFile& operator=(const SqliteFile&) = delete;

    // Runs a script of any number of statements (sqlite3_exec). Throws with SQLite's message.
    void execute_script(const std::string& sql);
    // Runs exactly one statement and returns its rows as exact text (see ValueForm::Exact).
    // Throws when `sql` holds more than one statement.
    [[nodiscard]] std::vector<Row> query(const std::string& sql);
    // The rows of `select_sql` (a SELECT of single values), each value in `forms[i]` form.
    [[nodiscard]] std::vector<Row> query(const std::string& sql,
                                         const std::vector<ValueForm>& forms);

private:
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
};

}  // namespace schemadiff::acceptance
