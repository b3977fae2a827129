// Thousands of revisions: loading and resolving stay linear (no walk per pair of revisions).
// These tests assert results; a quadratic regression shows up as a slow test run.
#include <doctest/doctest.h>

#include <cstdio>

#include "graph_test_support.hpp"

using namespace graph_test;

namespace {

constexpr int kCount = 2000;

// Twelve hex digits scattered over the id space (the multiplier is odd, so ids are distinct),
// like generated ids: sorted order has nothing to do with history order.
std::string id_of(int i) {
    char buffer[16];
    const auto mixed = static_cast<unsigned long long>(i + 1) * 0x9E3779B97F4AULL;
    std::snprintf(buffer, sizeof buffer, "%012llx", mixed & 0xFFFFFFFFFFFFULL);
    return buffer;
}

std::vector<Rev> long_chain() {
    std::vector<Rev> revs;
    revs.reserve(kCount);
    for (int i = 0; i < kCount; ++i) {
        revs.push_back({.id = id_of(i)});
        if (i > 0) {
            revs.back().revises = {id_of(i - 1)};
        }
    }
    return revs;
}

// One base, 40 labelled branches of 50 revisions each (each branch's first revision depends on
// the previous branch's last), joined by one merge.
constexpr int kBranches = 40;
constexpr int kBranchLength = 50;

std::string branch_rev(int branch, int step) { return id_of(1 + branch * kBranchLength + step); }

std::vector<Rev> wide_graph() {
    std::vector<Rev> revs = {{.id = id_of(0)}};
    Rev merge{.id = id_of(1 + kBranches * kBranchLength)};
    for (int branch = 0; branch < kBranches; ++branch) {
        for (int step = 0; step < kBranchLength; ++step) {
            Rev rev{.id = branch_rev(branch, step)};
            rev.revises = {step == 0 ? id_of(0) : branch_rev(branch, step - 1)};
            if (step == 0) {
                rev.labels = {"branch" + std::to_string(branch)};
                if (branch > 0) {
                    rev.depends_on = {branch_rev(branch - 1, kBranchLength - 1)};
                }
            }
            revs.push_back(rev);
        }
        merge.revises.push_back(branch_rev(branch, kBranchLength - 1));
    }
    revs.push_back(merge);
    return revs;
}

}  // namespace

TEST_CASE("a chain of 2,000 revisions loads, resolves and plans both ways") {
    const auto g = graph(long_chain());
    const std::string head = id_of(kCount - 1);
    CHECK(g.size() == kCount);
    CHECK(g.heads() == Ids{head});
    CHECK(g.resolve("head", {}) == head);
    CHECK(g.resolve("-1", {head}) == id_of(kCount - 2));
    CHECK(g.resolve("head-1999", {}) == id_of(0));
    CHECK(g.resolve(id_of(1234).substr(0, 8), {}) == id_of(1234));
    CHECK(g.history().front() == head);
    CHECK(g.history().back() == id_of(0));

    const Ids up = g.upgrade_path({}, {head});
    REQUIRE(up.size() == kCount);
    CHECK(up.front() == id_of(0));
    CHECK(up.back() == head);
    Ids rows;
    for (const std::string& id : up) {
        rows = g.heads_after_upgrade(rows, id);
    }
    CHECK(rows == Ids{head});

    const Ids down = g.downgrade_path(rows, "");
    REQUIRE(down.size() == kCount);
    CHECK(down.front() == head);
    CHECK(down.back() == id_of(0));
    for (const std::string& id : down) {
        rows = g.heads_after_downgrade(rows, id);
    }
    CHECK(rows.empty());
}

TEST_CASE("a wide graph of 40 branches joined by a merge resolves and plans both ways") {
    const auto g = graph(wide_graph());
    const std::string merge = id_of(1 + kBranches * kBranchLength);
    CHECK(g.size() == 2 + kBranches * kBranchLength);
    CHECK(g.heads() == Ids{merge});
    CHECK(g.branch_points() == Ids{id_of(0)});
    CHECK(g.resolve("head", {}) == merge);
    CHECK(g.resolve("branch7@-1", {branch_rev(7, 10)}) == branch_rev(7, 9));
    CHECK(g.resolve("branch7@head", {}) == merge);
    CHECK(g.resolve(branch_rev(7, 10).substr(0, 8), {}) == branch_rev(7, 10));
    CHECK(revision_error([&] {
              (void)g.resolve("-1", {merge});
          }).starts_with("'-1' is ambiguous: '" + merge + "' is a merge point"));

    const Ids up = g.upgrade_path({}, {merge});
    REQUIRE(up.size() == g.size());
    CHECK(up.front() == id_of(0));
    CHECK(up.back() == merge);
    Ids rows;
    for (const std::string& id : up) {
        rows = g.heads_after_upgrade(rows, id);
    }
    CHECK(rows == Ids{merge});

    // Back to the end of branch 20: the merge goes, then every branch depending on branch 20.
    const Ids down = g.downgrade_path(rows, branch_rev(20, kBranchLength - 1));
    CHECK(down.size() == 1 + (kBranches - 21) * kBranchLength);
    CHECK(down.front() == merge);
    for (const std::string& id : down) {
        rows = g.heads_after_downgrade(rows, id);
    }
    CHECK(rows.size() == 21);
    CHECK(g.downgrade_path(rows, "").size() == 1 + 21 * kBranchLength);
}
