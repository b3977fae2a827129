// sha256_hex: the checksum the history table records for an applied script, through GNU Nettle
// (linked statically: no shared library to load when the tool starts).
#include <nettle/sha2.h>

#include <array>
#include <string>
#include <string_view>

#include "schemadiff/migrate/revision_script.hpp"

namespace schemadiff::migrate {

std::string sha256_hex(std::string_view bytes) {
    sha256_ctx context{};
    sha256_init(&context);
    sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
    std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
    sha256_digest(&context, digest.size(), digest.data());
    constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * digest.size());
    for (const std::uint8_t byte : digest) {
        out += kHex[byte >> 4U];
        out += kHex[byte & 0x0FU];
    }
    return out;
}

}  // namespace schemadiff::migrate
