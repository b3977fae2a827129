// Support for the no-false-positive suite: create a model on a fresh SQLite file with the SQL
// schemadiff emits for it, read it back through the driver, and check that the diff is empty both
// ways; plus small builders for model schemas.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "schemadiff/core/plan.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::acceptance::nfp {

[[nodiscard]] Plan plan_between(const Schema& from, const Schema& to);
// A fresh database file path in the suite's scratch folder.
[[nodiscard]] std::filesystem::path fresh_file();
// Removes a scratch file (and the scratch folder once it is empty).
void remove_file(const std::filesystem::path& path);
// Creates `model` with the emitted SQL, reads it back, and checks both diffs are empty
// (doctest CHECKs, with the model and the differences in the messages).
void check_model(const Schema& model, const std::string& label);
void check_no_change(const Schema& model, const Schema& readback);

[[nodiscard]] Column column(std::string name, const std::string& type, bool is_nullable = true,
                            std::optional<std::string> default_sql = std::nullopt);
[[nodiscard]] IndexPart part(std::string column_name, bool is_descending = false,
                             std::optional<std::string> collation = std::nullopt);
[[nodiscard]] IndexPart expression_part(std::string expression);
[[nodiscard]] Index index(std::string name, std::vector<IndexPart> parts, bool is_unique = false,
                          std::optional<std::string> where = std::nullopt);
[[nodiscard]] ForeignKey foreign_key(std::optional<std::string> name,
                                     std::vector<std::string> columns, std::string referenced_table,
                                     std::vector<std::string> referenced_columns);
// A table with an `id integer NOT NULL` primary key.
[[nodiscard]] Table table_with_id(std::string name);
[[nodiscard]] Schema schema_of(std::vector<Table> tables);

}  // namespace schemadiff::acceptance::nfp
