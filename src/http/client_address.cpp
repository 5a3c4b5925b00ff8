#include "http/client_address.hpp"

#include <arpa/inet.h>
#include <charconv>
#include <cstring>

namespace cdcwb::http {

namespace {

/// An address as bytes; IPv4-mapped IPv6 becomes IPv4. Nothing when it is not an address.
std::optional<AddressRange> parse_address(std::string_view text) {
    if (text.empty() || text.size() > 45) return std::nullopt;
    const std::string s(text);
    AddressRange r;
    if (inet_pton(AF_INET, s.c_str(), r.bytes.data()) == 1) {
        r.prefix = 32;
        return r;
    }
    if (inet_pton(AF_INET6, s.c_str(), r.bytes.data()) != 1) return std::nullopt;
    static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(r.bytes.data(), mapped, 12) == 0) {
        std::memmove(r.bytes.data(), r.bytes.data() + 12, 4);
        std::memset(r.bytes.data() + 4, 0, 12);
        r.prefix = 32;
        return r;
    }
    r.v6 = true;
    r.prefix = 128;
    return r;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// The address as the product shows it (IPv4 dotted, IPv6 in its short form).
std::string format(const AddressRange& a) {
    char out[INET6_ADDRSTRLEN] = {};
    inet_ntop(a.v6 ? AF_INET6 : AF_INET, a.bytes.data(), out, sizeof out);
    return out;
}

bool in_any(const AddressRange& address, const std::vector<AddressRange>& ranges) {
    for (const auto& range : ranges)
        if (range.contains(format(address))) return true;
    return false;
}

} // namespace

bool is_loopback(std::string_view address) {
    const auto a = parse_address(address);
    if (!a) return false;
    if (!a->v6) return a->bytes[0] == 127;
    for (std::size_t i = 0; i < 15; ++i)
        if (a->bytes[i] != 0) return false;
    return a->bytes[15] == 1;
}

bool AddressRange::contains(std::string_view text) const {
    const auto a = parse_address(text);
    if (!a || a->v6 != v6) return false;
    int bits = prefix;
    for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
        const unsigned mask = bits >= 8 ? 0xffu : (0xffu << (8 - bits)) & 0xffu;
        if ((a->bytes[i] & mask) != (bytes[i] & mask)) return false;
    }
    return true;
}

domain::Result<AddressRange> parse_address_range(std::string_view text, const std::string& field) {
    const auto slash = text.find('/');
    auto range = parse_address(text.substr(0, slash));
    if (!range)
        return domain::invalid("'" + std::string(text.substr(0, 60)) +
                                   "' is not an IPv4 or IPv6 address (use ADDR or ADDR/PREFIX, "
                                   "e.g. 10.0.0.1 or 10.0.0.0/8)",
                               field);
    const int max = range->v6 ? 128 : 32;
    if (slash != std::string_view::npos) {
        const auto digits = text.substr(slash + 1);
        int prefix = -1;
        const auto [end, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
        if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
            prefix < 0 || prefix > max)
            return domain::invalid("the prefix of '" + std::string(text.substr(0, 60)) +
                                       "' must be a number from 0 to " + std::to_string(max),
                                   field);
        range->prefix = prefix;
    }
    // Bits beyond the prefix must be zero: "10.0.0.1/8" is most likely a mistake.
    for (int bit = range->prefix; bit < max; ++bit)
        if (range->bytes[static_cast<std::size_t>(bit / 8)] & (0x80u >> (bit % 8)))
            return domain::invalid("'" + std::string(text.substr(0, 60)) +
                                       "' has address bits set beyond its prefix; write the "
                                       "network's first address (e.g. 10.0.0.0/8)",
                                   field);
    return *range;
}

std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<AddressRange>& trusted) {
    const auto peer_address = parse_address(peer);
    if (!peer_address) return std::string(peer);
    std::string client = format(*peer_address);
    if (trusted.empty() || !in_any(*peer_address, trusted)) return client;
    // Walk X-Forwarded-For from the right: each trusted proxy vouches for the address before it.
    while (!forwarded_for.empty()) {
        const auto comma = forwarded_for.rfind(',');
        const auto entry =
            trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
        forwarded_for =
            comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
        const auto address = parse_address(entry);
        if (!address) break;
        client = format(*address);
        if (!in_any(*address, trusted)) break;
    }
    return client;
}

} // namespace cdcwb::http
