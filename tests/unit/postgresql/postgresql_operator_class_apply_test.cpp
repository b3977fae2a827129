// Index operator classes on a real server: a model's operator classes are created, read back
// exactly (and only where they are not the default), compare equal however the default is
// spelled, and a change of operator class drops and recreates the index.
#include <doctest/doctest.h>

#include <algorithm>

#include "postgresql_plan_support.hpp"
#include "schemadiff/emit/report.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;

namespace {

Index index_of(std::string name, std::vector<IndexPart> parts, std::string method = {}) {
    Index index;
    index.name = std::move(name);
    index.parts = std::move(parts);
    index.method = std::move(method);
    return index;
}

// Columns of every type the built-in operator classes below take.
Table documents(std::vector<Index> indexes) {
    Table table;
    table.name = "docs";
    table.columns = {column("id", ColumnType::of(TypeKind::Integer)),
                     column("doc", ColumnType::of(TypeKind::Json)),
                     column("title", ColumnType::of(TypeKind::Text)),
                     column("code", ColumnType::string(20))};
    table.columns[0].is_nullable = false;
    table.primary_key.columns = {"id"};
    table.indexes = std::move(indexes);
    return table;
}

const Index& index_named(const Table& table, std::string_view name) {
    const auto found = std::find_if(table.indexes.begin(), table.indexes.end(),
                                    [&](const Index& index) { return index.name == name; });
    REQUIRE_MESSAGE(found != table.indexes.end(), "no index " << name);
    return *found;
}

template <class Op>
std::size_t count_of(const Plan& plan) {
    return static_cast<std::size_t>(
        std::count_if(plan.operations.begin(), plan.operations.end(),
                      [](const Operation& op) { return std::holds_alternative<Op>(op); }));
}

}  // namespace

TEST_CASE("operator classes of column, expression and descending parts read back exactly") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    IndexPart lowered{.expression = "lower(title)"};
    lowered.operator_class = "text_pattern_ops";
    IndexPart descending = classed("title", "text_pattern_ops");
    descending.is_descending = true;
    descending.nulls_first = false;
    const Table model =
        documents({index_of("ix_doc_path", {classed("doc", "jsonb_path_ops")}, "gin"),
                   index_of("ix_title_pattern", {classed("title", "text_pattern_ops")}),
                   index_of("ix_code_pattern",
                            {classed("code", "varchar_pattern_ops"), classed("id", std::nullopt)}),
                   index_of("ix_lower_title", {lowered}), index_of("ix_title_desc", {descending})});
    create(*db.open(), model);

    const Schema database = read(db);
    const Table& docs = table_named(database, "docs");
    CHECK(index_named(docs, "ix_doc_path").parts[0].operator_class == "jsonb_path_ops");
    CHECK(index_named(docs, "ix_doc_path").method == "gin");
    CHECK(index_named(docs, "ix_title_pattern").parts[0].operator_class == "text_pattern_ops");
    const Index& code = index_named(docs, "ix_code_pattern");
    CHECK(code.parts[0].operator_class == "varchar_pattern_ops");
    CHECK_FALSE(code.parts[1].operator_class.has_value());
    CHECK(index_named(docs, "ix_lower_title").parts[0].operator_class == "text_pattern_ops");
    const IndexPart& desc = index_named(docs, "ix_title_desc").parts[0];
    CHECK(desc.operator_class == "text_pattern_ops");
    CHECK(desc.is_descending);
    CHECK(desc.nulls_first == false);

    const Plan plan = diff_schemas(database, schema_of(model), options());
    CHECK_MESSAGE(plan.empty(), emit::render_json_report(plan));
}

TEST_CASE("a model spelling the default operator class shows no change") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    IndexPart lowered{.expression = "lower(title)"};
    lowered.operator_class = "pg_catalog.text_ops";
    const Table model = documents({index_of("ix_doc", {classed("doc", "jsonb_ops")}, "gin"),
                                   index_of("ix_title", {classed("title", "text_ops")}, "btree"),
                                   index_of("ix_code", {classed("code", "text_ops")}),
                                   index_of("ix_id", {classed("id", "int4_ops")}, "hash"),
                                   index_of("ix_lower", {lowered})});
    create(*db.open(), model);

    const Schema database = read(db);
    for (const Index& index : table_named(database, "docs").indexes) {
        CAPTURE(index.name);
        CHECK_FALSE(index.parts[0].operator_class.has_value());
    }
    const Plan plan = diff_schemas(database, schema_of(model), options());
    CHECK_MESSAGE(plan.empty(), emit::render_json_report(plan));
}

TEST_CASE("a change of operator class drops and recreates the index, and back") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    const Table start = documents({index_of("ix_title", {classed("title", std::nullopt)}),
                                   index_of("ix_doc", {classed("doc", std::nullopt)}, "gin")});
    create(*connection, start);
    connection->execute("INSERT INTO docs VALUES (1, '{\"a\": 1}', 'Abc', 'x')");
    const Table target = documents({index_of("ix_title", {classed("title", "text_pattern_ops")}),
                                    index_of("ix_doc", {classed("doc", "jsonb_path_ops")}, "gin")});

    const Plan upgrade = diff_schemas(read(db), schema_of(target), options());
    CHECK(count_of<DropIndex>(upgrade) == 2);
    CHECK(count_of<CreateIndex>(upgrade) == 2);
    CHECK(upgrade.operations.size() == 4);
    apply(*connection, upgrade);
    const Plan after = diff_schemas(read(db), schema_of(target), options());
    CHECK_MESSAGE(after.empty(), emit::render_json_report(after));

    const Plan downgrade = diff_schemas(read(db), schema_of(start), options());
    CHECK(downgrade.operations.size() == 4);
    apply(*connection, downgrade);
    const Plan back = diff_schemas(read(db), schema_of(start), options());
    CHECK_MESSAGE(back.empty(), emit::render_json_report(back));
    CHECK(connection->query("SELECT title FROM docs").size() == 1);
}

TEST_CASE("odd names and an operator class outside the search path round-trip") {
    const auto server = test_server();
    if (!server) return;
    const ScratchDatabase db(*server);
    auto connection = db.open();
    // A btree class of its own, in a schema that is not on the search path.
    connection->execute("CREATE SCHEMA \"Odd Ops\"");
    connection->execute(
        "CREATE OPERATOR CLASS \"Odd Ops\".\"Text Ops\" FOR TYPE text USING btree AS"
        " OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,"
        " FUNCTION 1 bttextcmp(text, text)");
    Table model;
    model.name = "Order Items";
    model.columns = {column("order", ColumnType::of(TypeKind::Text)),
                     column("Naïve \"Name\"", ColumnType::of(TypeKind::Text))};
    IndexPart reserved = classed("order", "Odd Ops.Text Ops");
    reserved.is_descending = true;
    model.indexes = {index_of("Ix \"Odd\"", {reserved, classed("Naïve \"Name\"", std::nullopt)}),
                     index_of("ix_naive", {classed("Naïve \"Name\"", "text_pattern_ops")})};
    create(*connection, model);

    const Schema database = read(db);
    const Table& items = table_named(database, "Order Items");
    CHECK(index_named(items, "Ix \"Odd\"").parts[0].operator_class == "Odd Ops.Text Ops");
    CHECK(index_named(items, "ix_naive").parts[0].operator_class == "text_pattern_ops");
    const Plan plan = diff_schemas(database, schema_of(model), options());
    CHECK_MESSAGE(plan.empty(), emit::render_json_report(plan));

    Table changed = model;
    changed.indexes[0].parts[0].operator_class.reset();
    const Plan upgrade = diff_schemas(database, schema_of(changed), options());
    CHECK(upgrade.operations.size() == 2);
    apply(*connection, upgrade);
    const Plan after = diff_schemas(read(db), schema_of(changed), options());
    CHECK_MESSAGE(after.empty(), emit::render_json_report(after));
}
