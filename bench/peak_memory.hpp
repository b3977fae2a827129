// Peak resident memory of this process, measured over a window.
//
// Linux keeps a high-water mark of the resident set (VmHWM in /proc/self/status, ru_maxrss in
// getrusage). start_memory_window() returns freed heap to the system and resets that mark
// (writing "5" to /proc/self/clear_refs, Linux 4.0+), so the peak read afterwards covers only
// what ran since. Where the reset is refused, the peak covers the whole process: `is_windowed`
// says which.
#pragma once

namespace schemadiff::bench {

struct MemoryWindow {
    long baseline_kib = 0;  // resident set when the window opened
    bool is_windowed = false;
};

[[nodiscard]] MemoryWindow start_memory_window();
// The resident-set high-water mark, in KiB.
[[nodiscard]] long peak_rss_kib();

}  // namespace schemadiff::bench
