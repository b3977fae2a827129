// Model views and triggers spelled the way the catalog reader prints the database's: the server
// deparses them (PostgresqlConnection::canonicalize_definitions).
//
// PostgreSQL keeps a view as its parsed query and prints it back with pg_get_viewdef, never as
// written (`SELECT id FROM users WHERE active` comes back as `SELECT users.id FROM users WHERE
// users.active;`), and a trigger with pg_get_triggerdef. A model's statements, as the user wrote
// them, would therefore differ from the database's on every run. So, in one READ WRITE
// transaction that is always rolled back (allowed on a read-only session: it only sets
// default_transaction_read_only; nothing outlives the ROLLBACK):
//   1. every model view is created as a TEMP view under its own name, dependencies first — a
//      temporary relation shadows the real one of the same name for the rest of the
//      transaction, so a view over a model view binds to the model's version, and names print
//      unqualified exactly as in the database; a materialized view is deparsed as a plain
//      temporary view of its query (PostgreSQL has no temporary materialized views, and both
//      print through the same deparser); pg_get_viewdef then prints them all in one query;
//   2. each model table with triggers gets an empty temporary copy (LIKE the real table) under
//      its own name, its triggers are created on the copy, and pg_get_triggerdef prints them.
// All statements of a step run in one DO block, each in its own subtransaction, so the whole
// costs four round trips whatever the number of views and triggers. A statement the server
// refuses (a column or trigger function the database does not have yet, no TEMPORARY
// privilege) keeps its text; so does a statement that is not one plain CREATE VIEW / CREATE
// TRIGGER (two statements, a trigger on a schema-qualified table): only those are ever run.
// View options the deparser does not print (WITH CHECK OPTION, security_barrier) are compared
// neither here nor in the catalog.
#pragma once

#include <libpq-fe.h>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::postgresql::detail {

// REQUIRES: no transaction open on `connection`. Does nothing when the server refuses a READ
// WRITE transaction (a hot standby). Throws Error(Introspection) when the server fails
// otherwise (the transaction is rolled back first).
void canonicalize_definitions(PGconn* connection, Schema& model, const Dialect& dialect);

}  // namespace schemadiff::postgresql::detail
