// DiffContext — what every comparison step of one diff_schemas run shares: the dialect, the
// options, both schemas indexed by identifier key, and the renames decided by table and column
// matching (so constraints on a renamed column or referencing a renamed table compare equal).
//
// Private to the diff module. Keys are Dialect::identifier_key of a name; every map is a hash map
// so the diff stays linear in schema size.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/schema.hpp"
#include "schemadiff/diff/diff.hpp"

namespace schemadiff::diff::detail {

using NameMap = std::unordered_map<std::string, std::string>;

class DiffContext {
public:
    DiffContext(const Dialect& dialect, const DiffOptions& options)
        : dialect_(dialect), options_(options) {}

    [[nodiscard]] const Dialect& dialect() const { return dialect_; }
    [[nodiscard]] const DiffOptions& options() const { return options_; }
    [[nodiscard]] std::string key(std::string_view name) const {
        return dialect_.identifier_key(name);
    }

    // Indexes of both schemas, by table key.
    std::unordered_map<std::string, const Table*> current_tables;
    std::unordered_map<std::string, const Table*> target_tables;
    // key(current table name) -> target name, for tables renamed through `renamed_from`.
    NameMap table_renames;
    // key(current table name) -> (key(current column name) -> target column name).
    std::unordered_map<std::string, NameMap> column_renames;

    // The name a current table or column has once the plan's renames have run.
    [[nodiscard]] std::string renamed_table(const std::string& current_table) const;
    [[nodiscard]] std::string renamed_column(const std::string& current_table,
                                             const std::string& column) const;
    // The current table as it stands once every rename has run: target table and column
    // names, constraints and foreign keys (including what they reference) renamed alike, and
    // a foreign key's empty referenced column list spelled out as the referenced primary key.
    [[nodiscard]] Table renamed_current(const Table& current) const;
    // Whether renamed_current(current) would equal `current`: no rename touches it, it carries
    // no rename hints, and each foreign key names its referenced columns.
    [[nodiscard]] bool renames_nothing_in(const Table& current) const;
    // The referenced columns of a target foreign key; an empty list (the referenced table's
    // primary key) spelled out when the referenced table is known.
    [[nodiscard]] std::vector<std::string> target_referenced_columns(const ForeignKey& fk) const;

private:
    const Dialect& dialect_;
    const DiffOptions& options_;
};

// Removes the model-only hints (`renamed_from`) that operations never carry.
[[nodiscard]] Table without_hints(Table table);
[[nodiscard]] Column without_hints(Column column);

// True when `name` occurs in `sql` as a whole word, ignoring ASCII case.
[[nodiscard]] bool mentions_word(std::string_view sql, std::string_view name);

}  // namespace schemadiff::diff::detail
