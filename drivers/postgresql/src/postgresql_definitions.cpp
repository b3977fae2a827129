// canonicalize_definitions: the server side of deparsing model views and triggers (see
// postgresql_definitions.hpp): BEGIN READ WRITE, one DO block and one query per step, ROLLBACK.
#include "postgresql_definitions.hpp"

#include <map>
#include <utility>

#include "postgresql_catalog.hpp"
#include "postgresql_definition_text.hpp"
#include "postgresql_result.hpp"
#include "postgresql_sql_tokens.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::postgresql::detail {

namespace {

constexpr std::string_view kContext = "deparsing the models' views and triggers";

// The temporary views this transaction created, as pg_get_viewdef prints them.
constexpr const char* kTemporaryViewsQuery =
    "SELECT c.relname, pg_catalog.pg_get_viewdef(c.oid, true)"
    " FROM pg_catalog.pg_class c"
    " WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND c.relkind = 'v'";

// The triggers on the temporary table copies, as pg_get_triggerdef prints them.
constexpr const char* kTemporaryTriggersQuery =
    "SELECT c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true)"
    " FROM pg_catalog.pg_trigger t"
    " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
    " WHERE c.relnamespace = pg_catalog.pg_my_temp_schema() AND NOT t.tgisinternal";

// Runs `statement` in a subtransaction of the DO block; a failure only skips it.
std::string attempt(std::string_view statement) {
    return "BEGIN EXECUTE " + escaped_literal(statement) +
           "; EXCEPTION WHEN OTHERS THEN NULL; END;\n";
}

std::string without_terminator(std::string_view sql) {
    sql = text::trim(sql);
    while (!sql.empty() && sql.back() == ';') sql = text::trim(sql.substr(0, sql.size() - 1));
    return std::string(sql);
}

void deparse_views(PGconn* connection, Schema& model, const Dialect& dialect) {
    std::string body;
    std::map<std::string, bool> is_materialized;
    for (const View* view : creation_order(model.views)) {
        const auto temporary = temporary_view(view->sql, view->name);
        if (!temporary) continue;
        body += attempt(temporary->statement);
        is_materialized.emplace(view->name, temporary->is_materialized);
    }
    if (body.empty()) return;
    const Result result = run(connection, do_block(body) + ";\n" + kTemporaryViewsQuery,
                              ErrorKind::Introspection, kContext);
    std::map<std::string, std::string> deparsed;
    for (int i = 0; i < result.rows(); ++i)
        deparsed.emplace(result.string(i, 0), result.string(i, 1));
    for (View& view : model.views) {
        const auto found = deparsed.find(view.name);
        const auto kind = is_materialized.find(view.name);
        if (found == deparsed.end() || kind == is_materialized.end()) continue;
        view.sql = view_statement(view.name, kind->second, found->second, dialect);
    }
}

void deparse_triggers(PGconn* connection, Schema& model) {
    std::string body;
    for (const Table& table : model.tables) {
        std::string triggers;
        for (const Trigger& trigger : table.triggers) {
            if (is_plain_trigger_statement(trigger.sql)) {
                triggers += attempt(without_terminator(trigger.sql));
            }
        }
        if (triggers.empty()) continue;
        // The copy first: without it (the table is new) its triggers are not tried at all, so
        // none can land on a real table.
        const std::string name = escaped_literal(table.name);
        body += "BEGIN EXECUTE pg_catalog.format('CREATE TEMP TABLE %I (LIKE %I.%I)', " + name +
                ", pg_catalog.current_schema(), " + name + ");\n" + triggers +
                "EXCEPTION WHEN OTHERS THEN NULL; END;\n";
    }
    if (body.empty()) return;
    const Result result = run(connection, do_block(body) + ";\n" + kTemporaryTriggersQuery,
                              ErrorKind::Introspection, kContext);
    std::map<std::pair<std::string, std::string>, std::string> deparsed;
    for (int i = 0; i < result.rows(); ++i) {
        deparsed.emplace(std::make_pair(result.string(i, 0), result.string(i, 1)),
                         result.string(i, 2));
    }
    for (Table& table : model.tables) {
        for (Trigger& trigger : table.triggers) {
            const auto found = deparsed.find({table.name, trigger.name});
            if (found != deparsed.end()) trigger.sql = found->second;
        }
    }
}

bool has_triggers(const Schema& model) {
    for (const Table& table : model.tables) {
        if (!table.triggers.empty()) return true;
    }
    return false;
}

}  // namespace

void canonicalize_definitions(PGconn* connection, Schema& model, const Dialect& dialect) {
    if (model.views.empty() && !has_triggers(model)) return;
    if (PQtransactionStatus(connection) != PQTRANS_IDLE) return;
    try {
        // Explicitly READ WRITE: the session may be read-only by default. Temporary objects
        // only, and the ROLLBACK below takes them all away.
        static_cast<void>(run(connection, "BEGIN READ WRITE", ErrorKind::Introspection, kContext));
    } catch (const Error&) {
        // A hot standby refuses READ WRITE: the models keep their text.
        if (PQtransactionStatus(connection) != PQTRANS_IDLE) {
            Result ignored(PQexec(connection, "ROLLBACK"));
        }
        return;
    }
    try {
        deparse_views(connection, model, dialect);
        deparse_triggers(connection, model);
        static_cast<void>(run(connection, "ROLLBACK", ErrorKind::Introspection, kContext));
    } catch (...) {
        if (PQtransactionStatus(connection) != PQTRANS_IDLE) {
            Result ignored(PQexec(connection, "ROLLBACK"));
        }
        throw;
    }
}

}  // namespace schemadiff::postgresql::detail
