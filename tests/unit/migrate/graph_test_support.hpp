// Shared by the revision-graph tests: revisions written as one line each, and the Error a call
// throws.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "schemadiff/core/error.hpp"
#include "schemadiff/migrate/revision_graph.hpp"
#include "schemadiff/migrate/revision_script.hpp"

namespace graph_test {

using Ids = std::vector<std::string>;

// One revision as the graph sees it; its file is "versions/<id>.sql".
struct Rev {
    std::string id;
    Ids revises;
    Ids labels;
    Ids depends_on;
};

inline schemadiff::migrate::RevisionScript script(const Rev& rev) {
    schemadiff::migrate::RevisionScript out;
    out.path = "versions/" + rev.id + ".sql";
    out.message = "revision " + rev.id;
    out.revision = rev.id;
    out.revises = rev.revises;
    out.branch_labels = rev.labels;
    out.depends_on = rev.depends_on;
    return out;
}

inline schemadiff::migrate::RevisionGraph graph(const std::vector<Rev>& revs) {
    std::vector<schemadiff::migrate::RevisionScript> scripts;
    scripts.reserve(revs.size());
    for (const Rev& rev : revs) {
        scripts.push_back(script(rev));
    }
    return schemadiff::migrate::RevisionGraph(std::move(scripts));
}

// The schemadiff::Error `call` throws; fails the test when it throws none.
template <typename Call>
schemadiff::Error error_of(Call&& call) {
    try {
        call();
    } catch (const schemadiff::Error& error) {
        return error;
    }
    FAIL("expected a schemadiff::Error");
    return schemadiff::Error(schemadiff::ErrorKind::Internal, "unreachable");
}

// The message of the Error(Revision) `call` throws (checking its kind).
template <typename Call>
std::string revision_error(Call&& call) {
    const schemadiff::Error error = error_of(std::forward<Call>(call));
    CHECK(error.kind() == schemadiff::ErrorKind::Revision);
    return error.message();
}

// Alembic's documented example: a base with two branches (one labelled), and a merge of them.
//   1975ea83b712 (create account table)
//     ├─ ae1027a6acf (add a column)
//     └─ 27c6a30d7c24 (add shopping cart table, label shoppingcart)
inline std::vector<Rev> two_branches() {
    return {
        {.id = "1975ea83b712"},
        {.id = "ae1027a6acf", .revises = {"1975ea83b712"}},
        {.id = "27c6a30d7c24", .revises = {"1975ea83b712"}, .labels = {"shoppingcart"}},
    };
}

inline std::vector<Rev> two_branches_merged() {
    std::vector<Rev> revs = two_branches();
    revs.push_back({.id = "53fffde5ad5", .revises = {"ae1027a6acf", "27c6a30d7c24"}});
    return revs;
}

}  // namespace graph_test
