// The bookshop's model program: schemadiff's whole command line with the bookshop's models
// compiled in, the C++ counterpart of Alembic's env.py. Every command works on it, run from the
// folder holding schemadiff.toml:
//
//   bookshop_v2 autogenerate -m "add reviews"   # compare the v2 models with the database
//   bookshop_v2 upgrade head
//   bookshop_v2 check                           # exit 0: the database matches the models
//
// The build makes three of them, bookshop_v1, _v2 and _v3, one per release of the models
// (models.hpp); walkthrough.sh runs them in turn.
#include "models.hpp"
#include "schemadiff/cli/run.hpp"
#include "shop.hpp"

int main(int argc, char** argv) {
    const schemadiff::reflect::Registry registry = bookshop::models();
    return schemadiff::cli::run(argc, argv, registry);
}
