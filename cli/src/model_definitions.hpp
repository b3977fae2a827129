// Model views and triggers against a database — so that `check`, `autogenerate` and `diff`
// report only the views and triggers that really changed.
//
// A database may keep a view or trigger in its own spelling rather than as written (PostgreSQL
// prints a view as its deparsed query), so the model's statements, compared as text, would
// differ on every run. align_model_definitions asks the database to spell the model's
// statements its own way (Connection::canonicalize_definitions: nothing is left behind, and it
// works on read-only connections), then keeps, per view and trigger:
//   * the database's spelling, when it equals the database's statement (nothing to do), and
//   * the model's own text otherwise, so that the revision script creates a changed view or
//     trigger from the SQL the user wrote (with the options the database does not print back).
#pragma once

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::cli {

// `database_schema` is what `database` read. Does nothing when `database` is nullptr (a
// database that does not exist yet). REQUIRES: no transaction open on `database`.
void align_model_definitions(Connection* database, const Schema& database_schema, Schema& models);

}  // namespace schemadiff::cli
