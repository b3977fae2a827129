// The benchmark's schema generator: deterministic, realistic, and round-trips through SQLite.
#include "schema_generator.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "bench_database.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/sqlite/sqlite_connection.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"

using namespace schemadiff;
using namespace schemadiff::bench;

namespace {

// Tables in an order where every referenced table comes first; empty when there is a cycle.
std::vector<std::string> dependency_order(const Schema& schema) {
    std::map<std::string, std::set<std::string>> pending;
    for (const auto& table : schema.tables) {
        auto& deps = pending[table.name];
        for (const auto& fk : table.foreign_keys) {
            if (fk.referenced_table != table.name) deps.insert(fk.referenced_table);
        }
    }
    std::vector<std::string> order;
    while (!pending.empty()) {
        const auto ready = std::find_if(pending.begin(), pending.end(),
                                        [](const auto& entry) { return entry.second.empty(); });
        if (ready == pending.end()) return {};
        const std::string name = ready->first;
        pending.erase(ready);
        for (auto& entry : pending) entry.second.erase(name);
        order.push_back(name);
    }
    return order;
}

std::size_t count_if_column(const Schema& schema, bool (*predicate)(const Column&)) {
    std::size_t count = 0;
    for (const auto& table : schema.tables) {
        for (const auto& column : table.columns) {
            if (predicate(column)) ++count;
        }
    }
    return count;
}

struct TempDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("schemadiff-bench-test-" + std::to_string(getpid()));
    TempDir() { std::filesystem::create_directories(path); }
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("the same options generate the same schema, a different seed another one") {
    const Schema first = generate_schema({.table_count = 300});
    CHECK(first == generate_schema({.table_count = 300}));
    CHECK_FALSE(first == generate_schema({.table_count = 300, .seed = 7}));
    CHECK(drift_schema(first, {}).schema == drift_schema(first, {}).schema);
}

TEST_CASE("a generated schema has the requested tables, sorted, with unique index names") {
    const Schema schema = generate_schema({.table_count = 500});
    REQUIRE(schema.tables.size() == 500);
    std::set<std::string> index_names;
    std::size_t index_count = 0;
    for (std::size_t i = 0; i < schema.tables.size(); ++i) {
        const Table& table = schema.tables[i];
        if (i > 0) CHECK(schema.tables[i - 1].name < table.name);
        CHECK(table.primary_key.columns == std::vector<std::string>{"id"});
        CHECK(table.indexes.size() >= 1);
        CHECK(table.indexes.size() <= 3);
        for (const auto& index : table.indexes) index_names.insert(index.name);
        index_count += table.indexes.size();
    }
    CHECK(index_names.size() == index_count);
}

TEST_CASE("foreign keys point at the id of an existing table and never form a cycle") {
    const Schema schema = generate_schema({.table_count = 1000});
    std::size_t cascades = 0;
    for (const auto& table : schema.tables) {
        for (const auto& fk : table.foreign_keys) {
            REQUIRE(schema.find_table(fk.referenced_table) != nullptr);
            CHECK(fk.referenced_columns == std::vector<std::string>{"id"});
            REQUIRE(table.find_column(fk.columns.front()) != nullptr);
            if (fk.on_delete == ForeignKeyAction::Cascade) ++cascades;
        }
    }
    CHECK(cascades > 0);
    CHECK(dependency_order(schema).size() == schema.tables.size());
}

TEST_CASE("a generated schema mixes every column type and constraint shape") {
    const Schema schema = generate_schema({.table_count = 500});
    std::set<TypeKind> kinds;
    std::size_t uniques = 0, composites = 0, partials = 0, checks = 0, constraints = 0;
    for (const auto& table : schema.tables) {
        for (const auto& column : table.columns) kinds.insert(column.type.kind);
        for (const auto& index : table.indexes) {
            if (index.is_unique) ++uniques;
            if (index.parts.size() > 1) ++composites;
            if (index.where) ++partials;
        }
        checks += table.checks.size();
        constraints += table.unique_constraints.size();
    }
    CHECK(kinds == std::set<TypeKind>{TypeKind::Integer, TypeKind::BigInt, TypeKind::Text,
                                      TypeKind::String, TypeKind::Numeric, TypeKind::Boolean,
                                      TypeKind::Timestamp, TypeKind::Real, TypeKind::Binary});
    CHECK(uniques > 0);
    CHECK(composites > 0);
    CHECK(partials > 0);
    CHECK(checks > 0);
    CHECK(constraints > 0);
    CHECK(count_if_column(schema, [](const Column& c) { return !c.is_nullable; }) > 500);
    CHECK(count_if_column(schema, [](const Column& c) { return c.default_sql.has_value(); }) > 0);
    CHECK(count_if_column(schema, [](const Column& c) { return c.name == "order"; }) > 0);
}

TEST_CASE("the drift changes 5% of the tables, drops one and adds one") {
    const Schema current = generate_schema({.table_count = 1000});
    const DriftedSchema drifted = drift_schema(current, {});
    CHECK(drifted.changed_tables == 50);
    CHECK(drifted.expected_changes == 52);
    std::size_t only_current = 0, changed = 0;
    for (const auto& table : current.tables) {
        const Table* other = drifted.schema.find_table(table.name);
        if (other == nullptr) {
            ++only_current;
        } else if (!(*other == table)) {
            ++changed;
        }
    }
    CHECK(only_current == 1);
    CHECK(changed == 50);
    CHECK(drifted.schema.tables.size() == current.tables.size());
    CHECK(dependency_order(drifted.schema).size() == drifted.schema.tables.size());
}

TEST_CASE("a generated database reads back without a difference, and the drift is found") {
    const TempDir dir;
    const sqlite::SqliteDialect dialect;
    const Schema current = generate_schema({.table_count = 200});
    const DriftedSchema drifted = drift_schema(current, {});
    const std::string path = (dir.path / "current.db").string();
    create_database(path, current, dialect);

    const Schema read = sqlite::open_sqlite(path, sqlite::OpenMode::ReadOnly)->read_schema({});
    CHECK(read.tables.size() == current.tables.size());
    const diff::DiffOptions options{.dialect = &dialect};
    const Plan spurious = diff::diff_schemas(read, current, options);
    std::string listing;
    for (const auto& op : spurious.operations) listing += describe(op) + "\n";
    CHECK_MESSAGE(spurious.operations.empty(), listing);
    CHECK(diff::diff_schemas(read, drifted.schema, options).operations.size() >=
          drifted.expected_changes);
}
