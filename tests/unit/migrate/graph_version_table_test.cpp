// heads_after_upgrade / heads_after_downgrade: the version table holds one row per current head
// (Alembic's semantics); depends_on is applied first but never recorded as a parent.
#include <doctest/doctest.h>

#include "graph_test_support.hpp"

using namespace graph_test;

namespace {

std::vector<Rev> chain() {
    return {{.id = "a1"}, {.id = "b2", .revises = {"a1"}}, {.id = "c3", .revises = {"b2"}}};
}

std::vector<Rev> cross_dependency() {
    return {{.id = "a1"},
            {.id = "a2", .revises = {"a1"}},
            {.id = "n1"},
            {.id = "n2", .revises = {"n1"}, .depends_on = {"a2"}}};
}

// m merges p with q, whose other child r stays applied beside it.
std::vector<Rev> merge_with_shared_parent() {
    return {{.id = "a1"},
            {.id = "p", .revises = {"a1"}},
            {.id = "q", .revises = {"a1"}},
            {.id = "r", .revises = {"q"}},
            {.id = "m", .revises = {"p", "q"}}};
}

// The rows after applying `path` one revision at a time.
Ids apply(const schemadiff::migrate::RevisionGraph& g, Ids rows, const Ids& path) {
    for (const std::string& id : path) {
        rows = g.heads_after_upgrade(rows, id);
    }
    return rows;
}

Ids revert(const schemadiff::migrate::RevisionGraph& g, Ids rows, const Ids& path) {
    for (const std::string& id : path) {
        rows = g.heads_after_downgrade(rows, id);
    }
    return rows;
}

}  // namespace

TEST_CASE("applying a revision replaces its parent's row") {
    CHECK(graph(chain()).heads_after_upgrade({"a1"}, "b2") == Ids{"b2"});
}

TEST_CASE("applying a base adds a row") {
    const auto g = graph({{.id = "a1"}, {.id = "n1"}});
    CHECK(g.heads_after_upgrade({}, "a1") == Ids{"a1"});
    CHECK(g.heads_after_upgrade({"a1"}, "n1") == Ids{"a1", "n1"});
}

TEST_CASE("applying a second branch from a branch point adds a row") {
    CHECK(graph(two_branches()).heads_after_upgrade({"27c6a30d7c24"}, "ae1027a6acf") ==
          Ids{"27c6a30d7c24", "ae1027a6acf"});
}

TEST_CASE("applying a merge replaces its parents' rows with one") {
    CHECK(graph(two_branches_merged())
              .heads_after_upgrade({"27c6a30d7c24", "ae1027a6acf"}, "53fffde5ad5") ==
          Ids{"53fffde5ad5"});
}

TEST_CASE("applying a merge whose parent is hidden by another branch keeps that branch's row") {
    CHECK(graph(merge_with_shared_parent()).heads_after_upgrade({"p", "r"}, "m") == Ids{"m", "r"});
}

TEST_CASE("applying a revision keeps its dependency's row") {
    CHECK(graph(cross_dependency()).heads_after_upgrade({"a2", "n1"}, "n2") == Ids{"a2", "n2"});
}

TEST_CASE("applying a revision already applied is refused") {
    const auto g = graph(chain());
    CHECK(revision_error([&] { (void)g.heads_after_upgrade({"b2"}, "a1"); }) ==
          "cannot apply 'a1': it is already applied");
    CHECK(revision_error([&] { (void)g.heads_after_upgrade({"b2"}, "b2"); }) ==
          "cannot apply 'b2': it is already applied");
}

TEST_CASE("applying a revision before its parent is refused") {
    CHECK(revision_error([] { (void)graph(chain()).heads_after_upgrade({}, "b2"); }) ==
          "cannot apply 'b2': its parent 'a1' is not applied");
}

TEST_CASE("applying a revision before its dependency is refused") {
    CHECK(revision_error([] {
              (void)graph(cross_dependency()).heads_after_upgrade({"n1"}, "n2");
          }) == "cannot apply 'n2': it depends on 'a2', which is not applied");
}

TEST_CASE("reverting a revision restores its parent's row") {
    CHECK(graph(chain()).heads_after_downgrade({"b2"}, "b2") == Ids{"a1"});
}

TEST_CASE("reverting a base leaves no row for its branch") {
    const auto g = graph({{.id = "a1"}, {.id = "n1"}});
    CHECK(g.heads_after_downgrade({"a1", "n1"}, "a1") == Ids{"n1"});
    CHECK(g.heads_after_downgrade({"n1"}, "n1").empty());
}

TEST_CASE("reverting a merge restores its parents as heads") {
    CHECK(graph(two_branches_merged()).heads_after_downgrade({"53fffde5ad5"}, "53fffde5ad5") ==
          Ids{"27c6a30d7c24", "ae1027a6acf"});
}

TEST_CASE("reverting one branch does not restore a branch point its sibling still covers") {
    CHECK(graph(two_branches())
              .heads_after_downgrade({"27c6a30d7c24", "ae1027a6acf"}, "ae1027a6acf") ==
          Ids{"27c6a30d7c24"});
}

TEST_CASE("reverting a merge does not restore a parent another branch still covers") {
    CHECK(graph(merge_with_shared_parent()).heads_after_downgrade({"m", "r"}, "m") ==
          Ids{"p", "r"});
}

TEST_CASE("reverting a dependent restores its parent and keeps the dependency's row") {
    CHECK(graph(cross_dependency()).heads_after_downgrade({"a2", "n2"}, "n2") == Ids{"a2", "n1"});
}

TEST_CASE("reverting a revision that is not a current head is refused") {
    CHECK(revision_error([] { (void)graph(chain()).heads_after_downgrade({"b2"}, "a1"); }) ==
          "cannot revert 'a1': it is not a current head");
}

TEST_CASE("reverting a dependency while its dependent is applied is refused") {
    CHECK(revision_error([] {
              (void)graph(cross_dependency()).heads_after_downgrade({"a2", "n2"}, "a2");
          }) == "cannot revert 'a2': 'n2' depends on it and is applied");
}

TEST_CASE("upgrading to heads leaves one row per head, as alembic current shows") {
    const auto g = graph(two_branches());
    const Ids path = g.upgrade_path({}, g.resolve_targets("heads", {}));
    CHECK(path == Ids{"1975ea83b712", "27c6a30d7c24", "ae1027a6acf"});
    CHECK(apply(g, {}, path) == Ids{"27c6a30d7c24", "ae1027a6acf"});
}

TEST_CASE("downgrading to base one revision at a time closes each branch, then empties the table") {
    const auto g = graph(two_branches());
    const Ids rows = {"27c6a30d7c24", "ae1027a6acf"};
    const Ids path = g.downgrade_path(rows, "");
    CHECK(path == Ids{"27c6a30d7c24", "ae1027a6acf", "1975ea83b712"});
    CHECK(revert(g, rows, {path[0]}) == Ids{"ae1027a6acf"});
    CHECK(revert(g, rows, path).empty());
}

TEST_CASE("a dependency across branches round-trips through upgrade and downgrade") {
    const auto g = graph(cross_dependency());
    const Ids up = g.upgrade_path({}, {"n2"});
    const Ids rows = apply(g, {}, up);
    CHECK(rows == Ids{"a2", "n2"});
    const Ids down = g.downgrade_path(rows, "");
    CHECK(down == Ids{"n2", "a2", "a1", "n1"});
    CHECK(revert(g, rows, down).empty());
}
