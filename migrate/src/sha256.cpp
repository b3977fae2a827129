// sha256_hex: the checksum the history table records for an applied script, through OpenSSL's
// EVP digest API (the low-level SHA256_* functions are deprecated in OpenSSL 3).
#include <openssl/evp.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>

#include "schemadiff/core/error.hpp"
#include "schemadiff/migrate/revision_script.hpp"

namespace schemadiff::migrate {

namespace {

struct DigestContextDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    const std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> context(EVP_MD_CTX_new());
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(context.get(), digest.data(), &length) != 1) {
        throw Error(ErrorKind::Internal, "OpenSSL could not compute a SHA-256 digest");
    }
    constexpr std::string_view kHex = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4U];
        out += kHex[digest[i] & 0x0FU];
    }
    return out;
}

}  // namespace schemadiff::migrate
