// SQLite's 12-step table rebuild (https://www.sqlite.org/lang_altertable.html#otheralter), the
// statements between BEGIN and COMMIT; foreign keys are switched off around the transaction by
// before_transaction / after_transaction and checked by before_commit.
//
// Rows keep their ids (the INTEGER PRIMARY KEY is copied), the AUTOINCREMENT counter is carried
// over in sqlite_sequence, and the dependent views, indexes and triggers are recreated. The
// rename runs with legacy_alter_table on so that triggers and views of other tables that name
// the table (and cannot resolve it while it is missing) do not abort the rename.
#include <algorithm>

#include "schemadiff/core/text.hpp"
#include "schemadiff/sqlite/sqlite_dialect.hpp"
#include "sqlite_sql_text.hpp"

namespace schemadiff::sqlite {

namespace {

const ColumnSource* source_of(const RebuildTable& op, const std::string& to_column) {
    const auto it = std::find_if(op.column_sources.begin(), op.column_sources.end(),
                                 [&](const ColumnSource& s) { return s.to_column == to_column; });
    return it == op.column_sources.end() ? nullptr : &*it;
}

bool has_autoincrement(const Table& table) {
    return detail::inline_primary_key_column(table) != nullptr;
}

}  // namespace

std::vector<std::string> SqliteDialect::rebuild_table(const RebuildTable& op) const {
    const std::string& name = op.to.name;
    const std::string new_name = std::string(detail::kRebuildPrefix) + name;
    const std::string old_table = quote_identifier(op.from.name);
    const std::string new_table = quote_identifier(new_name);

    Table shape = op.to;
    shape.name = new_name;
    shape.indexes.clear();
    shape.triggers.clear();
    std::vector<std::string> out = create_table(shape);

    // Copy the rows: each target column from its source, cast when the affinity changes to one
    // a CAST converts safely (detail::copy_cast), and NULLs replaced by the default when the
    // column becomes NOT NULL.
    std::vector<std::string> targets;
    std::vector<std::string> values;
    for (const auto& column : op.to.columns) {
        const ColumnSource* source = source_of(op, column.name);
        const Column* from = source ? op.from.find_column(source->from_column) : nullptr;
        if (from == nullptr || column.generated) continue;
        std::string value = quote_identifier(from->name);
        const std::string_view cast =
            detail::copy_cast(render_type(from->type), render_type(column.type), op.to.is_strict);
        if (!cast.empty()) value = "CAST(" + value + " AS " + std::string(cast) + ")";
        if (!column.is_nullable && from->is_nullable && column.default_sql) {
            value = "COALESCE(" + value + ", " + *column.default_sql + ")";
        }
        targets.push_back(quote_identifier(column.name));
        values.push_back(std::move(value));
    }
    if (targets.empty() && !op.from.is_without_rowid && !op.to.is_without_rowid) {
        // No column survives: keep the rows (and their ids) through the rowid alone.
        targets.emplace_back("rowid");
        values.emplace_back("rowid");
    }
    if (!targets.empty()) {
        out.push_back("INSERT INTO " + new_table + " (" + text::join(targets, ", ") + ")\n" +
                      "SELECT " + text::join(values, ", ") + "\nFROM " + old_table);
    }

    // Dropping the old table deletes its sqlite_sequence row; the new table takes its counter
    // so that ids of deleted rows are not handed out again.
    if (has_autoincrement(op.from) && has_autoincrement(op.to)) {
        out.push_back("DELETE FROM sqlite_sequence WHERE name = " + quote_string(new_name));
        out.push_back("INSERT INTO sqlite_sequence (name, seq) SELECT " + quote_string(new_name) +
                      ", seq FROM sqlite_sequence WHERE name = " + quote_string(op.from.name));
    }

    for (auto view = op.views.rbegin(); view != op.views.rend(); ++view) {
        out.push_back("DROP VIEW " + quote_identifier(view->name));
    }
    out.push_back("DROP TABLE " + old_table);
    out.emplace_back("PRAGMA legacy_alter_table=ON");
    out.push_back("ALTER TABLE " + new_table + " RENAME TO " + quote_identifier(name));
    out.emplace_back("PRAGMA legacy_alter_table=OFF");

    for (const auto& index : op.to.indexes) out.push_back(create_index(name, index));
    const auto add_verbatim = [&out](const std::string& sql) {
        std::string_view text = text::trim(sql);
        while (!text.empty() && text.back() == ';')
            text = text::trim(text.substr(0, text.size() - 1));
        out.emplace_back(text);
    };
    for (const auto& trigger : op.to.triggers) add_verbatim(trigger.sql);
    for (const auto& view : op.views) add_verbatim(view.sql);
    return out;
}

}  // namespace schemadiff::sqlite
