// Private: a SAX handler for nlohmann's parser that builds the same ordered_json document as
// Json::parse, for parse_json_text.
//
// Why not Json::parse: an ordered_json object is a vector of pair<const string, Json>, and a pair
// with a const key cannot be moved, so each time an object grows in place every value already in
// it (whole nested arrays of columns) is deep-copied. This builder gathers an object's keys and
// values first, per nesting level in buffers that are reused, and moves them once into an object
// of the right size. Same result as Json::parse: a repeated key keeps its first position and its
// last value; a parse error is thrown as the same nlohmann::json::parse_error.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "json_shapes.hpp"

namespace schemadiff::detail {

class JsonDomBuilder {
public:
    explicit JsonDomBuilder(Json& root) : root_(root) {}

    bool null() { return put(Json(nullptr)); }
    bool boolean(bool value) { return put(Json(value)); }
    bool number_integer(Json::number_integer_t value) { return put(Json(value)); }
    bool number_unsigned(Json::number_unsigned_t value) { return put(Json(value)); }
    bool number_float(Json::number_float_t value, const Json::string_t& /*text*/) {
        return put(Json(value));
    }
    bool string(Json::string_t& value) { return put(Json(std::move(value))); }
    bool binary(Json::binary_t& value) { return put(Json::binary(std::move(value))); }

    bool start_object(std::size_t /*size*/) { return open(); }
    bool key(Json::string_t& name) {
        levels_[depth_ - 1].keys.push_back(std::move(name));
        return true;
    }
    bool end_object() {
        Level& level = levels_[--depth_];
        Json object(Json::value_t::object);
        auto& members = object.get_ref<Json::object_t&>();
        members.reserve(level.values.size());
        std::unordered_map<std::string_view, std::size_t> positions;  // large objects only
        const bool is_large = level.values.size() > kLinearLookupLimit;
        for (std::size_t i = 0; i < level.values.size(); ++i) {
            const std::size_t at = position_of(members, positions, is_large, level.keys[i]);
            if (at < members.size()) {
                (members.begin() + static_cast<std::ptrdiff_t>(at))->second =
                    std::move(level.values[i]);
                continue;
            }
            members.Json::object_t::Container::emplace_back(std::move(level.keys[i]),
                                                            std::move(level.values[i]));
            if (is_large) positions.emplace(members.back().first, members.size() - 1);
        }
        level.keys.clear();
        level.values.clear();
        return put(std::move(object));
    }

    bool start_array(std::size_t /*size*/) { return open(); }
    bool end_array() {
        Level& level = levels_[--depth_];
        Json array(Json::value_t::array);
        auto& items = array.get_ref<Json::array_t&>();
        items.reserve(level.values.size());
        for (auto& value : level.values) items.push_back(std::move(value));
        level.values.clear();
        return put(std::move(array));
    }

    template <typename Exception>
    bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                     const Exception& error) {
        throw error;
    }

private:
    static constexpr std::size_t kLinearLookupLimit = 32;

    struct Level {
        std::vector<Json::string_t> keys;  // empty for an array
        std::vector<Json> values;
    };

    // The position of `key` among the members so far, or members.size() when it is new.
    static std::size_t position_of(const Json::object_t& members,
                                   const std::unordered_map<std::string_view, std::size_t>& index,
                                   bool is_large, const std::string& key) {
        if (is_large) {
            const auto found = index.find(key);
            return found == index.end() ? members.size() : found->second;
        }
        std::size_t at = 0;
        for (const auto& member : members) {
            if (member.first == key) return at;
            ++at;
        }
        return at;
    }

    bool open() {
        if (depth_ == levels_.size()) levels_.emplace_back();
        ++depth_;
        return true;
    }

    bool put(Json value) {
        if (depth_ == 0) {
            root_ = std::move(value);
        } else {
            levels_[depth_ - 1].values.push_back(std::move(value));
        }
        return true;
    }

    Json& root_;
    std::vector<Level> levels_;  // levels_[0 .. depth_) are open; the rest keep their buffers
    std::size_t depth_ = 0;
};

}  // namespace schemadiff::detail
