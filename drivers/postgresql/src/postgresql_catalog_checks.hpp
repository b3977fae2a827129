// Private: the catalog reader's reading of CHECK constraints that stand for an enum type.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemadiff::postgresql::detail {

// The values of a CHECK of the shape the dialect writes for an enum without a type name, as
// pg_get_constraintdef prints it back: `CHECK (col = ANY (ARRAY['a'::text, 'b'::text]))`,
// `CHECK (col::text = ANY (ARRAY['a'::character varying, ...]::text[]))` or, for one value,
// `CHECK (col = 'a'::text)`; nullopt for any other expression or another column.
[[nodiscard]] std::optional<std::vector<std::string>> enum_check_values(std::string_view definition,
                                                                        std::string_view column);

}  // namespace schemadiff::postgresql::detail
