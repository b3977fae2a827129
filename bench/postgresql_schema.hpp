// The generated benchmark schemas (schema_generator.hpp), made valid for PostgreSQL.
//
// The generator writes SQLite's idioms for booleans: defaults `0`/`1`, checks `flag IN (0, 1)`
// and partial-index predicates `flag = 1`. PostgreSQL has no implicit cast from integer to
// boolean, so for_postgresql rewrites exactly those to `false`/`true`, `flag IN (false, true)`
// and `flag = true`; everything else (names, types, keys, indexes) is left as generated.
// Deterministic like the generator: the same schema gives the same bytes.
#pragma once

#include "schemadiff/core/schema.hpp"

namespace schemadiff::bench {

[[nodiscard]] Schema for_postgresql(Schema schema);

}  // namespace schemadiff::bench
