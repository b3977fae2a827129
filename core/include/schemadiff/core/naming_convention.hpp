// NamingConvention — names for the keys, constraints and indexes a model leaves unnamed, the way
// SQLAlchemy's `MetaData(naming_convention=...)` does, so that generated scripts can drop and
// recreate them by name on every database.
//
// One template per kind, in SQLAlchemy's token syntax so Alembic users can paste theirs and get
// the names SQLAlchemy gave their databases:
//   %(table_name)s            the table
//   %(column_0_name)s         the first column of the key / index / constraint
//                             (%(column_1_name)s the second, ...; "" past the last one)
//   %(column_0_N_name)s       all its columns joined with "_"
//   %(column_0N_name)s        all its columns joined with nothing (SQLAlchemy's meaning)
//   %(column_0_label)s        "<table>_<column>" (also _0N_ / _0_N_); %(column_0_key)s = _name
//   %(referred_table_name)s   fk only: the referenced table
//   %(referred_column_0_name)s fk only: the first referenced column (also _0N_ / _0_N_)
//   %%                        a literal "%"
// %(constraint_name)s is refused: a named item is never renamed, so there is nothing to put in.
// An empty template leaves that kind unnamed. Expression index parts and checks have no column
// name: for them %(column_0_name)s expands to "expr"; checks use only %(table_name)s: a table's
// one unnamed check gets the plain name, several get "_1", "_2", ... in their canonical order
// (sorted by expression). Every generated name is unique within its table across all kinds,
// ignoring ASCII case (a clash gets "_2", "_3", ...), and is cut to `max_identifier_length`
// bytes deterministically (the first bytes, never half a UTF-8 character, plus "_" and 8 hex
// digits of the FNV-1a 32-bit hash of the whole name).
#pragma once

#include <cstddef>
#include <string>

#include "schemadiff/core/schema.hpp"

namespace schemadiff {

struct NamingConvention {
    std::string primary_key;  // "pk", e.g. "pk_%(table_name)s"
    // "fk", e.g. "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s"
    std::string foreign_key;
    std::string unique;  // "uq", e.g. "uq_%(table_name)s_%(column_0_N_name)s"
    std::string index;   // "ix", e.g. "ix_%(table_name)s_%(column_0_N_name)s"
    std::string check;   // "ck", e.g. "ck_%(table_name)s"

    [[nodiscard]] bool empty() const;
    friend bool operator==(const NamingConvention&, const NamingConvention&) = default;
};

// The convention the C++ model registry uses unless told otherwise: every kind named, columns
// joined with "_": pk_<table>, fk_<table>_<columns>_<referred table>, uq_<table>_<columns>,
// ix_<table>_<columns>, ck_<table> (ck_<table>_1, _2, ... when a table has several).
[[nodiscard]] NamingConvention default_naming_convention();

// Throws Error(Usage) naming the kind ("uq") and the token for an unknown %(...)s token or a
// token the kind cannot use.
void validate_naming_convention(const NamingConvention& convention);

// Names every unnamed primary key, unique constraint, foreign key and check of `schema`, and
// every index whose name is empty, per `convention`. Named ones are never touched. Keeps the
// schema canonical (calls canonicalize).
void apply_naming_convention(Schema& schema, const NamingConvention& convention,
                             std::size_t max_identifier_length = 63);

}  // namespace schemadiff
