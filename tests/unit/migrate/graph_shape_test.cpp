// The shape of the graph: heads, bases, branch points, history and ancestors.
#include <doctest/doctest.h>

#include "graph_test_support.hpp"

using namespace graph_test;

namespace {

std::vector<Rev> chain() {
    return {{.id = "c3", .revises = {"b2"}}, {.id = "a1"}, {.id = "b2", .revises = {"a1"}}};
}

}  // namespace

TEST_CASE("a linear chain has one base, one head and no branch point") {
    const auto g = graph(chain());
    CHECK(g.size() == 3);
    CHECK(g.bases() == Ids{"a1"});
    CHECK(g.heads() == Ids{"c3"});
    CHECK(g.branch_points().empty());
}

TEST_CASE("history lists a chain newest first") {
    CHECK(graph(chain()).history() == Ids{"c3", "b2", "a1"});
}

TEST_CASE("two branches from one base give two heads and a branch point") {
    const auto g = graph(two_branches());
    CHECK(g.heads() == Ids{"27c6a30d7c24", "ae1027a6acf"});
    CHECK(g.bases() == Ids{"1975ea83b712"});
    CHECK(g.branch_points() == Ids{"1975ea83b712"});
}

TEST_CASE("a merge revision joins two heads into one") {
    const auto g = graph(two_branches_merged());
    CHECK(g.heads() == Ids{"53fffde5ad5"});
    CHECK(g.branch_points() == Ids{"1975ea83b712"});
}

TEST_CASE("history walks one branch to its branch point before the next, smaller id first") {
    const auto g = graph({{.id = "a1"},
                          {.id = "x1", .revises = {"a1"}},
                          {.id = "x2", .revises = {"x1"}},
                          {.id = "y1", .revises = {"a1"}},
                          {.id = "y2", .revises = {"y1"}}});
    CHECK(g.history() == Ids{"x2", "x1", "y2", "y1", "a1"});
}

TEST_CASE("history of a merge lists the merge first and the shared base last") {
    const auto g = graph(two_branches_merged());
    CHECK(g.history() == Ids{"53fffde5ad5", "27c6a30d7c24", "ae1027a6acf", "1975ea83b712"});
}

TEST_CASE("history places a dependency after every revision that depends on it") {
    const auto g = graph({{.id = "a1"},
                          {.id = "a2", .revises = {"a1"}},
                          {.id = "n1"},
                          {.id = "n2", .revises = {"n1"}, .depends_on = {"a2"}}});
    CHECK(g.history() == Ids{"n2", "a2", "a1", "n1"});
}

TEST_CASE("several bases are all listed") {
    const auto g = graph({{.id = "n1"}, {.id = "a1"}, {.id = "a2", .revises = {"a1"}}});
    CHECK(g.bases() == Ids{"a1", "n1"});
    CHECK(g.heads() == Ids{"a2", "n1"});
    CHECK(g.history() == Ids{"a2", "a1", "n1"});
}

TEST_CASE("ancestors include parents, grandparents and dependencies, sorted") {
    const auto g = graph({{.id = "a1"},
                          {.id = "a2", .revises = {"a1"}},
                          {.id = "n1"},
                          {.id = "n2", .revises = {"n1"}, .depends_on = {"a2"}}});
    CHECK(g.ancestors("n2") == Ids{"a1", "a2", "n1"});
    CHECK(g.ancestors("a1").empty());
}

TEST_CASE("a dependency does not stop its target from being a head") {
    const auto g = graph({{.id = "a1"}, {.id = "n1", .depends_on = {"a1"}}});
    CHECK(g.heads() == Ids{"a1", "n1"});
    CHECK(g.bases() == Ids{"a1", "n1"});
}

TEST_CASE("get returns the script of an exact id and refuses anything else") {
    const auto g = graph(chain());
    CHECK(g.get("b2").path == "versions/b2.sql");
    CHECK(g.contains("b2"));
    CHECK_FALSE(g.contains("b"));
    CHECK(revision_error([&] { (void)g.get("b"); }) == "unknown revision 'b'");
}

TEST_CASE("a copied graph answers like the original") {
    const auto original = graph(chain());
    const auto copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
    CHECK(copy.heads() == Ids{"c3"});
    CHECK(copy.resolve("-1", {"c3"}) == "b2");
}
