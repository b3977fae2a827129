// Connection — a live database, as the rest of schemadiff sees it: read its catalog into a
// Schema, run SQL, manage transactions and the migration lock.
//
// Implemented per database in drivers/<db> (the only place SOCI lives); opened from a URL through
// the driver registry (drivers/registry.hpp). A Connection is used by one thread at a time.
// Failures throw Error: Connection for opening, Introspection for catalog reads, Execution for
// statements (with the SQLSTATE when the database gives one).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff {

struct ReadOptions {
    // Tables never reported: the tool's own version table and `<version_table>_*`.
    std::string version_table = "schemadiff_version";
    // Tables to leave out, by exact name (filtering by pattern is the caller's job).
    std::vector<std::string> excluded_tables;
};

// Reads a catalog into a Schema with a constant number of queries, whatever the table count.
class Introspector {
public:
    virtual ~Introspector() = default;
    [[nodiscard]] virtual Schema read_schema(const ReadOptions& options) = 0;
    // Catalog queries issued by read_schema calls so far (for benchmarks and the scale tests).
    [[nodiscard]] virtual std::size_t catalog_query_count() const = 0;
};

class Connection : public Introspector {
public:
    [[nodiscard]] virtual const Dialect& dialect() const = 0;
    // Runs one statement (no result rows expected).
    virtual void execute(const std::string& sql) = 0;
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
};

}  // namespace schemadiff
