// Golden SQL of ALTER COLUMN on PostgreSQL: types with and without USING, nullability,
// defaults, identity and serials, generated columns, enums, comments.
#include <doctest/doctest.h>

#include "postgresql_test_support.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

using namespace schemadiff;
using namespace schemadiff::testing;
using Statements = std::vector<std::string>;

namespace {

const postgresql::PostgresqlDialect kDialect;

Statements alter(const Column& from, const Column& to) {
    return kDialect.render(AlterColumn{"t", from, to});
}

Statements retype(TypeKind from, TypeKind to) {
    return alter(column("c", ColumnType::of(from)), column("c", ColumnType::of(to)));
}

ColumnType mood(std::vector<std::string> values) {
    ColumnType type = ColumnType::enumeration(std::move(values));
    type.enum_name = "mood";
    return type;
}

}  // namespace

TEST_CASE("a type change PostgreSQL casts by assignment needs no USING") {
    CHECK(retype(TypeKind::Integer, TypeKind::BigInt) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE BIGINT"});
    CHECK(retype(TypeKind::Integer, TypeKind::Text) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE TEXT"});
    CHECK(retype(TypeKind::Date, TypeKind::Timestamp) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE TIMESTAMP"});
    CHECK(alter(column("c", ColumnType::string(10)), column("c", ColumnType::string(5))) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(5)"});
}

TEST_CASE("a type change without an assignment cast gets USING column::type") {
    CHECK(retype(TypeKind::Text, TypeKind::Integer) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE INTEGER USING c::INTEGER"});
    CHECK(retype(TypeKind::Text, TypeKind::Uuid) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE UUID USING c::UUID"});
    CHECK(retype(TypeKind::Text, TypeKind::Json) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE JSONB USING c::JSONB"});
    CHECK(retype(TypeKind::Integer, TypeKind::Boolean) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE BOOLEAN USING c <> 0"});
    CHECK(retype(TypeKind::Boolean, TypeKind::SmallInt) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE SMALLINT USING c::INTEGER"});
    CHECK(retype(TypeKind::Uuid, TypeKind::Integer) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE INTEGER USING c::TEXT::INTEGER"});
    CHECK(alter(column("Odd Name", of(TypeKind::Text)), column("Odd Name", of(TypeKind::Date))) ==
          Statements{"ALTER TABLE t ALTER COLUMN \"Odd Name\" TYPE DATE USING "
                     "\"Odd Name\"::DATE"});
}

TEST_CASE("the old default is dropped before a type change and the new one set after") {
    Column from = column("c", of(TypeKind::Text));
    from.default_sql = "'0'";
    Column to = column("c", of(TypeKind::Integer));
    to.default_sql = "0";
    CHECK(alter(from, to) == Statements{"ALTER TABLE t ALTER COLUMN c DROP DEFAULT",
                                        "ALTER TABLE t ALTER COLUMN c TYPE INTEGER USING "
                                        "c::INTEGER",
                                        "ALTER TABLE t ALTER COLUMN c SET DEFAULT 0"});
    to.default_sql.reset();
    CHECK(alter(from, to) == Statements{"ALTER TABLE t ALTER COLUMN c DROP DEFAULT",
                                        "ALTER TABLE t ALTER COLUMN c TYPE INTEGER USING "
                                        "c::INTEGER"});
}

TEST_CASE("nullability, defaults, collation and comments change one statement each") {
    Column from = column("c", of(TypeKind::Text));
    Column to = from;
    to.is_nullable = false;
    to.default_sql = "'x'";
    to.comment = "note";
    CHECK(alter(from, to) == Statements{"ALTER TABLE t ALTER COLUMN c SET NOT NULL",
                                        "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x'",
                                        "COMMENT ON COLUMN t.c IS 'note'"});
    CHECK(alter(to, from) == Statements{"ALTER TABLE t ALTER COLUMN c DROP NOT NULL",
                                        "ALTER TABLE t ALTER COLUMN c DROP DEFAULT",
                                        "COMMENT ON COLUMN t.c IS NULL"});
    Column collated = from;
    collated.collation = "C";
    CHECK(alter(from, collated) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE TEXT COLLATE \"C\""});
    CHECK(alter(collated, from) ==
          Statements{"ALTER TABLE t ALTER COLUMN c TYPE TEXT COLLATE \"default\""});
}

TEST_CASE("identity is added after NOT NULL, its sequence moved past existing rows") {
    Column from = column("id", of(TypeKind::Integer), false);
    Column to = from;
    to.is_autoincrement = true;
    to.identity = IdentityKind::Always;
    CHECK(alter(from, to) ==
          Statements{"ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
                     "SELECT setval(pg_get_serial_sequence('t', 'id'), COALESCE(MAX(id), 0) + 1, "
                     "false) FROM t"});
    CHECK(alter(to, from) == Statements{"ALTER TABLE t ALTER COLUMN id DROP IDENTITY IF EXISTS"});
    Column by_default = to;
    by_default.identity = IdentityKind::ByDefault;
    CHECK(alter(to, by_default) ==
          Statements{"ALTER TABLE t ALTER COLUMN id SET GENERATED BY DEFAULT"});
    Column nullable = column("Id", of(TypeKind::BigInt));
    Column identity = nullable;
    identity.is_nullable = false;
    identity.is_autoincrement = true;
    identity.identity = IdentityKind::ByDefault;
    CHECK(
        kDialect.render(AlterColumn{"My T", nullable, identity}) ==
        Statements{"ALTER TABLE \"My T\" ALTER COLUMN \"Id\" SET NOT NULL",
                   "ALTER TABLE \"My T\" ALTER COLUMN \"Id\" ADD GENERATED BY DEFAULT AS "
                   "IDENTITY",
                   "SELECT setval(pg_get_serial_sequence('\"My T\"', 'Id'), COALESCE(MAX(\"Id\"), "
                   "0) + 1, false) FROM \"My T\""});
}

TEST_CASE("a serial is added as an owned sequence and dropped with its default") {
    Column from = column("n", of(TypeKind::BigInt), false);
    Column to = from;
    to.is_autoincrement = true;
    CHECK(alter(from, to) ==
          Statements{"CREATE SEQUENCE t_n_seq AS bigint OWNED BY t.n",
                     "ALTER TABLE t ALTER COLUMN n SET DEFAULT nextval('t_n_seq'::regclass)",
                     "SELECT setval('t_n_seq', COALESCE(MAX(n), 0) + 1, false) FROM t"});
    CHECK(alter(to, from) == Statements{"ALTER TABLE t ALTER COLUMN n DROP DEFAULT",
                                        "DROP SEQUENCE IF EXISTS t_n_seq"});
}

TEST_CASE("serial and identity switch sequences without reusing the ids of deleted rows") {
    Column serial = column("id", of(TypeKind::Integer), false);
    serial.is_autoincrement = true;
    Column identity = serial;
    identity.identity = IdentityKind::ByDefault;
    CHECK(alter(serial, identity) ==
          Statements{"ALTER TABLE t ALTER COLUMN id DROP DEFAULT",
                     "ALTER SEQUENCE IF EXISTS t_id_seq OWNED BY NONE",
                     "ALTER TABLE t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY",
                     "SELECT setval(pg_get_serial_sequence('t', 'id'), GREATEST(n, 1), n > 0) "
                     "FROM (SELECT GREATEST(MAX(id), "
                     "pg_catalog.pg_sequence_last_value('t_id_seq'::regclass), 0) AS n FROM t) "
                     "AS counter",
                     "DROP SEQUENCE IF EXISTS t_id_seq"});
    CHECK(alter(identity, serial) ==
          Statements{"CREATE SEQUENCE t_id_seq AS integer",
                     "SELECT setval('t_id_seq', GREATEST(n, 1), n > 0) FROM (SELECT "
                     "GREATEST(MAX(id), pg_catalog.pg_sequence_last_value(pg_get_serial_sequence("
                     "'t', 'id')::regclass), 0) AS n FROM t) AS counter",
                     "ALTER TABLE t ALTER COLUMN id DROP IDENTITY IF EXISTS",
                     "ALTER SEQUENCE t_id_seq OWNED BY t.id",
                     "ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('t_id_seq'::regclass)"});
}

TEST_CASE("a generated column is re-created; dropping the expression keeps the values") {
    Column from = column("total", of(TypeKind::Integer));
    from.generated = GeneratedColumn{"a + b", true};
    Column to = from;
    to.generated->expression = "a * b";
    CHECK(alter(from, to) ==
          Statements{"ALTER TABLE t DROP COLUMN total",
                     "ALTER TABLE t ADD COLUMN total INTEGER GENERATED ALWAYS AS (a * b) STORED"});
    Column plain = from;
    plain.generated.reset();
    CHECK(alter(from, plain) == Statements{"ALTER TABLE t ALTER COLUMN total DROP EXPRESSION"});
}

TEST_CASE("an inline enum swaps its CHECK around the change") {
    CHECK(alter(column("s", of(TypeKind::Integer)), column("s", ColumnType::enumeration({"1"}))) ==
          Statements{"ALTER TABLE t ALTER COLUMN s TYPE TEXT",
                     "ALTER TABLE t ADD CONSTRAINT t_s_check CHECK (s IN ('1'))"});
    Column from = column("s", ColumnType::enumeration({"a", "b"}));
    Column to = column("s", ColumnType::enumeration({"a", "b", "c"}));
    CHECK(alter(from, to) ==
          Statements{"ALTER TABLE t DROP CONSTRAINT IF EXISTS t_s_check",
                     "ALTER TABLE t ADD CONSTRAINT t_s_check CHECK (s IN ('a', 'b', 'c'))"});
}

TEST_CASE("a named enum changing only its values is no column change") {
    CHECK(alter(column("m", mood({"a", "c"})), column("m", mood({"x", "a", "b"}))).empty());
    Column from = column("m", mood({"a"}));
    from.default_sql = "'a'::mood";
    Column to = column("m", mood({"a", "b"}), false);
    to.default_sql = from.default_sql;
    CHECK(alter(from, to) == Statements{"ALTER TABLE t ALTER COLUMN m SET NOT NULL"});
}

TEST_CASE("a column becomes a named enum through text") {
    CHECK(alter(column("m", of(TypeKind::Text)), column("m", mood({"a"}))) ==
          Statements{"ALTER TABLE t ALTER COLUMN m TYPE mood USING m::mood"});
    CHECK(alter(column("m", mood({"a"})), column("m", of(TypeKind::Text))) ==
          Statements{"ALTER TABLE t ALTER COLUMN m TYPE TEXT"});
}
