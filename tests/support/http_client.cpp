#include "support/http_client.hpp"

// Asio 1.74 with g++ 12 in C++20 needs <utility> before its headers ("'exchange' is not a member
// of 'std'").
// clang-format off
#include <utility>
// clang-format on
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <optional>
#include <stdexcept>

namespace cdcwb::testing {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

namespace {

constexpr std::uint64_t kMaxResponseBody = 256u * 1024 * 1024;

beast::string_view beast_view(std::string_view text) {
    return {text.data(), text.size()};
}

std::string lowercase(beast::string_view text) {
    std::string out(text.data(), text.size());
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

std::string HttpResponse::header(std::string_view name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

struct HttpClient::Impl {
    std::string host;
    unsigned short port = 0;
    std::chrono::seconds timeout;
    net::io_context ioc;
    std::optional<beast::tcp_stream> stream;
    beast::flat_buffer buffer;
    bool reused = false; ///< the open connection has answered a request before

    /// Runs the pending asynchronous operation to its end (the stream's timer bounds it).
    void run() {
        ioc.restart();
        ioc.run();
    }

    void connect() {
        stream.emplace(ioc);
        buffer.clear();
        reused = false;
        beast::error_code ec;
        const tcp::endpoint endpoint(net::ip::make_address(host), port);
        stream->expires_after(timeout);
        stream->async_connect(endpoint, [&](beast::error_code e) { ec = e; });
        run();
        if (ec) {
            stream.reset();
            throw std::runtime_error("cannot connect to " + host + ":" + std::to_string(port) +
                                     ": " + ec.message());
        }
    }

    void close() {
        if (!stream) return;
        beast::error_code ec;
        stream->socket().shutdown(tcp::socket::shutdown_both, ec);
        stream->close();
        stream.reset();
    }
};

HttpClient::HttpClient(std::string host, unsigned short port, std::chrono::seconds timeout)
    : impl_(std::make_unique<Impl>()) {
    impl_->host = std::move(host);
    impl_->port = port;
    impl_->timeout = timeout;
}

HttpClient::~HttpClient() {
    impl_->close();
}

void HttpClient::close() {
    impl_->close();
}

HttpResponse HttpClient::request(std::string_view method, std::string_view target,
                                 const Headers& headers, std::string_view body) {
    bhttp::request<bhttp::string_body> req;
    req.version(11);
    const auto verb = bhttp::string_to_verb(beast_view(method));
    if (verb == bhttp::verb::unknown)
        req.method_string(beast_view(method));
    else
        req.method(verb);
    req.target(beast_view(target));
    req.set(bhttp::field::host, impl_->host + ":" + std::to_string(impl_->port));
    req.set(bhttp::field::user_agent, "cdcwb-test-client");
    for (const auto& [name, value] : headers) req.insert(name, value);
    req.body() = std::string(body);
    req.prepare_payload();

    for (int attempt = 0;; ++attempt) {
        if (!impl_->stream) impl_->connect();
        const bool reused = impl_->reused;

        beast::error_code write_ec;
        impl_->stream->expires_after(impl_->timeout);
        bhttp::async_write(*impl_->stream, req,
                           [&](beast::error_code e, std::size_t) { write_ec = e; });
        impl_->run();

        // Read even when the write failed: a server may answer (413) and close before it has
        // read the whole body.
        bhttp::response_parser<bhttp::string_body> parser;
        parser.body_limit(kMaxResponseBody);
        if (method == "HEAD") parser.skip(true);
        beast::error_code read_ec;
        impl_->stream->expires_after(impl_->timeout);
        bhttp::async_read(*impl_->stream, impl_->buffer, parser,
                          [&](beast::error_code e, std::size_t) { read_ec = e; });
        impl_->run();

        if (read_ec) {
            const bool nothing_read = !parser.got_some();
            impl_->close();
            // A kept-alive connection the server closed meanwhile: try once on a new one.
            if (reused && nothing_read && attempt == 0) continue;
            throw std::runtime_error(std::string(method) + " " + std::string(target) +
                                     ": no response (" + read_ec.message() +
                                     (write_ec ? "; writing failed: " + write_ec.message() : "") +
                                     ")");
        }

        auto res = parser.release();
        HttpResponse out;
        out.status = static_cast<int>(res.result_int());
        for (const auto& field : res) {
            const std::string name = lowercase(field.name_string());
            const std::string value(field.value().data(), field.value().size());
            auto [it, inserted] = out.headers.emplace(name, value);
            if (!inserted) it->second += ", " + value;
        }
        out.body = std::move(res.body());
        if (res.keep_alive() && !write_ec)
            impl_->reused = true;
        else
            impl_->close();
        return out;
    }
}

} // namespace cdcwb::testing
