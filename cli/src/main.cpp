// The `schemadiff` executable: the command line, nothing else (see schemadiff/cli/run.hpp).
#include "schemadiff/cli/run.hpp"

int main(int argc, char** argv) { return schemadiff::cli::run(argc, argv); }
