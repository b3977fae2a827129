// A throwaway PostgreSQL database for one benchmark run, and the DDL that fills it.
//
// ScratchDatabase creates a database of the given name on the server of a postgresql:// URL
// (through its maintenance database, the one the URL names), dropping a leftover of that name
// first, and drops it again when it goes out of scope unless it is kept (WITH (FORCE), so a
// connection left open by a failed run does not block the drop). The name must be a plain
// lower-case identifier: it is used unquoted.
//
// create_schema builds a schema the way a user's first migration would: the plan from an empty
// schema to the target (diff::diff_schemas), emitted as PostgreSQL SQL and sent in batches of
// statements, a transaction each (one transaction for 5,000 tables exceeds the server's lock
// table at its default size).
#pragma once

#include <string>

#include "schemadiff/core/database_url.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::bench {

class ScratchDatabase {
public:
    ScratchDatabase(const DatabaseUrl& server, std::string name, bool is_kept);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    [[nodiscard]] const DatabaseUrl& url() const { return url_; }
    [[nodiscard]] const std::string& name() const { return name_; }

private:
    DatabaseUrl server_;
    std::string name_;
    DatabaseUrl url_;
    bool is_kept_ = false;
};

// Creates every table, index and constraint of `schema` in the database at `url`. Returns the
// number of statements executed.
std::size_t create_schema(const DatabaseUrl& url, const Schema& schema);

}  // namespace schemadiff::bench
