// RevisionGraph construction: each way a folder of scripts can form an invalid graph is an
// Error(Revision) whose context names the file to fix.
#include <doctest/doctest.h>

#include "graph_test_support.hpp"

using namespace graph_test;
using schemadiff::ErrorKind;

TEST_CASE("two scripts with the same revision id name both files") {
    std::vector<schemadiff::migrate::RevisionScript> scripts = {script({.id = "a1"}),
                                                                script({.id = "a1"})};
    scripts[1].path = "versions/a1_copy.sql";
    const auto error = error_of([&] { (void)schemadiff::migrate::RevisionGraph(scripts); });
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "duplicate revision id 'a1': also in versions/a1.sql");
    CHECK(error.context() == "versions/a1_copy.sql");
}

TEST_CASE("revising a revision that does not exist names the script") {
    const auto error = error_of([] {
        (void)graph({{.id = "a1"}, {.id = "b2", .revises = {"zz"}}});
    });
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "revision 'b2' revises unknown revision 'zz'");
    CHECK(error.context() == "versions/b2.sql");
}

TEST_CASE("depending on a revision that does not exist names the script") {
    const auto error = error_of([] {
        (void)graph({{.id = "a1"}, {.id = "b2", .depends_on = {"zz"}}});
    });
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() == "revision 'b2' depends on unknown revision 'zz'");
    CHECK(error.context() == "versions/b2.sql");
}

TEST_CASE("a cycle of parents names its smallest revision and the whole loop") {
    const auto error = error_of([] {
        (void)graph({{.id = "a1"},
                     {.id = "c3", .revises = {"b2"}},
                     {.id = "b2", .revises = {"d4"}},
                     {.id = "d4", .revises = {"c3"}}});
    });
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() ==
          "revision 'b2' is on a cycle: b2 -> d4 -> c3 -> b2 (each revises or depends on the "
          "next)");
    CHECK(error.context() == "versions/b2.sql");
}

TEST_CASE("a revision revising itself is a cycle") {
    const auto error = error_of([] { (void)graph({{.id = "a1", .revises = {"a1"}}}); });
    CHECK(error.message() ==
          "revision 'a1' is on a cycle: a1 -> a1 (each revises or depends on the next)");
    CHECK(error.context() == "versions/a1.sql");
}

TEST_CASE("a cycle closed by depends_on is a cycle too") {
    const auto error = error_of([] {
        (void)graph({{.id = "a1"},
                     {.id = "b2", .revises = {"a1"}, .depends_on = {"c3"}},
                     {.id = "c3", .revises = {"b2"}}});
    });
    CHECK(error.message() ==
          "revision 'b2' is on a cycle: b2 -> c3 -> b2 (each revises or depends on the next)");
    CHECK(error.context() == "versions/b2.sql");
}

TEST_CASE("a branch label used by two revisions names both") {
    const auto error = error_of([] {
        (void)graph({{.id = "a1"},
                     {.id = "b2", .revises = {"a1"}, .labels = {"billing"}},
                     {.id = "c3", .revises = {"a1"}, .labels = {"billing"}}});
    });
    CHECK(error.kind() == ErrorKind::Revision);
    CHECK(error.message() ==
          "branch label 'billing' of revision 'c3' is already used by revision 'b2' "
          "(versions/b2.sql)");
    CHECK(error.context() == "versions/c3.sql");
}

TEST_CASE("a branch label that is also a revision id is refused") {
    const auto error = error_of([] {
        (void)graph({{.id = "a1"}, {.id = "b2", .revises = {"a1"}, .labels = {"a1"}}});
    });
    CHECK(error.message() == "branch label 'a1' of revision 'b2' is also a revision id");
    CHECK(error.context() == "versions/b2.sql");
}

TEST_CASE("a branch label cannot be a word of the identifier grammar") {
    const auto error = error_of([] { (void)graph({{.id = "a1", .labels = {"head"}}}); });
    CHECK(error.message() == "branch label 'head' is a reserved word");
    CHECK(error.context() == "versions/a1.sql");
}

TEST_CASE("a branch label cannot contain '@'") {
    const auto error = error_of([] { (void)graph({{.id = "a1", .labels = {"a@b"}}}); });
    CHECK(error.message() == "branch label 'a@b' contains '@'");
}

TEST_CASE("a revision id cannot be a word of the identifier grammar") {
    const auto error = error_of([] { (void)graph({{.id = "base"}}); });
    CHECK(error.message() == "revision id 'base' is a reserved word");
    CHECK(error.context() == "versions/base.sql");
}

TEST_CASE("a revision id cannot contain the characters relative identifiers use") {
    const auto error = error_of([] { (void)graph({{.id = "ab-1"}}); });
    CHECK(error.message() == "revision id 'ab-1' contains '-'");
    CHECK(error.context() == "versions/ab-1.sql");
}

TEST_CASE("an empty revision id is refused") {
    const auto error = error_of([] { (void)graph({{.id = ""}}); });
    CHECK(error.message() == "empty revision id");
}

TEST_CASE("a merge listing the same parent twice is refused") {
    const auto error = error_of([] {
        (void)graph({{.id = "a1"}, {.id = "b2", .revises = {"a1", "a1"}}});
    });
    CHECK(error.message() == "revision 'b2' revises 'a1' twice");
    CHECK(error.context() == "versions/b2.sql");
}

TEST_CASE("a script not yet written is named by its id in the error context") {
    schemadiff::migrate::RevisionScript orphan = script({.id = "b2", .revises = {"zz"}});
    orphan.path.clear();
    const auto error = error_of([&] { (void)schemadiff::migrate::RevisionGraph({orphan}); });
    CHECK(error.context() == "revision 'b2'");
}

TEST_CASE("a dependency may name a branch label") {
    const auto g = graph({{.id = "a1", .labels = {"accounts"}},
                          {.id = "n1", .labels = {"networking"}, .depends_on = {"accounts"}}});
    CHECK(g.ancestors("n1") == Ids{"a1"});
}

TEST_CASE("a dependency that is also a parent adds nothing") {
    const auto g = graph({{.id = "a1"}, {.id = "b2", .revises = {"a1"}, .depends_on = {"a1"}}});
    CHECK(g.upgrade_path({}, {"b2"}) == Ids{"a1", "b2"});
    CHECK(g.heads_after_upgrade({"a1"}, "b2") == Ids{"b2"});
}

TEST_CASE("an empty folder is a valid graph with no heads") {
    const auto g = graph({});
    CHECK(g.size() == 0);
    CHECK(g.heads().empty());
    CHECK(g.history().empty());
    CHECK(g.resolve("head", {}).empty());
}
