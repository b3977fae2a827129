// [autogenerate.naming_convention] end to end on real SQLite files: the names reach the script
// and the database, `check` reads them back without a difference, and a bad template is one
// error line naming the file and line.
#include <doctest/doctest.h>

#include "sqlite_file.hpp"
#include "workflow_support.hpp"

namespace schemadiff::cli::testing {

namespace {

const std::string kConvention = R"(
[autogenerate.naming_convention]
pk = "pk_%(table_name)s"
fk = "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s"
uq = "uq_%(table_name)s_%(column_0_N_name)s"
ix = "ix_%(table_name)s_%(column_0_N_name)s"
ck = "ck_%(table_name)s"
)";

// Everything unnamed; "order" and "Total Amount" need quoting in every name built from them.
const std::string kModels = R"([
 {"name": "users", "columns": [
    {"name": "id", "type": "integer", "nullable": false},
    {"name": "email", "type": "text", "nullable": false},
    {"name": "age", "type": "integer"}],
  "primary_key": {"columns": ["id"]},
  "unique_constraints": [{"columns": ["email"]}],
  "checks": [{"expression": "age >= 0"}, {"expression": "length(email) > 3"}]},
 {"name": "order", "columns": [
    {"name": "id", "type": "integer", "nullable": false},
    {"name": "user_id", "type": "integer", "nullable": false},
    {"name": "Total Amount", "type": "integer"}],
  "primary_key": {"columns": ["id"]},
  "unique_constraints": [{"columns": ["user_id", "Total Amount"]}],
  "foreign_keys": [{"columns": ["user_id"], "references": {"table": "users", "columns": []}}],
  "checks": [{"expression": "\"Total Amount\" > 0"}]}])";

std::string table_sql(const WorkflowProject& project, const std::string& table) {
    return query_text(
        project.database(),
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = '" + table + "'");
}

bool contains(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

void check_one_error_line(const CliResult& result, const std::string& needle) {
    CHECK(result.exit_code == 2);
    CHECK(result.err_lines().size() == 1);
    CHECK_MESSAGE(contains(result.err, needle), result.err);
}

}  // namespace

TEST_CASE("autogenerate names unnamed constraints by the convention and check stays clean") {
    const WorkflowProject project;
    const auto toml = project.dir() / "schemadiff.toml";
    write_file(toml, read_file(toml) + kConvention);
    project.write_models(kModels);

    const CliResult generated = project.run({"autogenerate", "-m", "create"});
    REQUIRE_MESSAGE(generated.exit_code == 0, generated.err);
    const std::string script = read_file(first_line(generated));
    for (const char* name :
         {"CONSTRAINT pk_users", "CONSTRAINT uq_users_email", "CONSTRAINT ck_users_1",
          "CONSTRAINT ck_users_2", "CONSTRAINT pk_order", "CONSTRAINT fk_order_user_id_users",
          "CONSTRAINT \"uq_order_user_id_Total Amount\"", "CONSTRAINT ck_order"}) {
        CHECK_MESSAGE(contains(script, name), name);
    }

    const CliResult upgraded = project.run({"upgrade", "head"});
    REQUIRE_MESSAGE(upgraded.exit_code == 0, upgraded.err);
    CHECK(contains(table_sql(project, "users"), "ck_users_1"));
    CHECK(contains(table_sql(project, "order"), "fk_order_user_id_users"));
    const CliResult clean = project.run({"check"});
    CHECK_MESSAGE(clean.exit_code == 0, (clean.out + clean.err));
    CHECK(project.run({"autogenerate", "-m", "nothing"}).exit_code == 0);
    CHECK(project.scripts().size() == 1);  // no change: nothing written
}

TEST_CASE("without a convention the model JSON is taken as written") {
    const WorkflowProject project;
    project.write_models(kModels);
    const CliResult generated = project.run({"autogenerate", "-m", "create"});
    REQUIRE_MESSAGE(generated.exit_code == 0, generated.err);
    CHECK_FALSE(contains(read_file(first_line(generated)), "CONSTRAINT"));
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    CHECK(project.run({"check"}).exit_code == 0);
}

TEST_CASE("a convention turned on later renames nothing that has no name in the database") {
    const WorkflowProject project;
    project.write_models(kModels);
    REQUIRE(project.run({"autogenerate", "-m", "create"}).exit_code == 0);
    REQUIRE(project.run({"upgrade", "head"}).exit_code == 0);
    const auto toml = project.dir() / "schemadiff.toml";
    write_file(toml, read_file(toml) + kConvention);
    const CliResult after = project.run({"check"});
    CHECK_MESSAGE(after.exit_code == 0, (after.out + after.err));
}

TEST_CASE("the naming convention init writes is valid once uncommented") {
    const WorkflowProject project;
    const auto toml = project.dir() / "schemadiff.toml";
    std::string text = read_file(toml);
    REQUIRE(contains(text, "# [autogenerate.naming_convention]"));
    const std::size_t start = text.find("# [autogenerate.naming_convention]");
    std::string tail = text.substr(start);
    for (std::size_t at = 0; (at = tail.find("# ", at)) != std::string::npos; ++at) {
        if (at == 0 || tail[at - 1] == '\n') tail.erase(at, 2);
    }
    write_file(toml, text.substr(0, start) + tail);
    project.write_models(kModels);
    const CliResult generated = project.run({"autogenerate", "-m", "create"});
    REQUIRE_MESSAGE(generated.exit_code == 0, generated.err);
    CHECK(contains(read_file(first_line(generated)), "CONSTRAINT fk_order_user_id_users"));
}

TEST_CASE("a bad naming convention is one error line naming the file, line and key") {
    const WorkflowProject project;
    const auto toml = project.dir() / "schemadiff.toml";
    write_file(toml,
               "[autogenerate.naming_convention]\npk = \"pk\"\nuq = \"uq_%(colum_0_name)s\"\n");
    const CliResult token = project.run({"heads"});
    check_one_error_line(token, "naming convention uq: unknown token %(colum_0_name)s");
    CHECK(contains(token.err, "schemadiff.toml:3"));

    write_file(toml, "[autogenerate.naming_convention]\nck = \"ck_%(column_0_name)s\"\n");
    check_one_error_line(project.run({"heads"}), "cannot be used for ck");

    write_file(toml, "[autogenerate.naming_convention]\n\npx = \"pk_%(table_name)s\"\n");
    const CliResult key = project.run({"heads"});
    check_one_error_line(key, "unknown key: autogenerate.naming_convention.px");
    CHECK(contains(key.err, "schemadiff.toml:3"));

    write_file(toml, "[autogenerate.naming_convention]\nfk = 1\n");
    check_one_error_line(project.run({"heads"}),
                         "must be a string: autogenerate.naming_convention.fk");

    write_file(toml, "[autogenerate]\nnaming_convention = \"pk_%(table_name)s\"\n");
    check_one_error_line(project.run({"heads"}), "must be a table: autogenerate.naming_convention");
}

}  // namespace schemadiff::cli::testing
