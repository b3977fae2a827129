// Identifiers that name a revision directly: head, heads, base, full ids, partial ids, branch
// labels and BRANCH@head.
#include <doctest/doctest.h>

#include "graph_test_support.hpp"

using namespace graph_test;

namespace {

std::vector<Rev> chain() {
    return {{.id = "1975ea83b712"},
            {.id = "ae1027a6acf", .revises = {"1975ea83b712"}},
            {.id = "ae1f00d", .revises = {"ae1027a6acf"}}};
}

}  // namespace

TEST_CASE("head names the only head") { CHECK(graph(chain()).resolve("head", {}) == "ae1f00d"); }

TEST_CASE("head is ambiguous when there are several heads") {
    const auto g = graph(two_branches());
    CHECK(revision_error([&] { (void)g.resolve("head", {}); }) ==
          "multiple heads: 27c6a30d7c24, ae1027a6acf; name one or use heads");
    CHECK(revision_error([&] { (void)g.resolve_targets("head", {}); }) ==
          "multiple heads: 27c6a30d7c24, ae1027a6acf; name one or use heads");
}

TEST_CASE("heads expands to every head, sorted") {
    CHECK(graph(two_branches()).resolve_targets("heads", {}) == Ids{"27c6a30d7c24", "ae1027a6acf"});
}

TEST_CASE("heads is not a single revision") {
    const auto g = graph(two_branches());
    CHECK(revision_error([&] { (void)g.resolve("heads", {}); }) ==
          "'heads' names every head, not one revision; name one");
}

TEST_CASE("resolve_targets gives the one revision of any other identifier") {
    CHECK(graph(chain()).resolve_targets("head", {}) == Ids{"ae1f00d"});
    CHECK(graph(chain()).resolve_targets("1975", {}) == Ids{"1975ea83b712"});
}

TEST_CASE("base resolves to the empty id") {
    CHECK(graph(chain()).resolve("base", {"ae1f00d"}).empty());
    CHECK(graph(chain()).resolve_targets("base", {}) == Ids{""});
}

TEST_CASE("a full id resolves to itself even when it prefixes another id") {
    const auto g = graph({{.id = "ab"}, {.id = "abc", .revises = {"ab"}}});
    CHECK(g.resolve("ab", {}) == "ab");
}

TEST_CASE("a unique prefix resolves to its revision") {
    CHECK(graph(chain()).resolve("ae10", {}) == "ae1027a6acf");
}

TEST_CASE("a one-character prefix is enough when it is unique") {
    CHECK(graph(chain()).resolve("1", {}) == "1975ea83b712");
}

TEST_CASE("an ambiguous prefix lists the candidates, sorted") {
    const auto g = graph(chain());
    CHECK(revision_error([&] { (void)g.resolve("ae1", {}); }) ==
          "ambiguous revision 'ae1': matches ae1027a6acf, ae1f00d");
}

TEST_CASE("an ambiguous prefix with many candidates lists ten and counts the rest") {
    std::vector<Rev> revs;
    for (int i = 0; i < 12; ++i) {
        revs.push_back({.id = "f" + std::to_string(10 + i)});
    }
    const auto g = graph(revs);
    CHECK(revision_error([&] { (void)g.resolve("f", {}); }) ==
          "ambiguous revision 'f': matches f10, f11, f12, f13, f14, f15, f16, f17, f18, f19 and "
          "2 more");
}

TEST_CASE("an identifier matching nothing is an unknown revision") {
    const auto g = graph(chain());
    CHECK(revision_error([&] { (void)g.resolve("bee", {}); }) == "unknown revision 'bee'");
    CHECK(revision_error([&] { (void)g.resolve("AE10", {}); }) == "unknown revision 'AE10'");
}

TEST_CASE("an empty identifier is refused") {
    CHECK(revision_error([] { (void)graph({}).resolve("", {}); }) == "empty revision identifier");
}

TEST_CASE("a branch label alone names its labelled revision") {
    CHECK(graph(two_branches()).resolve("shoppingcart", {}) == "27c6a30d7c24");
}

TEST_CASE("a branch label containing '-' is matched whole") {
    const auto g =
        graph({{.id = "a1"}, {.id = "b2", .revises = {"a1"}, .labels = {"big-feature"}}});
    CHECK(g.resolve("big-feature", {}) == "b2");
}

TEST_CASE("a non-ASCII branch label resolves alone and before @head") {
    const auto g = graph({{.id = "a1"},
                          {.id = "b2", .revises = {"a1"}, .labels = {"facturación"}},
                          {.id = "c3", .revises = {"b2"}}});
    CHECK(g.resolve("facturación", {}) == "b2");
    CHECK(g.resolve("facturación@head", {}) == "c3");
}

TEST_CASE("label@head names the head of the labelled branch") {
    auto revs = two_branches();
    revs.push_back({.id = "c4", .revises = {"27c6a30d7c24"}});
    const auto g = graph(revs);
    CHECK(g.resolve("shoppingcart@head", {}) == "c4");
}

TEST_CASE("REV@head names the head of the branch holding a revision, by partial id too") {
    auto revs = two_branches();
    revs.push_back({.id = "c4", .revises = {"27c6a30d7c24"}});
    const auto g = graph(revs);
    CHECK(g.resolve("27c6@head", {}) == "c4");
    CHECK(g.resolve("ae1027a6acf@head", {}) == "ae1027a6acf");
}

TEST_CASE("label@head is ambiguous when the branch itself splits") {
    auto revs = two_branches();
    revs.push_back({.id = "c4", .revises = {"27c6a30d7c24"}});
    revs.push_back({.id = "c5", .revises = {"27c6a30d7c24"}});
    const auto g = graph(revs);
    CHECK(revision_error([&] { (void)g.resolve("shoppingcart@head", {}); }) ==
          "branch 'shoppingcart' has multiple heads: c4, c5; name one");
}

TEST_CASE("label@head of a branch merged back names the merge") {
    CHECK(graph(two_branches_merged()).resolve("shoppingcart@head", {}) == "53fffde5ad5");
}

TEST_CASE("an unknown branch before '@' is an unknown revision") {
    const auto g = graph(two_branches());
    CHECK(revision_error([&] { (void)g.resolve("nosuch@head", {}); }) ==
          "unknown revision 'nosuch'");
    CHECK(revision_error([&] { (void)g.resolve("@head", {}); }) ==
          "'@head' names no branch before '@'");
}

TEST_CASE("anything but head, +N or -N after '@' is refused") {
    const auto g = graph(two_branches());
    CHECK(revision_error([&] { (void)g.resolve("shoppingcart@tail", {}); }) ==
          "unknown revision 'shoppingcart@tail': expected shoppingcart@head, shoppingcart@+N or "
          "shoppingcart@-N");
}

TEST_CASE("an unknown id in the current heads is reported") {
    const auto g = graph(chain());
    CHECK(revision_error([&] { (void)g.resolve("+1", {"dead"}); }) ==
          "unknown revision 'dead' in the current heads");
}
