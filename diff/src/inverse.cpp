// invert — the plan that undoes a plan: each operation's exact inverse, in reverse order. Every
// operation carries what its inverse needs (a dropped column its definition, an altered column
// its old definition, a rebuild both table shapes), so nothing is looked up.
#include <type_traits>
#include <unordered_map>

#include "findings.hpp"
#include "schemadiff/diff/diff.hpp"

namespace schemadiff::diff {

namespace {

// The inverse rebuild copies each column back from where it came; a generated column computes
// its values and is never copied into.
std::vector<ColumnSource> reversed_sources(const RebuildTable& op, const Dialect& dialect) {
    std::unordered_map<std::string, std::string> source_of;  // key(from column) -> to column
    for (const auto& source : op.column_sources) {
        source_of.emplace(dialect.identifier_key(source.from_column), source.to_column);
    }
    std::vector<ColumnSource> out;
    for (const auto& column : op.from.columns) {
        const auto found = source_of.find(dialect.identifier_key(column.name));
        if (found == source_of.end() || column.generated) continue;
        out.push_back({column.name, found->second});
    }
    return out;
}

Operation inverse_of(const Operation& operation, const Dialect& dialect) {
    return std::visit(
        [&](const auto& op) -> Operation {
            using T = std::decay_t<decltype(op)>;
            if constexpr (std::is_same_v<T, CreateTable>) {
                return DropTable{op.table};
            } else if constexpr (std::is_same_v<T, DropTable>) {
                return CreateTable{op.table};
            } else if constexpr (std::is_same_v<T, RenameTable>) {
                return RenameTable{op.to, op.from};
            } else if constexpr (std::is_same_v<T, AddColumn>) {
                return DropColumn{op.table, op.column};
            } else if constexpr (std::is_same_v<T, DropColumn>) {
                return AddColumn{op.table, op.column};
            } else if constexpr (std::is_same_v<T, RenameColumn>) {
                return RenameColumn{op.table, op.to, op.from};
            } else if constexpr (std::is_same_v<T, AlterColumn>) {
                return AlterColumn{op.table, op.to, op.from};
            } else if constexpr (std::is_same_v<T, CreateIndex>) {
                return DropIndex{op.table, op.index};
            } else if constexpr (std::is_same_v<T, DropIndex>) {
                return CreateIndex{op.table, op.index};
            } else if constexpr (std::is_same_v<T, AddUniqueConstraint>) {
                return DropUniqueConstraint{op.table, op.constraint};
            } else if constexpr (std::is_same_v<T, DropUniqueConstraint>) {
                return AddUniqueConstraint{op.table, op.constraint};
            } else if constexpr (std::is_same_v<T, AddForeignKey>) {
                return DropForeignKey{op.table, op.foreign_key};
            } else if constexpr (std::is_same_v<T, DropForeignKey>) {
                return AddForeignKey{op.table, op.foreign_key};
            } else if constexpr (std::is_same_v<T, AddCheckConstraint>) {
                return DropCheckConstraint{op.table, op.check};
            } else if constexpr (std::is_same_v<T, DropCheckConstraint>) {
                return AddCheckConstraint{op.table, op.check};
            } else if constexpr (std::is_same_v<T, AlterPrimaryKey>) {
                return AlterPrimaryKey{op.table, op.to, op.from};
            } else if constexpr (std::is_same_v<T, SetTableComment>) {
                return SetTableComment{op.table, op.to, op.from};
            } else if constexpr (std::is_same_v<T, CreateView>) {
                return DropView{op.view};
            } else if constexpr (std::is_same_v<T, DropView>) {
                return CreateView{op.view};
            } else if constexpr (std::is_same_v<T, CreateTrigger>) {
                return DropTrigger{op.table, op.trigger};
            } else if constexpr (std::is_same_v<T, DropTrigger>) {
                return CreateTrigger{op.table, op.trigger};
            } else if constexpr (std::is_same_v<T, CreateEnumType>) {
                return DropEnumType{op.type};
            } else if constexpr (std::is_same_v<T, DropEnumType>) {
                return CreateEnumType{op.type};
            } else if constexpr (std::is_same_v<T, AlterEnumType>) {
                return AlterEnumType{op.name,    op.to,     op.from, op.columns,
                                     op.indexes, op.checks, op.views};
            } else {
                static_assert(std::is_same_v<T, RebuildTable>, "every operation has an inverse");
                return RebuildTable{op.to, op.from, reversed_sources(op, dialect), op.views,
                                    op.reasons};
            }
        },
        operation);
}

}  // namespace

Plan invert(const Plan& plan, const Dialect& dialect) {
    Plan inverse;
    inverse.operations.reserve(plan.operations.size());
    for (auto it = plan.operations.rbegin(); it != plan.operations.rend(); ++it) {
        inverse.operations.push_back(inverse_of(*it, dialect));
    }
    inverse.findings = detail::compute_findings(inverse.operations, dialect);
    return inverse;
}

}  // namespace schemadiff::diff
