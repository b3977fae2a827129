#include "runner/case_file.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace schemadiff::acceptance;

namespace {

constexpr const char* kCase = R"(# name: area/example
# description: a nullable column is added
# description: (continued on a second line)

-- current
CREATE TABLE t (id INTEGER PRIMARY KEY);
-- a comment that stays in the SQL

-- target
CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT);

-- rows
INSERT INTO t VALUES (1);

-- renames
t.note <- memo
t <- old_t

-- expect findings
table-rebuild t
data-loss t.x

-- expect sql
BEGIN;
-- WARNING: a comment inside the expected SQL
ALTER TABLE t ADD COLUMN note TEXT;
COMMIT;

-- lossy
because
)";

}  // namespace

TEST_CASE("a case file is split into its header and sections") {
    const auto c = parse_case(kCase, "area/example", "area/example.case");
    CHECK(c.name == "area/example");
    CHECK(c.description == "a nullable column is added (continued on a second line)");
    CHECK(c.current_sql ==
          "CREATE TABLE t (id INTEGER PRIMARY KEY);\n-- a comment that stays in the SQL");
    CHECK(c.target_sql == "CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT);");
    CHECK(c.rows_sql == "INSERT INTO t VALUES (1);");
    REQUIRE(c.renames.size() == 2);
    CHECK(c.renames[0].table == "t");
    CHECK(c.renames[0].column == "note");
    CHECK(c.renames[0].from == "memo");
    CHECK(c.renames[1].column.empty());
    CHECK(c.renames[1].from == "old_t");
    REQUIRE(c.expected_findings.has_value());
    CHECK(*c.expected_findings == std::vector<std::string>{"data-loss t.x", "table-rebuild t"});
    REQUIRE(c.expected_sql.has_value());
    CHECK(*c.expected_sql ==
          "BEGIN;\n-- WARNING: a comment inside the expected SQL\n"
          "ALTER TABLE t ADD COLUMN note TEXT;\nCOMMIT;");
    CHECK(c.is_lossy);
}

TEST_CASE("optional sections that are absent stay unset") {
    const auto c =
        parse_case("# name: a/b\n# description: d\n-- current\n-- target\n", "a/b", "a/b.case");
    CHECK(c.current_sql.empty());
    CHECK_FALSE(c.expected_sql.has_value());
    CHECK_FALSE(c.expected_findings.has_value());
    CHECK_FALSE(c.is_lossy);
}

TEST_CASE("a case whose name does not match its path is rejected") {
    CHECK_THROWS_AS((void)parse_case("# name: a/c\n# description: d\n-- current\n-- target\n",
                                     "a/b", "a/b.case"),
                    std::runtime_error);
}

TEST_CASE("a case without description, current or target section is rejected") {
    CHECK_THROWS_AS((void)parse_case("# name: a/b\n-- current\n-- target\n", "a/b", "a/b.case"),
                    std::runtime_error);
    CHECK_THROWS_AS(
        (void)parse_case("# name: a/b\n# description: d\n-- target\n", "a/b", "a/b.case"),
        std::runtime_error);
    CHECK_THROWS_AS(
        (void)parse_case("# name: a/b\n# description: d\n-- current\n", "a/b", "a/b.case"),
        std::runtime_error);
}

TEST_CASE("a repeated section, an unknown header key or a bad rename is rejected") {
    CHECK_THROWS_AS((void)parse_case("# name: a/b\n# description: d\n-- current\n-- current\n"
                                     "-- target\n",
                                     "a/b", "a/b.case"),
                    std::runtime_error);
    CHECK_THROWS_AS((void)parse_case("# name: a/b\n# color: red\n# description: d\n-- current\n"
                                     "-- target\n",
                                     "a/b", "a/b.case"),
                    std::runtime_error);
    CHECK_THROWS_AS((void)parse_case("# name: a/b\n# description: d\n-- current\n-- target\n"
                                     "-- renames\nt.x = y\n",
                                     "a/b", "a/b.case"),
                    std::runtime_error);
}

TEST_CASE("the equivalent marker is a flag with an optional reason") {
    const auto c = parse_case(
        "# name: a/b\n# description: d\n-- current\n-- target\n-- equivalent\nsame types\n", "a/b",
        "a/b.case");
    CHECK(c.is_equivalent);
    CHECK_FALSE(c.is_lossy);
}

TEST_CASE("a case runs on every dialect unless its dialects header says otherwise") {
    const auto every =
        parse_case("# name: a/b\n# description: d\n-- current\n-- target\n", "a/b", "a/b.case");
    CHECK(every.runs_on("sqlite"));
    CHECK(every.runs_on("postgresql"));
    CHECK_FALSE(every.postgresql_skip.has_value());
    const auto only =
        parse_case("# name: a/b\n# dialects: postgresql\n# description: d\n-- current\n-- target\n",
                   "a/b", "a/b.case");
    CHECK_FALSE(only.runs_on("sqlite"));
    CHECK(only.runs_on("postgresql"));
    CHECK_THROWS_AS((void)parse_case("# name: a/b\n# dialects: oracle\n# description: d\n"
                                     "-- current\n-- target\n",
                                     "a/b", "a/b.case"),
                    std::runtime_error);
}

TEST_CASE("a postgresql skip line carries its reason, and a skip without one is rejected") {
    const auto c = parse_case(
        "# name: a/b\n# description: d\n# postgresql: skip AUTOINCREMENT is SQLite's\n"
        "-- current\n-- target\n",
        "a/b", "a/b.case");
    REQUIRE(c.postgresql_skip.has_value());
    CHECK(*c.postgresql_skip == "AUTOINCREMENT is SQLite's");
    CHECK(c.runs_on("postgresql"));
    for (const char* bad : {"skip", "skipping it", "run"}) {
        CHECK_THROWS_AS((void)parse_case(std::string("# name: a/b\n# description: d\n"
                                                     "# postgresql: ") +
                                             bad + "\n-- current\n-- target\n",
                                         "a/b", "a/b.case"),
                        std::runtime_error);
    }
}

TEST_CASE("the postgresql expectations are sections of their own, apart from SQLite's") {
    const auto c = parse_case(
        "# name: a/b\n# description: d\n# postgresql schema: app\n-- current\n-- target\n"
        "-- expect findings\ntable-rebuild t\n-- expect postgresql findings\n"
        "-- expect postgresql sql\nBEGIN;\nCOMMIT;\n",
        "a/b", "a/b.case");
    REQUIRE(c.expected_findings.has_value());
    CHECK(*c.expected_findings == std::vector<std::string>{"table-rebuild t"});
    REQUIRE(c.expected_postgresql_findings.has_value());
    CHECK(c.expected_postgresql_findings->empty());
    CHECK(c.expected_postgresql_sql == std::optional<std::string>("BEGIN;\nCOMMIT;"));
    CHECK_FALSE(c.expected_sql.has_value());
    CHECK(c.postgresql_schema == std::optional<std::string>("app"));
}
