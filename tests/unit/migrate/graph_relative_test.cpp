// Relative identifiers: +N / -N from the current heads, REV+N / REV-N, BRANCH@+N / BRANCH@-N,
// and walks that refuse to guess at branch and merge points.
#include <doctest/doctest.h>

#include "graph_test_support.hpp"

using namespace graph_test;

namespace {

std::vector<Rev> chain() {
    return {{.id = "a1"},
            {.id = "b2", .revises = {"a1"}},
            {.id = "c3", .revises = {"b2"}},
            {.id = "d4", .revises = {"c3"}}};
}

}  // namespace

TEST_CASE("+1 from an empty database is the first revision") {
    CHECK(graph(chain()).resolve("+1", {}) == "a1");
}

TEST_CASE("+2 counts from the current revision") {
    CHECK(graph(chain()).resolve("+2", {"a1"}) == "c3");
}

TEST_CASE("-1 is the parent of the current revision") {
    CHECK(graph(chain()).resolve("-1", {"c3"}) == "b2");
}

TEST_CASE("stepping down from the first revision reaches base") {
    CHECK(graph(chain()).resolve("-1", {"a1"}).empty());
    CHECK(graph(chain()).resolve("-3", {"c3"}).empty());
}

TEST_CASE("stepping below base is an error") {
    const auto g = graph(chain());
    CHECK(revision_error([&] { (void)g.resolve("-4", {"c3"}); }) == "'-4' steps below base");
    CHECK(revision_error([&] { (void)g.resolve("-1", {}); }) ==
          "'-1' steps below base: no revision is applied");
}

TEST_CASE("stepping past the head is an error naming the head") {
    const auto g = graph(chain());
    CHECK(revision_error([&] { (void)g.resolve("+2", {"c3"}); }) == "'+2' steps past head 'd4'");
    CHECK(revision_error([] { (void)graph({}).resolve("+1", {}); }) ==
          "'+1' steps past head: there are no revisions");
}

TEST_CASE("N must be a positive integer") {
    const auto g = graph(chain());
    for (const char* identifier :
         {"+0", "-0", "+", "-", "+x", "+1.5", "++1", "+99999999999999999999999"}) {
        CAPTURE(identifier);
        CHECK(revision_error([&] { (void)g.resolve(identifier, {"b2"}); }) ==
              "invalid relative revision '" + std::string(identifier) +
                  "': N must be a positive integer");
    }
    CHECK(revision_error([&] { (void)g.resolve("b2+0", {}); }) ==
          "invalid relative revision 'b2+0': N must be a positive integer");
    CHECK(revision_error([&] { (void)g.resolve("b2+x", {}); }) ==
          "invalid relative revision 'b2+x': N must be a positive integer");
}

TEST_CASE("REV+N and REV-N count from a named revision, not from the database") {
    const auto g = graph(chain());
    CHECK(g.resolve("b2+2", {"a1"}) == "d4");
    CHECK(g.resolve("c3-2", {"d4"}) == "a1");
    CHECK(g.resolve("b-1", {}) == "a1");  // a partial id before the step
}

TEST_CASE("head-1 and base+1 are relative to the ends of the graph") {
    const auto g = graph(chain());
    CHECK(g.resolve("head-1", {}) == "c3");
    CHECK(g.resolve("base+2", {}) == "b2");
}

TEST_CASE("a relative step from several current heads is ambiguous") {
    const auto g = graph(two_branches());
    CHECK(revision_error([&] {
              (void)g.resolve("-1", {"ae1027a6acf", "27c6a30d7c24"});
          }) ==
          "'-1' is ambiguous: there are several current heads (27c6a30d7c24, ae1027a6acf); name "
          "a branch (BRANCH@-1) or a revision (REV-1)");
}

TEST_CASE("stepping up from a branch point is ambiguous") {
    const auto g = graph(two_branches());
    CHECK(revision_error([&] { (void)g.resolve("+1", {"1975ea83b712"}); }) ==
          "'+1' is ambiguous: '1975ea83b712' is a branch point (children: 27c6a30d7c24, "
          "ae1027a6acf); name a revision or a branch (BRANCH@+N)");
    CHECK(revision_error([&] { (void)g.resolve("+2", {}); }) ==
          "'+2' is ambiguous: '1975ea83b712' is a branch point (children: 27c6a30d7c24, "
          "ae1027a6acf); name a revision or a branch (BRANCH@+N)");
}

TEST_CASE("stepping down across a merge point is ambiguous") {
    const auto g = graph(two_branches_merged());
    CHECK(revision_error([&] { (void)g.resolve("-1", {"53fffde5ad5"}); }) ==
          "'-1' is ambiguous: '53fffde5ad5' is a merge point (parents: 27c6a30d7c24, "
          "ae1027a6acf); name a revision");
    CHECK(revision_error([&] { (void)g.resolve("head-2", {}); }) ==
          "'head-2' is ambiguous: '53fffde5ad5' is a merge point (parents: 27c6a30d7c24, "
          "ae1027a6acf); name a revision");
}

TEST_CASE("stepping up into a merge point is not ambiguous") {
    CHECK(graph(two_branches_merged()).resolve("+1", {"ae1027a6acf"}) == "53fffde5ad5");
}

TEST_CASE("+1 with several bases is ambiguous") {
    const auto g = graph({{.id = "a1"}, {.id = "n1"}});
    CHECK(revision_error([&] { (void)g.resolve("+1", {}); }) ==
          "'+1' is ambiguous: there are several bases (a1, n1); name a revision or a branch "
          "(BRANCH@+N)");
}

TEST_CASE("BRANCH@+N steps along the branch from its applied revision") {
    auto revs = two_branches();
    revs.push_back({.id = "c4", .revises = {"27c6a30d7c24"}});
    const auto g = graph(revs);
    CHECK(g.resolve("shoppingcart@+1", {"ae1027a6acf", "27c6a30d7c24"}) == "c4");
    CHECK(g.resolve("shoppingcart@-1", {"ae1027a6acf", "c4"}) == "27c6a30d7c24");
}

TEST_CASE("BRANCH@+1 names the branch's first revision when none of it is applied") {
    auto revs = two_branches();
    revs.push_back({.id = "c4", .revises = {"27c6a30d7c24"}});
    const auto g = graph(revs);
    CHECK(g.resolve("shoppingcart@+1", {"ae1027a6acf"}) == "27c6a30d7c24");
    CHECK(g.resolve("shoppingcart@+2", {"ae1027a6acf"}) == "c4");
}

TEST_CASE("BRANCH@-N needs a revision of the branch to be applied") {
    const auto g = graph(two_branches());
    CHECK(revision_error([&] { (void)g.resolve("shoppingcart@-1", {"ae1027a6acf"}); }) ==
          "'shoppingcart@-1' steps below base: no revision of branch 'shoppingcart' is applied");
}
