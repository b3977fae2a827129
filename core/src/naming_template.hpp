// NamingTemplate — one naming-convention template ("fk_%(table_name)s_%(column_0_name)s") parsed
// into literal text and tokens, and expanded for one key, index or constraint.
//
// The token syntax is SQLAlchemy's, so that Alembic users can paste their conventions and get
// the names SQLAlchemy gave their databases:
//   %(table_name)s                                  the table
//   %(column_<k>_name)s                             the k-th column (0-based); "" past the end
//   %(column_0N_name)s / %(column_0_N_name)s        all columns, joined by "" / by "_"
//   %(column_..._key)s, %(column_..._label)s        key = name; label = "<table>_<column>"
//   %(referred_table_name)s                         fk only
//   %(referred_column_<k>_name)s, ..._0N_, ..._0_N_ fk only: the referenced columns
//   %%                                              a literal "%"
// Private to core: naming_convention.cpp is its one user.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace schemadiff::detail {

// The kinds a convention names, by their SQLAlchemy keys: "pk", "fk", "uq", "ix", "ck".
enum class NamedKind { PrimaryKey, ForeignKey, Unique, Index, Check };

[[nodiscard]] std::string_view kind_key(NamedKind kind);

// What a template is expanded with. An expression part of an index has the column name "expr".
struct NamingInputs {
    std::string table;
    std::vector<std::string> columns;
    std::string referred_table;
    std::vector<std::string> referred_columns;
};

class NamingTemplate {
public:
    // Throws Error(Usage) naming the kind and the token for an unknown token, a token `kind`
    // cannot use, or a malformed "%" sequence.
    NamingTemplate(NamedKind kind, std::string_view text);

    [[nodiscard]] bool empty() const { return segments_.empty(); }
    [[nodiscard]] bool uses_referred_columns() const;
    [[nodiscard]] std::string expand(const NamingInputs& inputs) const;

private:
    enum class Source { Literal, Table, Column, ReferredTable, ReferredColumn };
    enum class Join { One, Concatenated, Underscored };
    enum class Attribute { Name, Label };

    struct Segment {
        Source source = Source::Literal;
        std::string literal;
        std::size_t position = 0;  // the column's index, for Join::One
        Join join = Join::One;
        Attribute attribute = Attribute::Name;
    };

    static Segment parse_token(NamedKind kind, std::string_view token);
    void flush_literal(std::string& literal);

    std::vector<Segment> segments_;
};

}  // namespace schemadiff::detail
