// SplitMix64 — the benchmark's own pseudo-random generator.
//
// The standard distributions (std::uniform_int_distribution and friends) produce different
// sequences on different standard libraries, so a generated schema would differ between
// machines. SplitMix64 plus the small helpers below are fully specified here: the same seed gives
// the same schema everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace schemadiff::bench {

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state_;
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }

    // A value in [0, bound). REQUIRES: bound > 0. The modulo bias is below 2^-40 for the small
    // bounds used here, and it is deterministic, which is what matters.
    std::size_t below(std::size_t bound) {
        return static_cast<std::size_t>(next() % static_cast<std::uint64_t>(bound));
    }

    // A value in [low, high]. REQUIRES: low <= high.
    std::size_t between(std::size_t low, std::size_t high) { return low + below(high - low + 1); }

    // True with probability percent / 100.
    bool chance(unsigned percent) { return below(100) < percent; }

    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }

private:
    std::uint64_t state_;
};

}  // namespace schemadiff::bench
