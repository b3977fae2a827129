// Test support for the diff module: a small dialect that overrides everything the diff asks of
// a dialect (so the tests do not depend on Dialect's portable defaults), schema builders, and a
// one-line summary per operation so tests compare whole plans at a glance.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/plan.hpp"
#include "schemadiff/core/schema.hpp"
#include "schemadiff/diff/diff.hpp"

namespace schemadiff::diff::test {

// Names fold case-insensitively (like SQLite). "INT" and "INT4" are spellings of integer, and
// string without a length reads back as text. Operations whose name is in `refused` cannot be
// done in place (on the tables of `refused_tables`, when it is not empty).
class TestDialect : public Dialect {
public:
    std::set<std::string> refused;
    // When not empty, the refusals apply to these tables only.
    std::set<std::string> refused_tables;

    [[nodiscard]] std::string_view name() const override { return "test"; }
    [[nodiscard]] std::string identifier_key(std::string_view name) const override;
    [[nodiscard]] std::string render_type(const ColumnType& type) const override;
    [[nodiscard]] ColumnType normalize_type(std::string_view declared) const override;
    [[nodiscard]] ColumnType canonical_type(const ColumnType& type) const override;
    [[nodiscard]] std::string normalize_default(std::string_view expression,
                                                const ColumnType& type) const override;
    [[nodiscard]] std::string normalize_expression(std::string_view expression) const override;
    [[nodiscard]] bool can_alter_in_place(const Operation& op, const Table& table,
                                          std::string& reason) const override;
};

[[nodiscard]] Column column(std::string name, std::string_view type = "integer",
                            bool is_nullable = true);
[[nodiscard]] Column not_null(std::string name, std::string_view type = "integer");
[[nodiscard]] Table table(std::string name, std::vector<Column> columns);
[[nodiscard]] Table keyed_table(std::string name, std::vector<Column> columns);  // PK on "id"
[[nodiscard]] ForeignKey foreign_key(std::vector<std::string> columns, std::string referenced,
                                     std::vector<std::string> referenced_columns = {"id"});
[[nodiscard]] Index index(std::string name, std::vector<std::string> columns,
                          bool is_unique = false);

[[nodiscard]] IndexPart column_part(std::string column_name);
[[nodiscard]] IndexPart expression_part(std::string expression);

[[nodiscard]] Plan diff(const Schema& current, const Schema& target);
[[nodiscard]] Plan diff(const Schema& current, const Schema& target, const Dialect& dialect);

// "add_column users.email", "create_index users.ix_email", "create_table users",
// "create_view v_users", "drop_trigger users.tr_touch", ...
[[nodiscard]] std::string summary(const Operation& op);
[[nodiscard]] std::vector<std::string> summaries(const Plan& plan);
// "data-loss users.email" per finding, in plan order.
[[nodiscard]] std::vector<std::string> finding_summaries(const Plan& plan);

template <typename T>
[[nodiscard]] std::vector<T> ops_of(const Plan& plan) {
    std::vector<T> out;
    for (const auto& op : plan.operations) {
        if (const T* found = std::get_if<T>(&op)) out.push_back(*found);
    }
    return out;
}

}  // namespace schemadiff::diff::test
