// Benchmark databases: SQLite files built from a generated schema, kept between runs.
//
// A database is created the way a user's first migration would create it: the plan from an
// empty schema to the target (diff::diff_schemas), turned into SQL by the emitter and executed
// through the SQLite Connection, all in one transaction. The file is written under a temporary
// name and renamed into place, so an interrupted run never leaves a half-built file that a later
// run would reuse.
#pragma once

#include <string>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::bench {

// Creates (or replaces) the SQLite database at `path` holding `schema`.
void create_database(const std::string& path, const Schema& schema, const Dialect& dialect);

}  // namespace schemadiff::bench
