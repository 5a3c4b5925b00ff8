#include "http/request_head.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cctype>
#include <limits>

namespace cdcwb::http {

namespace bhttp = boost::beast::http;

domain::Error parse_failure(const boost::beast::error_code& ec) {
    if (ec == bhttp::error::header_limit)
        return domain::headers_too_large("the request headers are too large");
    return domain::bad_request("malformed HTTP request");
}

domain::Error body_too_large(const Request& request, std::size_t limit) {
    return domain::payload_too_large("the request body is larger than " + std::to_string(limit) +
                                     " bytes, the most " + request.method + " " + request.path +
                                     " takes");
}

void read_head(const bhttp::request_header<>& head, Request& request,
               const std::vector<AddressRange>& trusted_proxies) {
    request.method = std::string(head.method_string());
    const std::string_view target(head.target().data(), head.target().size());
    const auto question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos)
        request.query = parse_query(target.substr(question + 1));
    for (const auto& field : head) {
        std::string name(field.name_string().data(), field.name_string().size());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const std::string_view value(field.value().data(), field.value().size());
        auto [it, added] = request.headers.try_emplace(name, value);
        // Repeated X-Forwarded-For headers make one list, in order; other repeats: the last.
        if (!added && name == "x-forwarded-for")
            it->second.append(", ").append(value);
        else if (!added)
            it->second = std::string(value);
    }
    request.remote_address =
        client_address(request.remote_address, request.header("x-forwarded-for"), trusted_proxies);
}

domain::Result<Request> parse_request(std::string_view bytes, const RequestLimits& limits) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(limits.header_limit));
    // As on a connection: no body limit while the headers are read; the route's once they are in.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    // Feeds the parser what is left until `done` says it has read enough.
    auto feed = [&](auto done) -> boost::beast::error_code {
        boost::beast::error_code ec;
        while (!done()) {
            const auto used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
            bytes.remove_prefix(used);
            if (ec == bhttp::error::need_more || (!ec && used == 0))
                return bhttp::error::partial_message;
            if (ec) return ec;
        }
        return ec;
    };
    if (auto ec = feed([&] { return parser.is_header_done(); }))
        return ec == bhttp::error::partial_message
                   ? domain::bad_request("the request ends before its headers do")
                   : parse_failure(ec);
    Request request;
    request.remote_address = limits.peer;
    read_head(parser.get(), request, limits.trusted_proxies);
    if (const auto length = parser.content_length(); length && *length > limits.body_limit)
        return body_too_large(request, limits.body_limit);
    parser.body_limit(limits.body_limit);
    if (auto ec = feed([&] { return parser.is_done(); })) {
        if (ec == bhttp::error::body_limit) return body_too_large(request, limits.body_limit);
        return ec == bhttp::error::partial_message
                   ? domain::bad_request("the request ends before its body does")
                   : parse_failure(ec);
    }
    request.body = std::move(parser.get().body());
    return request;
}

} // namespace cdcwb::http
