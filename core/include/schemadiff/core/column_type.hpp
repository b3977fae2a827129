// ColumnType — a portable column type: a kind plus its parameters.
//
// Models are written in portable types; each Dialect renders them to its own type names and
// normalises what its catalog reports back into a ColumnType, so a column created from a model and
// read back compares equal. What no portable kind describes is kept as TypeKind::Raw with the
// database's own spelling in `raw`.
//
// The text form (to_string / parse_column_type) is what model JSON stores:
//   smallint integer bigint boolean real double numeric numeric(10) numeric(10,2)
//   string string(255) text binary binary(16) date time timetz timestamp timestamptz
//   uuid json enum('a','b') and anything else is raw (e.g. "MEDIUMINT UNSIGNED").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemadiff {

enum class TypeKind {
    SmallInt,
    Integer,
    BigInt,
    Boolean,
    Real,     // 4-byte float
    Double,   // 8-byte float
    Numeric,  // exact decimal, optional precision and scale
    String,   // variable-length character string, optional length
    Text,     // unbounded character string
    Binary,   // byte string, optional length
    Date,
    Time,       // with_timezone for TIME WITH TIME ZONE
    Timestamp,  // with_timezone for TIMESTAMP WITH TIME ZONE
    Uuid,
    Json,
    Enum,  // enum_values in declaration order
    Raw,   // dialect-specific; `raw` holds the type as the database spells it
};

struct ColumnType {
    TypeKind kind = TypeKind::Text;
    std::optional<int> length;     // String, Binary
    std::optional<int> precision;  // Numeric
    std::optional<int> scale;      // Numeric (requires precision)
    bool with_timezone = false;    // Time, Timestamp
    std::vector<std::string> enum_values;
    std::string raw;  // Raw only
    // Enum only: the database's name for the type (PostgreSQL CREATE TYPE ... AS ENUM); empty
    // where enums are inline (SQLite CHECK, MySQL ENUM(...)) or the model leaves it to the dialect.
    std::string enum_name;

    friend bool operator==(const ColumnType&, const ColumnType&) = default;

    // Convenience constructors for the common kinds.
    [[nodiscard]] static ColumnType of(TypeKind kind);
    [[nodiscard]] static ColumnType string(int length);
    [[nodiscard]] static ColumnType numeric(int precision, int scale);
    [[nodiscard]] static ColumnType enumeration(std::vector<std::string> values);
    [[nodiscard]] static ColumnType raw_type(std::string spelling);
};

// The portable text form described above. Round trip: parse_column_type(to_string(t)) == t.
[[nodiscard]] std::string to_string(const ColumnType& type);
// Parses the portable text form; text that is not a portable spelling becomes a Raw type.
// Throws Error(InvalidModel) for a portable name with malformed parameters ("numeric(x)").
[[nodiscard]] ColumnType parse_column_type(std::string_view text);

[[nodiscard]] std::string_view to_string(TypeKind kind);
[[nodiscard]] bool is_integer_kind(TypeKind kind);
[[nodiscard]] bool is_textual_kind(TypeKind kind);

}  // namespace schemadiff
