// The `schemadiff` executable: the command line, nothing else (see schemadiff/cli/run.hpp).
#include <malloc.h>

#include "schemadiff/cli/run.hpp"

namespace {

// A run allocates a few hundred thousand small objects (model JSON, catalog rows, schemas) and
// exits. glibc's defaults cost it dearly: the model thread's own arena grows a page or so at a
// time (an mprotect each), allocations of 128 KiB and more are mmapped and unmapped each time,
// and freed memory goes back to the kernel only to fault back in. One arena that grows in large
// steps and keeps what it has takes a fifth off a 1,000-table autogenerate.
void tune_allocator() {
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, 1);
    mallopt(M_TOP_PAD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
}

}  // namespace

int main(int argc, char** argv) {
    tune_allocator();
    return schemadiff::cli::run(argc, argv);
}
