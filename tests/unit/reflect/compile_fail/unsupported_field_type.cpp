// Must NOT compile: `weight` has a type with no column type. The CTest test
// reflect_unsupported_field_type builds this file and expects the message to name the field and
// the fix (see tests/unit/reflect/CMakeLists.txt).
#include <cstdint>
#include <map>

#include "schemadiff/reflect/model.hpp"

namespace {

struct Parcel {
    std::int64_t id;
    std::map<int, int> weight;
};

}  // namespace

int main() {
    const auto table = schemadiff::reflect::table<Parcel>("parcels").to_table();
    return static_cast<int>(table.columns.size());
}
