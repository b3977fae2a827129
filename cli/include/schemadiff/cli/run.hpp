// The schemadiff command line as a function: `schemadiff` itself is main() calling run(), and a
// user's model program calls it too, with its models compiled in (see the reflection module).
//
// run() never throws: errors print one line on stderr and give exit code 2. Data goes to `out`,
// progress and diagnostics to `err`.
#pragma once

#include <iosfwd>

namespace schemadiff::cli {

// Exit codes of the contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDifferent = 1;
inline constexpr int kExitError = 2;

[[nodiscard]] int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
[[nodiscard]] int run(int argc, const char* const* argv);

}  // namespace schemadiff::cli
