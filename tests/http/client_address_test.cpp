// Trusted proxies: parsing ADDR[/PREFIX] and choosing the client address from X-Forwarded-For;
// which listening addresses are loopback.
#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace {

using cdcwb::http::AddressRange;
using cdcwb::http::client_address;
using cdcwb::http::is_loopback;
using cdcwb::http::parse_address_range;

std::vector<AddressRange> ranges(std::initializer_list<const char*> texts) {
    std::vector<AddressRange> out;
    for (const char* t : texts) {
        auto r = parse_address_range(t, "--trusted-proxy");
        EXPECT_TRUE(r.ok()) << t << ": " << r.error().message;
        if (r) out.push_back(*r);
    }
    return out;
}

TEST(Loopback, OnlyLoopbackAddressesAreLoopback) {
    for (const char* address : {"127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"})
        EXPECT_TRUE(is_loopback(address)) << address;
    for (const char* address : {"0.0.0.0", "::", "10.0.0.1", "192.168.1.1", "::2", "fe80::1",
                                "128.0.0.1", "localhost", ""})
        EXPECT_FALSE(is_loopback(address)) << address;
}

TEST(TrustedProxy, ParsesIpv4AndIpv6AddressesAndNetworks) {
    const auto r = ranges({"10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1"});
    ASSERT_EQ(r.size(), 4u);
    EXPECT_TRUE(r[0].contains("10.200.3.4"));
    EXPECT_FALSE(r[0].contains("11.0.0.1"));
    EXPECT_TRUE(r[1].contains("192.168.1.7"));
    EXPECT_FALSE(r[1].contains("192.168.1.8"));
    EXPECT_TRUE(r[2].contains("fd12:3456::1"));
    EXPECT_FALSE(r[2].contains("fe80::1"));
    EXPECT_FALSE(r[2].contains("10.0.0.1")) << "an IPv4 address is in no IPv6 network";
    EXPECT_TRUE(r[3].contains("::1"));
    EXPECT_TRUE(r[0].contains("::ffff:10.1.2.3")) << "IPv4-mapped counts as IPv4";
    EXPECT_TRUE(ranges({"0.0.0.0/0"})[0].contains("203.0.113.9"));
}

TEST(TrustedProxy, BadRangesAreRefusedNamingTheOption) {
    for (const char* bad : {"", "proxy.example", "10.0.0.0/33", "fd00::/129", "10.0.0.0/",
                            "10.0.0.0/x", "10.0.0.1/8", "10.0.0/8", "1.2.3.4/-1"}) {
        const auto r = parse_address_range(bad, "--trusted-proxy");
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().field, "--trusted-proxy");
        EXPECT_FALSE(r.error().message.empty());
    }
}

TEST(TrustedProxy, AnUntrustedPeerIsTheClientWhateverItForwards) {
    const auto trusted = ranges({"10.0.0.1"});
    EXPECT_EQ(client_address("203.0.113.5", "198.51.100.1", trusted), "203.0.113.5");
    EXPECT_EQ(client_address("203.0.113.5", "198.51.100.1", {}), "203.0.113.5");
    EXPECT_EQ(client_address("::ffff:203.0.113.5", "", {}), "203.0.113.5");
}

TEST(TrustedProxy, BehindTrustedProxiesTheRightmostUntrustedAddressIsTheClient) {
    const auto trusted = ranges({"10.0.0.0/8", "2001:db8::/32"});
    // The client may send its own X-Forwarded-For: the proxy appends, so only the right end is
    // vouched for.
    EXPECT_EQ(client_address("10.0.0.1", "1.1.1.1, 198.51.100.7", trusted), "198.51.100.7");
    EXPECT_EQ(client_address("10.0.0.1", "1.1.1.1, 198.51.100.7, 10.9.9.9", trusted),
              "198.51.100.7")
        << "a chain of trusted proxies is walked";
    EXPECT_EQ(client_address("2001:db8::5", "2001:db8::9,2a00:1450::1", trusted), "2a00:1450::1");
    EXPECT_EQ(client_address("10.0.0.1", "", trusted), "10.0.0.1") << "nothing forwarded";
    EXPECT_EQ(client_address("10.0.0.1", "10.0.0.2, 10.0.0.3", trusted), "10.0.0.2")
        << "all trusted: the leftmost proxy is the client";
    EXPECT_EQ(client_address("10.0.0.1", "198.51.100.7, not-an-address", trusted), "10.0.0.1")
        << "garbage stops the walk at the last trusted hop";
}

} // namespace
