#include "revision_project.hpp"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string_view>

#include "prng.hpp"

namespace schemadiff::bench {

namespace fs = std::filesystem;

namespace {

// One table per three scripts: create it, add a column, index that column.
constexpr std::size_t kScriptsPerTable = 3;

constexpr std::array<std::string_view, 8> kNouns = {"account", "customer", "invoice", "order_line",
                                                    "product", "shipment", "payment", "event"};

struct AddedColumn {
    std::string_view name;  // as written in SQL (quoted where it must be)
    std::string_view slug;  // for the index name
    std::string_view definition;
};

// `order` is a reserved word: every fourth table exercises quoting through the whole workflow.
constexpr std::array<AddedColumn, 4> kAddedColumns = {{
    {"status", "status", "VARCHAR(32) NOT NULL DEFAULT 'new'"},
    {"email", "email", "VARCHAR(255)"},
    {"amount", "amount", "NUMERIC(12,2) NOT NULL DEFAULT 0"},
    {"\"order\"", "order", "INTEGER"},
}};

std::string table_name(std::size_t table) {
    return fmt::format("{}_{:04}", kNouns[table % kNouns.size()], table);
}

// 2026-01-01 00:00:00 plus `index` minutes, without calendar arithmetic beyond days.
std::string create_date(std::size_t index) {
    const std::size_t minutes = index % 60;
    const std::size_t hours = (index / 60) % 24;
    const std::size_t days = index / (60 * 24);
    const std::size_t month = 1 + days / 28;  // 28-day months keep every date valid
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:00", 2026 + (month - 1) / 12,
                       1 + (month - 1) % 12, 1 + days % 28, hours, minutes);
}

void write_file(const fs::path& path, std::string_view text) {
    std::ofstream file(path, std::ios::binary);
    file << text;
    file.close();
    if (!file) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

std::string revision_id(std::size_t index) {
    SplitMix64 random(0x5EED'0000'0000ULL + static_cast<std::uint64_t>(index));
    return fmt::format("{:012x}", random.next() >> 16U);
}

migrate::RevisionScript revision_script(std::size_t index) {
    const std::size_t table = index / kScriptsPerTable;
    const std::string name = table_name(table);
    const AddedColumn& column = kAddedColumns[table % kAddedColumns.size()];
    migrate::RevisionScript script;
    script.revision = revision_id(index);
    if (index > 0) script.revises = {revision_id(index - 1)};
    script.create_date = create_date(index);
    script.dialect = "sqlite";
    switch (index % kScriptsPerTable) {
        case 0:
            script.message = fmt::format("create table {}", name);
            script.upgrade_sql = fmt::format(
                "CREATE TABLE {} (\n"
                "    id INTEGER NOT NULL PRIMARY KEY,\n"
                "    name VARCHAR(100) NOT NULL,\n"
                "    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
                ");\n",
                name);
            script.downgrade_sql = fmt::format("DROP TABLE {};\n", name);
            break;
        case 1:
            script.message = fmt::format("add {} to {}", column.slug, name);
            script.upgrade_sql = fmt::format("ALTER TABLE {} ADD COLUMN {} {};\n", name,
                                             column.name, column.definition);
            script.downgrade_sql =
                fmt::format("ALTER TABLE {} DROP COLUMN {};\n", name, column.name);
            break;
        default:
            script.message = fmt::format("index {}.{}", name, column.slug);
            script.upgrade_sql = fmt::format("CREATE INDEX ix_{}_{} ON {} ({});\n", name,
                                             column.slug, name, column.name);
            script.downgrade_sql = fmt::format("DROP INDEX ix_{}_{};\n", name, column.slug);
            break;
    }
    return script;
}

RevisionProject write_revision_project(const fs::path& root, std::size_t script_count) {
    RevisionProject project{.root = root, .versions = root / "migrations" / "versions"};
    fs::create_directories(project.versions);
    write_file(root / "schemadiff.toml",
               "[database]\n"
               "url = \"sqlite:///bench.db\"\n\n"
               "[migrations]\n"
               "directory = \"migrations\"\n"
               "version_table = \"schemadiff_version\"\n");
    std::set<std::string> seen;
    project.revision_ids.reserve(script_count);
    for (std::size_t index = 0; index < script_count; ++index) {
        const migrate::RevisionScript script = revision_script(index);
        if (!seen.insert(script.revision).second) {
            throw std::runtime_error(fmt::format("revision id {} repeats", script.revision));
        }
        const fs::path path = project.versions / fmt::format("{}_{}.sql", script.revision,
                                                             migrate::slugify(script.message));
        write_file(path, migrate::render_script(script));
        project.revision_ids.push_back(script.revision);
    }
    return project;
}

}  // namespace schemadiff::bench
