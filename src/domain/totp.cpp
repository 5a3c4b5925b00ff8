#include "domain/totp.hpp"

#include <stdexcept>

namespace cdcwb::domain::totp {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '@') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

} // namespace

std::int64_t step_of(std::chrono::system_clock::time_point at) {
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count();
    return seconds / kStepSeconds;
}

std::array<unsigned char, 8> counter_bytes(std::int64_t step) {
    std::array<unsigned char, 8> counter{};
    auto value = static_cast<std::uint64_t>(step);
    for (int i = 7; i >= 0; --i) {
        counter[static_cast<std::size_t>(i)] = static_cast<unsigned char>(value & 0xff);
        value >>= 8;
    }
    return counter;
}

std::string truncate(std::span<const unsigned char> mac, int digits) {
    if (mac.size() < 20) throw std::invalid_argument("an HMAC-SHA1 value has 20 bytes");
    if (digits < 1 || digits > 9) throw std::invalid_argument("a code has 1 to 9 digits");
    const std::size_t offset = mac[mac.size() - 1] & 0x0f;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                                 static_cast<std::uint32_t>(mac[offset + 3]);
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i) modulus *= 10;
    std::string code = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

bool looks_like_code(std::string_view code) {
    if (code.size() != static_cast<std::size_t>(kDigits)) return false;
    for (const char c : code)
        if (c < '0' || c > '9') return false;
    return true;
}

std::optional<std::int64_t> match(std::string_view code, std::chrono::system_clock::time_point at,
                                  std::int64_t last_used, const CodeOfStep& code_of_step) {
    if (!looks_like_code(code)) return std::nullopt;
    const std::int64_t now = step_of(at);
    for (std::int64_t step = now - kWindow; step <= now + kWindow; ++step) {
        if (step <= last_used) continue;
        // Compare every candidate in full: no early exit on the first differing digit.
        const std::string expected = code_of_step(step);
        if (expected.size() != code.size()) continue;
        unsigned char diff = 0;
        for (std::size_t i = 0; i < expected.size(); ++i)
            diff |= static_cast<unsigned char>(expected[i] ^ code[i]);
        if (diff == 0) return step;
    }
    return std::nullopt;
}

std::string base32_encode(std::string_view bytes) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char ch : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(ch);
        bits += 8;
        while (bits >= 5) {
            out += kAlphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
    return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == ' ' || c == '=' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const auto at = kAlphabet.find(c);
        if (at == std::string_view::npos) return std::nullopt;
        buffer = (buffer << 5) | static_cast<std::uint32_t>(at);
        bits += 5;
        if (bits >= 8) {
            out += static_cast<char>((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    return out;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view secret_base32) {
    const std::string label = percent_encode(issuer) + ":" + percent_encode(account);
    return "otpauth://totp/" + label + "?secret=" + std::string(secret_base32) +
           "&issuer=" + percent_encode(issuer) +
           "&algorithm=SHA1&digits=" + std::to_string(kDigits) +
           "&period=" + std::to_string(kStepSeconds);
}

} // namespace cdcwb::domain::totp
