#include "table_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace schemadiff::bench {
namespace {

struct TypeChoice {
    unsigned weight;
    TypeKind kind;
    std::vector<std::string> names;
};

// Weights sum to 100; names are what such columns are usually called.
const std::vector<TypeChoice> kTypeChoices = {
    {15,
     TypeKind::Integer,
     {"quantity", "position", "attempts", "version", "priority", "score", "retry_count",
      "sort_order", "duration_seconds", "stock_level"}},
    {8,
     TypeKind::BigInt,
     {"external_ref", "byte_count", "sequence_no", "revenue_cents", "view_count", "legacy_id"}},
    {10,
     TypeKind::Text,
     {"description", "notes", "body", "summary", "details", "metadata", "instructions"}},
    {22,
     TypeKind::String,
     {"name", "email", "code", "slug", "title", "status", "city", "phone", "country_code",
      "currency", "locale", "reference", "first_name", "last_name", "url"}},
    {10,
     TypeKind::Numeric,
     {"amount", "price", "balance", "tax_rate", "weight", "discount", "total", "cost"}},
    {10,
     TypeKind::Boolean,
     {"is_active", "is_archived", "is_verified", "has_discount", "is_public", "is_default"}},
    {14,
     TypeKind::Timestamp,
     {"created_at", "updated_at", "deleted_at", "published_at", "expires_at", "last_seen_at",
      "processed_at"}},
    {6, TypeKind::Real, {"latitude", "longitude", "ratio", "temperature", "confidence", "rating"}},
    {5, TypeKind::Binary, {"payload", "checksum", "thumbnail", "signature", "avatar"}},
};

const TypeChoice& pick_type(SplitMix64& rng) {
    std::size_t roll = rng.below(100);
    for (const auto& choice : kTypeChoices) {
        if (roll < choice.weight) return choice;
        roll -= choice.weight;
    }
    return kTypeChoices.front();
}

const std::vector<int> kStringLengths = {32, 64, 100, 255};
const std::vector<std::pair<int, int>> kNumericShapes = {{10, 2}, {12, 4}, {18, 0}};

ColumnType make_type(SplitMix64& rng, TypeKind kind) {
    switch (kind) {
        case TypeKind::String:
            return ColumnType::string(rng.pick(kStringLengths));
        case TypeKind::Numeric: {
            const auto& [precision, scale] = rng.pick(kNumericShapes);
            return ColumnType::numeric(precision, scale);
        }
        default:
            return ColumnType::of(kind);
    }
}

std::optional<std::string> make_default(SplitMix64& rng, TypeKind kind) {
    switch (kind) {
        case TypeKind::Integer:
        case TypeKind::BigInt:
            return rng.chance(70) ? "0" : "1";
        case TypeKind::Text:
            return std::string("''");
        case TypeKind::String:
            return rng.chance(50) ? "''" : "'unknown'";
        case TypeKind::Numeric:
            return std::string("0");
        case TypeKind::Boolean:
            return rng.chance(70) ? "0" : "1";
        case TypeKind::Timestamp:
            return std::string("CURRENT_TIMESTAMP");
        case TypeKind::Real:
            return std::string("0.0");
        default:
            return std::nullopt;  // blobs get no default
    }
}

bool is_numeric_kind(TypeKind kind) {
    return kind == TypeKind::Integer || kind == TypeKind::BigInt || kind == TypeKind::Numeric ||
           kind == TypeKind::Real;
}

}  // namespace

std::string name_fragment(const std::string& column_name) {
    std::string out;
    for (char c : column_name) {
        const bool is_alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += is_alnum ? c : '_';
        }
    }
    return out;
}

TableBuilder::TableBuilder(SplitMix64& rng, std::string name) : rng_(rng) {
    table_.name = std::move(name);
    push_column(
        Column{.name = "id", .type = ColumnType::of(TypeKind::Integer), .is_nullable = false},
        ColumnInfo{.is_plain = false, .is_unique = true});
    table_.primary_key.columns = {"id"};
}

std::string TableBuilder::pick_column_name(const std::vector<std::string>& names) {
    // The first unused name from a random starting point; a numbered name once all are taken.
    const std::size_t start = rng_.below(names.size());
    for (std::size_t k = 0; k < names.size(); ++k) {
        const std::string& name = names[(start + k) % names.size()];
        if (table_.find_column(name) == nullptr) return name;
    }
    const std::string& base = names[start];
    std::string name = base;
    for (int suffix = 2; table_.find_column(name) != nullptr; ++suffix) {
        name = fmt::format("{}_{}", base, suffix);
    }
    return name;
}

void TableBuilder::push_column(Column column, ColumnInfo info) {
    table_.columns.push_back(std::move(column));
    info_.push_back(info);
}

template <typename Filter>
std::vector<std::size_t> TableBuilder::columns_where(Filter filter) const {
    std::vector<std::size_t> out;
    for (std::size_t i = 1; i < table_.columns.size(); ++i) {
        if (filter(table_.columns[i], info_[i])) out.push_back(i);
    }
    return out;
}

void TableBuilder::add_foreign_key(const std::string& referenced_table, bool is_nullable,
                                   ForeignKeyAction on_delete) {
    const std::string column = referenced_table + "_id";
    if (table_.find_column(column) != nullptr) return;
    push_column(
        Column{
            .name = column, .type = ColumnType::of(TypeKind::Integer), .is_nullable = is_nullable},
        ColumnInfo{.is_foreign_key = true});
    table_.foreign_keys.push_back(ForeignKey{
        .name = fmt::format("fk_{}_{}", table_.name, column),
        .columns = {column},
        .referenced_table = referenced_table,
        .referenced_columns = {"id"},
        .on_delete = on_delete,
    });
}

void TableBuilder::add_random_column() {
    const TypeChoice& choice = pick_type(rng_);
    Column column{.name = pick_column_name(choice.names), .type = make_type(rng_, choice.kind)};
    column.is_nullable = !rng_.chance(50);
    if (rng_.chance(column.is_nullable ? 20 : 60))
        column.default_sql = make_default(rng_, choice.kind);
    push_column(std::move(column), ColumnInfo{});
}

void TableBuilder::add_special_column(const std::string& name, ColumnType type) {
    if (table_.find_column(name) != nullptr) return;
    Column column{.name = name, .type = std::move(type)};
    if (column.type.kind == TypeKind::Integer) {
        column.is_nullable = false;
        column.default_sql.emplace("0");
    }
    push_column(std::move(column), ColumnInfo{.is_plain = false});
}

void TableBuilder::add_checks() {
    const auto numeric = columns_where([](const Column& c, const ColumnInfo& info) {
        return info.is_plain && is_numeric_kind(c.type.kind);
    });
    if (!numeric.empty() && rng_.chance(40)) {
        const std::string& column = table_.columns[rng_.pick(numeric)].name;
        table_.checks.push_back(
            CheckConstraint{.name = fmt::format("ck_{}_{}", table_.name, column),
                            .expression = fmt::format("{} >= 0", column)});
    }
    const auto flags = columns_where([](const Column& c, const ColumnInfo& info) {
        return info.is_plain && c.type.kind == TypeKind::Boolean;
    });
    if (!flags.empty() && rng_.chance(20)) {
        const std::string& column = table_.columns[rng_.pick(flags)].name;
        table_.checks.push_back(
            CheckConstraint{.name = fmt::format("ck_{}_{}_bool", table_.name, column),
                            .expression = fmt::format("{} IN (0, 1)", column)});
    }
}

void TableBuilder::add_unique_constraint() {
    const auto strings = columns_where([](const Column& c, const ColumnInfo& info) {
        return info.is_plain && !info.is_unique && c.type.kind == TypeKind::String;
    });
    if (strings.empty()) return;
    const std::size_t column = rng_.pick(strings);
    info_[column].is_unique = true;
    const std::string& name = table_.columns[column].name;
    table_.unique_constraints.push_back(
        UniqueConstraint{.name = fmt::format("uq_{}_{}", table_.name, name), .columns = {name}});
}

bool TableBuilder::push_index(Index index) {
    const bool is_taken = std::any_of(table_.indexes.begin(), table_.indexes.end(),
                                      [&](const Index& i) { return i.name == index.name; });
    if (is_taken) return false;
    table_.indexes.push_back(std::move(index));
    return true;
}

bool TableBuilder::try_add_index(std::size_t shape) {
    const auto indexable = columns_where(
        [](const Column& c, const ColumnInfo&) { return c.type.kind != TypeKind::Binary; });
    if (indexable.empty()) return false;
    const auto part = [this](std::size_t column) {
        return IndexPart{.column = table_.columns[column].name};
    };
    const auto fragment = [this](std::size_t column) {
        return name_fragment(table_.columns[column].name);
    };
    switch (shape) {
        case 0: {  // the index every foreign key column wants
            const auto fks = columns_where(
                [](const Column&, const ColumnInfo& info) { return info.is_foreign_key; });
            if (fks.empty()) return false;
            const std::size_t column = rng_.pick(fks);
            return push_index(Index{.name = fmt::format("ix_{}_{}", table_.name, fragment(column)),
                                    .parts = {part(column)}});
        }
        case 1: {  // unique lookup key
            const auto strings = columns_where([](const Column& c, const ColumnInfo& info) {
                return !info.is_unique && c.type.kind == TypeKind::String;
            });
            if (strings.empty()) return false;
            const std::size_t column = rng_.pick(strings);
            info_[column].is_unique = true;
            return push_index(Index{.name = fmt::format("ux_{}_{}", table_.name, fragment(column)),
                                    .parts = {part(column)},
                                    .is_unique = true});
        }
        case 2: {  // composite, sometimes with a descending second key
            if (indexable.size() < 2) return false;
            const std::size_t first = rng_.pick(indexable);
            const std::size_t second = rng_.pick(indexable);
            if (first == second) return false;
            IndexPart second_part = part(second);
            second_part.is_descending = rng_.chance(30);
            return push_index(Index{
                .name = fmt::format("ix_{}_{}_{}", table_.name, fragment(first), fragment(second)),
                .parts = {part(first), second_part}});
        }
        case 3: {  // partial: live rows only, or flagged rows only
            const auto filters = columns_where([](const Column& c, const ColumnInfo& info) {
                return info.is_plain && c.is_nullable &&
                       (c.type.kind == TypeKind::Timestamp || c.type.kind == TypeKind::Boolean);
            });
            if (filters.empty()) return false;
            const Column& filter = table_.columns[rng_.pick(filters)];
            const std::size_t column = rng_.pick(indexable);
            const bool is_timestamp = filter.type.kind == TypeKind::Timestamp;
            return push_index(
                Index{.name = fmt::format("ix_{}_{}_partial", table_.name, fragment(column)),
                      .parts = {part(column)},
                      .where = is_timestamp ? filter.name + " IS NULL" : filter.name + " = 1"});
        }
        default: {  // a plain single-column index
            const std::size_t column = rng_.pick(indexable);
            return push_index(Index{.name = fmt::format("ix_{}_{}", table_.name, fragment(column)),
                                    .parts = {part(column)}});
        }
    }
}

void TableBuilder::add_indexes(std::size_t count) {
    std::size_t added = 0;
    for (std::size_t attempt = 0; added < count && attempt < count * 6; ++attempt) {
        if (try_add_index(rng_.below(5))) ++added;
    }
}

}  // namespace schemadiff::bench
