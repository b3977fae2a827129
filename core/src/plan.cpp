#include "schemadiff/core/plan.hpp"

namespace schemadiff {

std::vector<const Finding*> Plan::findings_for(std::size_t operation_index) const {
    std::vector<const Finding*> out;
    for (const auto& finding : findings) {
        if (finding.operation_index == operation_index) out.push_back(&finding);
    }
    return out;
}

std::string_view to_string(FindingKind kind) {
    switch (kind) {
        case FindingKind::DataLoss:
            return "data-loss";
        case FindingKind::ProbableRename:
            return "probable-rename";
        case FindingKind::LossyTypeChange:
            return "lossy-type-change";
        case FindingKind::NotNullNoDefault:
            return "not-null-no-default";
        case FindingKind::TableRebuild:
            return "table-rebuild";
    }
    return "data-loss";
}

}  // namespace schemadiff
