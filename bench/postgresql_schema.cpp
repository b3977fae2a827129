#include "postgresql_schema.hpp"

#include <string>

namespace schemadiff::bench {
namespace {

bool is_boolean(const Table& table, const std::string& column) {
    const Column* found = table.find_column(column);
    return found != nullptr && found->type.kind == TypeKind::Boolean;
}

// `flag = 1` -> `flag = true`, `flag = 0` -> `flag = false`, for a boolean `flag`.
void fix_predicate(const Table& table, std::string& predicate) {
    for (const char* literal : {" = 1", " = 0"}) {
        const std::string suffix(literal);
        if (predicate.size() <= suffix.size()) continue;
        if (predicate.compare(predicate.size() - suffix.size(), suffix.size(), suffix) != 0) {
            continue;
        }
        const std::string column = predicate.substr(0, predicate.size() - suffix.size());
        if (!is_boolean(table, column)) continue;
        predicate = column + (suffix == " = 1" ? " = true" : " = false");
    }
}

// `flag IN (0, 1)` -> `flag IN (false, true)`, for a boolean `flag`.
void fix_check(const Table& table, std::string& expression) {
    const std::string suffix = " IN (0, 1)";
    if (expression.size() <= suffix.size()) return;
    if (expression.compare(expression.size() - suffix.size(), suffix.size(), suffix) != 0) return;
    const std::string column = expression.substr(0, expression.size() - suffix.size());
    if (is_boolean(table, column)) expression = column + " IN (false, true)";
}

}  // namespace

Schema for_postgresql(Schema schema) {
    for (auto& table : schema.tables) {
        for (auto& column : table.columns) {
            if (column.type.kind != TypeKind::Boolean || !column.default_sql) continue;
            if (*column.default_sql == "0") column.default_sql = "false";
            if (*column.default_sql == "1") column.default_sql = "true";
        }
        for (auto& index : table.indexes) {
            if (index.where) fix_predicate(table, *index.where);
        }
        for (auto& check : table.checks) fix_check(table, check.expression);
    }
    return schema;
}

}  // namespace schemadiff::bench
