#include "runner_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "schemadiff/core/database_url.hpp"
#include "schemadiff/drivers/registry.hpp"

namespace schemadiff::testing {

namespace {

std::filesystem::path fresh_directory() {
    static std::atomic<int> counter{0};
    const auto dir =
        std::filesystem::temp_directory_path() /
        ("schemadiff_runner_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "versions");
    return dir;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_file(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

}  // namespace

RunnerProject::RunnerProject()
    : dir_(fresh_directory()), database_path_((dir_ / "app.db").string()) {}

RunnerProject::~RunnerProject() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

const migrate::RevisionScript& RunnerProject::add(const std::string& id, const std::string& parent,
                                                  const std::string& upgrade_sql,
                                                  const std::string& downgrade_sql,
                                                  bool is_transactional,
                                                  const std::string& dialect) {
    migrate::RevisionScript script;
    script.message = "revision " + id;
    script.revision = id;
    if (!parent.empty()) script.revises = {parent};
    script.create_date = "2026-11-24 04:10:11";
    script.dialect = dialect;
    script.is_transactional = is_transactional;
    script.upgrade_sql = upgrade_sql;
    script.downgrade_sql = downgrade_sql;
    const auto path = dir_ / "versions" / (id + ".sql");
    write_file(path, migrate::render_script(script));
    scripts_.push_back(migrate::parse_script(read_file(path), path.string()));
    return scripts_.back();
}

void RunnerProject::edit(const std::string& id, const std::string& extra_upgrade_sql) {
    for (auto& script : scripts_) {
        if (script.revision != id) continue;
        script.upgrade_sql += extra_upgrade_sql;
        write_file(script.path, migrate::render_script(script));
        script = migrate::parse_script(read_file(script.path), script.path);
    }
}

migrate::RevisionGraph RunnerProject::graph() const { return migrate::RevisionGraph(scripts_); }

std::unique_ptr<Connection> RunnerProject::open() const {
    return drivers::open_database(parse_database_url("sqlite:///" + database_path_),
                                  drivers::Access::Create);
}

bool RunnerProject::database_exists() const { return std::filesystem::exists(database_path_); }

Rows query(Connection& connection, const std::string& sql) {
    Rows out;
    for (const auto& row : connection.query(sql)) {
        std::vector<std::string> cells;
        for (const auto& cell : row) cells.push_back(cell.value_or("NULL"));
        out.push_back(std::move(cells));
    }
    return out;
}

std::vector<std::string> table_names(Connection& connection) {
    std::vector<std::string> out;
    for (const auto& row : query(connection,
                                 "SELECT name FROM sqlite_schema WHERE type = 'table' AND name "
                                 "NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
        out.push_back(row[0]);
    }
    return out;
}

std::string snapshot(Connection& connection) {
    std::string out;
    for (const auto& row :
         query(connection, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")) {
        out += row[0] + " " + row[1] + ": " + row[2] + "\n";
    }
    for (const auto& table : table_names(connection)) {
        for (const auto& row : query(connection, "SELECT * FROM \"" + table + "\" ORDER BY 1")) {
            out += table + ":";
            for (const auto& cell : row) out += " " + cell;
            out += "\n";
        }
    }
    return out;
}

}  // namespace schemadiff::testing
