#include "schemadiff/emit/report.hpp"

#include "schemadiff/core/plan_json.hpp"

namespace schemadiff::emit {

namespace {

// "+" adds, "-" removes, "~" changes in place.
char change_marker(const Operation& op) {
    const std::string_view name = operation_name(op);
    if (name.starts_with("create_") || name.starts_with("add_")) return '+';
    if (name.starts_with("drop_")) return '-';
    return '~';
}

std::string plural(std::size_t count, std::string_view noun) {
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

}  // namespace

std::string render_text_report(const Plan& plan, const Dialect& dialect) {
    if (plan.empty()) return "No changes.\n";
    std::string out;
    for (std::size_t i = 0; i < plan.operations.size(); ++i) {
        const Operation& op = plan.operations[i];
        out += change_marker(op);
        out += ' ';
        out += describe(op);
        if (dialect.requires_no_transaction(op)) out += " (outside the transaction)";
        out += '\n';
        for (const Finding* finding : plan.findings_for(i)) {
            out += "! " + std::string(to_string(finding->kind)) + ": " + finding->message + '\n';
        }
    }
    out += plural(plan.operations.size(), "operation") + ", " +
           plural(plan.findings.size(), "finding") + "\n";
    return out;
}

std::string render_json_report(const Plan& plan) { return plan_to_json(plan); }

}  // namespace schemadiff::emit
