// The error line: one line, the fixed prefix, passwords masked wherever they appear.
#include "errors.hpp"

#include <doctest/doctest.h>

namespace schemadiff::cli {

TEST_CASE("the password of every URL in a message is masked") {
    CHECK(mask_passwords("argument postgresql://alice:secret@db:5432/app not expected") ==
          "argument postgresql://alice:***@db:5432/app not expected");
    CHECK(mask_passwords("a mysql://u:p@h/x and pg://v:q@h/y") ==
          "a mysql://u:***@h/x and pg://v:***@h/y");
    CHECK(mask_passwords("'pg://u:p@ss@h/d'") == "'pg://u:***@h/d'");
}

TEST_CASE("text without a password is left as it is") {
    CHECK(mask_passwords("sqlite:///app.db") == "sqlite:///app.db");
    CHECK(mask_passwords("postgresql://alice@db/app") == "postgresql://alice@db/app");
    CHECK(mask_passwords("postgresql://alice:***@db/app") == "postgresql://alice:***@db/app");
    CHECK(mask_passwords("time 10:30 at home") == "time 10:30 at home");
}

TEST_CASE("a password query parameter is masked") {
    CHECK(mask_passwords("pg://db/app?user=a&password=hunter2&sslmode=require") ==
          "pg://db/app?user=a&password=***&sslmode=require");
    CHECK(mask_passwords("pg://db/app?PASSWORD=x") == "pg://db/app?PASSWORD=***");
}

TEST_CASE("the error line is one line with the schemadiff prefix") {
    CHECK(error_line("bad thing (where)") == "schemadiff: error: bad thing (where)");
    CHECK(error_line("first\nsecond\r\n third\n") == "schemadiff: error: first second third");
}

}  // namespace schemadiff::cli
