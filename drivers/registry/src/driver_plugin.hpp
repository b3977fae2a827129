// Loading a driver plugin (contract: core/driver_plugin.hpp).
//
// driver_plugin("postgresql") dlopens libschemadiff_driver_postgresql.so once per process (it is
// never unloaded: its code backs the connections it opened) and returns its open function.
// When $SCHEMADIFF_DRIVER_PATH is set (colon-separated folders) it is an override: its folders are
// the only ones searched, in order. Otherwise the first folder holding the file wins of:
//   1. the running program's folder, then <program folder>/../<libdir>/schemadiff (installed);
//   2. the build tree's output folder, then the configured install prefix's <libdir>/schemadiff
//      (programs built against this build or its installed package).
// A missing plugin, or one that cannot load (e.g. libpq.so.5 missing) or that comes from another
// build, is Error(Connection): one line saying what was tried and what to do.
#pragma once

#include <string_view>

#include "schemadiff/core/driver_plugin.hpp"

namespace schemadiff::drivers::detail {

[[nodiscard]] DriverOpenFunction driver_plugin(std::string_view name);

}  // namespace schemadiff::drivers::detail
