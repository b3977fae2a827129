// RevisionProject — a generated schemadiff project for the revision benchmark: schemadiff.toml
// plus N revision scripts under migrations/versions/ forming one linear chain.
//
// The scripts are small and realistic, in a fixed cycle per table: create the table, add a
// column to it, index that column. Every script has a working downgrade (DROP TABLE, ALTER TABLE
// DROP COLUMN, DROP INDEX), so `upgrade head` followed by `downgrade base` returns to an empty
// database. Each file is written through migrate::render_script, so its header is exactly what
// the tool writes and parses.
//
// Deterministic: revision i has the id revision_id(i) (12 hex digits from SplitMix64 of i, like
// Alembic's random ids but reproducible), a create date one minute after the previous one, and
// the same bytes on every machine.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "schemadiff/migrate/revision_script.hpp"

namespace schemadiff::bench {

// The id of the revision at `index` (0-based along the chain).
[[nodiscard]] std::string revision_id(std::size_t index);

// The script at `index` of a chain (its parent is revision_id(index - 1); none for index 0).
[[nodiscard]] migrate::RevisionScript revision_script(std::size_t index);

struct RevisionProject {
    std::filesystem::path root;             // holds schemadiff.toml
    std::filesystem::path versions;         // root/migrations/versions
    std::vector<std::string> revision_ids;  // in chain order, base first
};

// Writes schemadiff.toml (database url sqlite:///bench.db) and `script_count` scripts into
// `root`, which must exist and be empty. REQUIRES: script_count > 0. Throws std::runtime_error
// on an I/O failure or (never for the sizes used) two indexes sharing an id.
RevisionProject write_revision_project(const std::filesystem::path& root, std::size_t script_count);

}  // namespace schemadiff::bench
