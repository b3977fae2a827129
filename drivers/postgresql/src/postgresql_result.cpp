#include "postgresql_result.hpp"

#include <fmt/format.h>

#include <charconv>

namespace schemadiff::postgresql::detail {

namespace {

constexpr std::size_t kShownStatement = 200;

std::string field(const PGresult* result, int code) {
    const char* value = PQresultErrorField(result, code);
    return value == nullptr ? std::string() : std::string(value);
}

// libpq's messages end with a newline and may span lines ("ERROR:  ...\nLINE 1: ...").
std::string one_line(std::string_view message) {
    std::string out;
    for (const char c : message) {
        if (c == '\n' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::optional<std::string> Result::text(int row, int column) const {
    if (is_null(row, column)) return std::nullopt;
    const char* value = PQgetvalue(result_.get(), row, column);
    const int length = PQgetlength(result_.get(), row, column);
    return std::string(value, static_cast<std::size_t>(length));
}

long long Result::integer(int row, int column) const {
    if (is_null(row, column)) return 0;
    const char* value = PQgetvalue(result_.get(), row, column);
    const auto length = static_cast<std::size_t>(PQgetlength(result_.get(), row, column));
    long long out = 0;
    const auto [end, ec] = std::from_chars(value, value + length, out);
    if (ec != std::errc{} || end != value + length) {
        throw Error(ErrorKind::Introspection,
                    fmt::format("catalog column '{}' holds '{}' where an integer was expected",
                                PQfname(result_.get(), column), std::string_view(value, length)));
    }
    return out;
}

bool Result::flag(int row, int column) const {
    if (is_null(row, column)) return false;
    const char* value = PQgetvalue(result_.get(), row, column);
    return value[0] == 't' || value[0] == '1';
}

std::string shown_statement(std::string_view sql) {
    std::string shown(sql.substr(0, kShownStatement));
    for (char& c : shown) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    if (sql.size() > kShownStatement) shown += "...";
    return shown;
}

namespace {

std::string where_of(std::string_view sql, std::string_view context) {
    return context.empty() ? "statement: " + shown_statement(sql)
                           : fmt::format("{}; statement: {}", context, shown_statement(sql));
}

bool succeeded(const PGresult* result) {
    switch (PQresultStatus(result)) {
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_EMPTY_QUERY:
            return true;
        default:
            return false;
    }
}

// Returns `result` when it succeeded; throws Error(kind) with the server's message otherwise.
Result checked(Result result, PGconn* connection, std::string_view sql, ErrorKind kind,
               std::string_view context) {
    if (result.get() == nullptr) {
        throw Error(kind, one_line(PQerrorMessage(connection)), where_of(sql, context));
    }
    if (succeeded(result.get())) return result;
    const std::string where = where_of(sql, context);
    std::string message = field(result.get(), PG_DIAG_MESSAGE_PRIMARY);
    if (message.empty()) message = PQresultErrorMessage(result.get());
    if (message.empty()) message = PQerrorMessage(connection);
    const std::string detail = field(result.get(), PG_DIAG_MESSAGE_DETAIL);
    if (!detail.empty()) message += " (" + detail + ")";
    throw Error(kind, one_line(message), where, field(result.get(), PG_DIAG_SQLSTATE));
}

std::string joined_statements(const std::vector<std::string>& statements) {
    std::string script;
    for (const std::string& statement : statements) {
        script += statement;
        script += ";\n";
    }
    return script;
}

}  // namespace

Result run(PGconn* connection, const std::string& sql, ErrorKind kind, std::string_view context) {
    return checked(Result(PQexec(connection, sql.c_str())), connection, sql, kind, context);
}

StatementBatch::StatementBatch(PGconn* connection, std::vector<std::string> statements,
                               ErrorKind kind, std::string_view context)
    : connection_(connection), statements_(std::move(statements)), kind_(kind), context_(context) {
    const std::string script = joined_statements(statements_);
    if (PQsendQuery(connection_, script.c_str()) == 0) {
        throw Error(kind_, one_line(PQerrorMessage(connection_)), where_of(script, context_));
    }
}

StatementBatch::~StatementBatch() { drain(); }

Result StatementBatch::next() {
    const std::string_view sql =
        next_ < statements_.size() ? std::string_view(statements_[next_]) : std::string_view();
    ++next_;
    Result result(PQgetResult(connection_));
    // After a failure the server skips the statements left; read what remains so the
    // connection is ready for the caller's ROLLBACK, then report this one.
    if (result.get() != nullptr && !succeeded(result.get())) drain();
    return checked(std::move(result), connection_, sql, kind_, context_);
}

void StatementBatch::drain() {
    while (PGresult* left = PQgetResult(connection_)) PQclear(left);
}

void ignore_notice(void* /*argument*/, const char* /*message*/) {}

}  // namespace schemadiff::postgresql::detail
