// Determinism and scale: the same inputs give the same bytes, whatever the order the tables and
// constraints were listed in, and spellings that normalise equal are no change.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <random>

#include "diff_test_support.hpp"
#include "schemadiff/core/plan_json.hpp"

namespace schemadiff::diff::test {

namespace {

Schema current_schema() {
    Table users = keyed_table("users", {column("email", "text"), column("name", "text")});
    users.indexes = {index("ix_b", {"name"}), index("ix_a", {"email"})};
    users.checks = {{std::nullopt, "length(name) > 0"}, {"ck_email", "email <> ''"}};
    Table posts = keyed_table("posts", {column("user_id"), column("body", "text")});
    posts.foreign_keys = {foreign_key({"user_id"}, "users")};
    return Schema{{users, posts, keyed_table("old_a", {}), keyed_table("old_b", {column("x")})},
                  {}};
}

Schema target_schema() {
    Table users = keyed_table("users", {column("email", "string(255)"), column("age")});
    users.indexes = {index("ix_c", {"age"}), index("ix_a", {"email"}, true)};
    users.checks = {{std::nullopt, "age >= 0"}, {std::nullopt, "length(email) > 3"}};
    Table posts = keyed_table("posts", {column("user_id"), column("title", "text")});
    Table tags = keyed_table("tags", {column("post_id")});
    tags.foreign_keys = {foreign_key({"post_id"}, "posts")};
    Table votes = keyed_table("votes", {column("tag_id"), column("post_id")});
    votes.foreign_keys = {foreign_key({"tag_id"}, "tags"), foreign_key({"post_id"}, "posts")};
    return Schema{{votes, users, tags, posts}, {}};
}

void shuffle(Schema& schema, std::mt19937& random) {
    std::shuffle(schema.tables.begin(), schema.tables.end(), random);
    for (auto& table : schema.tables) {
        std::shuffle(table.indexes.begin(), table.indexes.end(), random);
        std::shuffle(table.checks.begin(), table.checks.end(), random);
        std::shuffle(table.foreign_keys.begin(), table.foreign_keys.end(), random);
    }
}

}  // namespace

TEST_CASE("the same inputs give the same plan, byte for byte") {
    const std::string first = plan_to_json(diff(current_schema(), target_schema()));
    const std::string second = plan_to_json(diff(current_schema(), target_schema()));
    CHECK(first == second);
}

TEST_CASE("the order tables and constraints are listed in does not change the plan") {
    const std::string expected = plan_to_json(diff(current_schema(), target_schema()));
    std::mt19937 random(20261124);
    for (int round = 0; round < 20; ++round) {
        Schema current = current_schema();
        Schema target = target_schema();
        shuffle(current, random);
        shuffle(target, random);
        CHECK(plan_to_json(diff(current, target)) == expected);
    }
}

TEST_CASE("schemas that differ only in spellings that normalise equal give an empty plan") {
    Table current = keyed_table("Users", {column("Age", "INT4"), column("bio", "string")});
    current.columns[1].default_sql = "('none')";
    current.indexes = {index("IX_AGE", {"age"})};
    current.indexes[0].where = "(age  > 0)";
    current.checks = {{std::nullopt, "(AGE >= 0)"}};
    current.foreign_keys = {foreign_key({"age"}, "Users", {})};
    Table target = keyed_table("users", {column("age", "integer"), column("BIO", "text")});
    target.columns[1].default_sql = "'none'";
    target.indexes = {index("ix_age", {"AGE"})};
    target.indexes[0].where = "age > 0";
    target.checks = {{std::nullopt, "age >= 0"}};
    target.foreign_keys = {foreign_key({"Age"}, "users", {"ID"})};
    CHECK(diff(Schema{{current}, {}}, Schema{{target}, {}}).empty());
}

TEST_CASE("equal schemas give an empty plan") {
    CHECK(diff(current_schema(), current_schema()).empty());
    CHECK(diff(Schema{}, Schema{}).empty());
}

TEST_CASE("diffing 10,000 tables takes time linear in their number") {
    constexpr int kTables = 10000;
    Schema current;
    Schema target;
    for (int i = 0; i < kTables; ++i) {
        const std::string name = "table_" + std::to_string(i);
        current.tables.push_back(keyed_table(name, {column("a"), column("b", "text")}));
        Table changed = keyed_table(name, {column("a", "bigint"), column("c", "text")});
        changed.indexes = {index("ix_" + name, {"a"})};
        target.tables.push_back(std::move(changed));
        // A chain of new tables, each referencing the one before it.
        Table chained = keyed_table("new_" + std::to_string(i), {column("prev_id")});
        if (i > 0)
            chained.foreign_keys = {foreign_key({"prev_id"}, "new_" + std::to_string(i - 1))};
        target.tables.push_back(std::move(chained));
    }
    const auto start = std::chrono::steady_clock::now();
    const Plan plan = diff(current, target);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(plan.operations.size() == static_cast<std::size_t>(kTables) * 5);
    CHECK(std::get<CreateTable>(plan.operations[0]).table.name == "new_0");
    CHECK(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count() < 30);
}

}  // namespace schemadiff::diff::test
