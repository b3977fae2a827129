// A schema declared in C++ and created on a real SQLite database reads back with no difference:
// registry schema -> CREATE SQL through the SQLite dialect -> execute -> read the catalog ->
// diff_schemas(read, model) is empty.
#include <doctest/doctest.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "schemadiff/diff/diff.hpp"
#include "schemadiff/emit/report.hpp"
#include "schemadiff/emit/sql.hpp"
#include "schemadiff/reflect/registry.hpp"
#include "schemadiff/sqlite/sqlite_connection.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "test_models.hpp"

namespace round_trip {

enum class Level : std::int8_t { Low, Mid, High };

struct AllTypes {
    std::int64_t id;
    std::int16_t small;
    std::int32_t medium;
    bool flag;
    float ratio;
    double score;
    std::string body;
    schemadiff::reflect::Varchar<40> code;
    schemadiff::reflect::Numeric<12, 3> amount;
    schemadiff::reflect::Json payload;
    schemadiff::reflect::Uuid token;
    std::chrono::year_month_day born_on;
    std::chrono::system_clock::time_point created_at;
    std::chrono::hh_mm_ss<std::chrono::seconds> opens_at;
    std::vector<std::byte> blob;
    Level level;
    std::optional<std::int32_t> maybe_int;
    std::optional<std::string> maybe_text;
    std::optional<Level> maybe_level;
    std::optional<double> größe;  // non-ASCII
    std::int32_t MixedCase;
};

inline auto describe_model(schemadiff::reflect::model_tag<AllTypes>) {
    return schemadiff::reflect::table<AllTypes>("all types")
        .primary_key(&AllTypes::id)
        .server_default(&AllTypes::flag, "0")
        .server_default(&AllTypes::body, "'it''s'")
        .unique({&AllTypes::code, &AllTypes::token})
        .index({schemadiff::reflect::expression("lower(body)")})
        // PostgreSQL-only parts: SQLite creates the index without them and compares likewise.
        .index("ix_payload",
               {schemadiff::reflect::operator_class(&AllTypes::payload, "jsonb_path_ops")})
        .method("gin")
        .check("score >= 0");
}

struct BigKey {
    std::int64_t id;
    std::string label;
};

}  // namespace round_trip

namespace {

using schemadiff::Schema;

std::string report(const schemadiff::Plan& plan) {
    const schemadiff::sqlite::SqliteDialect dialect;
    return schemadiff::emit::render_text_report(plan, dialect);
}

// Creates `model` on a fresh in-memory database through the dialect and reads it back.
Schema created_and_read(const Schema& model) {
    const schemadiff::sqlite::SqliteDialect dialect;
    const auto plan = schemadiff::diff::diff_schemas(Schema{}, model, {.dialect = &dialect});
    const auto script = schemadiff::emit::emit_sql(plan, dialect);
    const std::string sql = schemadiff::emit::render_sql(script, {.wrap_in_transaction = true});
    CAPTURE(sql);
    auto db =
        schemadiff::sqlite::open_sqlite(":memory:", schemadiff::sqlite::OpenMode::ReadWriteCreate);
    db->execute(sql);
    return db->read_schema({});
}

void check_no_difference(const Schema& model) {
    const schemadiff::sqlite::SqliteDialect dialect;
    const Schema read = created_and_read(model);
    const auto plan = schemadiff::diff::diff_schemas(read, model, {.dialect = &dialect});
    CHECK_MESSAGE(plan.empty(), report(plan));
    CHECK(read.tables.size() == model.tables.size());
}

}  // namespace

TEST_CASE("the bookshop models created on SQLite read back with no difference") {
    schemadiff::reflect::Registry models;
    models.add<shop::Author>().add<shop::Book>().add<shop::BookTag>();
    check_no_difference(models.schema());
}

TEST_CASE("every supported field type created on SQLite reads back with no difference") {
    schemadiff::reflect::Registry models;
    models.add<round_trip::AllTypes>();
    check_no_difference(models.schema());
}

TEST_CASE("models without a naming convention read back with no difference") {
    schemadiff::reflect::Registry models;
    models.naming_convention({});
    models.add<shop::Author>().add<shop::Book>();
    check_no_difference(models.schema());
}

// SQLite accepts AUTOINCREMENT only on a column declared exactly INTEGER PRIMARY KEY (64-bit in
// SQLite), so a bigint autoincrement key is created as INTEGER and must still compare equal.
TEST_CASE("a bigint autoincrement key reads back from SQLite with no difference") {
    schemadiff::reflect::Registry models;
    models.add_table(schemadiff::reflect::table<round_trip::BigKey>("big_keys")
                         .primary_key(&round_trip::BigKey::id)
                         .autoincrement(&round_trip::BigKey::id)
                         .to_table());
    check_no_difference(models.schema());
}

TEST_CASE("renamed_from on a table and a column gives renames, not drops, against SQLite") {
    // The database as the previous model version left it: tags(book_id, tag, "Tag Weight").
    const schemadiff::sqlite::SqliteDialect dialect;
    schemadiff::reflect::Registry models;
    models.add<shop::Author>().add<shop::Book>().add<shop::BookTag>();
    Schema previous = models.schema();
    for (auto& table : previous.tables) {
        if (table.name == "book_tags") table.name = "tags";
        table.renamed_from.reset();
        for (auto& column : table.columns) {
            if (column.name == "subtitle") column.name = "tagline";
            column.renamed_from.reset();
        }
    }
    schemadiff::canonicalize(previous);
    const Schema read = created_and_read(previous);
    const auto plan = schemadiff::diff::diff_schemas(read, models.schema(), {.dialect = &dialect});
    const std::string text = report(plan);
    CAPTURE(text);
    CHECK(text.find("rename table tags") != std::string::npos);
    CHECK(text.find("tagline") != std::string::npos);
    CHECK(text.find("drop column") == std::string::npos);
    CHECK(text.find("drop table") == std::string::npos);
}
