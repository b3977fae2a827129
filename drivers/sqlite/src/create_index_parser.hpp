// What SQLite's pragmas do not expose about an index, read from the CREATE INDEX text that
// sqlite_schema stores: the text of expression key parts, explicit COLLATE clauses and the
// partial-index WHERE predicate. Tokens come from sql_tokenizer.hpp, so quoting, comments and
// nested parentheses are handled; expressions are returned with comments removed and whitespace
// collapsed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schemadiff::sqlite::detail {

struct ParsedIndexPart {
    std::string expression;                // the key part without COLLATE/ASC/DESC, as written
    std::optional<std::string> column;     // set when the part is a bare (possibly quoted) name
    std::optional<std::string> collation;  // only when written explicitly
    bool is_descending = false;
};

struct ParsedCreateIndex {
    std::string name;
    std::string table;
    bool is_unique = false;
    std::vector<ParsedIndexPart> parts;
    std::optional<std::string> where;
};

// Throws Error(Introspection) when `sql` is not a CREATE INDEX statement.
[[nodiscard]] ParsedCreateIndex parse_create_index(std::string_view sql);

}  // namespace schemadiff::sqlite::detail
