// The PostgreSQL driver plugin's entry points; the contract is core/driver_plugin.hpp, the
// loading side drivers/registry/src/driver_plugin.cpp.
#include "schemadiff/core/driver_plugin.hpp"
#include "schemadiff/postgresql/postgresql_connection.hpp"

namespace {

schemadiff::postgresql::OpenMode mode_of(int access) {
    switch (access) {
        case 0:
            return schemadiff::postgresql::OpenMode::ReadOnly;
        case 1:
            return schemadiff::postgresql::OpenMode::ReadWrite;
        default:
            return schemadiff::postgresql::OpenMode::Create;
    }
}

}  // namespace

extern "C" __attribute__((visibility("default"))) unsigned long long schemadiff_driver_abi() {
    return schemadiff::kDriverAbi;
}

extern "C" __attribute__((visibility("default"))) schemadiff::Connection* schemadiff_driver_open(
    const schemadiff::DatabaseUrl* url, int access) {
    return schemadiff::postgresql::open_postgresql(*url, mode_of(access)).release();
}
