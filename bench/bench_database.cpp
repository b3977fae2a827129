#include "bench_database.hpp"

#include <filesystem>
#include <system_error>

#include "schemadiff/core/error.hpp"
#include "schemadiff/diff/diff.hpp"
#include "schemadiff/emit/sql.hpp"
#include "schemadiff/sqlite/sqlite_connection.hpp"

namespace schemadiff::bench {

void create_database(const std::string& path, const Schema& schema, const Dialect& dialect) {
    namespace fs = std::filesystem;
    const std::string partial = path + ".partial";
    std::error_code ignored;
    fs::remove(partial, ignored);

    const Plan plan = diff::diff_schemas(Schema{}, schema, diff::DiffOptions{.dialect = &dialect});
    const emit::SqlScript script = emit::emit_sql(plan, dialect);
    {
        auto connection = sqlite::open_sqlite(partial, sqlite::OpenMode::ReadWriteCreate);
        for (const auto& statement : script.before_transaction) connection->execute(statement.sql);
        connection->begin();
        for (const auto& statement : script.transactional) connection->execute(statement.sql);
        connection->commit();
        for (const auto& statement : script.after_transaction) connection->execute(statement.sql);
    }
    std::error_code error;
    fs::rename(partial, path, error);
    if (error) {
        throw Error(ErrorKind::Io,
                    "cannot move the benchmark database into place: " + error.message(), path);
    }
}

}  // namespace schemadiff::bench
