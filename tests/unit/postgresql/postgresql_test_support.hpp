// Helpers for the PostgreSQL driver tests: the test server from SCHEMADIFF_TEST_POSTGRES_URL, a
// scratch database per test (CREATE DATABASE sd_test_<random>, dropped at the end), reading and
// creating tables there, and builders for model columns, tables and schemas. The helpers that
// diff and apply plans are in postgresql_plan_support.hpp (they need schemadiff::diff and emit).
//
// Without the variable a server test SKIPS with a visible message, except under CI=true, where a
// missing server is a failure: CI must not pass by testing nothing. `.ci/postgres-server start`
// prints the variable to export.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/database_url.hpp"
#include "schemadiff/core/schema.hpp"
#include "schemadiff/postgresql/postgresql_connection.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace schemadiff::testing {

inline constexpr const char* kServerVariable = "SCHEMADIFF_TEST_POSTGRES_URL";

// The test server's URL, or nullopt after reporting why the test is skipped (failing under CI).
inline std::optional<DatabaseUrl> test_server() {
    const char* url = std::getenv(kServerVariable);
    if (url != nullptr && *url != '\0') return parse_database_url(url);
    const std::string variable(kServerVariable);
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string_view(ci) == "true") {
        FAIL_CHECK(variable << " is not set under CI=true: the PostgreSQL tests need a server "
                               "(.ci/postgres-server start)");
    } else {
        MESSAGE("skipped: " << variable << " is not set (.ci/postgres-server start)");
    }
    return std::nullopt;
}

// A database of its own for one test, dropped (connections and all) when it goes out of scope.
class ScratchDatabase {
public:
    explicit ScratchDatabase(const DatabaseUrl& server) : url_(server) {
        std::random_device random;
        std::uniform_int_distribution<unsigned long long> digits;
        name_ = "sd_test_" + std::to_string(digits(random) % 1000000000000ULL);
        admin_ = postgresql::open_postgresql(server, postgresql::OpenMode::ReadWrite);
        admin_->execute("CREATE DATABASE " + name_);
        url_.database = name_;
    }
    ~ScratchDatabase() {
        try {
            admin_->execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        } catch (const Error&) {
            // A leftover scratch database is harmless; a destructor must not throw.
        }
    }
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    [[nodiscard]] const DatabaseUrl& url() const { return url_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] std::unique_ptr<Connection> open(
        postgresql::OpenMode mode = postgresql::OpenMode::ReadWrite) const {
        return postgresql::open_postgresql(url_, mode);
    }

private:
    DatabaseUrl url_;
    std::string name_;
    std::unique_ptr<Connection> admin_;
};

inline const Table& table_named(const Schema& schema, std::string_view name) {
    const Table* table = schema.find_table(name);
    REQUIRE_MESSAGE(table != nullptr, "no table " << name);
    return *table;
}

inline const Column& column_named(const Table& table, std::string_view name) {
    const Column* column = table.find_column(name);
    REQUIRE_MESSAGE(column != nullptr, "no column " << name << " in " << table.name);
    return *column;
}

// What the scratch database holds now, read on a read-only connection of its own.
inline Schema read(const ScratchDatabase& db, const ReadOptions& options = {}) {
    return db.open(postgresql::OpenMode::ReadOnly)->read_schema(options);
}

// Creates `table` with the statements the PostgreSQL dialect writes for it.
inline void create(Connection& connection, const Table& table) {
    for (const auto& statement : postgresql::postgresql_dialect().create_table(table)) {
        CAPTURE(statement);
        connection.execute(statement);
    }
}

// Model builders for the tests' tables and schemas.

inline Column column(std::string name, ColumnType type, bool is_nullable = true) {
    Column out;
    out.name = std::move(name);
    out.type = std::move(type);
    out.is_nullable = is_nullable;
    return out;
}

inline ColumnType of(TypeKind kind) { return ColumnType::of(kind); }

// An enum type with a name of its own (CREATE TYPE ... AS ENUM on PostgreSQL).
inline ColumnType named_enum(std::string name, std::vector<std::string> values) {
    ColumnType type = ColumnType::enumeration(std::move(values));
    type.enum_name = std::move(name);
    return type;
}

// An index part on a column, with an operator class or none.
inline IndexPart classed(std::string column_name, std::optional<std::string> operator_class) {
    IndexPart part{std::move(column_name)};
    part.operator_class = std::move(operator_class);
    return part;
}

inline Table table_of(std::string name, std::vector<Column> columns) {
    Table table;
    table.name = std::move(name);
    table.columns = std::move(columns);
    return table;
}

inline Schema schema_of(std::vector<Table> tables, std::vector<EnumType> types = {}) {
    Schema schema;
    schema.tables = std::move(tables);
    schema.enum_types = std::move(types);
    return schema;
}

inline Schema schema_of(Table table) { return schema_of(std::vector<Table>{std::move(table)}); }

}  // namespace schemadiff::testing
