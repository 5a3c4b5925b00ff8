// Requests read from bytes as the server reads them from a connection (http::parse_request, the
// entry the http_request fuzz target uses): the head as handlers see it, bodies by length and
// chunked, and the 400, 413 and 431 answers.
#include "http/request_head.hpp"

#include <gtest/gtest.h>

namespace cdcwb::http {
namespace {

RequestLimits limits() {
    RequestLimits l;
    l.header_limit = 512;
    l.body_limit = 64;
    l.trusted_proxies.push_back(*parse_address_range("127.0.0.1", "proxy"));
    return l;
}

TEST(RequestHead, TheHeadIsReadAsHandlersSeeIt) {
    auto r = parse_request("GET /api/v1/x?a=1&b=x%20y HTTP/1.1\r\nHost: h\r\nCoOkIe: s=1\r\n"
                           "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-For: 198.51.100.4\r\n"
                           "Accept: a\r\nAccept: b\r\n\r\n",
                           limits());
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->method, "GET");
    EXPECT_EQ(r->path, "/api/v1/x");
    EXPECT_EQ(r->query.at("b"), "x y");
    EXPECT_EQ(r->cookie("s"), "1");
    EXPECT_EQ(r->header("x-forwarded-for"), "203.0.113.9, 198.51.100.4");
    EXPECT_EQ(r->header("accept"), "b");
    // The peer is a trusted proxy: the client is the rightmost untrusted address.
    EXPECT_EQ(r->remote_address, "198.51.100.4");
    EXPECT_EQ(r->body, "");
}

TEST(RequestHead, BodiesAreReadByLengthAndChunked) {
    auto sized = parse_request("POST /a HTTP/1.1\r\nContent-Length: 7\r\n\r\n{\"a\":1}", limits());
    ASSERT_TRUE(sized.ok());
    EXPECT_EQ(sized->body, "{\"a\":1}");
    auto chunked = parse_request("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n",
                                 limits());
    ASSERT_TRUE(chunked.ok());
    EXPECT_EQ(chunked->body, "{\"a\":1}");
}

TEST(RequestHead, OverTheLimitsIs413Or431) {
    auto announced = parse_request("POST /a HTTP/1.1\r\nContent-Length: 65\r\n\r\n", limits());
    ASSERT_FALSE(announced.ok());
    EXPECT_EQ(announced.error().code, domain::ErrorCode::payload_too_large);
    EXPECT_NE(announced.error().message.find("64 bytes, the most POST /a takes"),
              std::string::npos);
    auto chunked = parse_request("POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n41\r\n" +
                                     std::string(65, 'x') + "\r\n0\r\n\r\n",
                                 limits());
    ASSERT_FALSE(chunked.ok());
    EXPECT_EQ(chunked.error().code, domain::ErrorCode::payload_too_large);
    auto headers =
        parse_request("GET / HTTP/1.1\r\nX-Big: " + std::string(600, 'x') + "\r\n\r\n", limits());
    ASSERT_FALSE(headers.ok());
    EXPECT_EQ(headers.error().code, domain::ErrorCode::headers_too_large);
}

TEST(RequestHead, MalformedOrUnfinishedRequestsAre400) {
    for (const char* bad :
         {"GET / HTTP/9.9\r\n\r\n", "GET\r\n\r\n", "G@T / HTTP/1.1\r\n\r\n",
          "GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\n",
          "POST / HTTP/1.1\r\n"
          "Content-Length: 5\r\n\r\nab"}) {
        auto r = parse_request(bad, limits());
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code, domain::ErrorCode::bad_request) << bad;
    }
}

} // namespace
} // namespace cdcwb::http
