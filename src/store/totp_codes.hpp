// The HMAC half of two-factor codes (RFC 6238 over HMAC-SHA1, OpenSSL): the domain's TOTP rules
// (domain/totp.hpp) given the one computation they cannot do without a crypto library.
#pragma once

#include "domain/totp.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::store::totp_codes {

/// The code of `step` for a raw secret, `digits` long with leading zeros.
std::string code_at(std::string_view secret, std::int64_t step, int digits = domain::totp::kDigits);

/// domain::totp::match with this secret's codes; an empty secret matches nothing.
std::optional<std::int64_t> match(std::string_view secret, std::string_view code,
                                  std::chrono::system_clock::time_point at, std::int64_t last_used);

} // namespace cdcwb::store::totp_codes
