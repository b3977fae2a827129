// Writing a new revision script under <migrations>/versions/, named by [migrations]
// file_template ("{rev}_{slug}.sql"), never over an existing file. Also the autogenerate step
// shared by `autogenerate` and `revision --autogenerate`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "config.hpp"
#include "project.hpp"
#include "schemadiff/migrate/revision_script.hpp"

namespace CLI {
class App;
}

namespace schemadiff::cli {

// Fills the id (when empty), the create date and the dialect, writes the file, returns its path.
std::filesystem::path write_revision(const Config& config, const Dialect& dialect,
                                     migrate::RevisionScript script);

// The parents of a new revision: the head named by --head (a resolved id, or "base" for a new
// root), else the single head; several heads without --head is Error(Usage).
[[nodiscard]] std::vector<std::string> new_revision_parents(const migrate::RevisionGraph& graph,
                                                            const std::string& head_option,
                                                            bool allow_non_head);

struct RevisionArguments {
    ProjectOptions project;
    std::string message;
    std::string rev_id;
    std::string head;
    std::vector<std::string> branch_labels;
    std::vector<std::string> depends_on;
    bool splice = false;
    bool allow_empty = false;
};

// -m, --rev-id, --head, --branch-label, --depends-on, --splice and the project options.
void add_revision_options(CLI::App& command, RevisionArguments& args);

// `autogenerate`: compares the models with the database (which must be at head) and writes a
// script; with no change, says so and writes nothing unless allow_empty. Returns the exit code.
int run_autogenerate(const RevisionArguments& args, std::ostream& out, std::ostream& err);

}  // namespace schemadiff::cli
