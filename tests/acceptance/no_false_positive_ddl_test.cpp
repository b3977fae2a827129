// No false positives, hand-written DDL: a database written by hand (INT, VARCHAR(20), DEFAULT (0),
// ...) is read, re-created from what was read and read again; both diffs must be empty.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "no_false_positive_support.hpp"
#include "runner/catalog_compare.hpp"
#include "runner/script_apply.hpp"
#include "runner/sqlite_file.hpp"

using namespace schemadiff;
using namespace schemadiff::acceptance;
using namespace schemadiff::acceptance::nfp;

namespace {

// Hand-written DDL, as people write it for SQLite: each is created, read (twice: the reader is
// deterministic), re-created from what was read, and read again.
const std::vector<std::string> kHandWritten = {
    "CREATE TABLE t (a INT, b INT4, c INT8, d BIGINT, e SMALLINT, f TINYINT, g MEDIUMINT)",
    "CREATE TABLE t (a UNSIGNED BIG INT, b INT2, c integer)",
    "CREATE TABLE t (a VARCHAR(20), b CHARACTER VARYING(20), c NVARCHAR(10), d NCHAR(5), "
    "e CHAR(3), f varchar ( 20 ))",
    "CREATE TABLE t (a TEXT, b CLOB, c BLOB, d)",
    "CREATE TABLE t (a REAL, b DOUBLE, c DOUBLE PRECISION, d FLOAT)",
    "CREATE TABLE t (a NUMERIC, b NUMERIC(10), c DECIMAL(10,2), d decimal(10, 2))",
    "CREATE TABLE t (a BOOLEAN, b BOOL)",
    "CREATE TABLE t (a DATE, b TIME, c DATETIME, d TIMESTAMP, e TIMESTAMP WITH TIME ZONE)",
    "CREATE TABLE t (a UUID, b JSON, c GEOMETRY, d VARCHAR2(10))",
    "CREATE TABLE t (a INTEGER DEFAULT (0), b INTEGER DEFAULT 0, c INTEGER DEFAULT -1, "
    "d INTEGER DEFAULT +1, e INTEGER DEFAULT 0x10)",
    "CREATE TABLE t (a TEXT DEFAULT 'x', b TEXT DEFAULT '', c TEXT DEFAULT 'it''s', "
    "d TEXT DEFAULT ('x'), e TEXT DEFAULT \"dq\")",
    "CREATE TABLE t (a BOOLEAN DEFAULT TRUE, b BOOLEAN DEFAULT FALSE, c BOOLEAN DEFAULT 1, "
    "d BOOLEAN DEFAULT 0, e BOOLEAN NOT NULL DEFAULT true)",
    "CREATE TABLE t (a TEXT DEFAULT NULL, b INTEGER DEFAULT NULL)",
    "CREATE TABLE t (a DATETIME DEFAULT CURRENT_TIMESTAMP, b DATETIME DEFAULT (CURRENT_TIMESTAMP), "
    "c DATE DEFAULT CURRENT_DATE, d TIME DEFAULT current_time)",
    "CREATE TABLE t (a DATETIME DEFAULT (datetime('now','localtime')), "
    "b TEXT DEFAULT (lower('X')), c INTEGER DEFAULT (1 + 2))",
    "CREATE TABLE t (a REAL DEFAULT 1.5, b REAL DEFAULT -0.25, c NUMERIC(10,2) DEFAULT 0.00, "
    "d DOUBLE DEFAULT 1e3, e BLOB DEFAULT X'00ff')",
    "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE)",
    "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)",
    "CREATE TABLE t (a INTEGER NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID",
    "CREATE TABLE t (a INTEGER, b TEXT, CONSTRAINT pk_t PRIMARY KEY (a))",
    "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE, b TEXT, c TEXT, UNIQUE (b, c), "
    "CONSTRAINT uq_t_c UNIQUE (c))",
    "CREATE TABLE p (id INTEGER PRIMARY KEY, code TEXT UNIQUE);\n"
    "CREATE TABLE t (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p, "
    "p_code TEXT REFERENCES p (code) ON DELETE CASCADE ON UPDATE SET NULL, "
    "q INTEGER, CONSTRAINT fk_t_q FOREIGN KEY (q) REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)",
    "CREATE TABLE t (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES t (id))",
    "CREATE TABLE t (a INTEGER CHECK (a > 0), b INTEGER, CONSTRAINT ck_b CHECK(b>0), CHECK (a < "
    "b))",
    "CREATE TABLE t (status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'done')))",
    "CREATE TABLE t (a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2) STORED, "
    "c INTEGER AS (a + 1), d TEXT GENERATED ALWAYS AS (CAST(a AS TEXT)) VIRTUAL)",
    "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER, s TEXT) STRICT",
    "CREATE TABLE t (a TEXT, b INTEGER, c TEXT);\n"
    "CREATE INDEX ix_t_a ON t (a);\n"
    "CREATE UNIQUE INDEX ux_t_bc ON t (b, c DESC);\n"
    "CREATE INDEX ix_t_partial ON t (b) WHERE b IS NOT NULL AND b > 0;\n"
    "CREATE INDEX ix_t_expr ON t (lower(a), b + 1);\n"
    "CREATE INDEX ix_t_collate ON t (c COLLATE NOCASE)",
    "CREATE TABLE \"order\" (\"select\" INTEGER, [Mixed Case] TEXT, `with space` TEXT, "
    "\"quo\"\"te\" TEXT, ünïcödé TEXT, \"from\" INTEGER DEFAULT 1);\n"
    "CREATE INDEX \"ix order\" ON \"order\" (\"Mixed Case\", \"from\")",
    "CREATE TABLE t ( -- a comment\n  a INTEGER /* inline, (with parentheses) */ NOT NULL,\n"
    "  b TEXT DEFAULT 'a,b' CHECK (b <> '(')\n)",
    "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);\n"
    "CREATE VIEW v_t AS SELECT id, upper(v) AS v FROM t;\n"
    "CREATE TRIGGER tr_t AFTER INSERT ON t BEGIN UPDATE t SET v = trim(v) WHERE id = new.id; END",
};

}  // namespace

TEST_CASE("hand-written DDL read, re-created from what was read and read again shows no change") {
    for (const auto& ddl : kHandWritten) {
        SUBCASE(ddl.c_str()) {
            INFO("DDL:\n" << ddl);
            const auto path = fresh_file();
            Schema first;
            try {
                SqliteFile(path).execute_script(ddl);
                first = read_database(path);
                CHECK_MESSAGE(read_database(path) == first, "two reads of one database differ");
            } catch (const std::exception& e) {
                FAIL_CHECK((std::string("creating or reading the database failed: ") + e.what()));
                remove_file(path);
                continue;
            }
            remove_file(path);
            const auto self = plan_between(first, first);
            CHECK_MESSAGE(self.empty(), "diff(read, read):\n" << describe_operations(self));
            check_model(first, "the schema read from it");
        }
    }
}
