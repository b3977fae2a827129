// PostgresqlDialect::alter_column — one column changed in place, in the order PostgreSQL needs:
// a generated column re-created or its expression dropped; the old default dropped before a type
// change (it may not cast) and set again after; TYPE ... USING col::type where no assignment cast
// exists (a named enum type itself changes through AlterEnumType, postgresql_enum_types.cpp); an
// enum-as-text CHECK swapped around the change; identity dropped before DROP NOT NULL
// and added after SET NOT NULL; serials as an owned sequence, dropped when the column stops being
// one; a new sequence (serial <-> identity) continues from the old one's counter; the comment last.
#include <fmt/format.h>

#include "postgresql_ddl.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::postgresql {

namespace {

bool is_number_kind(TypeKind kind) {
    return is_integer_kind(kind) || kind == TypeKind::Real || kind == TypeKind::Double ||
           kind == TypeKind::Numeric;
}

bool is_temporal_kind(TypeKind kind) {
    return kind == TypeKind::Date || kind == TypeKind::Time || kind == TypeKind::Timestamp;
}

bool is_named_enum(const ColumnType& type) {
    return type.kind == TypeKind::Enum && !type.enum_name.empty();
}

bool is_inline_enum(const ColumnType& type) {
    return type.kind == TypeKind::Enum && type.enum_name.empty();
}

// A named enum keeps its identity when its values change: that is an AlterEnumType, not a column
// type change.
bool is_same_type(const ColumnType& from, const ColumnType& to) {
    if (is_named_enum(from) && is_named_enum(to)) return from.enum_name == to.enum_name;
    return from == to;
}

// Whether values become the new type by assignment (string types take anything by I/O).
bool is_assignable(const ColumnType& from, const ColumnType& to) {
    if (to.kind == TypeKind::String || to.kind == TypeKind::Text || is_inline_enum(to)) {
        return true;
    }
    if (to.kind == TypeKind::Raw) return text::starts_with_icase(to.raw, "CHARACTER");
    if (from.kind == TypeKind::Raw || is_named_enum(to) || is_named_enum(from)) return false;
    if (is_number_kind(from.kind) && is_number_kind(to.kind)) return true;
    if (is_temporal_kind(from.kind) && is_temporal_kind(to.kind)) return true;
    return from.kind == to.kind;
}

// The USING expression, or "" when PostgreSQL converts by itself.
std::string using_expression(const PostgresqlDialect& dialect, const std::string& column,
                             const ColumnType& from_type, const ColumnType& to_type) {
    const ColumnType from = dialect.canonical_type(from_type);
    const ColumnType to = dialect.canonical_type(to_type);
    if (is_assignable(from, to)) return "";
    const std::string name = dialect.quote_identifier(column);
    if (from.kind == TypeKind::Boolean && is_number_kind(to.kind)) return name + "::INTEGER";
    if (is_number_kind(from.kind) && to.kind == TypeKind::Boolean) return name + " <> 0";
    // Enums and most types convert from text; go through text unless the value is text already.
    const bool is_text = is_textual_kind(from.kind) && !is_named_enum(from);
    return name + (is_text ? "" : "::TEXT") + "::" + dialect.render_type(to_type);
}

enum class Generation { None, Serial, Identity };

Generation generation(const Column& column) {
    if (!column.is_autoincrement) return Generation::None;
    return column.identity == IdentityKind::None ? Generation::Serial : Generation::Identity;
}

std::string integer_type_name(const Column& column) {
    switch (column.type.kind) {
        case TypeKind::SmallInt:
            return "smallint";
        case TypeKind::BigInt:
            return "bigint";
        default:
            return "integer";
    }
}

// Moves a sequence past the values the column already holds.
std::string restart_sequence(const PostgresqlDialect& dialect, const std::string& table,
                             const std::string& column, const std::string& sequence_expr) {
    const std::string name = dialect.quote_identifier(column);
    return fmt::format("SELECT setval({}, COALESCE(MAX({}), 0) + 1, false) FROM {}", sequence_expr,
                       name, dialect.quote_identifier(table));
}

class ColumnAlteration {
public:
    ColumnAlteration(const PostgresqlDialect& dialect, const AlterColumn& op)
        : dialect_(dialect),
          op_(op),
          prefix_(detail::alter_table(dialect, op.table) + "ALTER COLUMN " +
                  dialect.quote_identifier(op.to.name) + " ") {}

    std::vector<std::string> statements() {
        const Column& from = op_.from;
        const Column& to = op_.to;
        if (to.generated && from.generated != to.generated) return recreate();
        if (from.generated && !to.generated) alter("DROP EXPRESSION");
        const bool is_type_changed =
            !is_same_type(from.type, to.type) || from.collation != to.collation;
        const bool is_default_reset = is_type_changed && from.default_sql.has_value() &&
                                      generation(from) != Generation::Serial;
        if (is_default_reset) alter("DROP DEFAULT");
        if (is_type_changed) change_type();
        if (generation(from) == Generation::Identity && generation(to) != Generation::Identity) {
            // identity -> serial: the serial's sequence takes over the counter first.
            if (generation(to) == Generation::Serial) create_serial_sequence();
            alter("DROP IDENTITY IF EXISTS");
        }
        if (generation(from) == Generation::Serial && generation(to) != Generation::Serial) {
            if (!to.default_sql) alter("DROP DEFAULT");
            // Disowned, so that pg_get_serial_sequence finds only the identity's own sequence.
            if (generation(to) == Generation::Identity) {
                out_.push_back("ALTER SEQUENCE IF EXISTS " + serial_sequence() + " OWNED BY NONE");
            }
        }
        if (from.is_nullable != to.is_nullable) {
            alter(to.is_nullable ? "DROP NOT NULL" : "SET NOT NULL");
        }
        if (generation(to) == Generation::None &&
            (from.default_sql != to.default_sql || is_default_reset)) {
            if (to.default_sql) {
                alter("SET DEFAULT " + *to.default_sql);
            } else if (!is_default_reset) {
                alter("DROP DEFAULT");
            }
        }
        if (generation(to) != generation(from)) {
            if (generation(to) == Generation::Identity) add_identity();
            if (generation(to) == Generation::Serial) add_serial();
            // A serial's sequence outlives DROP DEFAULT: drop it, or it lingers and blocks the
            // next CREATE SEQUENCE of that name (a downgrade back to serial).
            if (generation(from) == Generation::Serial) {
                out_.push_back("DROP SEQUENCE IF EXISTS " + serial_sequence());
            }
        } else if (generation(to) == Generation::Identity && from.identity != to.identity) {
            alter(to.identity == IdentityKind::Always ? "SET GENERATED ALWAYS"
                                                      : "SET GENERATED BY DEFAULT");
        }
        if (from.comment != to.comment) {
            out_.push_back(detail::column_comment_sql(dialect_, op_.table, to));
        }
        return std::move(out_);
    }

private:
    void alter(const std::string& action) { out_.push_back(prefix_ + action); }

    void add_table(const std::string& action) {
        out_.push_back(detail::alter_table(dialect_, op_.table) + action);
    }

    // A generated column's expression cannot change in place; its values are derived, so
    // dropping and adding it again loses nothing.
    std::vector<std::string> recreate() {
        add_table("DROP COLUMN " + dialect_.quote_identifier(op_.from.name));
        for (auto& statement : dialect_.add_column(AddColumn{op_.table, op_.to})) {
            out_.push_back(std::move(statement));
        }
        return std::move(out_);
    }

    void change_type() {
        const Column& from = op_.from;
        const Column& to = op_.to;
        if (is_inline_enum(from.type)) {
            add_table("DROP CONSTRAINT IF EXISTS " +
                      dialect_.quote_identifier(detail::enum_check_name(op_.table, from.name)));
        }
        // (an enum-as-text changing its values stays TEXT: only its CHECK changes; a named
        // enum type is created or altered by its own operations, before this one)
        if (dialect_.render_type(from.type) != dialect_.render_type(to.type) ||
            from.collation != to.collation) {
            std::string action = "TYPE " + dialect_.render_type(to.type);
            if (to.collation) {
                action += " COLLATE " + dialect_.quote_identifier(*to.collation);
            } else if (from.collation) {
                action += " COLLATE \"default\"";
            }
            const std::string using_sql = using_expression(dialect_, to.name, from.type, to.type);
            if (!using_sql.empty()) action += " USING " + using_sql;
            alter(action);
        }
        if (is_inline_enum(to.type)) {
            add_table("ADD " + detail::enum_check_clause(dialect_, op_.table, to));
        }
    }

    // The serial sequence of the column, by the name SERIAL gives it.
    std::string serial_sequence() const {
        return dialect_.quote_identifier(default_object_name(op_.table, op_.to.name, "seq"));
    }

    // Sets a new sequence past both the rows and the last value the column's old sequence
    // handed out (pg_sequence_last_value: NULL when it never did, which GREATEST ignores), so
    // the ids of deleted rows are not handed out again. The new sequence is left "called" on
    // that value, so the next switch can read it back the same way.
    std::string restart_after(const std::string& sequence_expr,
                              const std::string& old_sequence_regclass) const {
        return fmt::format(
            "SELECT setval({}, GREATEST(n, 1), n > 0) FROM (SELECT GREATEST(MAX({}), "
            "pg_catalog.pg_sequence_last_value({}), 0) AS n FROM {}) AS counter",
            sequence_expr, dialect_.quote_identifier(op_.to.name), old_sequence_regclass,
            dialect_.quote_identifier(op_.table));
    }

    // identity -> serial, before the identity goes: the serial's sequence, unowned yet, set past
    // the rows and the identity's counter.
    void create_serial_sequence() {
        const std::string sequence = serial_sequence();
        out_.push_back(
            fmt::format("CREATE SEQUENCE {} AS {}", sequence, integer_type_name(op_.to)));
        out_.push_back(restart_after(dialect_.quote_string(sequence),
                                     identity_sequence_expression() + "::regclass"));
        is_serial_sequence_created_ = true;
    }

    std::string identity_sequence_expression() const {
        return fmt::format("pg_get_serial_sequence({}, {})",
                           dialect_.quote_string(dialect_.quote_identifier(op_.table)),
                           dialect_.quote_string(op_.to.name));
    }

    void add_identity() {
        const Column& to = op_.to;
        if (op_.from.default_sql && generation(op_.from) != Generation::Serial) {
            alter("DROP DEFAULT");  // an identity column has no default (a serial's is gone)
        }
        // Identity needs NOT NULL; the nullability step above has set it unless the model keeps
        // the column nullable, which PostgreSQL cannot.
        if (to.is_nullable) alter("SET NOT NULL");
        alter(to.identity == IdentityKind::Always ? "ADD GENERATED ALWAYS AS IDENTITY"
                                                  : "ADD GENERATED BY DEFAULT AS IDENTITY");
        const std::string sequence = identity_sequence_expression();
        if (generation(op_.from) == Generation::Serial) {
            out_.push_back(
                restart_after(sequence, dialect_.quote_string(serial_sequence()) + "::regclass"));
        } else {
            out_.push_back(restart_sequence(dialect_, op_.table, to.name, sequence));
        }
    }

    // What SERIAL does at CREATE TABLE: a sequence owned by the column as its default.
    void add_serial() {
        const Column& to = op_.to;
        const std::string sequence = serial_sequence();
        const std::string owner =
            dialect_.quote_identifier(op_.table) + "." + dialect_.quote_identifier(to.name);
        if (is_serial_sequence_created_) {
            out_.push_back("ALTER SEQUENCE " + sequence + " OWNED BY " + owner);
        } else {
            out_.push_back(fmt::format("CREATE SEQUENCE {} AS {} OWNED BY {}", sequence,
                                       integer_type_name(to), owner));
        }
        const std::string regclass = dialect_.quote_string(sequence);
        alter("SET DEFAULT nextval(" + regclass + "::regclass)");
        if (!is_serial_sequence_created_) {
            out_.push_back(restart_sequence(dialect_, op_.table, to.name, regclass));
        }
    }

    const PostgresqlDialect& dialect_;
    const AlterColumn& op_;
    std::string prefix_;
    std::vector<std::string> out_;
    bool is_serial_sequence_created_ = false;
};

}  // namespace

std::vector<std::string> PostgresqlDialect::alter_column(const AlterColumn& op) const {
    return ColumnAlteration(*this, op).statements();
}

}  // namespace schemadiff::postgresql
