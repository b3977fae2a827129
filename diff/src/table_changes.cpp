#include "table_changes.hpp"

namespace schemadiff::diff::detail {

std::vector<Operation> TableChanges::alter_operations() const {
    std::vector<Operation> ops;
    for (const auto* group : {&drop_constraints, &add_columns, &alter_columns, &primary_key,
                              &create_constraints, &comment, &drop_columns}) {
        ops.insert(ops.end(), group->begin(), group->end());
    }
    return ops;
}

bool TableChanges::has_changes() const {
    for (const auto* group :
         {&rename_table, &rename_columns, &drop_constraints, &add_columns, &alter_columns,
          &primary_key, &create_constraints, &comment, &drop_columns}) {
        if (!group->empty()) return true;
    }
    return !rebuild_reasons.empty();
}

}  // namespace schemadiff::diff::detail
