// emit_sql and render_sql: statements in plan order, findings as comments on their statements
// and summarised in the header, the transaction groups, and the exact script text.
#include "ansi_dialect.hpp"
#include "golden.hpp"
#include "schemadiff/emit/sql.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"

using namespace schemadiff;

namespace {

const testing::AnsiDialect kAnsi;

// Creates indexes outside the transaction, as PostgreSQL's CREATE INDEX CONCURRENTLY must.
class ConcurrentIndexDialect final : public testing::AnsiDialect {
public:
    [[nodiscard]] bool requires_no_transaction(const Operation& op) const override {
        return std::holds_alternative<CreateIndex>(op);
    }
};

Column column(std::string name, ColumnType type) {
    Column out;
    out.name = std::move(name);
    out.type = std::move(type);
    return out;
}

Index index_on(std::string name, std::string column_name) {
    return {std::move(name),
            {{std::move(column_name), std::nullopt, false, std::nullopt}},
            false,
            std::nullopt};
}

// add users.email, drop users.age (data loss), create an index on email.
Plan users_plan() {
    Plan plan;
    plan.operations = {AddColumn{"users", column("email", ColumnType::string(255))},
                       DropColumn{"users", column("age", ColumnType::of(TypeKind::Integer))},
                       CreateIndex{"users", index_on("ix_users_email", "email")}};
    plan.findings = {
        {FindingKind::DataLoss, 1, "users", "age", "drops column users.age and its data"},
        {FindingKind::ProbableRename, 1, "users", "age",
         "users.age was dropped and users.email added: maybe a rename"}};
    return plan;
}

}  // namespace

TEST_CASE("an empty plan emits an empty script and no text") {
    const emit::SqlScript script = emit::emit_sql(Plan{}, kAnsi);
    CHECK(script.empty());
    CHECK(script.header_comments.empty());
    CHECK(emit::render_sql(script, {}) == "");
}

TEST_CASE("each operation's findings are comments on its first statement") {
    const emit::SqlScript script = emit::emit_sql(users_plan(), kAnsi);
    REQUIRE(script.transactional.size() == 3);
    CHECK(script.transactional[0].comments.empty());
    CHECK(script.transactional[1].sql == "ALTER TABLE users DROP COLUMN age");
    CHECK(script.transactional[1].comments ==
          std::vector<std::string>{
              "WARNING data-loss: drops column users.age and its data",
              "WARNING probable-rename: users.age was dropped and users.email added: maybe a "
              "rename"});
    CHECK(script.before_transaction.empty());
    CHECK(script.after_transaction.empty());
}

TEST_CASE("the rendered script has the findings header and a BEGIN/COMMIT wrap") {
    CHECK(emit::render_sql(emit::emit_sql(users_plan(), kAnsi), {}) ==
          "-- 2 findings need review before this script runs:\n"
          "-- WARNING data-loss: drops column users.age and its data\n"
          "-- WARNING probable-rename: users.age was dropped and users.email added: maybe a "
          "rename\n"
          "\n"
          "BEGIN;\n"
          "ALTER TABLE users ADD COLUMN email VARCHAR(255);\n"
          "-- WARNING data-loss: drops column users.age and its data\n"
          "-- WARNING probable-rename: users.age was dropped and users.email added: maybe a "
          "rename\n"
          "ALTER TABLE users DROP COLUMN age;\n"
          "CREATE INDEX ix_users_email ON users (email);\n"
          "COMMIT;\n");
}

TEST_CASE("without the wrap the script is the bare statements") {
    Plan plan;
    plan.operations = {RenameTable{"a", "b"}};
    CHECK(emit::render_sql(emit::emit_sql(plan, kAnsi), {.wrap_in_transaction = false}) ==
          "ALTER TABLE a RENAME TO b;\n");
}

TEST_CASE("a multi-line finding becomes several comment lines and cannot escape into SQL") {
    Plan plan;
    plan.operations = {DropTable{}};
    std::get<DropTable>(plan.operations[0]).table.name = "t";
    plan.findings = {{FindingKind::DataLoss, 0, "t", "", "drops t\nDROP TABLE important;"}};
    const std::string text = emit::render_sql(emit::emit_sql(plan, kAnsi), {});
    CHECK(text.find("\n-- DROP TABLE important;\n") != std::string::npos);
    CHECK(text.find("\nDROP TABLE important") == std::string::npos);
}

TEST_CASE("operations that cannot run in a transaction follow the commit in plan order") {
    const ConcurrentIndexDialect dialect;
    Plan plan = users_plan();
    plan.operations.push_back(CreateIndex{"users", index_on("ix_b", "b")});
    const emit::SqlScript script = emit::emit_sql(plan, dialect);
    REQUIRE(script.transactional.size() == 2);
    REQUIRE(script.after_transaction.size() == 2);
    CHECK(script.after_transaction[0].sql == "CREATE INDEX ix_users_email ON users (email)");
    CHECK(script.after_transaction[1].sql == "CREATE INDEX ix_b ON users (b)");
}

TEST_CASE("a SQLite rebuild script switches foreign keys off outside the transaction") {
    const sqlite::SqliteDialect dialect;
    RebuildTable op;
    op.from.name = "t";
    op.from.columns = {column("a", ColumnType::of(TypeKind::Integer))};
    op.to = op.from;
    op.to.columns[0].is_nullable = false;
    op.column_sources = {{"a", "a"}};
    Plan plan;
    plan.operations = {op};
    plan.findings = {{FindingKind::TableRebuild, 0, "t", "", "rebuilds table t"}};
    CHECK(emit::render_sql(emit::emit_sql(plan, dialect), {}) ==
          "-- 1 finding needs review before this script runs:\n"
          "-- WARNING table-rebuild: rebuilds table t\n"
          "\n"
          "PRAGMA foreign_keys=OFF;\n"
          "BEGIN;\n"
          "-- WARNING table-rebuild: rebuilds table t\n"
          "CREATE TABLE _schemadiff_new_t (\n"
          "    a INTEGER NOT NULL\n"
          ");\n"
          "INSERT INTO _schemadiff_new_t (a)\n"
          "SELECT a\n"
          "FROM t;\n"
          "DROP TABLE t;\n"
          "PRAGMA legacy_alter_table=ON;\n"
          "ALTER TABLE _schemadiff_new_t RENAME TO t;\n"
          "PRAGMA legacy_alter_table=OFF;\n"
          "PRAGMA foreign_key_check;\n"
          "COMMIT;\n"
          "PRAGMA foreign_keys=ON;\n");
}

TEST_CASE("the same plan emits the same bytes") {
    const Plan plan = users_plan();
    CHECK(emit::render_sql(emit::emit_sql(plan, kAnsi), {}) ==
          emit::render_sql(emit::emit_sql(plan, kAnsi), {}));
}
