#include "compared_schemas.hpp"

#include <future>
#include <memory>

#include "model_definitions.hpp"
#include "model_source.hpp"
#include "project.hpp"

namespace schemadiff::cli {

ComparedSchemas read_compared_schemas(const Config& config, const migrate::RevisionGraph& graph) {
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
