#include "row_compare.hpp"

#include <algorithm>

#include "sqlite_file.hpp"

namespace schemadiff::acceptance {

namespace {

std::string quoted(const std::string& name) {
    std::string out = "\"";
    for (char c : name) {
        out += c;
        if (c == '"') out += '"';
    }
    return out + "\"";
}

std::string literal(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

bool has_autoincrement(const Table& table) {
    return std::any_of(table.columns.begin(), table.columns.end(),
                       [](const Column& c) { return c.is_autoincrement; });
}

const Table* find_by_key(const Schema& schema, const std::string& name, const Dialect& dialect) {
    const auto key = dialect.identifier_key(name);
    for (const auto& table : schema.tables) {
        if (dialect.identifier_key(table.name) == key) return &table;
    }
    return nullptr;
}

// The table of `after` that continues `table`: the one renamed from it, or the one of the same
// name unless that one is itself renamed from another table.
const Table* successor(const Table& table, const Schema& after, const Dialect& dialect) {
    const auto key = dialect.identifier_key(table.name);
    for (const auto& candidate : after.tables) {
        if (candidate.renamed_from && dialect.identifier_key(*candidate.renamed_from) == key) {
            return &candidate;
        }
    }
    const auto* same = find_by_key(after, table.name, dialect);
    if (same != nullptr && same->renamed_from) return nullptr;
    return same;
}

const Column* successor(const Column& column, const Table& after, const Dialect& dialect) {
    const auto key = dialect.identifier_key(column.name);
    for (const auto& candidate : after.columns) {
        if (candidate.renamed_from && dialect.identifier_key(*candidate.renamed_from) == key) {
            return &candidate;
        }
    }
    for (const auto& candidate : after.columns) {
        if (dialect.identifier_key(candidate.name) == key) {
            return candidate.renamed_from ? nullptr : &candidate;
        }
    }
    return nullptr;
}

std::vector<Row> sorted_rows(SqliteFile& db, const std::string& table,
                             const std::vector<std::string>& columns,
                             const std::vector<ValueForm>& forms) {
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        select += (i > 0 ? ", " : "") + quoted(columns[i]);
    }
    if (columns.empty()) select += "1";
    auto rows = db.query(select + " FROM " + quoted(table), forms);
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::string show(const Row& row) {
    std::string out = "(";
    for (std::size_t i = 0; i < row.size(); ++i) {
        out += (i > 0 ? ", " : "") + row[i].value_or("NULL");
    }
    return out + ")";
}

std::string show(const std::vector<Row>& rows) {
    std::string out;
    for (const auto& row : rows) out += "\n    " + show(row);
    return rows.empty() ? " (no rows)" : out;
}

std::optional<std::string> sequence_of(SqliteFile& db, const std::string& table) {
    if (db.query("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'").empty()) {
        return std::nullopt;
    }
    const auto rows = db.query("SELECT seq FROM sqlite_sequence WHERE name = " + literal(table));
    if (rows.empty()) return std::nullopt;
    return rows.front().front();
}

}  // namespace

std::vector<KeptTable> kept_tables(const Schema& before, const Schema& after,
                                   const Dialect& dialect) {
    std::vector<KeptTable> kept;
    for (const auto& table : before.tables) {
        const auto* next = successor(table, after, dialect);
        if (next == nullptr) continue;
        KeptTable entry{
            table.name, next->name, {}, has_autoincrement(table) && has_autoincrement(*next)};
        for (const auto& column : table.columns) {
            const auto* next_column = successor(column, *next, dialect);
            if (next_column == nullptr || column.generated || next_column->generated) continue;
            entry.columns.push_back(
                {column.name, next_column->name,
                 dialect.canonical_type(column.type) == dialect.canonical_type(next_column->type)});
        }
        kept.push_back(std::move(entry));
    }
    return kept;
}

std::vector<KeptTable> all_tables(const Schema& schema) {
    std::vector<KeptTable> kept;
    for (const auto& table : schema.tables) {
        KeptTable entry{table.name, table.name, {}, has_autoincrement(table)};
        for (const auto& column : table.columns) {
            if (!column.generated) entry.columns.push_back({column.name, column.name, true});
        }
        kept.push_back(std::move(entry));
    }
    return kept;
}

std::vector<std::string> compare_rows(const std::filesystem::path& before_db,
                                      const std::filesystem::path& after_db,
                                      const std::vector<KeptTable>& tables) {
    SqliteFile before(before_db);
    SqliteFile after(after_db);
    std::vector<std::string> failures;
    for (const auto& table : tables) {
        std::vector<std::string> before_columns;
        std::vector<std::string> after_columns;
        std::vector<ValueForm> forms;
        for (const auto& column : table.columns) {
            before_columns.push_back(column.before);
            after_columns.push_back(column.after);
            forms.push_back(column.is_exact ? ValueForm::Exact : ValueForm::Loose);
        }
        const auto expected = sorted_rows(before, table.before, before_columns, forms);
        const auto actual = sorted_rows(after, table.after, after_columns, forms);
        if (expected != actual) {
            std::string columns;
            for (const auto& c : after_columns) columns += (columns.empty() ? "" : ", ") + c;
            failures.push_back("rows of " + table.after + " (" + columns + ") differ:\n  expected" +
                               show(expected) + "\n  actual" + show(actual));
        }
        if (table.has_sequence) {
            const auto expected_seq = sequence_of(before, table.before);
            const auto actual_seq = sequence_of(after, table.after);
            if (expected_seq != actual_seq) {
                failures.push_back("sqlite_sequence of " + table.after + " is " +
                                   actual_seq.value_or("absent") + ", expected " +
                                   expected_seq.value_or("absent"));
            }
        }
    }
    return failures;
}

}  // namespace schemadiff::acceptance
