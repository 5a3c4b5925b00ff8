#include "http/server.hpp"

#include "domain/date.hpp"
#include "http/compression.hpp"
#include "http/json_io.hpp"
#include "http/request_head.hpp"
#include "store/secrets.hpp"

// Asio 1.74 with g++ 12 in C++20 needs <utility> before its headers ("'exchange' is not a member
// of 'std'").
#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <fstream>
#include <limits>
#include <mutex>
#include <optional>
#include <random>
#include <sys/resource.h>
#include <thread>
#include <unordered_map>
#include <utility>

namespace cdcwb::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

/// A fixed set of threads taking jobs from a bounded queue: the database calls handlers make
/// block, so they must not run on the I/O threads.
class WorkerPool {
  public:
    WorkerPool(int threads, std::size_t limit) : limit_(limit) {
        for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { loop(); });
    }
    ~WorkerPool() { shutdown(); }

    /// False when the queue is full (the caller answers 503).
    bool submit(std::function<void()> job) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_ || queue_.size() >= limit_) return false;
            queue_.push_back(std::move(job));
        }
        ready_.notify_one();
        return true;
    }

    /// Finishes queued jobs, then joins.
    void shutdown() {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
            stopping_ = true;
        }
        ready_.notify_all();
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }

  private:
    void loop() {
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
                if (queue_.empty()) return;
                job = std::move(queue_.front());
                queue_.pop_front();
            }
            job();
        }
    }

    std::size_t limit_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> queue_;
    std::vector<std::thread> threads_;
    bool stopping_ = false;
};

std::string http_date() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buffer;
}

std::string new_request_id() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(random()));
    return buffer;
}

/// The bytes sent for an answer, gzipped when the client accepts it and it is worth it: a body
/// shared between answers (a cached one) is compressed once, by the first answer that wants it.
struct Payload {
    std::shared_ptr<const std::string> bytes;
    bool gzipped = false;
    bool varies = false; ///< the bytes depend on Accept-Encoding
};

Payload payload_of(Response& response, std::string_view accept_encoding, std::size_t min_bytes) {
    Payload out;
    const auto& type = response.content_type;
    const bool compressed =
        std::any_of(response.headers.begin(), response.headers.end(),
                    [](const auto& h) { return h.first == "Content-Encoding"; });
    const bool compressible =
        !compressed && (type.rfind("application/json", 0) == 0 || type.rfind("text/", 0) == 0 ||
                        type.rfind("application/javascript", 0) == 0);
    out.varies = compressible || compressed;
    out.bytes = response.shared_body
                    ? response.shared_body
                    : std::make_shared<const std::string>(std::move(response.body));
    if (!compressible || out.bytes->size() < min_bytes || !accepts_gzip(accept_encoding))
        return out;
    if (response.gzip_once) {
        if (const std::string* packed = response.gzip_once->of(*out.bytes)) {
            // Shares the cached entry's ownership: kept while any answer is being written.
            out.bytes = std::shared_ptr<const std::string>(response.gzip_once, packed);
            out.gzipped = true;
        }
    } else if (auto packed = gzip(*out.bytes)) {
        out.bytes = std::make_shared<const std::string>(std::move(*packed));
        out.gzipped = true;
    }
    return out;
}

bool out_of_resources(const beast::error_code& ec) {
    return ec == net::error::no_descriptors || ec == net::error::no_buffer_space ||
           ec == net::error::no_memory || ec.value() == ENFILE;
}

/// Adds the request id to an error answer's JSON ({"error": {...}}) without parsing it: the body
/// starts with the error object, and the id is hex.
void stamp_request_id(Response& response, const std::string& request_id) {
    static constexpr std::string_view kStart = "{\"error\":{";
    if (response.status < 400 || response.shared_body ||
        response.content_type.rfind("application/json", 0) != 0 ||
        response.body.rfind(kStart, 0) != 0)
        return;
    response.body.insert(kStart.size(), "\"request_id\":\"" + request_id + "\",");
}

/// Whether a file can be opened for reading.
bool readable(const std::string& path) {
    std::ifstream in(path);
    return in.good();
}

/// The TLS settings: TLS 1.2 and 1.3 only, forward-secret AEAD ciphers, the server's order.
domain::Result<std::shared_ptr<ssl::context>> tls_context(const ServerOptions& o) {
    if (!readable(o.tls_cert))
        return domain::invalid("cannot read the certificate file '" + o.tls_cert + "'",
                               "--tls-cert");
    if (!readable(o.tls_key))
        return domain::invalid("cannot read the key file '" + o.tls_key + "'", "--tls-key");
    auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
    ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                     ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                     ssl::context::single_dh_use | SSL_OP_NO_COMPRESSION |
                     SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
    SSL_CTX_set_min_proto_version(ctx->native_handle(), TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(ctx->native_handle(),
                            "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                            "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                            "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305");
    beast::error_code ec;
    ctx->use_certificate_chain_file(o.tls_cert, ec);
    if (ec)
        return domain::invalid(
            "'" + o.tls_cert + "' is not a PEM certificate (" + ec.message() + ")", "--tls-cert");
    ctx->use_private_key_file(o.tls_key, ssl::context::pem, ec);
    // OpenSSL checks the key against the certificate as it loads it.
    if (ec && ec.message().find("mismatch") == std::string::npos)
        return domain::invalid(
            "'" + o.tls_key + "' is not a PEM private key (" + ec.message() + ")", "--tls-key");
    if (ec || SSL_CTX_check_private_key(ctx->native_handle()) != 1)
        return domain::invalid("the key in '" + o.tls_key +
                                   "' does not belong to the certificate "
                                   "in '" +
                                   o.tls_cert + "'",
                               "--tls-key");
    return ctx;
}

/// Descriptors the process needs besides its connections: the database's (a few per pooled
/// connection), each I/O thread's, the listener, the standard streams and some to spare.
std::size_t reserved_descriptors(const ServerOptions& o) {
    return 64 + 4 * static_cast<std::size_t>(std::max(1, o.workers)) +
           4 * static_cast<std::size_t>(std::max(1, o.io_threads));
}

/// How many connections the process may hold open: raises its soft limit on descriptors
/// (RLIMIT_NOFILE, 1024 under systemd by default) towards the hard one until `wanted` fit beside
/// the reserve, and answers fewer than `wanted` only when the hard limit is lower. Past its
/// descriptors the server could not accept at all, so a crowd of idle connections would hold up
/// every new client until the read timeout cut some off; under the connection limit the excess
/// is answered 503 at once instead.
std::size_t connections_that_fit(std::size_t wanted, std::size_t reserve) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return wanted;
    const rlim_t needed = static_cast<rlim_t>(wanted + reserve);
    if (limit.rlim_cur < needed) {
        rlimit raised = limit;
        raised.rlim_cur =
            limit.rlim_max == RLIM_INFINITY ? needed : std::min(needed, limit.rlim_max);
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
    }
    const auto usable = static_cast<std::size_t>(limit.rlim_cur);
    return usable >= wanted + reserve
               ? wanted
               : std::max<std::size_t>(1, usable > reserve ? usable - reserve : 1);
}

/// The transport under a session: a TCP stream, or TLS over one (after a handshake).
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

} // namespace

// ---------------------------------------------------------------------------------------------

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
    /// What shutdown needs of an open connection, whatever its transport.
    struct Connection {
        virtual ~Connection() = default;
        virtual void close_if_idle() = 0;
    };
    template <class Stream> class Session;

    ServerOptions options;
    Handler handler;
    AccessLog log;
    BodyLimit body_limit;
    std::vector<std::unique_ptr<net::io_context>> contexts;
    std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
    std::vector<std::thread> io_threads;
    std::unique_ptr<tcp::acceptor> acceptor;
    std::unique_ptr<net::steady_timer> accept_retry;
    std::chrono::milliseconds accept_delay{0};
    std::unique_ptr<net::signal_set> signals;
    std::unique_ptr<WorkerPool> workers;
    std::shared_ptr<ssl::context> tls; ///< set when serving HTTPS
    std::atomic<std::size_t> next_context{0};
    std::atomic<bool> started{false};
    std::atomic<bool> draining{false};
    std::atomic<bool> stopped{false};
    unsigned short bound_port = 0;

    struct Open {
        std::weak_ptr<Connection> session;
        std::string address;
    };
    std::mutex sessions_mutex;
    std::condition_variable sessions_changed;
    std::unordered_map<std::uint64_t, Open> sessions;
    std::unordered_map<std::string, std::size_t> per_address;
    std::uint64_t next_session = 0;

    std::mutex done_mutex;
    std::condition_variable done_changed;
    bool done = false;

    void accept();
    void accepted(tcp::socket socket);
    void begin_drain();
    void finish();
    void forget(std::uint64_t id) {
        std::lock_guard lock(sessions_mutex);
        auto it = sessions.find(id);
        if (it == sessions.end()) return;
        if (auto count = per_address.find(it->second.address);
            count != per_address.end() && --count->second == 0)
            per_address.erase(count);
        sessions.erase(it);
        sessions_changed.notify_all();
    }
};

/// One connection: requests read, handed to the workers, answered, kept alive. Templated on the
/// transport so that plain HTTP pays nothing for TLS.
template <class Stream>
class Server::Impl::Session : public Server::Impl::Connection,
                              public std::enable_shared_from_this<Session<Stream>> {
  public:
    Session(std::shared_ptr<Impl> server, tcp::socket socket, std::uint64_t id,
            std::string remote) requires std::is_same_v<Stream, PlainStream>
        : server_(std::move(server)),
          stream_(std::move(socket)),
          id_(id),
          remote_(std::move(remote)) {}
    Session(std::shared_ptr<Impl> server, tcp::socket socket, std::uint64_t id,
            std::string remote) requires std::is_same_v<Stream, TlsStream>
        : server_(std::move(server)),
          stream_(std::move(socket), *server_->tls),
          id_(id),
          remote_(std::move(remote)) {}
    ~Session() override { server_->forget(id_); }

    void start() {
        if constexpr (std::is_same_v<Stream, TlsStream>) {
            // The handshake must finish within the read timeout, like a request's headers.
            first_ = false;
            lowest().expires_after(server_->options.read_timeout);
            stream_.async_handshake(ssl::stream_base::server,
                                    [self = this->shared_from_this()](beast::error_code ec) {
                                        if (ec) return self->close();
                                        self->first_ = true;
                                        self->read();
                                    });
        } else {
            read();
        }
    }

    /// Called on shutdown: an idle connection (waiting for a request) is closed now; a busy one
    /// closes after its response.
    void close_if_idle() override {
        net::post(stream_.get_executor(), [self = this->shared_from_this()] {
            if (!self->busy_) {
                beast::error_code ec;
                self->lowest().socket().shutdown(tcp::socket::shutdown_both, ec);
                self->lowest().close();
            }
        });
    }

  private:
    /// Waits for the next request: on a kept-alive connection up to the idle timeout for its
    /// first byte; then its headers must follow within the read timeout.
    void read() {
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(server_->options.header_limit));
        // No limit while the headers are read: the route's is set, and checked, once they are in.
        parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
        if (first_ || buffer_.size() > 0) {
            first_ = false;
            return read_header();
        }
        lowest().expires_after(server_->options.idle_timeout);
        stream_.async_read_some(buffer_.prepare(512), [self = this->shared_from_this()](
                                                          beast::error_code ec, std::size_t n) {
            if (ec) return self->close();
            self->buffer_.commit(n);
            self->read_header();
        });
    }

    void read_header() {
        lowest().expires_after(server_->options.read_timeout);
        bhttp::async_read_header(stream_, buffer_, *parser_,
                                 [self = this->shared_from_this()](
                                     beast::error_code ec, std::size_t) { self->on_header(ec); });
    }

    static bool ended(const beast::error_code& ec) {
        return ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
               ec == net::error::operation_aborted || ec == net::error::connection_reset ||
               ec == net::error::eof || ec == ssl::error::stream_truncated;
    }

    /// The headers are in: the route's body limit is known before any of the body is read.
    void on_header(beast::error_code ec) {
        if (ended(ec)) return close();
        started_ = Clock::now();
        request_ = Request{};
        request_.remote_address = remote_;
        request_.request_id = new_request_id();
        if (ec) return reply(error_response(parse_failure(ec)), false);

        auto& message = parser_->get();
        read_head(message, request_, server_->options.trusted_proxies);
        keep_alive_ = message.keep_alive() && !server_->draining;
        version_ = message.version();

        if (parser_->is_done()) return dispatch();
        const auto length = parser_->content_length();
        const std::size_t small = server_->options.body_limit;
        if (!server_->body_limit || (length && *length <= small)) return read_body(small);
        // A larger body: whether its route takes it may depend on who is calling, which the
        // database says; ask on a worker, then read it (or refuse it unread) here.
        busy_ = true;
        const bool queued = server_->workers->submit([self = this->shared_from_this()] {
            std::size_t limit = self->server_->options.body_limit;
            try {
                limit = self->server_->body_limit(self->request_);
            } catch (const std::exception&) {
            }
            net::post(self->stream_.get_executor(), [self, limit] { self->read_body(limit); });
        });
        if (!queued) reply(busy_answer(), false);
    }

    /// Reads a body of at most `limit` bytes; one announced longer is refused unread.
    void read_body(std::size_t limit) {
        limit_ = limit;
        if (const auto length = parser_->content_length(); length && *length > limit_)
            return too_large();
        parser_->body_limit(limit_);
        lowest().expires_after(limit_ > server_->options.body_limit
                                   ? server_->options.upload_timeout
                                   : server_->options.read_timeout);
        bhttp::async_read(stream_, buffer_, *parser_,
                          [self = this->shared_from_this()](beast::error_code e, std::size_t) {
                              self->on_body(e);
                          });
    }

    void on_body(beast::error_code ec) {
        if (ended(ec)) return close();
        if (ec == bhttp::error::body_limit) return too_large();
        if (ec) return reply(error_response(parse_failure(ec)), false);
        request_.body = std::move(parser_->get().body());
        dispatch();
    }

    /// 413, and the connection closes: the body is never read.
    void too_large() { reply(error_response(body_too_large(request_, limit_)), false); }

    void dispatch() {
        busy_ = true;
        const bool queued = server_->workers->submit([self = this->shared_from_this()] {
            Response response;
            try {
                response = self->server_->handler(self->request_);
            } catch (const std::exception& e) {
                response = error_response(domain::internal(std::string("uncaught: ") + e.what()));
            } catch (...) {
                response = error_response(domain::internal("uncaught: not a std::exception"));
            }
            // A JSON body may hold a password: its bytes are wiped once handled (ASVS 8.3.6).
            if (self->request_.header("content-type").starts_with("application/json"))
                store::secrets::wipe(self->request_.body);
            stamp_request_id(response, self->request_.request_id);
            // Compressed here, off the I/O threads.
            Payload payload = payload_of(response, self->request_.header("accept-encoding"),
                                         self->server_->options.gzip_min_bytes);
            net::post(self->stream_.get_executor(), [self, response = std::move(response),
                                                     payload = std::move(payload)]() mutable {
                self->send(std::move(response), std::move(payload), self->keep_alive_);
            });
        });
        if (!queued) reply(busy_answer(), keep_alive_);
    }

    static Response busy_answer() {
        auto busy = error_response(domain::unavailable("the server is busy; retry shortly"));
        busy.set_header("Retry-After", "1");
        return busy;
    }

    /// An answer made on the I/O thread (an error: small, never compressed).
    void reply(Response response, bool keep_alive) {
        stamp_request_id(response, request_.request_id);
        Payload payload = payload_of(response, {}, server_->options.gzip_min_bytes);
        send(std::move(response), std::move(payload), keep_alive);
    }

    void send(Response response, Payload data, bool keep_alive) {
        busy_ = true;
        keep_alive = keep_alive && !server_->draining;
        auto res = std::make_shared<bhttp::response<bhttp::span_body<char const>>>();
        res->version(version_ ? version_ : 11);
        res->result(static_cast<unsigned>(response.status));
        res->set(bhttp::field::date, http_date());
        if (!response.content_type.empty())
            res->set(bhttp::field::content_type, response.content_type);
        res->set("X-Request-Id", request_.request_id);
        // Security headers on every response. The UI needs no inline script or style (the e2e
        // fails on any CSP violation), and nothing may frame it.
        res->set("X-Content-Type-Options", "nosniff");
        res->set("Referrer-Policy", "no-referrer");
        res->set("X-Frame-Options", "DENY");
        res->set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                 "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                 "base-uri 'none'; form-action 'self'");
        if (server_->options.hsts || server_->tls)
            res->set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        // A JSON answer opened straight in a browser is a file to save, never a page (ASVS
        // 14.4.2); an answer naming its own file (an export, evidence) overrides this below.
        if (response.content_type.starts_with("application/json"))
            res->set(bhttp::field::content_disposition, "attachment; filename=\"api.json\"");
        std::string user;
        bool caching = false;
        for (auto& [name, value] : response.headers) {
            if (name == "X-Cdcwb-User") {
                user = value; // for the access log only
                continue;
            }
            caching = caching || name == "Cache-Control";
            res->set(name, value);
        }
        // An answer that does not say it may be kept (the API's shared reads, the UI's files)
        // is not: errors, refusals and everything a caller signed in for.
        if (!caching) res->set(bhttp::field::cache_control, "no-store");
        if (data.gzipped) res->set(bhttp::field::content_encoding, "gzip");
        if (data.varies) res->set(bhttp::field::vary, "Accept-Encoding");
        res->body() =
            bhttp::span_body<char const>::value_type(data.bytes->data(), data.bytes->size());
        res->keep_alive(keep_alive);
        res->prepare_payload();

        AccessRecord record;
        record.time = domain::to_iso_utc(std::chrono::system_clock::now());
        record.request_id = request_.request_id;
        record.remote = request_.remote_address;
        record.method = request_.method;
        record.path = request_.path;
        record.status = response.status;
        record.bytes = res->body().size();
        record.duration_ms =
            std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
        record.user = user;
        record.cause = std::move(response.cause);
        if (response.status == 500 && record.cause.empty()) record.cause = "(no cause recorded)";

        lowest().expires_after(server_->options.write_timeout);
        bhttp::async_write(stream_, *res,
                           [self = this->shared_from_this(), res, bytes = data.bytes, keep_alive,
                            record = std::move(record)](beast::error_code ec, std::size_t) {
                               if (self->server_->log) self->server_->log(record);
                               self->busy_ = false;
                               if (ec || !keep_alive || self->server_->draining)
                                   return self->close();
                               self->read();
                           });
    }

    void close() {
        beast::error_code ec;
        lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
        lowest().close();
    }

    beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

    std::shared_ptr<Impl> server_;
    Stream stream_;
    std::uint64_t id_;
    std::string remote_;
    beast::flat_buffer buffer_;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
    Request request_;
    std::size_t limit_ = 0;
    unsigned version_ = 11;
    bool keep_alive_ = true;
    bool first_ = true;
    bool busy_ = false;
    Clock::time_point started_ = Clock::now();
};

void Server::Impl::accept() {
    auto& target = *contexts[next_context++ % contexts.size()];
    acceptor->async_accept(target, [self = shared_from_this()](beast::error_code ec,
                                                               tcp::socket socket) {
        if (self->draining || !self->acceptor->is_open()) return;
        if (out_of_resources(ec)) {
            // Out of descriptors or memory: retrying at once would spin. Wait, longer each
            // time it persists (up to a second); open connections keep being served.
            self->accept_delay = std::clamp(self->accept_delay * 2, std::chrono::milliseconds(10),
                                            std::chrono::milliseconds(1000));
            self->accept_retry->expires_after(self->accept_delay);
            self->accept_retry->async_wait([self](beast::error_code waited) {
                if (!waited) self->accept();
            });
            return;
        }
        self->accept_delay = std::chrono::milliseconds(0);
        if (!ec) self->accepted(std::move(socket));
        self->accept();
    });
}

void Server::Impl::accepted(tcp::socket socket) {
    beast::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    std::string address = ec ? std::string("?") : endpoint.address().to_string();
    std::shared_ptr<Connection> session;
    std::function<void()> start;
    {
        std::lock_guard lock(sessions_mutex);
        auto& from_here = per_address[address];
        if (sessions.size() < options.max_connections &&
            from_here < options.max_connections_per_address) {
            ++from_here;
            const auto id = next_session++;
            if (tls) {
                auto s = std::make_shared<Session<TlsStream>>(shared_from_this(), std::move(socket),
                                                              id, address);
                start = [s] { s->start(); };
                session = std::move(s);
            } else {
                auto s = std::make_shared<Session<PlainStream>>(shared_from_this(),
                                                                std::move(socket), id, address);
                start = [s] { s->start(); };
                session = std::move(s);
            }
            sessions[id] = {session, std::move(address)};
        } else if (from_here == 0) {
            per_address.erase(address);
        }
    }
    if (session) return start();
    // Over a limit: a short answer if the socket takes it at once (over TLS, which would need a
    // handshake first, none), and the connection closes.
    if (!tls) {
        Response busy = error_response(domain::unavailable("too many open connections; retry "
                                                           "shortly"));
        const std::string id = new_request_id();
        stamp_request_id(busy, id);
        const std::string answer =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            "Retry-After: 1\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
            "X-Request-Id: " +
            id + "\r\nConnection: close\r\nContent-Length: " + std::to_string(busy.body.size()) +
            "\r\n\r\n" + busy.body;
        socket.non_blocking(true, ec);
        socket.write_some(net::buffer(answer.data(), answer.size()), ec);
    }
    socket.shutdown(tcp::socket::shutdown_both, ec);
    socket.close(ec);
}

void Server::Impl::begin_drain() {
    if (!started || draining.exchange(true)) return;
    net::post(acceptor->get_executor(), [self = shared_from_this()] {
        beast::error_code ec;
        self->acceptor->close(ec);
        self->accept_retry->cancel();
        if (self->signals) self->signals->cancel(ec);
    });
    std::vector<std::shared_ptr<Connection>> open;
    {
        std::lock_guard lock(sessions_mutex);
        for (auto& [id, entry] : sessions)
            if (auto s = entry.session.lock()) open.push_back(std::move(s));
    }
    for (auto& s : open) s->close_if_idle();
    open.clear();
    // Wait (off the I/O threads) for requests in flight, then stop everything.
    std::thread([self = shared_from_this()] {
        {
            std::unique_lock lock(self->sessions_mutex);
            self->sessions_changed.wait_for(lock, self->options.drain_timeout,
                                            [&] { return self->sessions.empty(); });
        }
        self->finish();
    }).detach();
}

void Server::Impl::finish() {
    if (stopped.exchange(true)) return;
    workers->shutdown();
    guards.clear();
    for (auto& c : contexts) c->stop();
    {
        std::lock_guard lock(done_mutex);
        done = true;
    }
    done_changed.notify_all();
}

Server::Server(ServerOptions options, Handler handler, AccessLog log, BodyLimit body_limit)
    : impl_(std::make_shared<Impl>()) {
    impl_->options = std::move(options);
    impl_->handler = std::move(handler);
    impl_->log = std::move(log);
    impl_->body_limit = std::move(body_limit);
}

Server::~Server() {
    if (impl_->started && !impl_->stopped) {
        impl_->begin_drain();
        wait();
    }
    for (auto& t : impl_->io_threads)
        if (t.joinable()) t.join();
    // Handlers still queued hold sessions (and with them this Impl): destroying the contexts
    // destroys them, after the objects that need a live context.
    impl_->signals.reset();
    impl_->accept_retry.reset();
    impl_->acceptor.reset();
    impl_->guards.clear();
    impl_->contexts.clear();
}

domain::Status Server::start() {
    auto& o = impl_->options;
    if (!o.tls_cert.empty() || !o.tls_key.empty()) {
        auto tls = tls_context(o);
        if (!tls) return tls.error();
        impl_->tls = std::move(*tls);
    }
    const int io = std::max(1, o.io_threads);
    for (int i = 0; i < io; ++i) {
        impl_->contexts.push_back(std::make_unique<net::io_context>(1));
        impl_->guards.push_back(net::make_work_guard(*impl_->contexts.back()));
    }
    beast::error_code ec;
    const auto address = net::ip::make_address(o.host, ec);
    if (ec)
        return domain::invalid("'" + o.host + "' is not an IP address; use e.g. 127.0.0.1",
                               "listen");
    impl_->acceptor = std::make_unique<tcp::acceptor>(*impl_->contexts.front());
    impl_->accept_retry = std::make_unique<net::steady_timer>(*impl_->contexts.front());
    const tcp::endpoint endpoint(address, o.port);
    impl_->acceptor->open(endpoint.protocol(), ec);
    if (!ec) impl_->acceptor->set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) impl_->acceptor->bind(endpoint, ec);
    if (!ec) impl_->acceptor->listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return domain::invalid("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " +
                                   ec.message(),
                               "listen");
    impl_->bound_port = impl_->acceptor->local_endpoint().port();
    o.max_connections = connections_that_fit(o.max_connections, reserved_descriptors(o));
    impl_->workers = std::make_unique<WorkerPool>(std::max(1, o.workers), o.queue_limit);
    impl_->started = true;
    impl_->accept();
    for (auto& c : impl_->contexts) impl_->io_threads.emplace_back([ctx = c.get()] { ctx->run(); });
    return {};
}

unsigned short Server::port() const {
    return impl_->bound_port;
}

std::size_t Server::max_connections() const {
    return impl_->options.max_connections;
}

void Server::stop() {
    impl_->begin_drain();
}

void Server::stop_on_signals() {
    impl_->signals = std::make_unique<net::signal_set>(*impl_->contexts.front(), SIGTERM, SIGINT);
    impl_->signals->async_wait([weak = std::weak_ptr<Impl>(impl_)](beast::error_code ec, int) {
        if (ec) return;
        if (auto self = weak.lock()) self->begin_drain();
    });
}

void Server::wait() {
    std::unique_lock lock(impl_->done_mutex);
    impl_->done_changed.wait(lock, [&] { return impl_->done; });
}

} // namespace cdcwb::http
