// Private: the JSON shapes of schema values (columns, tables, indexes, ...) shared by the model
// JSON (schema_json.cpp) and the plan JSON (plan_json.cpp).
//
// Writers leave out keys that hold their default value, in a fixed key order. Readers are strict:
// every object goes through an ObjectReader that rejects unknown keys and wrong value types with
// an Error(InvalidModel) naming the path ("tables[2].columns[0].nullable").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schemadiff/core/schema.hpp"

namespace schemadiff::detail {

using Json = nlohmann::ordered_json;

class ObjectReader {
public:
    ObjectReader(const Json& object, std::string path, std::string origin);

    [[nodiscard]] std::string required_string(const char* key);
    [[nodiscard]] std::optional<std::string> optional_string(const char* key);
    [[nodiscard]] bool optional_bool(const char* key, bool fallback);
    // true, false, or nullopt when absent.
    [[nodiscard]] std::optional<bool> optional_flag(const char* key);
    [[nodiscard]] std::optional<long long> optional_integer(const char* key);
    [[nodiscard]] std::vector<std::string> string_list(const char* key);
    // The array at `key` (empty when absent); each element is checked by the caller.
    [[nodiscard]] const Json& array(const char* key);
    [[nodiscard]] const Json* object(const char* key);
    [[nodiscard]] std::string child_path(const char* key) const;
    [[nodiscard]] const std::string& origin() const { return origin_; }
    // Throws for any key not read so far. Call last.
    void finish() const;
    [[noreturn]] void fail(const std::string& key, const std::string& message) const;

private:
    const Json* find(const char* key);
    void mark_seen(std::size_t member);
    [[nodiscard]] bool is_seen(std::size_t member) const;
    const Json& object_;
    std::string path_;
    std::string origin_;
    // The members of object_ (by position) that a read asked for; finish() rejects the others.
    // A bit mask for the first 64, a list for any past them.
    std::uint64_t seen_first_ = 0;
    std::vector<bool> seen_rest_;
};

[[nodiscard]] Json column_to_json(const Column& column);
[[nodiscard]] Column column_from_json(const Json& json, const std::string& path,
                                      const std::string& origin);
[[nodiscard]] Json index_to_json(const Index& index);
[[nodiscard]] Index index_from_json(const Json& json, const std::string& path,
                                    const std::string& origin);
[[nodiscard]] Json unique_to_json(const UniqueConstraint& unique);
[[nodiscard]] UniqueConstraint unique_from_json(const Json& json, const std::string& path,
                                                const std::string& origin);
[[nodiscard]] Json foreign_key_to_json(const ForeignKey& foreign_key);
[[nodiscard]] ForeignKey foreign_key_from_json(const Json& json, const std::string& path,
                                               const std::string& origin);
[[nodiscard]] Json check_to_json(const CheckConstraint& check);
[[nodiscard]] CheckConstraint check_from_json(const Json& json, const std::string& path,
                                              const std::string& origin);
[[nodiscard]] Json primary_key_to_json(const PrimaryKey& primary_key);
[[nodiscard]] PrimaryKey primary_key_from_json(const Json& json, const std::string& path,
                                               const std::string& origin);
[[nodiscard]] Json table_to_json(const Table& table);
[[nodiscard]] Table table_from_json(const Json& json, const std::string& path,
                                    const std::string& origin);
[[nodiscard]] Json view_to_json(const View& view);
[[nodiscard]] View view_from_json(const Json& json, const std::string& path,
                                  const std::string& origin);
// Parses text into JSON, translating parse errors into Error(InvalidModel) with line and column.
[[nodiscard]] Json parse_json_text(std::string_view text, std::string_view origin);

}  // namespace schemadiff::detail
