// The HTTP server: Boost.Beast on a few I/O threads (one io_context each), request handlers on a
// bounded worker pool (database calls block), limits and timeouts, gzip, an access log line per
// request, and a graceful shutdown that finishes requests in flight.
#pragma once

#include "domain/result.hpp"
#include "http/client_address.hpp"
#include "http/message.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cdcwb::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    unsigned short port = 8080; ///< 0: any free port (see Server::port())
    int io_threads = 1;
    int workers = 4;
    std::size_t queue_limit = 512; ///< requests waiting for a worker; more get 503
    /// Bytes of a body any request may have; a longer one only where BodyLimit allows it, else
    /// 413 before the body is read.
    std::size_t body_limit = 64 * 1024;
    std::size_t header_limit = 16 * 1024;
    /// Open connections; more are answered 503 and closed at once. start() raises the process's
    /// soft limit on descriptors to fit them, or lowers this when the hard limit is too low (see
    /// Server::max_connections()).
    std::size_t max_connections = 4096;
    /// Open connections from one address (a reverse proxy is one address).
    std::size_t max_connections_per_address = 256;
    /// A request's headers (and a body of up to 64 KiB) must arrive within this, counted from its
    /// first byte.
    std::chrono::seconds read_timeout{5};
    /// A larger body (an upload) must arrive within this.
    std::chrono::seconds upload_timeout{60};
    std::chrono::seconds write_timeout{30};
    std::chrono::seconds idle_timeout{75};  ///< keep-alive connections idle longer are closed
    std::chrono::seconds drain_timeout{15}; ///< on shutdown, requests in flight get this long
    std::size_t gzip_min_bytes = 1024;
    /// Reverse proxies whose X-Forwarded-For is believed: Request::remote_address (which the
    /// sign-in limits, sessions and the access log use) is then the client it names (see
    /// client_address). The connection limits count the connecting peer.
    std::vector<AddressRange> trusted_proxies;
    /// PEM files: with both set the server speaks only HTTPS (TLS 1.2 and 1.3, forward-secret
    /// AEAD ciphers); with neither, plain HTTP. The key must belong to the certificate.
    std::string tls_cert;
    std::string tls_key;
    /// Sends Strict-Transport-Security (set when the server, or a proxy in front, speaks HTTPS).
    bool hsts = false;
};

/// One line of the access log.
struct AccessRecord {
    std::string time; ///< UTC, ISO 8601
    std::string request_id;
    std::string remote;
    std::string method;
    std::string path;
    int status = 0;
    std::size_t bytes = 0;
    double duration_ms = 0;
    std::string user; ///< set by the handler in the response header X-Cdcwb-User (not sent)
    /// Why the request failed, for the operator (Response::cause; a 500 always has one): the
    /// client saw only the request id.
    std::string cause;
};

using Handler = std::function<Response(Request&)>;
using AccessLog = std::function<void(const AccessRecord&)>;
/// The most bytes a request's body may have, decided from its method, path and headers before
/// any of the body is read (the route's limit, which may depend on who is calling). Asked on a
/// worker thread, only for a body announced longer than ServerOptions::body_limit or chunked.
using BodyLimit = std::function<std::size_t(const Request&)>;

class Server {
  public:
    /// Without `body_limit`, every request may have options.body_limit bytes of body.
    Server(ServerOptions options, Handler handler, AccessLog log, BodyLimit body_limit = {});
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Loads the TLS certificate and key (when set), binds and starts the I/O threads and workers.
    /// Fails when a file cannot be read, the key is not the certificate's, or the address cannot
    /// be used.
    domain::Status start();
    /// The port bound (useful with port 0).
    unsigned short port() const;
    /// The open connections allowed once started: ServerOptions::max_connections, or fewer when
    /// the process may not open enough descriptors for them.
    std::size_t max_connections() const;
    /// Begins a graceful shutdown: no new connections, idle ones closed, requests in flight
    /// answered (with Connection: close). Safe from any thread and from a signal handler's
    /// thread.
    void stop();
    /// Blocks until the server has stopped (after stop(), SIGTERM or SIGINT).
    void wait();
    /// Stops on SIGTERM or SIGINT (call after start()).
    void stop_on_signals();

  private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

} // namespace cdcwb::http
