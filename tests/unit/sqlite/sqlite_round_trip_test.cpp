// A table created through the SQLite dialect and read back through the catalog reader is the same
// table: the property that keeps a freshly migrated database free of false differences.
#include <doctest/doctest.h>

#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "sqlite_test_support.hpp"

using namespace schemadiff;

namespace {

Column column(std::string name, ColumnType type, bool nullable = true,
              std::optional<std::string> default_sql = std::nullopt) {
    Column out;
    out.name = std::move(name);
    out.type = std::move(type);
    out.is_nullable = nullable;
    out.default_sql = std::move(default_sql);
    return out;
}

Schema created_and_read(const std::vector<Table>& tables) {
    const sqlite::SqliteDialect dialect;
    auto db = sqlite::open_sqlite(":memory:", sqlite::OpenMode::ReadWriteCreate);
    for (const auto& table : tables) {
        for (const auto& statement : dialect.create_table(table)) {
            CAPTURE(statement);
            db->execute(statement);
        }
    }
    return db->read_schema({});
}

}  // namespace

TEST_CASE("a table created by the SQLite dialect reads back equal") {
    Table customers;
    customers.name = "customers";
    customers.columns = {column("id", ColumnType::of(TypeKind::Integer), false),
                         column("email", ColumnType::string(255), false)};
    customers.primary_key.columns = {"id"};
    customers.unique_constraints = {{"uq_customers_email", {"email"}}};

    Table orders;
    orders.name = "order";  // a reserved word
    Column id = column("id", ColumnType::of(TypeKind::BigInt), false);
    orders.columns = {
        id,
        column("customer_id", ColumnType::of(TypeKind::Integer), false),
        column("status", ColumnType::enumeration({"new", "paid", "it's"}), false, "'new'"),
        column("total", ColumnType::numeric(10, 2), false, "0"),
        column("Mixed Case", ColumnType::of(TypeKind::Text)),
        column("paid", ColumnType::of(TypeKind::Boolean), false, "FALSE"),
        column("created_at", ColumnType::of(TypeKind::Timestamp), true, "CURRENT_TIMESTAMP"),
        column("ref", ColumnType::of(TypeKind::Uuid)),
        column("payload", ColumnType::of(TypeKind::Json)),
        column("raw_bytes", ColumnType::of(TypeKind::Binary)),
        column("ratio", ColumnType::of(TypeKind::Double)),
        column("day", ColumnType::of(TypeKind::Date)),
    };
    orders.columns[4].collation = "NOCASE";
    Column doubled = column("doubled", ColumnType::of(TypeKind::BigInt));
    doubled.generated = GeneratedColumn{"id * 2", true};
    orders.columns.push_back(doubled);
    orders.primary_key = {"pk_order", {"id"}};

    Index by_status;
    by_status.name = "ix_order_status";
    IndexPart status_part;
    status_part.column = "status";
    IndexPart created_part;
    created_part.column = "created_at";
    created_part.is_descending = true;
    by_status.parts = {status_part, created_part};
    by_status.where = "paid = 0";
    orders.indexes = {by_status};
    orders.unique_constraints = {{"uq_order_ref", {"ref"}}};
    ForeignKey to_customer;
    to_customer.name = "fk_order_customer";
    to_customer.columns = {"customer_id"};
    to_customer.referenced_table = "customers";
    to_customer.referenced_columns = {"id"};
    to_customer.on_delete = ForeignKeyAction::Cascade;
    orders.foreign_keys = {to_customer};
    orders.checks = {{"ck_order_total", "total >= 0"}};

    Schema expected;
    expected.tables = {customers, orders};
    canonicalize(expected);
    const Schema actual = created_and_read({customers, orders});
    REQUIRE(actual.tables.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        const Table& want = expected.tables[i];
        const Table& got = actual.tables[i];
        CAPTURE(want.name);
        REQUIRE(got.columns.size() == want.columns.size());
        for (std::size_t c = 0; c < want.columns.size(); ++c) {
            CAPTURE(want.columns[c].name);
            CHECK(got.columns[c] == want.columns[c]);
        }
        CHECK(got.primary_key == want.primary_key);
        CHECK(got.indexes == want.indexes);
        CHECK(got.unique_constraints == want.unique_constraints);
        CHECK(got.foreign_keys == want.foreign_keys);
        CHECK(got.checks == want.checks);
        CHECK(got == want);
    }
}
