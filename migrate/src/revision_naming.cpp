// Names for new revisions: a random id (Alembic's 12 hex digits) and the file-name slug of a
// message.
#include <array>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include "schemadiff/migrate/revision_script.hpp"

namespace schemadiff::migrate {

namespace {

constexpr std::size_t kSlugLength = 40;

// Seeded once per thread from the operating system's entropy (std::random_device), so ids
// made in the same second, or by two processes at once, differ.
std::mt19937_64& generator() {
    thread_local std::mt19937_64 engine = [] {
        std::random_device device;
        std::array<std::random_device::result_type, 8> seed{};
        for (auto& word : seed) word = device();
        std::seed_seq sequence(seed.begin(), seed.end());
        return std::mt19937_64(sequence);
    }();
    return engine;
}

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::string new_revision_id() {
    constexpr std::string_view kHex = "0123456789abcdef";
    std::uint64_t bits = generator()();
    std::string id(12, '0');
    for (char& digit : id) {
        digit = kHex[bits & 0x0FU];
        bits >>= 4U;
    }
    return id;
}

// Runs of anything but ASCII letters and digits become one '_'; lower case; cut at a word
// boundary to at most 40 characters (Alembic's truncate_slug_length), like Alembic's slugs.
std::string slugify(std::string_view message) {
    std::string slug;
    for (const char c : message) {
        if (is_ascii_alnum(c)) {
            slug += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (!slug.empty() && slug.back() != '_') {
            slug += '_';
        }
    }
    if (slug.size() > kSlugLength) {
        const std::size_t cut = slug.rfind('_', kSlugLength);
        slug.resize(cut == std::string::npos || cut == 0 ? kSlugLength : cut);
    }
    while (!slug.empty() && slug.back() == '_') slug.pop_back();
    return slug;
}

}  // namespace schemadiff::migrate
