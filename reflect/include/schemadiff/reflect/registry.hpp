// Registry — the set of C++ models a program describes, turned into one core::Schema.
//
//   schemadiff::reflect::Registry models;
//   models.add<Author>().add<Book>();
//   return schemadiff::cli::run(argc, argv, models);
//
// schema() applies the naming convention (default_naming_convention() unless replaced) to every
// unnamed key, constraint and index, checks the declarations against each other (a foreign key
// to an unknown table or column, two tables with one name) and returns the canonical schema,
// ready to diff or to export as model JSON (core/schema_json.hpp, the format `dump` writes).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/naming_convention.hpp"
#include "schemadiff/core/schema.hpp"
#include "schemadiff/reflect/model.hpp"

namespace schemadiff::reflect {

class Registry {
public:
    // T: an aggregate struct with a model declaration beside it (see model.hpp).
    // A mistake in the declaration is kept and thrown by schema(), so that a model program's
    // `models.add<T>()` lines never throw before cli::run() can report the error.
    template <class T>
    Registry& add() {
        try {
            return add_table(table_of<T>());
        } catch (const Error& error) {
            if (!error_) error_ = error;
        }
        return *this;
    }

    // A table described by hand (or by table_of<T>()).
    Registry& add_table(Table table);
    // Throws Error(Usage) for an invalid template (validate_naming_convention).
    Registry& naming_convention(NamingConvention convention);

    // Throws Error(InvalidModel) naming the table and declaration for an inconsistent model
    // (the first one add() met, else the first the cross-table checks find).
    [[nodiscard]] Schema schema() const;
    // schema() as model JSON, byte for byte what `schemadiff dump` writes for it.
    [[nodiscard]] std::string to_json() const;

    // The tables as added, before checks and naming.
    [[nodiscard]] const std::vector<Table>& tables() const { return tables_; }

private:
    std::vector<Table> tables_;
    std::optional<Error> error_;  // the first error of add() / add_table(), thrown by schema()
    NamingConvention convention_ = default_naming_convention();
};

}  // namespace schemadiff::reflect
