#include "postgresql_scratch_database.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <utility>

#include "schemadiff/diff/diff.hpp"
#include "schemadiff/emit/sql.hpp"
#include "schemadiff/postgresql/postgresql_connection.hpp"
#include "schemadiff/postgresql/postgresql_dialect.hpp"

namespace schemadiff::bench {
namespace {

constexpr std::size_t kStatementsPerBatch = 500;

void run_on_server(const DatabaseUrl& server, const std::string& sql) {
    auto connection = postgresql::open_postgresql(server, postgresql::OpenMode::ReadWrite);
    connection->execute(sql);
}

}  // namespace

ScratchDatabase::ScratchDatabase(const DatabaseUrl& server, std::string name, bool is_kept)
    : server_(server), name_(std::move(name)), url_(server), is_kept_(is_kept) {
    url_.database = name_;
    run_on_server(server_, fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
    run_on_server(server_, fmt::format("CREATE DATABASE {}", name_));
}

ScratchDatabase::~ScratchDatabase() {
    if (is_kept_) return;
    try {
        run_on_server(server_, fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "cannot drop the benchmark database %s: %s\n", name_.c_str(),
                     error.what());
    }
}

std::size_t create_schema(const DatabaseUrl& url, const Schema& schema) {
    const Dialect& dialect = postgresql::postgresql_dialect();
    const Plan plan = diff::diff_schemas(Schema{}, schema, diff::DiffOptions{.dialect = &dialect});
    const emit::SqlScript script = emit::emit_sql(plan, dialect);
    auto connection = postgresql::open_postgresql(url, postgresql::OpenMode::ReadWrite);
    for (const auto& statement : script.before_transaction) connection->execute(statement.sql);
    // Statements go to the server in batches (libpq runs a multi-statement string in one round
    // trip), each batch in its own transaction: one transaction for everything would be faster
    // still, but a transaction holds a lock per table it creates, and 5,000 tables overflow the
    // default lock table (max_locks_per_transaction = 64: "out of shared memory").
    std::string batch;
    std::size_t in_batch = 0;
    const auto flush = [&] {
        if (batch.empty()) return;
        connection->execute("BEGIN;\n" + batch + "COMMIT");
        batch.clear();
        in_batch = 0;
    };
    for (const auto& statement : script.transactional) {
        batch += statement.sql;
        batch += ";\n";
        if (++in_batch == kStatementsPerBatch) flush();
    }
    flush();
    for (const auto& statement : script.after_transaction) connection->execute(statement.sql);
    return script.before_transaction.size() + script.transactional.size() +
           script.after_transaction.size();
}

}  // namespace schemadiff::bench
