#include "schemadiff/cli/run.hpp"

int main(int argc, char** argv) { return schemadiff::cli::run(argc, argv); }
