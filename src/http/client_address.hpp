// Who the client is behind a reverse proxy: X-Forwarded-For is believed only when the connection
// comes from a proxy the operator listed (`cdcwb serve --trusted-proxy`), and then only as far as
// the chain of listed proxies goes.
#pragma once

#include "domain/result.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::http {

/// An IPv4 or IPv6 address with a prefix length: "10.0.0.1", "10.0.0.0/8", "fd00::/8".
struct AddressRange {
    std::array<unsigned char, 16> bytes{}; ///< IPv4 in the first 4
    bool v6 = false;
    int prefix = 32;

    bool contains(std::string_view address) const;
};

/// Parses ADDR or ADDR/PREFIX (IPv4: 0–32, IPv6: 0–128); the address bits beyond the prefix
/// must be zero. An error names `field` and says what is wrong.
domain::Result<AddressRange> parse_address_range(std::string_view text, const std::string& field);

/// The client's address: `peer` unless it is in `trusted`; then the rightmost address of
/// `forwarded_for` (the X-Forwarded-For list, comma-separated) that is not itself trusted. An
/// entry that is not an address stops the walk (the one before it, a trusted proxy, is the
/// client then). IPv4-mapped IPv6 addresses count as IPv4.
std::string client_address(std::string_view peer, std::string_view forwarded_for,
                           const std::vector<AddressRange>& trusted);

/// Whether `address` is a loopback address (127.0.0.0/8, ::1, or IPv4-mapped 127.x): a server
/// listening there is reachable from this machine only.
bool is_loopback(std::string_view address);

} // namespace cdcwb::http
