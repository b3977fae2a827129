// Wrapper field types for column types that no plain C++ type says on its own.
//
//   Varchar<N>      string(N)      a std::string with a length limit the database enforces
//   Numeric<P, S>   numeric(P,S)   an exact decimal, kept as its text ("12.50") so no digit is lost
//   Json            json           JSON document text
//   Uuid            uuid           a UUID in its text form ("8c0e...-...")
// Each is a small aggregate holding `value`; models use them as field types
// (`Varchar<200> title;`) or as `.type(&T::field, Numeric<10, 2>{})` overrides.
#pragma once

#include <cstddef>
#include <string>

namespace schemadiff::reflect {

template <std::size_t N>
struct Varchar {
    static_assert(N > 0 && N <= 1'000'000'000, "Varchar<N>: N must be between 1 and 10^9");
    std::string value;
    friend bool operator==(const Varchar&, const Varchar&) = default;
};

template <int Precision, int Scale = 0>
struct Numeric {
    static_assert(Precision > 0 && Precision <= 1000, "Numeric<P, S>: P must be in 1..1000");
    static_assert(Scale >= 0 && Scale <= Precision, "Numeric<P, S>: S must be in 0..P");
    std::string value;
    friend bool operator==(const Numeric&, const Numeric&) = default;
};

struct Json {
    std::string value;
    friend bool operator==(const Json&, const Json&) = default;
};

struct Uuid {
    std::string value;
    friend bool operator==(const Uuid&, const Uuid&) = default;
};

}  // namespace schemadiff::reflect
