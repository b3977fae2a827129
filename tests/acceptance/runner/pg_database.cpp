#include "pg_database.hpp"

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>

namespace schemadiff::acceptance {

namespace {

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

void ignore_notice(void* /*argument*/, const char* /*message*/) {}

std::string conninfo_value(const std::string& value) {
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

// libpq's key=value form of a URL; schemadiff's own `schema` parameter becomes the search_path.
std::string conninfo(const DatabaseUrl& url) {
    std::string out = "connect_timeout=10";
    const auto add = [&out](const std::string& key, const std::string& value) {
        if (!value.empty()) out += " " + key + "=" + conninfo_value(value);
    };
    add("host", url.host);
    if (url.port) add("port", std::to_string(*url.port));
    add("user", url.user);
    if (url.password) add("password", *url.password);
    add("dbname", url.database);
    for (const auto& [key, value] : url.query) {
        if (key == "schema") {
            add("options", "-csearch_path=" + pg_quote_identifier(value));
        } else {
            add(key, value);
        }
    }
    return out;
}

std::string message_of(pg_conn* connection) {
    std::string message = PQerrorMessage(connection);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    return message;
}

void check(pg_conn* connection, const Result& result) {
    const auto status = PQresultStatus(result.get());
    // An empty script (a plan with nothing to do) is no error, as in psql.
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        throw std::runtime_error(message_of(connection));
    }
}

}  // namespace

std::string pg_quote_identifier(const std::string& name) {
    std::string out = "\"";
    for (const char c : name) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

std::string pg_quote_literal(const std::string& value) {
    std::string out = "'";
    for (const char c : value) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

PgDatabase::PgDatabase(const DatabaseUrl& url) : connection_(PQconnectdb(conninfo(url).c_str())) {
    if (connection_ == nullptr || PQstatus(connection_) != CONNECTION_OK) {
        const std::string message =
            connection_ != nullptr ? message_of(connection_) : "out of memory";
        PQfinish(connection_);
        connection_ = nullptr;
        throw std::runtime_error("cannot connect to " + url.redacted() + ": " + message);
    }
    PQsetNoticeProcessor(connection_, ignore_notice, nullptr);
    // Deterministic text for timestamptz values and for what casts to it.
    execute_script("SET TimeZone = 'UTC'");
}

PgDatabase::~PgDatabase() { PQfinish(connection_); }

void PgDatabase::execute_script(const std::string& sql) {
    const Result result(PQexec(connection_, sql.c_str()));
    check(connection_, result);
}

std::vector<PgRow> PgDatabase::query(const std::string& sql) {
    const Result result(
        PQexecParams(connection_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0));
    check(connection_, result);
    std::vector<PgRow> rows;
    const int row_count = PQntuples(result.get());
    const int column_count = PQnfields(result.get());
    for (int i = 0; i < row_count; ++i) {
        PgRow row;
        for (int j = 0; j < column_count; ++j) {
            if (PQgetisnull(result.get(), i, j) != 0) {
                row.emplace_back(std::nullopt);
            } else {
                row.emplace_back(
                    std::string(PQgetvalue(result.get(), i, j),
                                static_cast<std::size_t>(PQgetlength(result.get(), i, j))));
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

PgScratch::PgScratch(DatabaseUrl server, std::string prefix)
    : server_(std::move(server)), prefix_(std::move(prefix)) {}

PgScratch::~PgScratch() {
    if (is_kept_ || created_.empty()) return;
    try {
        PgDatabase admin(server_);
        for (auto it = created_.rbegin(); it != created_.rend(); ++it) {
            admin.execute_script("DROP DATABASE IF EXISTS " + pg_quote_identifier(*it) +
                                 " WITH (FORCE)");
        }
    } catch (const std::exception&) {
        // A leftover scratch database is harmless; a destructor must not throw.
    }
}

DatabaseUrl PgScratch::create(const std::string& suffix,
                              const std::optional<std::string>& template_suffix) {
    const std::string name = prefix_ + "_" + suffix;
    PgDatabase admin(server_);
    std::string sql = "CREATE DATABASE " + pg_quote_identifier(name);
    if (template_suffix)
        sql += " TEMPLATE " + pg_quote_identifier(prefix_ + "_" + *template_suffix);
    try {
        admin.execute_script(sql);
    } catch (const std::exception& e) {
        throw std::runtime_error(sql + ": " + e.what());
    }
    created_.push_back(name);
    DatabaseUrl url = server_;
    url.database = name;
    return url;
}

std::string PgScratch::keep() {
    is_kept_ = true;
    std::string names;
    for (const auto& name : created_) names += (names.empty() ? "" : ", ") + name;
    return names;
}

}  // namespace schemadiff::acceptance
