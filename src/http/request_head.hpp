// Reading an HTTP/1.1 request from bytes the way the server reads it from a connection: Beast's
// parser with the server's header and body limits, the same errors, and the same translation of
// the request line and headers into a Request. The server uses the pieces on its sockets; the
// fuzz target and tests call parse_request without one.
#pragma once

#include "domain/result.hpp"
#include "http/client_address.hpp"
#include "http/message.hpp"

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::http {

/// The answer to a request whose head or body the parser refused: 431 when the headers are over
/// the limit, 400 otherwise (a body over its limit is body_too_large).
domain::Error parse_failure(const boost::beast::error_code& ec);

/// 413 for a body over `limit` bytes, naming the limit and the route.
domain::Error body_too_large(const Request& request, std::size_t limit);

/// Fills `request`'s method, path, query, headers (names lowercased; repeated X-Forwarded-For
/// headers joined in order, other repeats: the last) and remote address (client_address of the
/// peer already in `request.remote_address`).
void read_head(const boost::beast::http::request_header<>& head, Request& request,
               const std::vector<AddressRange>& trusted_proxies);

struct RequestLimits {
    std::size_t header_limit = 16 * 1024;
    std::size_t body_limit = 64 * 1024;
    std::string peer = "127.0.0.1";
    std::vector<AddressRange> trusted_proxies;
};

/// One whole request (head and body) from `bytes`, read as the server reads it from a
/// connection; an error when it is malformed, over a limit, or ends early.
domain::Result<Request> parse_request(std::string_view bytes, const RequestLimits& limits);

} // namespace cdcwb::http
