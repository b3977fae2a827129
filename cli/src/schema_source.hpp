// SchemaSource — a schema a command reads: a live database (a URL) or a model JSON file.
//
// `diff --from/--to` and `dump SRC` accept either. A URL ("sqlite:///app.db",
// "postgresql://...") is opened read-only through the driver registry and its catalog read; any
// other text is a path to model JSON (the format `dump --format json` writes), except the word
// `models` (kModelsSource): the models of the project — compiled in (a model program) or as
// [models] of `config_file` (empty: ./schemadiff.toml) says; `./models` names a file called so.
// Reading never creates or changes anything. Failures are Error with the source in the context
// (URLs redacted).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/dialect.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff::cli {

struct SchemaSource {
    std::string label;  // the redacted URL or the file path, for messages
    Schema schema;
    const Dialect* dialect = nullptr;  // the database's dialect; nullptr for a model file
    // The database, still open (read-only), for a database source; nullptr otherwise.
    std::shared_ptr<Connection> connection;

    [[nodiscard]] bool is_database() const { return dialect != nullptr; }
};

inline constexpr std::string_view kModelsSource = "models";

// `role` names the argument in messages ("--from", "SRC").
[[nodiscard]] SchemaSource load_schema_source(std::string_view spec, std::string_view role,
                                              const std::string& config_file = {});

// The dialect SQL is compared and written in: `primary`'s when it is a database, else
// `secondary`'s (when given and a database), else `requested` (a --dialect value), else SQLite.
// A `requested` dialect that contradicts a database source is an Error(Usage).
[[nodiscard]] const Dialect& choose_dialect(const SchemaSource& primary,
                                            const SchemaSource* secondary,
                                            std::string_view requested);

}  // namespace schemadiff::cli
