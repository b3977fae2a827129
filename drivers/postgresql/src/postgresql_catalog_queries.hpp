// The catalog queries read_schema issues: a constant number (kCatalogQueryCount), whatever the
// number of tables. Each reads one kind of object for every ordinary or partitioned table of
// the schema being read (partitions are left out: they belong to their parent), straight from
// pg_catalog with arrays unnested in the server, so the cost does not grow with round trips.
// `@NAMESPACE@` is replaced by the oid expression of that schema. Names are read as stored;
// expressions come from pg_get_expr / pg_get_constraintdef / pg_get_indexdef in their "pretty"
// form, which is what the dialect's normalisers expect. Key and index columns come as attnums,
// named by the client from the columns it read: a lookup in pg_attribute per key or index part
// was half of those two queries' time at 1,000 tables.
#pragma once

#include <cstddef>

namespace schemadiff::postgresql::detail {

// The tables of the schema by name: the order a Schema keeps them in (the name type sorts
// bytewise, as std::string does), so canonicalize has nothing to sort. With them their comments
// and their columns' (objsubid 0 is the table's, otherwise the attnum): a row per comment, or one
// with no comment. Comments are few, and joining them here costs less than in the columns query.
inline constexpr const char* kTablesQuery =
    "SELECT c.oid, c.relname, d.objsubid, d.description"
    " FROM pg_catalog.pg_class c"
    " LEFT JOIN pg_catalog.pg_description d ON d.objoid = c.oid"
    "  AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass"
    " WHERE c.relnamespace = @NAMESPACE@ AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    " ORDER BY c.relname, d.objsubid";

// The deparsing functions (pg_get_expr, pg_get_constraintdef, pg_get_indexdef) make the server
// open each relation they name and build its cache, which is most of a cold read's cost: they are
// called only where their text is used (a generated column's expression, a CHECK, an expression
// index part); a plain default cannot name a column, so it is deparsed without its relation.
//
// Columns, unsorted (fetch_catalog puts them in attnum order), without their comments (read with
// the tables). The collation only when it is not the type's default. owns_sequence when the default
// uses a sequence that the column owns (OWNED BY: pg_depend type 'a'); with a default that is a
// bare nextval() call, that is a serial column. Only an integer column whose default calls nextval
// (function oid 1574, fixed in every release; an int4 column's default wraps it in a cast) can be
// one: those two tests spare the pg_depend probes for every other default, which were a fifth of
// this query's time when most columns have one.
inline constexpr const char* kColumnsQuery =
    "SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
    " a.attnotnull,"
    " pg_catalog.pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END,"
    "  true),"
    " a.attidentity,"
    " a.attgenerated,"
    " CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,"
    " a.atttypid, t.typtype = 'e',"
    " ad.oid IS NOT NULL AND a.atttypid IN ('pg_catalog.int2'::pg_catalog.regtype,"
    "  'pg_catalog.int4'::pg_catalog.regtype, 'pg_catalog.int8'::pg_catalog.regtype)"
    " AND pg_catalog.strpos(ad.adbin::pg_catalog.text, '{FUNCEXPR :funcid 1574 ') > 0"
    " AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend owned"
    "  JOIN pg_catalog.pg_depend used ON used.refobjid = owned.objid"
    "  AND used.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
    "  AND used.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND used.objid = ad.oid"
    "  WHERE owned.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
    "  AND owned.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
    "  AND owned.refobjid = a.attrelid AND owned.refobjsubid = a.attnum"
    "  AND owned.deptype = 'a'),"
    " a.attcollation"
    " FROM pg_catalog.pg_attribute a"
    " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
    " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
    " LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum"
    " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
    " WHERE c.relnamespace = @NAMESPACE@ AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    " AND a.attnum > 0 AND NOT a.attisdropped";

// Every enum type's values in their declared order (enum types are few; reading all of them
// costs less than working out which ones the tables use). The last column says whether the type
// is one of the schema's own (Schema::enum_types): in it, and not an extension's.
inline constexpr const char* kEnumValuesQuery =
    "SELECT e.enumtypid, t.typname, e.enumlabel,"
    " t.typnamespace = @NAMESPACE@ AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x"
    "  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND x.objid = t.oid"
    "  AND x.deptype = 'e')"
    " FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid"
    " ORDER BY e.enumtypid, e.enumsortorder";

// Primary keys, uniques, foreign keys and checks (exclusion constraints are not modelled); the
// schema of a referenced table only when it is not the one read.
inline constexpr const char* kConstraintsQuery =
    "SELECT con.oid, con.conrelid, con.conname, con.contype, rc.relname, con.confupdtype,"
    " con.confdeltype, con.condeferrable, con.condeferred, con.confmatchtype,"
    " CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid, true) END,"
    " CASE WHEN rc.relnamespace <> @NAMESPACE@ THEN rn.nspname END"
    " FROM pg_catalog.pg_constraint con"
    " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
    " LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid"
    " LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace"
    " WHERE c.relnamespace = @NAMESPACE@ AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    " AND con.contype IN ('p', 'u', 'f', 'c')";

// The key columns of those constraints in key order, with the referenced column of a foreign
// key beside each (conkey and confkey unnested together), as attnums: fetch_catalog names them
// from the columns it read. The server names only what that read does not cover: a system
// column (a CHECK may use tableoid) and a column of a referenced table outside the schema.
inline constexpr const char* kConstraintColumnsQuery =
    "SELECT con.oid, con.conrelid, k.attnum,"
    " CASE WHEN k.attnum < 1 THEN (SELECT a0.attname FROM pg_catalog.pg_attribute a0"
    "  WHERE a0.attrelid = con.conrelid AND a0.attnum = k.attnum) END,"
    " con.confrelid, k.fattnum,"
    " CASE WHEN k.fattnum IS NOT NULL AND NOT (rc.relnamespace = @NAMESPACE@"
    "  AND rc.relkind IN ('r', 'p') AND NOT rc.relispartition)"
    "  THEN (SELECT f0.attname FROM pg_catalog.pg_attribute f0"
    "  WHERE f0.attrelid = con.confrelid AND f0.attnum = k.fattnum) END"
    " FROM pg_catalog.pg_constraint con"
    " JOIN pg_catalog.pg_class c ON c.oid = con.conrelid"
    " LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid"
    " CROSS JOIN LATERAL ROWS FROM (pg_catalog.unnest(con.conkey),"
    "  pg_catalog.unnest(con.confkey)) WITH ORDINALITY AS k(attnum, fattnum, position)"
    " WHERE c.relnamespace = @NAMESPACE@ AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    " AND con.contype IN ('p', 'u', 'f', 'c')"
    " ORDER BY con.oid, k.position";

// Indexes that do not back a primary key, unique or exclusion constraint.
inline constexpr const char* kIndexesQuery =
    "SELECT i.indexrelid, i.indrelid, ic.relname, i.indisunique, am.amname, i.indnkeyatts,"
    " pg_catalog.pg_get_expr(i.indpred, i.indrelid, true)"
    " FROM pg_catalog.pg_index i"
    " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid"
    " JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
    " JOIN pg_catalog.pg_am am ON am.oid = ic.relam"
    " WHERE c.relnamespace = @NAMESPACE@ AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con"
    "  WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))";

// Every part of those indexes in order: key parts (a column's attnum, or an expression when
// indkey is 0) with their indoption bits, their collation and an operator class other than the
// default for the type and method (schema-qualified when not on the search path), then INCLUDE
// columns (which have neither). fetch_catalog names the columns, and keeps the collation only
// when it is not the column's own.
inline constexpr const char* kIndexPartsQuery =
    "SELECT i.indexrelid, k.n, i.indkey[k.n - 1],"
    " CASE WHEN k.attnum = 0"
    "  THEN pg_catalog.pg_get_indexdef(i.indexrelid, k.n::integer, true) END,"
    " i.indrelid,"
    " COALESCE(i.indoption[k.n - 1], 0),"
    " COALESCE(i.indcollation[k.n - 1], 0), co.collname,"
    " CASE WHEN NOT oc.opcdefault THEN CASE"
    "  WHEN ocn.nspname = 'pg_catalog' OR pg_catalog.pg_opclass_is_visible(oc.oid)"
    "  THEN oc.opcname ELSE ocn.nspname || '.' || oc.opcname END END"
    " FROM pg_catalog.pg_index i"
    " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid"
    " CROSS JOIN LATERAL pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY"
    "  AS k(attnum, n)"
    " LEFT JOIN pg_catalog.pg_collation co ON co.oid = i.indcollation[k.n - 1]"
    " LEFT JOIN pg_catalog.pg_opclass oc ON k.n <= i.indnkeyatts AND oc.oid = i.indclass[k.n - 1]"
    " LEFT JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace"
    " WHERE c.relnamespace = @NAMESPACE@ AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con"
    "  WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))"
    " ORDER BY i.indexrelid, k.n";

// Views and materialized views with their query as PostgreSQL prints it back.
inline constexpr const char* kViewsQuery =
    "SELECT c.relname, c.relkind = 'm', pg_catalog.pg_get_viewdef(c.oid, true)"
    " FROM pg_catalog.pg_class c"
    " WHERE c.relnamespace = @NAMESPACE@ AND c.relkind IN ('v', 'm')";

// Triggers of those tables (not the internal ones behind foreign keys, nor the clones a
// partitioned table's trigger puts on its partitions) as PostgreSQL prints them back: the whole
// CREATE TRIGGER statement, the table unqualified when the search path reaches it.
inline constexpr const char* kTriggersQuery =
    "SELECT t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true)"
    " FROM pg_catalog.pg_trigger t"
    " JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
    " WHERE c.relnamespace = @NAMESPACE@ AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    " AND NOT t.tgisinternal";

inline constexpr std::size_t kCatalogQueryCount = 9;

}  // namespace schemadiff::postgresql::detail
