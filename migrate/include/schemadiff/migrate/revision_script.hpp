// RevisionScript — one migration file under <migrations>/versions/, the one place that knows the
// file format:
//
//   -- Message: add email to users
//   -- Revision ID: 3f2a9c1d8e7b
//   -- Revises: 1a2b3c4d5e6f            (empty for the first revision; "a, b" for a merge)
//   -- Create Date: 2026-11-24 04:10:11
//   -- Dialect: sqlite
//   -- Branch Labels: billing          (optional, comma-separated)
//   -- Depends On: 9e8d7c6b5a4f        (optional, comma-separated)
//   -- Transactional: false            (optional; default true)
//
//   -- migrate:up
//   ...SQL...
//
//   -- migrate:down
//   ...SQL...
//
// Parsing is strict: a missing or duplicate Revision ID, an unknown header key, a missing
// section marker or a marker twice is Error(Revision) naming the file and line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace schemadiff::migrate {

struct RevisionScript {
    std::string path;  // where it was read from (empty for a script not yet written)
    std::string message;
    std::string revision;              // the id
    std::vector<std::string> revises;  // parents: none (a base), one, or several (a merge)
    std::string create_date;           // "YYYY-MM-DD HH:MM:SS", UTC
    std::string dialect;
    std::vector<std::string> branch_labels;
    std::vector<std::string> depends_on;
    bool is_transactional = true;
    std::string upgrade_sql;    // the text between "-- migrate:up" and "-- migrate:down"
    std::string downgrade_sql;  // the text after "-- migrate:down"
    int upgrade_line = 0;       // 1-based line of the first line after each marker, for errors
    int downgrade_line = 0;
};

// The file text of a script. Deterministic: same script, same bytes.
[[nodiscard]] std::string render_script(const RevisionScript& script);
// REQUIRES: nothing; throws Error(Revision) "PATH:LINE: what is wrong" on malformed text.
[[nodiscard]] RevisionScript parse_script(std::string_view text, std::string_view path);

// A SQL statement of a section, with the line it starts on (1-based, in the file).
struct ScriptStatement {
    std::string sql;  // without the trailing ';', comments kept
    int line = 0;
};

// Splits a section into statements at top-level ';': quotes ('..', "..", `..`, [..]), comments
// (-- and /* */), PostgreSQL dollar quoting ($$..$$, $tag$..$tag$), and trigger bodies
// (CREATE TRIGGER ... BEGIN ... END) are never split. Statements that are only comments or
// whitespace are dropped. `first_line` is the file line the section starts on.
[[nodiscard]] std::vector<ScriptStatement> split_statements(std::string_view sql, int first_line);

// Lower-case hex SHA-256 of the file's bytes: what the history table records.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

// A new random 12-hex-digit revision id (Alembic's shape).
[[nodiscard]] std::string new_revision_id();

// "add email to users" -> "add_email_to_users" (file names; ASCII letters, digits, '_', <= 40).
[[nodiscard]] std::string slugify(std::string_view message);

}  // namespace schemadiff::migrate
