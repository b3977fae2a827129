// PostgresqlDialect's named enum types: CREATE TYPE ... AS ENUM, DROP TYPE, and value changes.
//
// Values only added keep the type: ALTER TYPE ... ADD VALUE IF NOT EXISTS, each placed after its
// predecessor in the target order (or before the first old value), so the order reads back equal.
// These run outside the script's transaction (requires_no_transaction): a value added inside one
// cannot be used before it commits, and before PostgreSQL 12 ADD VALUE cannot run in one at all.
// IF NOT EXISTS makes a retry after a partial run harmless.
// A value removed or moved needs a new type (a swap, inside the transaction): the old type is
// renamed out of the way, the new one created under the name, each column that uses the type cast
// through text (an array column through TEXT[]; its default dropped first and set again after),
// and the old type dropped. A row holding a removed value makes the cast, and so the script, fail.
// What PostgreSQL cannot carry across the change is taken off before and put back after: views
// using a column (ALTER COLUMN TYPE refuses them), and indexes and CHECKs whose text names one
// (rebuilt by parsing their text again, they find no operator between the new type and a
// constant of the old). A default naming a removed value is a model error, reported as such.
#include <algorithm>

#include "postgresql_ddl.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::postgresql {

namespace {

std::string value_list(const PostgresqlDialect& dialect, const std::vector<std::string>& values) {
    std::string out = "(";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ", ";
        out += dialect.quote_string(values[i]);
    }
    return out + ")";
}

std::string create_type(const PostgresqlDialect& dialect, const std::string& name,
                        const std::vector<std::string>& values) {
    return "CREATE TYPE " + dialect.quote_identifier(name) + " AS ENUM " +
           value_list(dialect, values);
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

std::vector<std::string> add_values(const PostgresqlDialect& dialect, const AlterEnumType& op) {
    const std::string prefix = "ALTER TYPE " + dialect.quote_identifier(op.name) + " ADD VALUE ";
    std::vector<std::string> out;
    for (std::size_t i = 0; i < op.to.size(); ++i) {
        if (contains(op.from, op.to[i])) continue;
        std::string statement = prefix + "IF NOT EXISTS " + dialect.quote_string(op.to[i]);
        if (i > 0) {
            statement += " AFTER " + dialect.quote_string(op.to[i - 1]);
        } else if (!op.from.empty()) {
            statement += " BEFORE " + dialect.quote_string(op.from.front());
        }
        out.push_back(std::move(statement));
    }
    return out;
}

// The removed value a default expression names (as a string literal), if any.
const std::string* removed_value_named(const PostgresqlDialect& dialect,
                                       const std::string& default_sql, const AlterEnumType& op) {
    for (const auto& value : op.from) {
        if (!contains(op.to, value) &&
            default_sql.find(dialect.quote_string(value)) != std::string::npos) {
            return &value;
        }
    }
    return nullptr;
}

void append(std::vector<std::string>& out, std::vector<std::string> statements) {
    for (auto& statement : statements) out.push_back(std::move(statement));
}

std::vector<std::string> swap_type(const PostgresqlDialect& dialect, const AlterEnumType& op) {
    const std::string type = dialect.quote_identifier(op.name);
    // A name no model uses: PostgreSQL's own shape for derived names, cut to 63 bytes.
    const std::string old_type =
        dialect.quote_identifier(default_object_name(op.name, "", "schemadiff_old"));
    std::vector<std::string> out;
    // Off first: what PostgreSQL cannot carry across the type change (views using a column,
    // dependents first; indexes and CHECKs whose text names one).
    for (const auto& view : op.views) append(out, dialect.render(DropView{view}));
    for (const auto& index : op.indexes) {
        append(out, dialect.render(DropIndex{index.table, index.index}));
    }
    for (const auto& check : op.checks) {
        append(out, dialect.render(DropCheckConstraint{check.table, check.check}));
    }
    out.push_back("ALTER TYPE " + type + " RENAME TO " + old_type);
    out.push_back(create_type(dialect, op.name, op.to));
    for (const auto& use : op.columns) {
        const std::string column = dialect.quote_identifier(use.column);
        const std::string prefix =
            detail::alter_table(dialect, use.table) + "ALTER COLUMN " + column + " ";
        if (use.default_sql) {
            if (const std::string* value = removed_value_named(dialect, *use.default_sql, op)) {
                throw Error(ErrorKind::InvalidModel,
                            "the default " + *use.default_sql + " of column " + use.table + "." +
                                use.column + " names the value " + dialect.quote_string(*value) +
                                " that enum type " + op.name +
                                " loses; change the default in the same migration",
                            "enum type " + op.name);
            }
            out.push_back(prefix + "DROP DEFAULT");
        }
        const std::string target_type = use.is_array ? type + "[]" : type;
        out.push_back(prefix + "TYPE " + target_type + " USING " + column +
                      (use.is_array ? "::TEXT[]::" : "::TEXT::") + target_type);
        if (use.default_sql) out.push_back(prefix + "SET DEFAULT " + *use.default_sql);
    }
    for (const auto& check : op.checks) append(out, dialect.render(check));
    for (const auto& index : op.indexes) append(out, dialect.render(index));
    for (auto view = op.views.rbegin(); view != op.views.rend(); ++view) {
        append(out, dialect.render(CreateView{*view}));
    }
    out.push_back("DROP TYPE " + old_type);
    return out;
}

}  // namespace

std::vector<std::string> PostgresqlDialect::create_enum_type(const CreateEnumType& op) const {
    return {create_type(*this, op.type.name, op.type.values)};
}

std::vector<std::string> PostgresqlDialect::drop_enum_type(const DropEnumType& op) const {
    return {"DROP TYPE " + quote_identifier(op.type.name)};
}

std::vector<std::string> PostgresqlDialect::alter_enum_type(const AlterEnumType& op) const {
    return is_enum_addition(op) ? add_values(*this, op) : swap_type(*this, op);
}

}  // namespace schemadiff::postgresql
