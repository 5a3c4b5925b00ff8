// Time-based one-time passwords as RFC 6238 defines them with its common parameters: HMAC-SHA1,
// 6 digits, 30-second steps counted from the Unix epoch. The rules only: the HMAC itself is
// computed in the store (store/totp_codes.hpp, OpenSSL), which also keeps the secrets and the
// last step each user used, so the domain links no crypto library.
#pragma once

#include "domain/result.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cdcwb::domain::totp {

inline constexpr int kDigits = 6;
inline constexpr std::int64_t kStepSeconds = 30;
/// Codes of this many steps before or after now are accepted too (clocks drift, people type).
inline constexpr std::int64_t kWindow = 1;
/// The secret's length: 160 bits, as RFC 4226 recommends for HMAC-SHA1.
inline constexpr std::size_t kSecretBytes = 20;

/// The step `at` falls in: seconds since the epoch divided by 30.
std::int64_t step_of(std::chrono::system_clock::time_point at);

/// The message HMAC-SHA1 is computed over for `step`: the step as 8 big-endian bytes.
std::array<unsigned char, 8> counter_bytes(std::int64_t step);

/// The code an HMAC-SHA1 value (20 bytes) stands for, `digits` long with leading zeros (RFC
/// 4226's dynamic truncation). Throws std::invalid_argument on a shorter value or digits outside
/// 1–9 (a programmer's error: the caller computes both).
std::string truncate(std::span<const unsigned char> mac, int digits = kDigits);

/// The code of each step, for one secret (computed where the HMAC is).
using CodeOfStep = std::function<std::string(std::int64_t step)>;

/// The step within ±kWindow of `at` whose code is `code`, when there is one later than
/// `last_used` (an earlier or the same step is a replay and matches nothing).
std::optional<std::int64_t> match(std::string_view code, std::chrono::system_clock::time_point at,
                                  std::int64_t last_used, const CodeOfStep& code_of_step);

/// Whether `code` looks like a TOTP code: exactly 6 ASCII digits.
bool looks_like_code(std::string_view code);

/// RFC 4648 base32 (A–Z, 2–7) without padding, as authenticator apps take secrets.
std::string base32_encode(std::string_view bytes);
/// Decodes base32, ignoring case, spaces and padding; nullopt on any other character.
std::optional<std::string> base32_decode(std::string_view text);

/// The otpauth:// URI an authenticator app reads from a QR code (the Key URI format):
/// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=ISSUER&algorithm=SHA1&digits=6&period=30.
std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view secret_base32);

} // namespace cdcwb::domain::totp
