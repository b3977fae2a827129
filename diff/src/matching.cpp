#include "matching.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace schemadiff::diff::detail {

namespace {

bool by_name(const Table* a, const Table* b) { return a->name < b->name; }

}  // namespace

TableMatch match_tables(const Schema& current, const Schema& target, DiffContext& context) {
    for (const auto& table : current.tables) {
        context.current_tables.emplace(context.key(table.name), &table);
    }
    for (const auto& table : target.tables) {
        context.target_tables.emplace(context.key(table.name), &table);
    }

    TableMatch match;
    std::unordered_set<std::string> claimed;  // keys of current tables already matched
    std::vector<const Table*> unmatched;
    for (const auto& table : target.tables) {
        const std::string key = context.key(table.name);
        const auto found = context.current_tables.find(key);
        if (found != context.current_tables.end() && claimed.insert(key).second) {
            match.matched.push_back({found->second, &table, false});
        } else {
            unmatched.push_back(&table);
        }
    }
    // A hint only counts when the old name is gone from the target: otherwise the old table
    // is still wanted and the hinted one is new.
    std::sort(unmatched.begin(), unmatched.end(), by_name);
    for (const Table* table : unmatched) {
        if (table->renamed_from) {
            const std::string old_key = context.key(*table->renamed_from);
            const auto found = context.current_tables.find(old_key);
            if (found != context.current_tables.end() && !context.target_tables.count(old_key) &&
                claimed.insert(old_key).second) {
                match.matched.push_back({found->second, table, true});
                context.table_renames.emplace(old_key, table->name);
                continue;
            }
        }
        match.added.push_back(table);
    }
    for (const auto& table : current.tables) {
        if (!claimed.count(context.key(table.name))) match.dropped.push_back(&table);
    }
    std::sort(match.matched.begin(), match.matched.end(),
              [](const TablePair& a, const TablePair& b) { return by_name(a.target, b.target); });
    std::sort(match.dropped.begin(), match.dropped.end(), by_name);
    return match;
}

ColumnMatch match_columns(const Table& current, const Table& target, const DiffContext& context) {
    ColumnMatch match;
    // Most tables keep their columns: the same names in the same order pair up one to one, as
    // the lookup below would pair them (a table's column names are distinct), without building
    // a key for each.
    const auto same_name = [](const Column& a, const Column& b) { return a.name == b.name; };
    if (std::equal(current.columns.begin(), current.columns.end(), target.columns.begin(),
                   target.columns.end(), same_name)) {
        match.source.reserve(target.columns.size());
        for (std::size_t i = 0; i < target.columns.size(); ++i) match.source.emplace_back(i);
        match.is_renamed.resize(target.columns.size(), false);
        return match;
    }
    std::unordered_map<std::string, std::size_t> current_index;
    for (std::size_t i = 0; i < current.columns.size(); ++i) {
        current_index.emplace(context.key(current.columns[i].name), i);
    }
    std::unordered_set<std::string> target_keys;
    for (const auto& column : target.columns) target_keys.insert(context.key(column.name));

    match.source.resize(target.columns.size());
    match.is_renamed.resize(target.columns.size(), false);
    std::vector<bool> taken(current.columns.size(), false);
    for (std::size_t i = 0; i < target.columns.size(); ++i) {
        const auto found = current_index.find(context.key(target.columns[i].name));
        if (found != current_index.end() && !taken[found->second]) {
            match.source[i] = found->second;
            taken[found->second] = true;
        }
    }
    for (std::size_t i = 0; i < target.columns.size(); ++i) {
        const Column& column = target.columns[i];
        if (match.source[i] || !column.renamed_from) continue;
        const std::string old_key = context.key(*column.renamed_from);
        const auto found = current_index.find(old_key);
        if (found != current_index.end() && !taken[found->second] && !target_keys.count(old_key)) {
            match.source[i] = found->second;
            match.is_renamed[i] = true;
            taken[found->second] = true;
        }
    }
    for (std::size_t i = 0; i < current.columns.size(); ++i) {
        if (!taken[i]) match.dropped.push_back(i);
    }
    return match;
}

ItemMatch match_items(const std::vector<Item>& current, const std::vector<Item>& target) {
    std::unordered_map<std::string, std::size_t> current_by_name;
    std::unordered_map<std::string, std::vector<std::size_t>> unnamed_by_signature;
    std::unordered_map<std::string, std::vector<std::size_t>> named_by_signature;
    // Filled back to front so that pop_back hands out the lowest index first.
    for (std::size_t i = current.size(); i-- > 0;) {
        if (current[i].name_key) {
            current_by_name[*current[i].name_key] = i;
            named_by_signature[current[i].signature].push_back(i);
        } else {
            unnamed_by_signature[current[i].signature].push_back(i);
        }
    }
    std::vector<bool> used(current.size(), false);  // matched, or its name is taken
    std::vector<bool> paired(current.size(), false);
    std::vector<bool> done(target.size(), false);
    ItemMatch match;

    // Same name: unchanged when the signature agrees, otherwise dropped and created again.
    for (std::size_t t = 0; t < target.size(); ++t) {
        if (!target[t].name_key) continue;
        const auto found = current_by_name.find(*target[t].name_key);
        if (found == current_by_name.end() || used[found->second]) continue;
        used[found->second] = true;
        if (current[found->second].signature == target[t].signature) {
            match.pairs.emplace_back(found->second, t);
            paired[found->second] = true;
            done[t] = true;
        }
    }
    // A name present on one side only: match by signature.
    auto take = [&used](std::unordered_map<std::string, std::vector<std::size_t>>& pool,
                        const std::string& signature) -> std::optional<std::size_t> {
        const auto found = pool.find(signature);
        if (found == pool.end()) return std::nullopt;
        auto& candidates = found->second;
        while (!candidates.empty() && used[candidates.back()]) candidates.pop_back();
        if (candidates.empty()) return std::nullopt;
        const std::size_t index = candidates.back();
        candidates.pop_back();
        return index;
    };
    for (std::size_t t = 0; t < target.size(); ++t) {
        if (done[t]) continue;
        const bool has_name_match =
            target[t].name_key && current_by_name.count(*target[t].name_key) != 0;
        if (has_name_match) continue;  // same name, different definition: recreate
        std::optional<std::size_t> found = take(unnamed_by_signature, target[t].signature);
        if (!found && !target[t].name_key) found = take(named_by_signature, target[t].signature);
        if (found) {
            used[*found] = true;
            paired[*found] = true;
            match.pairs.emplace_back(*found, t);
            done[t] = true;
        }
    }
    for (std::size_t c = 0; c < current.size(); ++c) {
        if (!paired[c]) match.dropped.push_back(c);
    }
    for (std::size_t t = 0; t < target.size(); ++t) {
        if (!done[t]) match.added.push_back(t);
    }
    return match;
}

}  // namespace schemadiff::diff::detail
