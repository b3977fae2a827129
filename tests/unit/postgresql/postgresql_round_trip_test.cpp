// A schema created from a model through the PostgreSQL dialect and read back through the
// catalog reader differs from the model in nothing: the property that keeps a freshly migrated
// database free of false differences, on every type and on awkward names.
#include <doctest/doctest.h>

#include <algorithm>

#include "postgresql_plan_support.hpp"
#include "schemadiff/emit/report.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;
using diff::diff_schemas;

namespace {

Column with_default(Column column, std::string expression) {
    column.default_sql = std::move(expression);
    return column;
}

Table every_type() {
    Table table;
    table.name = "every_type";
    Column id = column("id", ColumnType::of(TypeKind::BigInt), false);
    id.is_autoincrement = true;
    ColumnType mood = ColumnType::enumeration({"sad", "it's ok", "happy"});
    table.columns = {
        id,
        column("small", ColumnType::of(TypeKind::SmallInt)),
        with_default(column("whole", ColumnType::of(TypeKind::Integer), false), "0"),
        with_default(column("flag", ColumnType::of(TypeKind::Boolean)), "true"),
        column("ratio", ColumnType::of(TypeKind::Real)),
        column("precise", ColumnType::of(TypeKind::Double)),
        with_default(column("price", ColumnType::numeric(10, 2)), "1.50"),
        column("amount", ColumnType::of(TypeKind::Numeric)),
        with_default(column("code", ColumnType::string(20)), "'n/a'"),
        column("body", ColumnType::of(TypeKind::Text)),
        column("blob", ColumnType::of(TypeKind::Binary)),
        column("day", ColumnType::of(TypeKind::Date)),
        column("at_time", ColumnType::of(TypeKind::Time)),
        with_default(column("created", ColumnType::of(TypeKind::Timestamp)), "CURRENT_TIMESTAMP"),
        column("uid", ColumnType::of(TypeKind::Uuid)),
        column("doc", ColumnType::of(TypeKind::Json)),
        column("mood", mood),
        column("tags", ColumnType::raw_type("integer[]")),
    };
    ColumnType timetz = ColumnType::of(TypeKind::Time);
    timetz.with_timezone = true;
    table.columns.push_back(column("at_zone", timetz));
    ColumnType timestamptz = ColumnType::of(TypeKind::Timestamp);
    timestamptz.with_timezone = true;
    table.columns.push_back(column("stamped", timestamptz));
    Column doubled = column("doubled", ColumnType::of(TypeKind::Integer));
    doubled.generated = GeneratedColumn{"whole * 2", true};
    table.columns.push_back(doubled);
    Column sorted = column("sorted", ColumnType::string(10));
    sorted.collation = "C";
    table.columns.push_back(sorted);
    table.primary_key.columns = {"id"};
    table.unique_constraints = {UniqueConstraint{"uq_every_type_code", {"code"}}};
    table.checks = {CheckConstraint{std::nullopt, "price >= 0"}};
    table.indexes = {
        Index{.name = "ix_every_type_code", .parts = {IndexPart{.column = "code"}}},
        Index{
            .name = "ix_every_type_tags", .parts = {IndexPart{.column = "tags"}}, .method = "gin"},
        Index{.name = "ix_every_type_recent",
              .parts = {IndexPart{.column = "created", .is_descending = true},
                        IndexPart{.column = "small", .is_descending = true, .nulls_first = false}},
              .where = "flag"}};
    table.comment = "every portable type";
    return table;
}

Table odd_names() {
    Table table;
    table.name = "Order";
    Column identity = column("Id", ColumnType::of(TypeKind::Integer), false);
    identity.is_autoincrement = true;
    identity.identity = IdentityKind::Always;
    Column named_enum = column("état", ColumnType::enumeration({"neu", "alt"}));
    named_enum.type.enum_name = "Zustand";
    table.columns = {
        identity,
        column("select", ColumnType::string(40), false),
        column("with space", ColumnType::of(TypeKind::Text)),
        column("quote\"d", ColumnType::of(TypeKind::Integer)),
        named_enum,
        column("customer_id", ColumnType::of(TypeKind::Integer)),
    };
    table.columns[2].comment = "a column with a space";
    table.primary_key.columns = {"Id"};
    table.unique_constraints = {UniqueConstraint{std::nullopt, {"select", "with space"}}};
    table.checks = {CheckConstraint{"ck_order_quote", "\"quote\"\"d\" > 0"}};
    Column counter = column("counter", ColumnType::of(TypeKind::BigInt), false);
    counter.is_autoincrement = true;
    counter.identity = IdentityKind::ByDefault;
    table.columns.push_back(counter);
    table.columns.push_back(column("code", ColumnType::string(20)));
    table.foreign_keys = {ForeignKey{.name = "fk_order_code",
                                     .columns = {"code"},
                                     .referenced_table = "every_type",
                                     .referenced_columns = {"code"},
                                     .on_update = ForeignKeyAction::Cascade,
                                     .is_match_full = true},
                          ForeignKey{.columns = {"customer_id"},
                                     .referenced_table = "every_type",
                                     .referenced_columns = {"id"},
                                     .on_delete = ForeignKeyAction::SetNull,
                                     .is_deferrable = true,
                                     .is_initially_deferred = true}};
    table.indexes = {Index{.name = "ix_Order_mixed",
                           .parts = {IndexPart{.column = "select", .is_descending = true},
                                     IndexPart{.column = "with space", .nulls_first = true}},
                           .include = {"quote\"d"}},
                     Index{.name = "ix order lower",
                           .parts = {IndexPart{.expression = "lower(\"with space\")"}},
                           .is_unique = true,
                           .where = "\"quote\"\"d\" > 0"}};
    return table;
}

Schema created_and_read(const Schema& model, const DatabaseUrl& server) {
    const ScratchDatabase db(server);
    auto connection = db.open();
    const auto& dialect = postgresql::postgresql_dialect();
    // Named enum types first, as a migration would create them.
    for (const auto& table : model.tables) {
        for (const auto& c : table.columns) {
            if (c.type.kind != TypeKind::Enum || c.type.enum_name.empty()) continue;
            std::string values;
            for (const auto& value : c.type.enum_values) {
                values += (values.empty() ? "" : ", ") + dialect.quote_string(value);
            }
            connection->execute("CREATE TYPE " + dialect.quote_identifier(c.type.enum_name) +
                                " AS ENUM (" + values + ")");
        }
    }
    // Referenced tables first: every_type before "Order".
    std::vector<const Table*> tables;
    for (const auto& table : model.tables) tables.push_back(&table);
    std::sort(tables.begin(), tables.end(), [](const Table* a, const Table* b) {
        return a->foreign_keys.size() < b->foreign_keys.size();
    });
    for (const Table* table : tables) create(*connection, *table);
    return read(db);
}

}  // namespace

TEST_CASE("a wide schema created from a model reads back with an empty diff") {
    const auto server = test_server();
    if (!server) return;
    Schema model;
    model.tables = {every_type(), odd_names()};
    canonicalize(model);
    const Schema read = created_and_read(model, *server);
    const Plan forward = diff_schemas(read, model, options());
    CHECK_MESSAGE(forward.empty(), emit::render_json_report(forward));
    const Plan backward = diff_schemas(model, read, options());
    CHECK_MESSAGE(backward.empty(), emit::render_json_report(backward));
    // Names the model left out are the database's; everything else is the model's.
    const Table& order = table_named(read, "Order");
    CHECK(order.primary_key.name == "Order_pkey");
    CHECK(column_named(order, "Id").identity == IdentityKind::Always);
    CHECK(column_named(order, "état").type.enum_name == "Zustand");
    CHECK(order.foreign_keys.size() == 2);
    CHECK(table_named(read, "every_type").indexes.size() == 3);
    CHECK(table_named(read, "every_type").checks.size() == 1);  // the enum's CHECK is its type
    CHECK(column_named(table_named(read, "every_type"), "mood").type ==
          ColumnType::enumeration({"sad", "it's ok", "happy"}));
}

TEST_CASE("reading a database twice gives equal schemas, and a diff with itself is empty") {
    const auto server = test_server();
    if (!server) return;
    Schema model;
    model.tables = {every_type(), odd_names()};
    canonicalize(model);
    const Schema read = created_and_read(model, *server);
    const Plan plan = diff_schemas(read, read, options());
    CHECK_MESSAGE(plan.empty(), emit::render_json_report(plan));
    const Schema again = created_and_read(model, *server);
    CHECK(again == read);
}
