// Private: libpq results, owned and read one cell at a time, with every failure turned into
// schemadiff::Error where it happens (the server's message and SQLSTATE kept).
//
// The connection and the catalog reader run SQL on the PGconn that SOCI's PostgreSQL session
// opened: libpq's simple query protocol runs a whole script in one call, reports the SQLSTATE
// of a failure, and hands rows over as text, which is what both need.
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schemadiff/core/error.hpp"

namespace schemadiff::postgresql::detail {

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};

// The rows of one statement. Cells are text as PostgreSQL prints them (booleans "t"/"f").
class Result {
public:
    explicit Result(PGresult* result) : result_(result) {}

    [[nodiscard]] int rows() const { return PQntuples(result_.get()); }
    [[nodiscard]] int columns() const { return PQnfields(result_.get()); }
    [[nodiscard]] bool is_null(int row, int column) const {
        return PQgetisnull(result_.get(), row, column) != 0;
    }
    [[nodiscard]] std::optional<std::string> text(int row, int column) const;
    [[nodiscard]] std::string string(int row, int column) const {
        return text(row, column).value_or(std::string());
    }
    // Integers of every catalog width (int2, int4, oid, int8) as long long; NULL is 0.
    [[nodiscard]] long long integer(int row, int column) const;
    [[nodiscard]] bool flag(int row, int column) const;
    [[nodiscard]] PGresult* get() const { return result_.get(); }

private:
    std::unique_ptr<PGresult, ResultDeleter> result_;
};

// Runs `sql` (one statement or several) and returns the last statement's rows. Throws
// Error(kind) with the server's primary message, its SQLSTATE, and `context` plus the statement.
[[nodiscard]] Result run(PGconn* connection, const std::string& sql, ErrorKind kind,
                         std::string_view context);

// Several statements sent in one round trip (libpq's simple query protocol), their results read
// one at a time, in order, while the server is still running the ones after: the caller works
// on the rows of one statement while the next executes. A failed statement throws from next()
// as run() does (the server skips the rest); the destructor reads whatever was not read.
class StatementBatch {
public:
    StatementBatch(PGconn* connection, std::vector<std::string> statements, ErrorKind kind,
                   std::string_view context);
    StatementBatch(const StatementBatch&) = delete;
    StatementBatch& operator=(const StatementBatch&) = delete;
    ~StatementBatch();

    // The result of the next statement, in the order given.
    [[nodiscard]] Result next();

private:
    void drain();

    PGconn* connection_;
    std::vector<std::string> statements_;
    std::size_t next_ = 0;
    ErrorKind kind_;
    std::string context_;
};

// The statement as an error context shows it: one line, at most 200 characters.
[[nodiscard]] std::string shown_statement(std::string_view sql);

// A libpq notice processor that drops the server's notices (NOTICE, WARNING): libpq would print
// them on stderr, where they are noise in the tool's output. Set on every connection opened.
void ignore_notice(void* argument, const char* message);

}  // namespace schemadiff::postgresql::detail
