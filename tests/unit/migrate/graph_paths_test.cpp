// upgrade_path and downgrade_path: what to apply or revert, and in which order.
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

// Two branches from one base, the labelled one two revisions long.
std::vector<Rev> uneven_branches() {
    auto revs = two_branches();
    revs.push_back({.id = "c4", .revises = {"27c6a30d7c24"}});
    return revs;
}

// networking (n1, n2) depends on the accounts branch (a1, a2) from its second revision.
std::vector<Rev> cross_dependency() {
    return {{.id = "a1", .labels = {"accounts"}},
            {.id = "a2", .revises = {"a1"}},
            {.id = "n1", .labels = {"networking"}},
            {.id = "n2", .revises = {"n1"}, .depends_on = {"a2"}}};
}

}  // namespace

TEST_CASE("upgrading an empty database to head applies the whole chain, oldest first") {
    CHECK(graph(chain()).upgrade_path({}, {"d4"}) == Ids{"a1", "b2", "c3", "d4"});
}

TEST_CASE("upgrading applies only what is missing") {
    CHECK(graph(chain()).upgrade_path({"b2"}, {"d4"}) == Ids{"c3", "d4"});
}

TEST_CASE("upgrading to a revision already applied, or older, applies nothing") {
    const auto g = graph(chain());
    CHECK(g.upgrade_path({"d4"}, {"d4"}).empty());
    CHECK(g.upgrade_path({"d4"}, {"b2"}).empty());
    CHECK(g.upgrade_path({"d4"}, {""}).empty());
}

TEST_CASE("upgrading to one branch applies its ancestors but not its sibling") {
    const auto g = graph(two_branches());
    CHECK(g.upgrade_path({}, {"27c6a30d7c24"}) == Ids{"1975ea83b712", "27c6a30d7c24"});
    CHECK(g.upgrade_path({"27c6a30d7c24"}, {"ae1027a6acf"}) == Ids{"ae1027a6acf"});
}

TEST_CASE("upgrading to heads applies every branch, one branch at a time, smaller id first") {
    const auto g = graph({{.id = "a1"},
                          {.id = "x1", .revises = {"a1"}},
                          {.id = "x2", .revises = {"x1"}},
                          {.id = "y1", .revises = {"a1"}},
                          {.id = "y2", .revises = {"y1"}}});
    CHECK(g.upgrade_path({}, g.resolve_targets("heads", {})) == Ids{"a1", "x1", "x2", "y1", "y2"});
}

TEST_CASE("upgrading to a merge applies the missing branch before the merge") {
    CHECK(graph(two_branches_merged()).upgrade_path({"ae1027a6acf"}, {"53fffde5ad5"}) ==
          Ids{"27c6a30d7c24", "53fffde5ad5"});
}

TEST_CASE("a dependency on another branch is applied before its dependent") {
    const auto g = graph(cross_dependency());
    CHECK(g.upgrade_path({}, {"n2"}) == Ids{"a1", "a2", "n1", "n2"});
    CHECK(g.upgrade_path({"n1"}, {"n2"}) == Ids{"a1", "a2", "n2"});
}

TEST_CASE("an unknown target is refused") {
    CHECK(revision_error([] { (void)graph(chain()).upgrade_path({}, {"zz"}); }) ==
          "unknown revision 'zz'");
}

TEST_CASE("downgrading to base reverts everything, newest first") {
    CHECK(graph(chain()).downgrade_path({"d4"}, "") == Ids{"d4", "c3", "b2", "a1"});
}

TEST_CASE("downgrading one step reverts the current revision only") {
    const auto g = graph(chain());
    CHECK(g.downgrade_path({"d4"}, g.resolve("-1", {"d4"})) == Ids{"d4"});
}

TEST_CASE("downgrading to the current revision reverts nothing") {
    CHECK(graph(chain()).downgrade_path({"d4"}, "d4").empty());
}

TEST_CASE("downgrading within one branch leaves the other branch applied") {
    const auto g = graph(uneven_branches());
    CHECK(g.downgrade_path({"ae1027a6acf", "c4"}, "27c6a30d7c24") == Ids{"c4"});
}

TEST_CASE("downgrading to a branch point reverts both branches, one at a time") {
    const auto g = graph(uneven_branches());
    CHECK(g.downgrade_path({"ae1027a6acf", "c4"}, "1975ea83b712") ==
          Ids{"ae1027a6acf", "c4", "27c6a30d7c24"});
}

TEST_CASE("downgrading to base with two branches reverts both and the shared base last") {
    const auto g = graph(uneven_branches());
    CHECK(g.downgrade_path({"ae1027a6acf", "c4"}, "") ==
          Ids{"ae1027a6acf", "c4", "27c6a30d7c24", "1975ea83b712"});
}

TEST_CASE("downgrading a merge to one of its parents reverts the merge only") {
    CHECK(graph(two_branches_merged()).downgrade_path({"53fffde5ad5"}, "ae1027a6acf") ==
          Ids{"53fffde5ad5"});
}

TEST_CASE("downgrading a dependency first reverts what depends on it, on any branch") {
    CHECK(graph(cross_dependency()).downgrade_path({"a2", "n2"}, "a1") == Ids{"n2", "a2"});
}

TEST_CASE("downgrading to a revision that is not applied is refused") {
    const auto g = graph(chain());
    CHECK(revision_error([&] { (void)g.downgrade_path({"b2"}, "d4"); }) ==
          "cannot downgrade to 'd4': it is not applied");
    CHECK(revision_error([&] { (void)g.downgrade_path({"b2"}, "zz"); }) == "unknown revision 'zz'");
}
