#include "compared_schemas.hpp"

#include <future>
#include <memory>

#include "model_definitions.hpp"
#include "model_source.hpp"
#include "project.hpp"
#include "schemadiff/core/database_url.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/drivers/registry.hpp"

namespace schemadiff::cli {

namespace {

// Loading the database driver (the PostgreSQL plugin and its client libraries: relocations,
// about 15 ms) is CPU work on the way to the connection. Done before the model thread starts,
// it does not compete with it, and the models are read while the server sets the connection up.
// A URL or driver that cannot load is reported when the database is opened, as without this.
void preload_project_driver(const Config& config) {
    try {
        drivers::preload_driver(parse_database_url(config.url).scheme);
    } catch (const Error&) {
    }
}

}  // namespace

ComparedSchemas read_compared_schemas(const Config& config, const migrate::RevisionGraph& graph) {
    preload_project_driver(config);
    // A std::async future waits for its thread when destroyed, so an error below leaves no
    // thread running and `config` outlives the read.
    std::future<Schema> models = start_loading_models(config);
    const std::unique_ptr<Connection> connection =
        open_project_database(config, drivers::Access::ReadOnly);
    require_up_to_date(graph, current_heads(connection.get(), config));
    ComparedSchemas out;
    out.database = read_database_schema(connection.get(), config);
    out.models = filter_tables(models.get(), config);
    align_model_definitions(connection.get(), out.database, out.models);
    return out;
}

}  // namespace schemadiff::cli
