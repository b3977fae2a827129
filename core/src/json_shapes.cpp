#include "json_shapes.hpp"

#include <fmt/format.h>

#include "json_dom_builder.hpp"
#include "schemadiff/core/error.hpp"

namespace schemadiff::detail {

ObjectReader::ObjectReader(const Json& object, std::string path, std::string origin)
    : object_(object), path_(std::move(path)), origin_(std::move(origin)) {
    if (!object_.is_object()) fail("", "expected a JSON object");
}

void ObjectReader::fail(const std::string& key, const std::string& message) const {
    std::string where = path_;
    if (!key.empty()) where += (where.empty() ? "" : ".") + key;
    throw Error(ErrorKind::InvalidModel, message,
                fmt::format("{}{}{}", origin_, where.empty() ? "" : " at ", where));
}

void ObjectReader::mark_seen(std::size_t member) {
    if (member < 64) {
        seen_first_ |= std::uint64_t{1} << member;
        return;
    }
    if (seen_rest_.size() <= member - 64) seen_rest_.resize(member - 63);
    seen_rest_[member - 64] = true;
}

bool ObjectReader::is_seen(std::size_t member) const {
    if (member < 64) return (seen_first_ >> member & 1U) != 0;
    return member - 64 < seen_rest_.size() && seen_rest_[member - 64];
}

// A linear scan of the object's members (an ordered_json object is a vector of them, and model
// objects have a dozen keys at most), remembering the position for finish().
const Json* ObjectReader::find(const char* key) {
    const std::string_view wanted(key);
    std::size_t member = 0;
    for (const auto& [name, value] : object_.get_ref<const Json::object_t&>()) {
        if (name == wanted) {
            mark_seen(member);
            return value.is_null() ? nullptr : &value;
        }
        ++member;
    }
    return nullptr;
}

std::string ObjectReader::child_path(const char* key) const {
    return path_.empty() ? key : path_ + "." + key;
}

std::string ObjectReader::required_string(const char* key) {
    auto value = optional_string(key);
    if (!value || value->empty()) fail(key, fmt::format("missing required string \"{}\"", key));
    return *value;
}

std::optional<std::string> ObjectReader::optional_string(const char* key) {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) fail(key, "expected a string");
    return value->get<std::string>();
}

bool ObjectReader::optional_bool(const char* key, bool fallback) {
    const Json* value = find(key);
    if (value == nullptr) return fallback;
    if (!value->is_boolean()) fail(key, "expected true or false");
    return value->get<bool>();
}

std::optional<bool> ObjectReader::optional_flag(const char* key) {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_boolean()) fail(key, "expected true or false");
    return value->get<bool>();
}

std::optional<long long> ObjectReader::optional_integer(const char* key) {
    const Json* value = find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number_integer()) fail(key, "expected an integer");
    return value->get<long long>();
}

std::vector<std::string> ObjectReader::string_list(const char* key) {
    std::vector<std::string> out;
    const Json& items = array(key);
    out.reserve(items.size());
    for (const auto& item : items) {
        if (!item.is_string()) fail(key, "expected a list of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

const Json& ObjectReader::array(const char* key) {
    static const Json kEmpty = Json::array();
    const Json* value = find(key);
    if (value == nullptr) return kEmpty;
    if (!value->is_array()) fail(key, "expected a list");
    return *value;
}

const Json* ObjectReader::object(const char* key) {
    const Json* value = find(key);
    if (value != nullptr && !value->is_object()) fail(key, "expected an object");
    return value;
}

void ObjectReader::finish() const {
    std::size_t member = 0;
    for (const auto& [name, value] : object_.get_ref<const Json::object_t&>()) {
        if (!is_seen(member++)) fail(name, fmt::format("unknown key \"{}\"", name));
    }
}

namespace {

std::string item_path(const std::string& path, const char* key, std::size_t i) {
    return fmt::format("{}{}{}[{}]", path, path.empty() ? "" : ".", key, i);
}

void put_optional(Json& json, const char* key, const std::optional<std::string>& value) {
    if (value) json[key] = *value;
}

template <typename T, typename F>
Json list_to_json(const std::vector<T>& items, F to_json) {
    Json out = Json::array();
    for (const auto& item : items) out.push_back(to_json(item));
    return out;
}

template <typename T, typename F>
std::vector<T> list_from_json(ObjectReader& reader, const std::string& path, const char* key,
                              F from_json) {
    std::vector<T> out;
    const Json& items = reader.array(key);
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        out.push_back(from_json(items[i], item_path(path, key, i), reader.origin()));
    }
    return out;
}

ForeignKeyAction action_from(ObjectReader& reader, const char* key) {
    const auto text = reader.optional_string(key);
    if (!text) return ForeignKeyAction::NoAction;
    const auto action = parse_foreign_key_action(*text);
    if (!action) {
        reader.fail(key, fmt::format("unknown foreign key action \"{}\" (use no action, restrict, "
                                     "cascade, set null or set default)",
                                     *text));
    }
    return *action;
}

IdentityKind identity_from(ObjectReader& reader) {
    const auto text = reader.optional_string("identity");
    if (!text || *text == "none") return IdentityKind::None;
    if (*text == "always") return IdentityKind::Always;
    if (*text == "by_default") return IdentityKind::ByDefault;
    reader.fail("identity",
                fmt::format("unknown identity \"{}\" (use always or by_default)", *text));
}

bool match_full_from(ObjectReader& reader) {
    const auto text = reader.optional_string("match");
    if (!text || *text == "simple") return false;
    if (*text == "full") return true;
    reader.fail("match", fmt::format("unknown match type \"{}\" (use simple or full)", *text));
}

std::string action_to_json(ForeignKeyAction action) {
    std::string out(to_string(action));
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

Json column_to_json(const Column& column) {
    Json json;
    json["name"] = column.name;
    json["type"] = to_string(column.type);
    if (!column.type.enum_name.empty()) json["enum_name"] = column.type.enum_name;
    if (!column.is_nullable) json["nullable"] = false;
    put_optional(json, "default", column.default_sql);
    if (column.generated) {
        json["generated"] = {{"expression", column.generated->expression},
                             {"stored", column.generated->is_stored}};
    }
    put_optional(json, "collation", column.collation);
    if (column.is_autoincrement) json["autoincrement"] = true;
    if (column.identity != IdentityKind::None) {
        json["identity"] = column.identity == IdentityKind::Always ? "always" : "by_default";
    }
    put_optional(json, "comment", column.comment);
    put_optional(json, "renamed_from", column.renamed_from);
    return json;
}

Column column_from_json(const Json& json, const std::string& path, const std::string& origin) {
    ObjectReader reader(json, path, origin);
    Column column;
    column.name = reader.required_string("name");
    column.type = parse_column_type(reader.required_string("type"));
    if (const auto enum_name = reader.optional_string("enum_name")) {
        if (column.type.kind != TypeKind::Enum) {
            reader.fail("enum_name", "only an enum type has an enum_name");
        }
        column.type.enum_name = *enum_name;
    }
    column.is_nullable = reader.optional_bool("nullable", true);
    column.default_sql = reader.optional_string("default");
    if (const Json* generated = reader.object("generated")) {
        ObjectReader gen(*generated, reader.child_path("generated"), origin);
        column.generated =
            GeneratedColumn{gen.required_string("expression"), gen.optional_bool("stored", false)};
        gen.finish();
    }
    column.collation = reader.optional_string("collation");
    column.is_autoincrement = reader.optional_bool("autoincrement", false);
    column.identity = identity_from(reader);
    if (column.identity != IdentityKind::None) column.is_autoincrement = true;
    column.comment = reader.optional_string("comment");
    column.renamed_from = reader.optional_string("renamed_from");
    reader.finish();
    return column;
}

Json index_to_json(const Index& index) {
    Json json;
    json["name"] = index.name;
    if (index.is_unique) json["unique"] = true;
    if (!index.method.empty()) json["method"] = index.method;
    Json parts = Json::array();
    for (const auto& part : index.parts) {
        Json item;
        if (part.expression) {
            item["expression"] = *part.expression;
        } else {
            item["column"] = part.column;
        }
        if (part.is_descending) item["descending"] = true;
        if (part.nulls_first) item["nulls_first"] = *part.nulls_first;
        put_optional(item, "collation", part.collation);
        put_optional(item, "operator_class", part.operator_class);
        parts.push_back(std::move(item));
    }
    json["parts"] = std::move(parts);
    if (!index.include.empty()) json["include"] = index.include;
    put_optional(json, "where", index.where);
    return json;
}

Index index_from_json(const Json& json, const std::string& path, const std::string& origin) {
    ObjectReader reader(json, path, origin);
    Index index;
    index.name = reader.required_string("name");
    index.is_unique = reader.optional_bool("unique", false);
    index.method = reader.optional_string("method").value_or("");
    const Json& parts = reader.array("parts");
    for (std::size_t i = 0; i < parts.size(); ++i) {
        ObjectReader part_reader(parts[i], item_path(path, "parts", i), origin);
        IndexPart part;
        part.expression = part_reader.optional_string("expression");
        if (!part.expression) part.column = part_reader.required_string("column");
        part.is_descending = part_reader.optional_bool("descending", false);
        part.nulls_first = part_reader.optional_flag("nulls_first");
        part.collation = part_reader.optional_string("collation");
        part.operator_class = part_reader.optional_string("operator_class");
        if (part.operator_class && part.operator_class->empty()) {
            part_reader.fail("operator_class", "an operator class name is empty");
        }
        part_reader.finish();
        index.parts.push_back(std::move(part));
    }
    if (index.parts.empty()) reader.fail("parts", "an index needs at least one column");
    index.include = reader.string_list("include");
    index.where = reader.optional_string("where");
    reader.finish();
    return index;
}

Json unique_to_json(const UniqueConstraint& unique) {
    Json json;
    put_optional(json, "name", unique.name);
    json["columns"] = unique.columns;
    return json;
}

UniqueConstraint unique_from_json(const Json& json, const std::string& path,
                                  const std::string& origin) {
    ObjectReader reader(json, path, origin);
    UniqueConstraint unique;
    unique.name = reader.optional_string("name");
    unique.columns = reader.string_list("columns");
    if (unique.columns.empty()) reader.fail("columns", "a unique constraint needs columns");
    reader.finish();
    return unique;
}

Json foreign_key_to_json(const ForeignKey& fk) {
    Json json;
    put_optional(json, "name", fk.name);
    json["columns"] = fk.columns;
    json["references"] = {{"table", fk.referenced_table}, {"columns", fk.referenced_columns}};
    if (fk.referenced_schema) json["references"]["schema"] = *fk.referenced_schema;
    if (fk.on_delete != ForeignKeyAction::NoAction)
        json["on_delete"] = action_to_json(fk.on_delete);
    if (fk.on_update != ForeignKeyAction::NoAction)
        json["on_update"] = action_to_json(fk.on_update);
    if (fk.is_deferrable) json["deferrable"] = true;
    if (fk.is_initially_deferred) json["initially_deferred"] = true;
    if (fk.is_match_full) json["match"] = "full";
    return json;
}

ForeignKey foreign_key_from_json(const Json& json, const std::string& path,
                                 const std::string& origin) {
    ObjectReader reader(json, path, origin);
    ForeignKey fk;
    fk.name = reader.optional_string("name");
    fk.columns = reader.string_list("columns");
    if (fk.columns.empty()) reader.fail("columns", "a foreign key needs columns");
    const Json* references = reader.object("references");
    if (references == nullptr) reader.fail("references", "missing \"references\"");
    ObjectReader ref(*references, reader.child_path("references"), origin);
    fk.referenced_table = ref.required_string("table");
    fk.referenced_schema = ref.optional_string("schema");
    fk.referenced_columns = ref.string_list("columns");
    ref.finish();
    if (!fk.referenced_columns.empty() && fk.referenced_columns.size() != fk.columns.size()) {
        reader.fail("references", "a foreign key references as many columns as it has");
    }
    // No model describes another schema's table: its name and key columns must be spelled out.
    if (fk.referenced_schema && fk.referenced_schema->empty()) {
        reader.fail("references", "\"schema\" is empty; leave it out for a table of this schema");
    }
    if (fk.referenced_schema && fk.referenced_columns.empty()) {
        reader.fail("references",
                    "a key into another schema lists its referenced \"columns\" (no model "
                    "describes that table)");
    }
    fk.on_delete = action_from(reader, "on_delete");
    fk.on_update = action_from(reader, "on_update");
    fk.is_deferrable = reader.optional_bool("deferrable", false);
    fk.is_initially_deferred = reader.optional_bool("initially_deferred", false);
    fk.is_match_full = match_full_from(reader);
    reader.finish();
    return fk;
}

Json check_to_json(const CheckConstraint& check) {
    Json json;
    put_optional(json, "name", check.name);
    json["expression"] = check.expression;
    return json;
}

CheckConstraint check_from_json(const Json& json, const std::string& path,
                                const std::string& origin) {
    ObjectReader reader(json, path, origin);
    CheckConstraint check;
    check.name = reader.optional_string("name");
    check.expression = reader.required_string("expression");
    reader.finish();
    return check;
}

Json primary_key_to_json(const PrimaryKey& primary_key) {
    Json json;
    put_optional(json, "name", primary_key.name);
    json["columns"] = primary_key.columns;
    return json;
}

PrimaryKey primary_key_from_json(const Json& json, const std::string& path,
                                 const std::string& origin) {
    ObjectReader reader(json, path, origin);
    PrimaryKey primary_key;
    primary_key.name = reader.optional_string("name");
    primary_key.columns = reader.string_list("columns");
    reader.finish();
    return primary_key;
}

Json view_to_json(const View& view) { return Json{{"name", view.name}, {"sql", view.sql}}; }

View view_from_json(const Json& json, const std::string& path, const std::string& origin) {
    ObjectReader reader(json, path, origin);
    View view{reader.required_string("name"), reader.required_string("sql")};
    reader.finish();
    return view;
}

Json table_to_json(const Table& table) {
    Json json;
    json["name"] = table.name;
    json["columns"] = list_to_json(table.columns, column_to_json);
    if (!table.primary_key.empty()) json["primary_key"] = primary_key_to_json(table.primary_key);
    if (!table.indexes.empty()) json["indexes"] = list_to_json(table.indexes, index_to_json);
    if (!table.unique_constraints.empty()) {
        json["unique_constraints"] = list_to_json(table.unique_constraints, unique_to_json);
    }
    if (!table.foreign_keys.empty()) {
        json["foreign_keys"] = list_to_json(table.foreign_keys, foreign_key_to_json);
    }
    if (!table.checks.empty()) json["checks"] = list_to_json(table.checks, check_to_json);
    if (!table.triggers.empty()) {
        json["triggers"] = list_to_json(table.triggers, [](const Trigger& trigger) {
            return Json{{"name", trigger.name}, {"sql", trigger.sql}};
        });
    }
    if (table.is_without_rowid) json["without_rowid"] = true;
    if (table.is_strict) json["strict"] = true;
    put_optional(json, "comment", table.comment);
    put_optional(json, "renamed_from", table.renamed_from);
    return json;
}

Table table_from_json(const Json& json, const std::string& path, const std::string& origin) {
    ObjectReader reader(json, path, origin);
    Table table;
    table.name = reader.required_string("name");
    table.columns = list_from_json<Column>(reader, path, "columns", column_from_json);
    if (table.columns.empty()) reader.fail("columns", "a table needs at least one column");
    std::set<std::string> names;
    for (const auto& column : table.columns) {
        if (!names.insert(column.name).second) {
            reader.fail("columns", fmt::format("duplicate column \"{}\"", column.name));
        }
    }
    if (const Json* pk = reader.object("primary_key")) {
        table.primary_key = primary_key_from_json(*pk, reader.child_path("primary_key"), origin);
    }
    table.indexes = list_from_json<Index>(reader, path, "indexes", index_from_json);
    table.unique_constraints =
        list_from_json<UniqueConstraint>(reader, path, "unique_constraints", unique_from_json);
    table.foreign_keys =
        list_from_json<ForeignKey>(reader, path, "foreign_keys", foreign_key_from_json);
    table.checks = list_from_json<CheckConstraint>(reader, path, "checks", check_from_json);
    table.triggers = list_from_json<Trigger>(
        reader, path, "triggers", [](const Json& item, const std::string& p, const std::string& o) {
            const View as_view = view_from_json(item, p, o);  // same shape: name + sql
            return Trigger{as_view.name, as_view.sql};
        });
    table.is_without_rowid = reader.optional_bool("without_rowid", false);
    table.is_strict = reader.optional_bool("strict", false);
    table.comment = reader.optional_string("comment");
    table.renamed_from = reader.optional_string("renamed_from");
    reader.finish();
    for (const auto& key : table.primary_key.columns) {
        if (names.count(key) == 0) {
            reader.fail("primary_key", fmt::format("primary key column \"{}\" is not a column "
                                                   "of the table",
                                                   key));
        }
    }
    return table;
}

Json parse_json_text(std::string_view text, std::string_view origin) {
    try {
        Json json;
        JsonDomBuilder builder(json);
        Json::sax_parse(text.begin(), text.end(), &builder);
        return json;
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann reports a byte offset; turn it into line and column.
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw Error(ErrorKind::InvalidModel, "invalid JSON",
                    fmt::format("{} line {} column {}", origin, line, column));
    }
}

}  // namespace schemadiff::detail
