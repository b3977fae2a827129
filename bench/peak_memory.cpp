#include "peak_memory.hpp"

#include <malloc.h>
#include <sys/resource.h>

#include <fstream>
#include <string>

namespace schemadiff::bench {
namespace {

// A "Name:   1234 kB" line of /proc/self/status; -1 when absent.
long status_kib(const std::string& name) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(name + ":", 0) == 0) return std::stol(line.substr(name.size() + 1));
    }
    return -1;
}

}  // namespace

MemoryWindow start_memory_window() {
    malloc_trim(0);
    std::ofstream clear_refs("/proc/self/clear_refs");
    clear_refs << "5\n";
    clear_refs.close();
    MemoryWindow window;
    window.is_windowed = static_cast<bool>(clear_refs);
    window.baseline_kib = status_kib("VmRSS");
    return window;
}

long peak_rss_kib() {
    const long hwm = status_kib("VmHWM");
    if (hwm >= 0) return hwm;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

}  // namespace schemadiff::bench
