// sha256_hex, new_revision_id and slugify.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "schemadiff/migrate/revision_script.hpp"

using namespace schemadiff::migrate;

TEST_CASE("sha256 of the empty string is the NIST vector") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("sha256 of \"abc\" is the NIST vector") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256 of the two-block NIST message is its vector") {
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256 hashes every byte, including NUL and CR") {
    CHECK(sha256_hex(std::string("a\0b", 3)) != sha256_hex("ab"));
    CHECK(sha256_hex("x\r\n") != sha256_hex("x\n"));
}

TEST_CASE("a new revision id is 12 lower-case hex digits") {
    const std::string id = new_revision_id();
    CHECK(id.size() == 12);
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
}

TEST_CASE("new revision ids do not repeat") {
    std::set<std::string> ids;
    for (int i = 0; i < 1000; ++i) ids.insert(new_revision_id());
    CHECK(ids.size() == 1000);
}

TEST_CASE("slugify joins words with underscores in lower case") {
    CHECK(slugify("add email to users") == "add_email_to_users");
    CHECK(slugify("Add Email") == "add_email");
}

TEST_CASE("slugify turns runs of punctuation and non-ASCII text into one underscore") {
    CHECK(slugify("  fix: \"order\" table -- v2!! ") == "fix_order_table_v2");
    CHECK(slugify("café_menu") == "caf_menu");
    CHECK(slugify("a__b") == "a_b");
}

TEST_CASE("slugify of a message with no letters or digits is empty") {
    CHECK(slugify("").empty());
    CHECK(slugify("!!! ☕ ---").empty());
}

TEST_CASE("slugify cuts long messages at a word boundary within 40 characters") {
    // The 40th character falls inside "avoid": the cut falls before it.
    CHECK(slugify("rename the customer address table to avoid confusing characters") ==
          "rename_the_customer_address_table_to");
    const std::string exact = "abcdefghij abcdefghij abcdefghij abcdefg";  // 40 characters
    CHECK(slugify(exact) == "abcdefghij_abcdefghij_abcdefghij_abcdefg");
    CHECK(slugify(exact + " more") == "abcdefghij_abcdefghij_abcdefghij_abcdefg");
}

TEST_CASE("slugify hard-cuts a single word longer than 40 characters") {
    CHECK(slugify(std::string(50, 'x')) == std::string(40, 'x'));
}
