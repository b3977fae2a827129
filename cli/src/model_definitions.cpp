#include "model_definitions.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

namespace schemadiff::cli {

namespace {

// The statement each database view and trigger has, by view name and by (table, trigger).
struct Statements {
    std::unordered_map<std::string, const std::string*> views;
    std::unordered_map<std::string, std::unordered_map<std::string, const std::string*>> triggers;

    explicit Statements(const Schema& schema) {
        for (const View& view : schema.views) views.emplace(view.name, &view.sql);
        for (const Table& table : schema.tables) {
            for (const Trigger& trigger : table.triggers) {
                triggers[table.name].emplace(trigger.name, &trigger.sql);
            }
        }
    }

    [[nodiscard]] bool has_view(const View& view) const {
        const auto found = views.find(view.name);
        return found != views.end() && *found->second == view.sql;
    }
    [[nodiscard]] bool has_trigger(const std::string& table, const Trigger& trigger) const {
        const auto on_table = triggers.find(table);
        if (on_table == triggers.end()) return false;
        const auto found = on_table->second.find(trigger.name);
        return found != on_table->second.end() && *found->second == trigger.sql;
    }
};

}  // namespace

void align_model_definitions(Connection* database, const Schema& database_schema, Schema& models) {
    if (database == nullptr) return;
    // Only the statements are spelled: a copy of the views and of each table's name and
    // triggers, table for table, not of the whole model.
    const bool has_triggers =
        std::any_of(models.tables.begin(), models.tables.end(),
                    [](const Table& table) { return !table.triggers.empty(); });
    if (models.views.empty() && !has_triggers) return;
    Schema spelled;
    spelled.views = models.views;
    spelled.tables.reserve(models.tables.size());
    for (const Table& table : models.tables) {
        Table& copy = spelled.tables.emplace_back();
        copy.name = table.name;
        copy.triggers = table.triggers;
    }
    database->canonicalize_definitions(spelled);
    const Statements in_database(database_schema);
    // Same names in the same order: canonicalize_definitions only rewrites statements.
    for (std::size_t i = 0; i < models.views.size() && i < spelled.views.size(); ++i) {
        if (in_database.has_view(spelled.views[i])) {
            models.views[i].sql = std::move(spelled.views[i].sql);
        }
    }
    for (std::size_t t = 0; t < models.tables.size() && t < spelled.tables.size(); ++t) {
        Table& table = models.tables[t];
        const Table& spelled_table = spelled.tables[t];
        for (std::size_t i = 0; i < table.triggers.size() && i < spelled_table.triggers.size();
             ++i) {
            if (in_database.has_trigger(table.name, spelled_table.triggers[i])) {
                table.triggers[i].sql = spelled_table.triggers[i].sql;
            }
        }
    }
}

}  // namespace schemadiff::cli
