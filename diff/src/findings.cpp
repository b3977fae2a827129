#include "findings.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>
#include <unordered_map>

#include "rename_candidates.hpp"
#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::diff::detail {

namespace {

class FindingList {
public:
    explicit FindingList(const Dialect& dialect) : dialect_(dialect) {}

    void add(FindingKind kind, std::size_t index, const std::string& table,
             const std::string& column, std::string message) {
        findings_.push_back({kind, index, table, column, std::move(message)});
    }

    std::string type_name(const ColumnType& type) const {
        try {
            return dialect_.render_type(type);
        } catch (const Error&) {
            return to_string(type);
        }
    }

    // Type and nullability changes of one column (an AlterColumn, or a column a rebuild copies:
    // the copy replaces NULLs by the column's default, where an in-place SET NOT NULL fails).
    void column_change(std::size_t index, const std::string& table, const Column& from,
                       const Column& to, bool is_copied) {
        const ColumnType from_type = dialect_.canonical_column_type(from);
        const ColumnType to_type = dialect_.canonical_column_type(to);
        if (from_type != to_type && is_lossy_change(from_type, to_type)) {
            add(FindingKind::LossyTypeChange, index, table, to.name,
                fmt::format("Changing the type of {}.{} from {} to {} may truncate values or "
                            "fail on existing rows.",
                            table, to.name, type_name(from.type), type_name(to.type)));
        }
        if (!from.is_nullable || to.is_nullable) return;
        if (is_copied && to.default_sql) {
            add(FindingKind::NotNullNoDefault, index, table, to.name,
                fmt::format("Column {}.{} becomes NOT NULL: rows holding NULL there are copied "
                            "with its default {} instead.",
                            table, to.name, *to.default_sql));
        } else {
            add(FindingKind::NotNullNoDefault, index, table, to.name,
                fmt::format("Column {}.{} becomes NOT NULL: the change fails if any row holds "
                            "NULL there, so update those rows first.",
                            table, to.name));
        }
    }

    void added_column(std::size_t index, const std::string& table, const Column& column) {
        if (column.is_nullable || column.default_sql || column.generated ||
            column.is_autoincrement) {
            return;
        }
        add(FindingKind::NotNullNoDefault, index, table, column.name,
            fmt::format("Column {}.{} is added as NOT NULL without a default: this fails if "
                        "the table already has rows.",
                        table, column.name));
    }

    void rebuild(std::size_t index, const RebuildTable& op, RenameCandidates& renames) {
        const std::string& table = op.to.name;
        std::vector<std::string> reasons;
        for (const auto& reason : op.reasons) {
            std::string_view trimmed = text::trim(reason);
            while (!trimmed.empty() && trimmed.back() == '.') trimmed.remove_suffix(1);
            if (!trimmed.empty()) reasons.emplace_back(trimmed);
        }
        add(FindingKind::TableRebuild, index, table, {},
            fmt::format("Table {} is rebuilt (copied into a new table, then swapped in): {}.",
                        table,
                        reasons.empty() ? "ALTER TABLE cannot make this change"
                                        : text::join(reasons, "; ")));
        std::unordered_map<std::string, const ColumnSource*> by_target;
        std::unordered_map<std::string, bool> is_copied;
        for (const auto& source : op.column_sources) {
            by_target.emplace(dialect_.identifier_key(source.to_column), &source);
            is_copied[dialect_.identifier_key(source.from_column)] = true;
        }
        // A generated column the rebuilt table keeps is computed again, not lost.
        std::unordered_map<std::string, bool> is_generated_in_target;
        for (const auto& column : op.to.columns) {
            is_generated_in_target[dialect_.identifier_key(column.name)] =
                column.generated.has_value();
        }
        for (const auto& column : op.from.columns) {
            const std::string key = dialect_.identifier_key(column.name);
            if (is_copied.count(key)) continue;
            if (column.generated) {
                const auto kept = is_generated_in_target.find(key);
                if (kept != is_generated_in_target.end() && kept->second) continue;
            }
            add(FindingKind::DataLoss, index, table, column.name,
                fmt::format("Rebuilding table {} drops column {} and the data it holds.", table,
                            column.name));
            renames.dropped_column(index, table, column);
        }
        for (const auto& column : op.to.columns) {
            const auto source = by_target.find(dialect_.identifier_key(column.name));
            if (source == by_target.end()) {
                if (!column.generated) {
                    added_column(index, table, column);
                    renames.added_column(table, column);
                }
                continue;
            }
            if (const Column* from = op.from.find_column(source->second->from_column)) {
                column_change(index, table, *from, column, true);
            }
        }
    }

    // A value removed from an enum type: the type is swapped for a new one and every column
    // using it cast, which fails on a row that holds a removed value.
    void enum_values_removed(std::size_t index, const AlterEnumType& op) {
        std::vector<std::string> removed;
        for (const auto& value : op.from) {
            if (std::find(op.to.begin(), op.to.end(), value) == op.to.end()) {
                removed.push_back("'" + value + "'");
            }
        }
        if (removed.empty()) return;
        add(FindingKind::DataLoss, index, op.name, {},
            fmt::format("Enum type {} loses {} {}: it is replaced by a new type and each column "
                        "using it is cast, which fails if a row holds a removed value, so "
                        "update those rows first.",
                        op.name, removed.size() == 1 ? "value" : "values",
                        text::join(removed, ", ")));
    }

    std::vector<Finding> take() && {
        std::stable_sort(findings_.begin(), findings_.end(),
                         [](const Finding& a, const Finding& b) {
                             if (a.operation_index != b.operation_index) {
                                 return a.operation_index < b.operation_index;
                             }
                             return a.kind < b.kind;
                         });
        return std::move(findings_);
    }

private:
    const Dialect& dialect_;
    std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> compute_findings(const std::vector<Operation>& operations,
                                      const Dialect& dialect) {
    FindingList list(dialect);
    RenameCandidates renames(dialect);
    for (std::size_t i = 0; i < operations.size(); ++i) {
        std::visit(
            [&](const auto& op) {
                using T = std::decay_t<decltype(op)>;
                if constexpr (std::is_same_v<T, DropTable>) {
                    list.add(
                        FindingKind::DataLoss, i, op.table.name, {},
                        fmt::format("Dropping table {} deletes all of its rows.", op.table.name));
                    renames.dropped_table(i, op.table);
                } else if constexpr (std::is_same_v<T, CreateTable>) {
                    renames.added_table(op.table);
                } else if constexpr (std::is_same_v<T, DropColumn>) {
                    list.add(FindingKind::DataLoss, i, op.table, op.column.name,
                             fmt::format("Dropping column {}.{} deletes the data it holds.",
                                         op.table, op.column.name));
                    renames.dropped_column(i, op.table, op.column);
                } else if constexpr (std::is_same_v<T, AddColumn>) {
                    list.added_column(i, op.table, op.column);
                    renames.added_column(op.table, op.column);
                } else if constexpr (std::is_same_v<T, AlterColumn>) {
                    list.column_change(i, op.table, op.from, op.to, false);
                } else if constexpr (std::is_same_v<T, RebuildTable>) {
                    list.rebuild(i, op, renames);
                } else if constexpr (std::is_same_v<T, AlterEnumType>) {
                    list.enum_values_removed(i, op);
                }
            },
            operations[i]);
    }
    for (auto& finding : renames.findings()) {
        list.add(finding.kind, finding.operation_index, finding.table, finding.column,
                 std::move(finding.message));
    }
    return std::move(list).take();
}

}  // namespace schemadiff::diff::detail
