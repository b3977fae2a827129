#include "schemadiff/core/plan_json.hpp"

#include <fmt/format.h>

#include "enum_type_json.hpp"
#include "json_shapes.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff {

namespace {

using detail::Json;
using detail::ObjectReader;

constexpr const char* kFormat = "schemadiff-plan";
constexpr long long kVersion = 1;

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

void put_optional(Json& json, const char* key, const std::optional<std::string>& value) {
    if (value) json[key] = *value;
}

// A trigger has a view's shape: name and statement.
Json trigger_to_json(const Trigger& trigger) {
    return detail::view_to_json(View{trigger.name, trigger.sql});
}

Trigger trigger_from_json(const Json& json, const std::string& path, const std::string& origin) {
    View as_view = detail::view_from_json(json, path, origin);
    return Trigger{std::move(as_view.name), std::move(as_view.sql)};
}

Json operation_body(const Operation& op) {
    return std::visit(
        Overloaded{
            [](const CreateTable& o) {
                return Json{{"table", detail::table_to_json(o.table)}};
            },
            [](const DropTable& o) {
                return Json{{"table", detail::table_to_json(o.table)}};
            },
            [](const RenameTable& o) {
                return Json{{"from", o.from}, {"to", o.to}};
            },
            [](const AddColumn& o) {
                return Json{{"table", o.table}, {"column", detail::column_to_json(o.column)}};
            },
            [](const DropColumn& o) {
                return Json{{"table", o.table}, {"column", detail::column_to_json(o.column)}};
            },
            [](const RenameColumn& o) {
                return Json{{"table", o.table}, {"from", o.from}, {"to", o.to}};
            },
            [](const AlterColumn& o) {
                return Json{{"table", o.table},
                            {"from", detail::column_to_json(o.from)},
                            {"to", detail::column_to_json(o.to)}};
            },
            [](const CreateIndex& o) {
                return Json{{"table", o.table}, {"index", detail::index_to_json(o.index)}};
            },
            [](const DropIndex& o) {
                return Json{{"table", o.table}, {"index", detail::index_to_json(o.index)}};
            },
            [](const AddUniqueConstraint& o) {
                return Json{{"table", o.table},
                            {"constraint", detail::unique_to_json(o.constraint)}};
            },
            [](const DropUniqueConstraint& o) {
                return Json{{"table", o.table},
                            {"constraint", detail::unique_to_json(o.constraint)}};
            },
            [](const AddForeignKey& o) {
                return Json{{"table", o.table},
                            {"foreign_key", detail::foreign_key_to_json(o.foreign_key)}};
            },
            [](const DropForeignKey& o) {
                return Json{{"table", o.table},
                            {"foreign_key", detail::foreign_key_to_json(o.foreign_key)}};
            },
            [](const AddCheckConstraint& o) {
                return Json{{"table", o.table}, {"check", detail::check_to_json(o.check)}};
            },
            [](const DropCheckConstraint& o) {
                return Json{{"table", o.table}, {"check", detail::check_to_json(o.check)}};
            },
            [](const AlterPrimaryKey& o) {
                return Json{{"table", o.table},
                            {"from", detail::primary_key_to_json(o.from)},
                            {"to", detail::primary_key_to_json(o.to)}};
            },
            [](const SetTableComment& o) {
                Json json{{"table", o.table}};
                put_optional(json, "from", o.from);
                put_optional(json, "to", o.to);
                return json;
            },
            [](const RebuildTable& o) {
                Json sources = Json::array();
                for (const auto& source : o.column_sources) {
                    sources.push_back({{"to", source.to_column}, {"from", source.from_column}});
                }
                Json views = Json::array();
                for (const auto& view : o.views) views.push_back(detail::view_to_json(view));
                return Json{{"from", detail::table_to_json(o.from)},
                            {"to", detail::table_to_json(o.to)},
                            {"column_sources", std::move(sources)},
                            {"views", std::move(views)},
                            {"reasons", o.reasons}};
            },
            [](const CreateView& o) {
                return Json{{"view", detail::view_to_json(o.view)}};
            },
            [](const DropView& o) {
                return Json{{"view", detail::view_to_json(o.view)}};
            },
            [](const CreateTrigger& o) {
                return Json{{"table", o.table}, {"trigger", trigger_to_json(o.trigger)}};
            },
            [](const DropTrigger& o) {
                return Json{{"table", o.table}, {"trigger", trigger_to_json(o.trigger)}};
            },
            [](const CreateEnumType& o) {
                return Json{{"type", detail::enum_type_to_json(o.type)}};
            },
            [](const DropEnumType& o) {
                return Json{{"type", detail::enum_type_to_json(o.type)}};
            },
            [](const AlterEnumType& o) {
                Json out{{"name", o.name},
                         {"from", o.from},
                         {"to", o.to},
                         {"columns", detail::enum_type_columns_to_json(o.columns)}};
                detail::enum_swap_dependents_to_json(o, out);
                return out;
            },
        },
        op);
}

Json operation_to_json(const Operation& op) {
    Json json{{"op", std::string(operation_name(op))}};
    const Json body = operation_body(op);
    for (const auto& [key, value] : body.items()) json[key] = value;
    return json;
}

// Reads the sub-object at `key` with `from_json`.
template <typename F>
auto nested(ObjectReader& reader, const char* key, F from_json) {
    const Json* value = reader.object(key);
    if (value == nullptr) reader.fail(key, fmt::format("missing \"{}\"", key));
    return from_json(*value, reader.child_path(key), reader.origin());
}

Operation operation_from_json(const Json& json, const std::string& path,
                              const std::string& origin) {
    ObjectReader r(json, path, origin);
    const std::string op = r.required_string("op");
    auto table_name = [&r] { return r.required_string("table"); };
    Operation result = [&]() -> Operation {
        if (op == "create_table") return CreateTable{nested(r, "table", detail::table_from_json)};
        if (op == "drop_table") return DropTable{nested(r, "table", detail::table_from_json)};
        if (op == "rename_table") {
            return RenameTable{r.required_string("from"), r.required_string("to")};
        }
        if (op == "add_column") {
            return AddColumn{table_name(), nested(r, "column", detail::column_from_json)};
        }
        if (op == "drop_column") {
            return DropColumn{table_name(), nested(r, "column", detail::column_from_json)};
        }
        if (op == "rename_column") {
            return RenameColumn{table_name(), r.required_string("from"), r.required_string("to")};
        }
        if (op == "alter_column") {
            auto table = table_name();
            auto from = nested(r, "from", detail::column_from_json);
            return AlterColumn{std::move(table), std::move(from),
                               nested(r, "to", detail::column_from_json)};
        }
        if (op == "create_index") {
            return CreateIndex{table_name(), nested(r, "index", detail::index_from_json)};
        }
        if (op == "drop_index") {
            return DropIndex{table_name(), nested(r, "index", detail::index_from_json)};
        }
        if (op == "add_unique") {
            return AddUniqueConstraint{table_name(),
                                       nested(r, "constraint", detail::unique_from_json)};
        }
        if (op == "drop_unique") {
            return DropUniqueConstraint{table_name(),
                                        nested(r, "constraint", detail::unique_from_json)};
        }
        if (op == "add_foreign_key") {
            return AddForeignKey{table_name(),
                                 nested(r, "foreign_key", detail::foreign_key_from_json)};
        }
        if (op == "drop_foreign_key") {
            return DropForeignKey{table_name(),
                                  nested(r, "foreign_key", detail::foreign_key_from_json)};
        }
        if (op == "add_check") {
            return AddCheckConstraint{table_name(), nested(r, "check", detail::check_from_json)};
        }
        if (op == "drop_check") {
            return DropCheckConstraint{table_name(), nested(r, "check", detail::check_from_json)};
        }
        if (op == "alter_primary_key") {
            auto table = table_name();
            auto from = nested(r, "from", detail::primary_key_from_json);
            return AlterPrimaryKey{std::move(table), std::move(from),
                                   nested(r, "to", detail::primary_key_from_json)};
        }
        if (op == "set_table_comment") {
            auto table = table_name();
            auto from = r.optional_string("from");
            return SetTableComment{std::move(table), std::move(from), r.optional_string("to")};
        }
        if (op == "rebuild_table") {
            RebuildTable rebuild;
            rebuild.from = nested(r, "from", detail::table_from_json);
            rebuild.to = nested(r, "to", detail::table_from_json);
            const Json& sources = r.array("column_sources");
            for (std::size_t i = 0; i < sources.size(); ++i) {
                ObjectReader s(sources[i], fmt::format("{}.column_sources[{}]", path, i), origin);
                rebuild.column_sources.push_back(
                    {s.required_string("to"), s.required_string("from")});
                s.finish();
            }
            const Json& views = r.array("views");
            for (std::size_t i = 0; i < views.size(); ++i) {
                rebuild.views.push_back(
                    detail::view_from_json(views[i], fmt::format("{}.views[{}]", path, i), origin));
            }
            rebuild.reasons = r.string_list("reasons");
            return rebuild;
        }
        if (op == "create_view") return CreateView{nested(r, "view", detail::view_from_json)};
        if (op == "drop_view") return DropView{nested(r, "view", detail::view_from_json)};
        if (op == "create_trigger") {
            return CreateTrigger{table_name(), nested(r, "trigger", trigger_from_json)};
        }
        if (op == "drop_trigger") {
            return DropTrigger{table_name(), nested(r, "trigger", trigger_from_json)};
        }
        if (op == "create_enum_type") {
            return CreateEnumType{nested(r, "type", detail::enum_type_from_json)};
        }
        if (op == "drop_enum_type") {
            return DropEnumType{nested(r, "type", detail::enum_type_from_json)};
        }
        if (op == "alter_enum_type") {
            AlterEnumType alter;
            alter.name = r.required_string("name");
            alter.from = r.string_list("from");
            alter.to = r.string_list("to");
            alter.columns = detail::enum_type_columns_from_json(r, "columns");
            detail::enum_swap_dependents_from_json(r, alter);
            return alter;
        }
        r.fail("op", fmt::format("unknown operation \"{}\"", op));
    }();
    r.finish();
    return result;
}

std::optional<FindingKind> parse_finding_kind(const std::string& text) {
    for (auto kind :
         {FindingKind::DataLoss, FindingKind::ProbableRename, FindingKind::LossyTypeChange,
          FindingKind::NotNullNoDefault, FindingKind::TableRebuild}) {
        if (text == to_string(kind)) return kind;
    }
    return std::nullopt;
}

}  // namespace

std::string plan_to_json(const Plan& plan) {
    Json json;
    json["format"] = kFormat;
    json["version"] = kVersion;
    json["operations"] = Json::array();
    for (const auto& op : plan.operations) json["operations"].push_back(operation_to_json(op));
    json["findings"] = Json::array();
    for (const auto& finding : plan.findings) {
        Json item{{"kind", std::string(to_string(finding.kind))},
                  {"operation", finding.operation_index},
                  {"table", finding.table}};
        if (!finding.column.empty()) item["column"] = finding.column;
        item["message"] = finding.message;
        json["findings"].push_back(std::move(item));
    }
    return json.dump(2) + "\n";
}

Plan plan_from_json(std::string_view text, std::string_view origin_view) {
    const std::string origin(origin_view);
    const Json json = detail::parse_json_text(text, origin);
    ObjectReader reader(json, "", origin);
    if (reader.required_string("format") != kFormat) {
        reader.fail("format", fmt::format("expected \"{}\"", kFormat));
    }
    if (reader.optional_integer("version").value_or(kVersion) != kVersion) {
        reader.fail("version", "unsupported plan format version");
    }
    Plan plan;
    const Json& operations = reader.array("operations");
    for (std::size_t i = 0; i < operations.size(); ++i) {
        plan.operations.push_back(
            operation_from_json(operations[i], fmt::format("operations[{}]", i), origin));
    }
    const Json& findings = reader.array("findings");
    for (std::size_t i = 0; i < findings.size(); ++i) {
        ObjectReader f(findings[i], fmt::format("findings[{}]", i), origin);
        Finding finding;
        const std::string kind = f.required_string("kind");
        const auto parsed = parse_finding_kind(kind);
        if (!parsed) f.fail("kind", fmt::format("unknown finding kind \"{}\"", kind));
        finding.kind = *parsed;
        const auto index = f.optional_integer("operation").value_or(-1);
        if (index < 0 || static_cast<std::size_t>(index) >= plan.operations.size()) {
            f.fail("operation", "operation index out of range");
        }
        finding.operation_index = static_cast<std::size_t>(index);
        finding.table = f.optional_string("table").value_or("");
        finding.column = f.optional_string("column").value_or("");
        finding.message = f.required_string("message");
        f.finish();
        plan.findings.push_back(std::move(finding));
    }
    reader.finish();
    return plan;
}

}  // namespace schemadiff
