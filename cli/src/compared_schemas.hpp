// The two sides that `check` and `autogenerate` compare: the database (which must be at every
// head of the revision graph), as read, and the models, both without the tables
// [autogenerate] leaves out, the models' views and triggers spelled the database's way
// (align_model_definitions).
//
// The models are read on a second thread while the database is opened and its catalog read,
// so a large model file costs no wall-clock time on top of the catalog's round trips. Errors
// come in the order of a sequential run: the database's first (no URL, cannot connect, not at
// head), then the models'.
#pragma once

#include "config.hpp"
#include "schemadiff/core/schema.hpp"
#include "schemadiff/migrate/revision_graph.hpp"

namespace schemadiff::cli {

struct ComparedSchemas {
    Schema database;
    Schema models;
};

[[nodiscard]] ComparedSchemas read_compared_schemas(const Config& config,
                                                    const migrate::RevisionGraph& graph);

}  // namespace schemadiff::cli
