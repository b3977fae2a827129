#include "no_false_positive_support.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <stdexcept>

#include "runner/catalog_compare.hpp"
#include "runner/script_apply.hpp"
#include "schemadiff/core/column_type.hpp"
#include "schemadiff/core/schema_json.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/drivers/registry.hpp"
#include "schemadiff/emit/sql.hpp"

namespace schemadiff::acceptance::nfp {

namespace {

const Dialect& sqlite_dialect() { return drivers::dialect_for("sqlite"); }

}  // namespace

std::filesystem::path fresh_file() {
    static int counter = 0;
    const auto dir =
        std::filesystem::temp_directory_path() / ("schemadiff-nfp-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / (std::to_string(++counter) + ".db");
    std::filesystem::remove(path);
    return path;
}

void remove_file(const std::filesystem::path& path) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    std::filesystem::remove(path.parent_path(), ignored);  // only once empty
}

Plan plan_between(const Schema& from, const Schema& to) {
    return diff::diff_schemas(from, to, {.dialect = &sqlite_dialect()});
}

namespace {

// Creates `model` on a fresh SQLite file with the emitted SQL and reads it back.
Schema create_and_read(const Schema& model) {
    const auto path = fresh_file();
    const auto script = emit::emit_sql(plan_between({}, model), sqlite_dialect());
    try {
        apply_script(path, script, "create");
    } catch (const std::exception& e) {
        remove_file(path);
        throw std::runtime_error(std::string(e.what()) + "\nemitted SQL:\n" +
                                 emit::render_sql(script, {}));
    }
    auto readback = read_database(path);
    remove_file(path);
    return readback;
}

}  // namespace

// The no-false-positive check: both directions must be empty.
void check_no_change(const Schema& model, const Schema& readback) {
    const auto forward = plan_between(readback, model);
    CHECK_MESSAGE(forward.empty(), "diff(readback, model):\n"
                                       << describe_operations(forward)
                                       << describe_difference(model, readback));
    const auto backward = plan_between(model, readback);
    CHECK_MESSAGE(backward.empty(), "diff(model, readback):\n" << describe_operations(backward));
}

void check_model(const Schema& model, const std::string& label) {
    INFO("model " << label << ":\n" << schema_to_json(model));
    Schema readback;
    try {
        readback = create_and_read(model);
    } catch (const std::exception& e) {
        FAIL_CHECK((std::string("creating and reading ") + label + " failed: " + e.what()));
        return;
    }
    check_no_change(model, readback);
}

Column column(std::string name, const std::string& type, bool is_nullable,
              std::optional<std::string> default_sql) {
    Column c;
    c.name = std::move(name);
    c.type = parse_column_type(type);
    c.is_nullable = is_nullable;
    c.default_sql = std::move(default_sql);
    return c;
}

IndexPart part(std::string column_name, bool is_descending, std::optional<std::string> collation) {
    IndexPart p;
    p.column = std::move(column_name);
    p.is_descending = is_descending;
    p.collation = std::move(collation);
    return p;
}

IndexPart expression_part(std::string expression) {
    IndexPart p;
    p.expression = std::move(expression);
    return p;
}

Index index(std::string name, std::vector<IndexPart> parts, bool is_unique,
            std::optional<std::string> where) {
    Index i;
    i.name = std::move(name);
    i.parts = std::move(parts);
    i.is_unique = is_unique;
    i.where = std::move(where);
    return i;
}

ForeignKey foreign_key(std::optional<std::string> name, std::vector<std::string> columns,
                       std::string referenced_table, std::vector<std::string> referenced_columns) {
    ForeignKey fk;
    fk.name = std::move(name);
    fk.columns = std::move(columns);
    fk.referenced_table = std::move(referenced_table);
    fk.referenced_columns = std::move(referenced_columns);
    return fk;
}

Table table_with_id(std::string name) {
    Table table;
    table.name = std::move(name);
    table.columns.push_back(column("id", "integer", false));
    table.primary_key.columns = {"id"};
    return table;
}

Schema schema_of(std::vector<Table> tables) {
    Schema schema;
    schema.tables = std::move(tables);
    canonicalize(schema);
    return schema;
}

}  // namespace schemadiff::acceptance::nfp
