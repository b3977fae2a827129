// The schemadiff command line as a function: `schemadiff` itself is main() calling run(), and a
// user's model program calls it too, with its models compiled in (see the reflection module).
//
// run() never throws: errors print one line on stderr and give exit code 2. Data goes to `out`,
// progress and diagnostics to `err`.
//
// A model program — the C++ counterpart of Alembic's env.py — passes its models:
//
//   int main(int argc, char** argv) {
//       schemadiff::reflect::Registry models;
//       models.add<Author>().add<Book>();
//       return schemadiff::cli::run(argc, argv, models);
//   }
//
// Every command then works with those models: autogenerate and check compare them with the
// database, and `dump models` prints them as model JSON. [models] in schemadiff.toml is not
// needed and is ignored when present. models.schema() is called only by commands that read
// the models, so an inconsistent model is one error line (exit 2) from those commands.
#pragma once

#include <iosfwd>

namespace schemadiff::reflect {
class Registry;
}

namespace schemadiff::cli {

// Exit codes of the contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDifferent = 1;
inline constexpr int kExitError = 2;

[[nodiscard]] int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);
[[nodiscard]] int run(int argc, const char* const* argv);

// The command line of a model program: `models` stand in for [models] (see above).
[[nodiscard]] int run(int argc, const char* const* argv, const reflect::Registry& models,
                      std::ostream& out, std::ostream& err);
[[nodiscard]] int run(int argc, const char* const* argv, const reflect::Registry& models);

}  // namespace schemadiff::cli
