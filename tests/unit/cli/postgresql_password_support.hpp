// Test support for PostgreSQL passwords and libpq's environment through the binary.
//
// The test server (.ci/postgres-server) trusts every role but `schemadiff_password`, which must
// give its password (SCRAM). PasswordRole creates that role (or resets its password) and gives it
// the scratch database. Against a server that lets the role in with a wrong password (one set up
// some other way) the tests skip with a message saying why; under CI=true they fail instead.
// LibpqEnv clears every libpq variable a test could inherit, so that only what a test sets applies.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "postgresql_workflow_support.hpp"
#include "scoped_env.hpp"

namespace schemadiff::cli::testing {

inline constexpr const char* kPasswordRole = "schemadiff_password";
// URL-special characters all: @ : / % & ?
inline constexpr const char* kPassword = "p@ss:w/rd%&?";
inline constexpr const char* kPasswordEncoded = "p%40ss%3Aw%2Frd%25%26%3F";
inline constexpr const char* kWrongPassword = "wr0ng:p@ss";
inline constexpr const char* kWrongPasswordEncoded = "wr0ng%3Ap%40ss";

class PasswordRole {
public:
    PasswordRole(const DatabaseUrl& server, const schemadiff::testing::ScratchDatabase& db);

    // True when the server refuses the role with a wrong password; otherwise reports why the
    // test skips (MESSAGE), or fails it under CI=true.
    [[nodiscard]] bool enforced() const;
    // postgresql://schemadiff_password[:PASSWORD]@host:port/<scratch database>; `password` as it
    // goes in the URL (percent-encoded), empty for none.
    [[nodiscard]] std::string url(const std::string& password) const;
    [[nodiscard]] const DatabaseUrl& server() const { return server_; }
    [[nodiscard]] std::string port() const;

private:
    DatabaseUrl server_;
    std::string database_;
};

// Unsets PGPASSWORD, PGUSER, PGHOST, ... for its life, and points PGPASSFILE at a missing file so
// that a ~/.pgpass of the machine does not log the role in.
class LibpqEnv {
public:
    LibpqEnv();
    ~LibpqEnv();  // puts the variables back newest first
    LibpqEnv(const LibpqEnv&) = delete;
    LibpqEnv& operator=(const LibpqEnv&) = delete;
    // Sets one more variable until the end (nullopt unsets it).
    void set(const char* name, const std::optional<std::string>& value);

private:
    std::vector<std::unique_ptr<ScopedEnv>> variables_;
};

// Neither password, in any spelling, appears in `text`.
void check_no_password_in(const std::string& text);

// Exit 2, nothing on stdout, one line on stderr holding `expected`, no password anywhere.
void check_refused(const CliResult& result, const std::string& expected);

// The tables of the database's schemas other than the system ones, as "schema.table".
[[nodiscard]] std::vector<std::string> user_tables(const PostgresqlProject& project);

// The owner of table `name` (its role shows which user the binary logged in as), "" when none.
[[nodiscard]] std::string table_owner(const PostgresqlProject& project, const std::string& name);

}  // namespace schemadiff::cli::testing
