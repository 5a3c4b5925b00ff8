#include "store/totp_codes.hpp"

#include <array>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <span>
#include <stdexcept>

namespace cdcwb::store::totp_codes {

std::string code_at(std::string_view secret, std::int64_t step, int digits) {
    const auto counter = domain::totp::counter_bytes(step);
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int length = 0;
    if (!HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter.data(),
              counter.size(), mac.data(), &length))
        throw std::runtime_error("HMAC-SHA1 failed");
    return domain::totp::truncate(std::span<const unsigned char>(mac.data(), length), digits);
}

std::optional<std::int64_t> match(std::string_view secret, std::string_view code,
                                  std::chrono::system_clock::time_point at,
                                  std::int64_t last_used) {
    if (secret.empty()) return std::nullopt;
    return domain::totp::match(code, at, last_used,
                               [&](std::int64_t step) { return code_at(secret, step); });
}

} // namespace cdcwb::store::totp_codes
