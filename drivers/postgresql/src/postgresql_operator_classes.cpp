// Index operator classes in the PostgreSQL dialect: how a part's operator class is written in
// CREATE INDEX, and which spellings compare equal to none at all (canonical_index).
//
// The catalog reader reports an operator class only when it is not its method's default for the
// type (pg_opclass.opcdefault), so a model that spells a default (`jsonb_ops` on gin, `text_ops`
// on btree) would show a change forever. Every default in pg_catalog is listed below, per access
// method (from PostgreSQL 15's pg_opclass; an operator class name is unique per method and
// schema, and none of these names is also a non-default class of the same method). The default
// operator class of an extension (btree_gin's `int4_ops` on gin) is not known here: a model
// leaves such a class out.
#include <algorithm>
#include <array>
#include <string_view>

#include "postgresql_ddl.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::postgresql {

namespace {

struct DefaultClasses {
    std::string_view method;
    std::string_view names;  // space-separated, sorted
};

constexpr std::array<DefaultClasses, 6> kDefaultClasses{{
    {"brin",
     "bit_minmax_ops box_inclusion_ops bpchar_minmax_ops bytea_minmax_ops char_minmax_ops "
     "date_minmax_ops float4_minmax_ops float8_minmax_ops inet_inclusion_ops int2_minmax_ops "
     "int4_minmax_ops int8_minmax_ops interval_minmax_ops macaddr8_minmax_ops macaddr_minmax_ops "
     "name_minmax_ops numeric_minmax_ops oid_minmax_ops pg_lsn_minmax_ops range_inclusion_ops "
     "text_minmax_ops tid_minmax_ops time_minmax_ops timestamp_minmax_ops "
     "timestamptz_minmax_ops timetz_minmax_ops uuid_minmax_ops varbit_minmax_ops"},
    {"btree",
     "array_ops bit_ops bool_ops bpchar_ops bytea_ops char_ops date_ops enum_ops float4_ops "
     "float8_ops inet_ops int2_ops int4_ops int8_ops interval_ops jsonb_ops macaddr8_ops "
     "macaddr_ops money_ops multirange_ops name_ops numeric_ops oid_ops oidvector_ops pg_lsn_ops "
     "range_ops record_ops text_ops tid_ops time_ops timestamp_ops timestamptz_ops timetz_ops "
     "tsquery_ops tsvector_ops uuid_ops varbit_ops xid8_ops"},
    {"gin", "array_ops jsonb_ops tsvector_ops"},
    {"gist",
     "box_ops circle_ops multirange_ops point_ops poly_ops range_ops tsquery_ops tsvector_ops"},
    {"hash",
     "aclitem_ops array_ops bool_ops bpchar_ops bytea_ops char_ops cid_ops date_ops enum_ops "
     "float4_ops float8_ops inet_ops int2_ops int4_ops int8_ops interval_ops jsonb_ops "
     "macaddr8_ops macaddr_ops multirange_ops name_ops numeric_ops oid_ops oidvector_ops "
     "pg_lsn_ops range_ops record_ops text_ops tid_ops time_ops timestamp_ops timestamptz_ops "
     "timetz_ops uuid_ops xid8_ops xid_ops"},
    {"spgist", "box_ops inet_ops poly_ops quad_point_ops range_ops text_ops"},
}};

constexpr std::string_view kCatalogSchema = "pg_catalog.";

bool contains_word(std::string_view words, std::string_view word) {
    while (!words.empty()) {
        const std::size_t end = std::min(words.find(' '), words.size());
        if (words.substr(0, end) == word) return true;
        words.remove_prefix(std::min(end + 1, words.size()));
    }
    return false;
}

// Whether `name` (unqualified) is the built-in default operator class of `method`.
bool is_default_class(std::string_view method, std::string_view name) {
    const auto found = std::find_if(kDefaultClasses.begin(), kDefaultClasses.end(),
                                    [&](const DefaultClasses& c) { return c.method == method; });
    return found != kDefaultClasses.end() && contains_word(found->names, name);
}

// "pg_catalog.text_pattern_ops" is "text_pattern_ops": pg_catalog is always on the search path,
// and the catalog reader qualifies only classes that are not.
std::string_view unqualified_catalog_name(std::string_view name) {
    if (name.substr(0, kCatalogSchema.size()) == kCatalogSchema) {
        name.remove_prefix(kCatalogSchema.size());
    }
    return name;
}

}  // namespace

std::string detail::operator_class_sql(const PostgresqlDialect& dialect,
                                       std::string_view operator_class) {
    const std::size_t dot = operator_class.find('.');
    if (dot == std::string_view::npos) return dialect.quote_identifier(operator_class);
    return dialect.quote_identifier(operator_class.substr(0, dot)) + "." +
           dialect.quote_identifier(operator_class.substr(dot + 1));
}

Index PostgresqlDialect::canonical_index(const Index& index) const {
    std::string method = text::to_lower(text::trim(index.method));
    if (method.empty()) method = "btree";
    Index canonical = index;
    for (auto& part : canonical.parts) {
        if (!part.operator_class) continue;
        const std::string_view name = unqualified_catalog_name(text::trim(*part.operator_class));
        if (is_default_class(method, name)) {
            part.operator_class.reset();
        } else {
            part.operator_class = std::string(name);
        }
    }
    return canonical;
}

}  // namespace schemadiff::postgresql
