// schemadiff::Error — the one exception type that aborts a run.
//
// Every module throws Error (never a third-party exception: drivers translate soci_error,
// the JSON reader translates nlohmann errors). The CLI is the only place that catches it and
// turns it into exit code 2 with one line: "<what> (<context>)". `context` says where: a file and
// line, a table and column, a URL with its password masked. `sqlstate` keeps the database's code
// when there is one.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace schemadiff {

enum class ErrorKind {
    Usage,                 // bad command-line usage or bad option value
    InvalidModel,          // a model (JSON or C++) that does not describe a valid schema
    UnsupportedType,       // a type the dialect cannot represent
    Connection,            // cannot open or talk to a database
    Introspection,         // reading the catalog failed
    UnsupportedOperation,  // an operation the dialect cannot perform, even by rebuild
    Execution,             // a statement failed while applying SQL
    Io,                    // files: missing, unreadable, unwritable
    Revision,              // revision scripts and the revision graph
    Internal,              // a bug in schemadiff
};

[[nodiscard]] std::string_view to_string(ErrorKind kind);

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string message, std::string context = {}, std::string sqlstate = {});

    [[nodiscard]] ErrorKind kind() const noexcept { return kind_; }
    // The bare message, without context.
    [[nodiscard]] const std::string& message() const noexcept { return message_; }
    [[nodiscard]] const std::string& context() const noexcept { return context_; }
    [[nodiscard]] const std::string& sqlstate() const noexcept { return sqlstate_; }

private:
    ErrorKind kind_;
    std::string message_;
    std::string context_;
    std::string sqlstate_;
};

}  // namespace schemadiff
