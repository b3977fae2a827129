// split_statements: bodies of triggers, procedures and functions, and the mysql client's
// DELIMITER command.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "schemadiff/migrate/revision_script.hpp"

using namespace schemadiff::migrate;

namespace {

using Strings = std::vector<std::string>;

Strings sql_of(const std::string& sql) {
    Strings out;
    for (const auto& statement : split_statements(sql, 1)) out.push_back(statement.sql);
    return out;
}

}  // namespace

TEST_CASE("a SQLite trigger body is one statement") {
    const std::string trigger =
        "CREATE TRIGGER \"audit\" AFTER INSERT ON \"order\" BEGIN\n"
        "  INSERT INTO log VALUES (new.id);\n"
        "  UPDATE stats SET n = n + 1;\n"
        "END";
    CHECK(sql_of(trigger + ";\nSELECT 1;") == Strings{trigger, "SELECT 1"});
}

TEST_CASE("a TEMP or TEMPORARY trigger body is one statement") {
    const std::string temp = "CREATE TEMP TRIGGER t1 AFTER DELETE ON a BEGIN DELETE FROM b; END";
    const std::string temporary =
        "create temporary trigger if not exists t2 before update on a begin select 1; end";
    CHECK(sql_of(temp + ";" + temporary + "; SELECT 3") == Strings{temp, temporary, "SELECT 3"});
}

TEST_CASE("a CASE ... END inside a trigger body does not end the body") {
    const std::string trigger =
        "CREATE TRIGGER t AFTER UPDATE ON a BEGIN\n"
        "  UPDATE b SET kind = CASE WHEN new.x > 0 THEN 'pos;' ELSE 'neg' END;\n"
        "  SELECT CASE new.y WHEN 1 THEN RAISE(ABORT, 'no') END;\n"
        "END";
    CHECK(sql_of(trigger + "; DROP TABLE c;") == Strings{trigger, "DROP TABLE c"});
}

TEST_CASE("a CASE in a trigger's WHEN clause does not open the body") {
    const std::string trigger =
        "CREATE TRIGGER t BEFORE INSERT ON a WHEN (CASE new.x WHEN 1 THEN 1 END) BEGIN "
        "SELECT 1; END";
    CHECK(sql_of(trigger + "; SELECT 2") == Strings{trigger, "SELECT 2"});
}

TEST_CASE("BEGIN and END outside a trigger body are ordinary statements") {
    CHECK(sql_of("BEGIN;\nCREATE TABLE a (x INT);\nEND;\nBEGIN TRANSACTION; COMMIT;") ==
          Strings{"BEGIN", "CREATE TABLE a (x INT)", "END", "BEGIN TRANSACTION", "COMMIT"});
}

TEST_CASE("columns named like keywords in a CREATE TABLE do not open a body") {
    CHECK(sql_of("CREATE TABLE t (\"begin\" INT, \"trigger\" INT); SELECT CASE WHEN 1 THEN 2 END; "
                 "SELECT 3") == Strings{"CREATE TABLE t (\"begin\" INT, \"trigger\" INT)",
                                        "SELECT CASE WHEN 1 THEN 2 END", "SELECT 3"});
}

TEST_CASE("a trigger without a BEGIN body ends at its semicolon") {
    CHECK(sql_of("CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f(); "
                 "SELECT 2") ==
          Strings{"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()",
                  "SELECT 2"});
    CHECK(sql_of("CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1; SELECT 2") ==
          Strings{"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1", "SELECT 2"});
}

TEST_CASE("a MySQL procedure with nested blocks and END IF / END LOOP is one statement") {
    const std::string procedure =
        "CREATE DEFINER=`root`@`localhost` PROCEDURE fill(IN n INT)\n"
        "BEGIN\n"
        "  DECLARE i INT DEFAULT 0;\n"
        "  fill_loop: LOOP\n"
        "    IF i >= n THEN LEAVE fill_loop; END IF;\n"
        "    BEGIN INSERT INTO t VALUES (IF(i > 1, i, 0)); END;\n"
        "    WHILE i < 0 DO SET i = i + 1; END WHILE;\n"
        "    REPEAT SET i = i + 1; UNTIL i > 0 END REPEAT;\n"
        "    CASE i WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE;\n"
        "  END LOOP fill_loop;\n"
        "END";
    CHECK(sql_of(procedure + ";\nCALL fill(3);") == Strings{procedure, "CALL fill(3)"});
}

TEST_CASE("MySQL functions, OR REPLACE and unquoted definers are recognised") {
    const std::string function =
        "CREATE OR REPLACE DEFINER = root@localhost FUNCTION f() RETURNS INT DETERMINISTIC "
        "BEGIN RETURN 1; END";
    const std::string trigger =
        "CREATE DEFINER=CURRENT_USER TRIGGER t BEFORE INSERT ON a FOR EACH ROW "
        "BEGIN SET NEW.x = 1; END";
    CHECK(sql_of(function + "; " + trigger + "; SELECT 3") ==
          Strings{function, trigger, "SELECT 3"});
}

TEST_CASE("a view with a definer is not a body even if it mentions BEGIN") {
    CHECK(sql_of("CREATE DEFINER=root@localhost VIEW v AS SELECT `begin` FROM t; SELECT 2") ==
          Strings{"CREATE DEFINER=root@localhost VIEW v AS SELECT `begin` FROM t", "SELECT 2"});
}

TEST_CASE("a PostgreSQL BEGIN ATOMIC body is one statement") {
    const std::string procedure =
        "CREATE PROCEDURE ins(a int) LANGUAGE SQL BEGIN ATOMIC INSERT INTO t VALUES (a); "
        "INSERT INTO t VALUES (a + 1); END";
    CHECK(sql_of(procedure + "; CALL ins(1)") == Strings{procedure, "CALL ins(1)"});
}

TEST_CASE("a DELIMITER line switches the terminator and is not a statement") {
    const std::string script =
        "DELIMITER //\n"
        "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END//\n"
        "DELIMITER ;\n"
        "CALL p();\n";
    const auto statements = split_statements(script, 20);
    REQUIRE(statements.size() == 2);
    CHECK(statements[0].sql == "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END");
    CHECK(statements[0].line == 21);
    CHECK(statements[1].sql == "CALL p()");
    CHECK(statements[1].line == 23);
}

TEST_CASE("a $$ delimiter ends a word and is not a dollar quote") {
    const std::string script =
        "DELIMITER $$\n"
        "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END$$\n"
        "SELECT 1; SELECT 2$$\n"
        "DELIMITER ;\n";
    CHECK(sql_of(script) ==
          Strings{"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END",
                  "SELECT 1; SELECT 2"});
}

TEST_CASE("a semicolon after a body's END ends the statement even on the same line") {
    CHECK(sql_of("CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END; SELECT 2;") ==
          Strings{"CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; END", "SELECT 2"});
}
