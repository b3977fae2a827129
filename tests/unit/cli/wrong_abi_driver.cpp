// A stand-in driver plugin "from another build" for driver_plugin_test.cpp: it exports the ABI
// function of core/driver_plugin.hpp, returning a value no build of this source gives.
#include "schemadiff/core/driver_plugin.hpp"

extern "C" __attribute__((visibility("default"))) unsigned long long schemadiff_driver_abi() {
    return schemadiff::kDriverAbi + 1;
}
