// The contract between the driver registry and a driver built as a plugin (a shared module the
// registry loads with dlopen on the first URL of its scheme, e.g.
// libschemadiff_driver_postgresql.so).
//
// A plugin exports two C symbols:
//   unsigned long long schemadiff_driver_abi();   returns kDriverAbi as the plugin saw it
//   schemadiff::Connection* schemadiff_driver_open(const schemadiff::DatabaseUrl*, int access);
// `access` is 0 read-only, 1 read-write, 2 create. The open function throws schemadiff::Error
// like any driver; the caller owns the connection. Plugin and registry come from the same build
// (C++ types cross the boundary), and the ABI value makes a plugin of another build be refused
// with a clear error instead of crashing.
#pragma once

#include "schemadiff/core/connection.hpp"
#include "schemadiff/core/database_url.hpp"
#include "schemadiff/core/schema.hpp"

namespace schemadiff {

// Bump when the plugin functions change meaning; the sizes catch most layout changes.
inline constexpr unsigned long long kDriverPluginVersion = 1;
inline constexpr unsigned long long kDriverAbi =
    kDriverPluginVersion * 1'000'000'007ULL + sizeof(Schema) * 1'000'003ULL +
    sizeof(Table) * 10'007ULL + sizeof(Column) * 101ULL + sizeof(DatabaseUrl);

using DriverAbiFunction = unsigned long long (*)();
using DriverOpenFunction = Connection* (*)(const DatabaseUrl*, int);

}  // namespace schemadiff
