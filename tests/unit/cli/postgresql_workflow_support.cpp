#include "postgresql_workflow_support.hpp"

#include <fmt/format.h>

namespace schemadiff::cli::testing {

std::string url_text(const DatabaseUrl& url) {
    std::string text = "postgresql://";
    if (!url.user.empty()) text += url.user + "@";
    text += url.host;
    if (url.port) text += ":" + std::to_string(*url.port);
    return text + "/" + url.database;
}

PostgresqlProject::PostgresqlProject(const schemadiff::testing::ScratchDatabase& db,
                                     const std::string& extra_toml)
    : connection_(db.open()) {
    write_file(project_.dir() / "schemadiff.toml",
               fmt::format("[database]\nurl = \"{}\"\n\n[models]\njson = \"models.json\"\n{}",
                           url_text(db.url()), extra_toml));
}

Rows PostgresqlProject::query(const std::string& sql) const {
    Rows rows;
    for (const auto& row : connection_->query(sql)) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(cell.value_or("NULL"));
        rows.push_back(std::move(cells));
    }
    return rows;
}

void PostgresqlProject::execute(const std::string& sql) const { connection_->execute(sql); }

}  // namespace schemadiff::cli::testing
