// Graceful shutdown: on SIGTERM `cdcwb serve` stops taking connections, finishes the answers it
// is sending, and exits 0. Each test runs a second server on the suite's database and stops it.
#include "api/api_fixture.hpp"

// Asio 1.74 with g++ 12 in C++20 needs <utility> before its headers.
// clang-format off
#include <utility>
// clang-format on
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <optional>
#include <thread>

namespace cdcwb::testing {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

/// A download the client reads slowly: its receive window is tiny, so the server is still
/// sending a large answer until the client reads it. The answer is in flight from the moment
/// its header arrives until read_rest() is done.
class SlowDownload {
  public:
    SlowDownload(unsigned short port, const std::string& target, const std::string& token) {
        stream_.socket().open(tcp::v4());
        stream_.socket().set_option(net::socket_base::receive_buffer_size(4096));
        run([&](auto done) {
            stream_.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port), done);
        });
        bhttp::request<bhttp::empty_body> req{bhttp::verb::get,
                                              beast::string_view(target.data(), target.size()), 11};
        req.set(bhttp::field::host, "127.0.0.1");
        req.set(bhttp::field::authorization, "Bearer " + token);
        run([&](auto done) {
            bhttp::async_write(stream_, req,
                               [done](beast::error_code ec, std::size_t) { done(ec); });
        });
        parser_.body_limit(64 * 1024 * 1024);
        run([&](auto done) {
            bhttp::async_read_header(stream_, buffer_, parser_,
                                     [done](beast::error_code ec, std::size_t) { done(ec); });
        });
    }

    int status() const { return static_cast<int>(parser_.get().result_int()); }

    /// Reads the rest of the answer: its body.
    std::string read_rest() {
        run([&](auto done) {
            bhttp::async_read(stream_, buffer_, parser_,
                              [done](beast::error_code ec, std::size_t) { done(ec); });
        });
        return parser_.get().body();
    }

    /// Whether the server closed the connection (waiting up to `timeout` for it).
    bool closed_by_server(std::chrono::seconds timeout) {
        char byte = 0;
        beast::error_code ec;
        stream_.expires_after(timeout);
        stream_.async_read_some(net::buffer(&byte, 1),
                                [&](beast::error_code e, std::size_t) { ec = e; });
        ioc_.restart();
        ioc_.run();
        return ec == net::error::eof || ec == net::error::connection_reset;
    }

    void close() {
        beast::error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        stream_.close();
    }

  private:
    /// Runs one asynchronous step to its end; throws on error (or after 30 s).
    template <class Start> void run(Start start) {
        beast::error_code ec;
        stream_.expires_after(std::chrono::seconds(30));
        start([&ec](beast::error_code e) { ec = e; });
        ioc_.restart();
        ioc_.run();
        if (ec) throw std::runtime_error("slow download: " + ec.message());
    }

    net::io_context ioc_;
    beast::tcp_stream stream_{ioc_};
    beast::flat_buffer buffer_;
    bhttp::response_parser<bhttp::string_body> parser_;
};

class ShutdownApi : public ApiTest {
  protected:
    /// Uploads a large evidence file and starts the second server.
    void prepare() {
        // 8 MiB: more than the loopback connection buffers hold (the server's send buffer grows
        // to 4 MiB), so a download of it is still being sent until the client reads it.
        file_.reserve(8 * 1024 * 1024);
        for (int line = 0; file_.size() < 8 * 1024 * 1024; ++line)
            file_ += "evidence line " + std::to_string(line) + " of a large text file\n";
        const auto uploaded = call(
            admin(), "POST", "/api/v1/orgs/" + std::string(kOrg) + "/evidence?filename=big.txt",
            file_, {{"Content-Type", "text/plain"}});
        ASSERT_TRUE(HasStatus(uploaded, 201));
        download_ = "/api/v1/orgs/" + std::string(kOrg) + "/evidence/" +
                    json_of(uploaded)["sha256"].get<std::string>();
        token_ = with_token(admin()).token;
        std::string error;
        second_ = CdcwbServer::start(db_url(), error);
        ASSERT_TRUE(second_) << error;
    }

    std::string file_;
    std::string download_;
    std::string token_;
    std::unique_ptr<CdcwbServer> second_;
};

TEST_F(ShutdownApi, SigtermLetsAnswersInFlightFinishAndExitsZero) {
    ASSERT_NO_FATAL_FAILURE(prepare());
    std::vector<std::unique_ptr<SlowDownload>> downloads;
    for (int i = 0; i < 4; ++i) {
        downloads.push_back(std::make_unique<SlowDownload>(second_->port(), download_, token_));
        ASSERT_EQ(downloads.back()->status(), 200);
    }
    // Meanwhile other clients keep asking, until the server no longer answers them.
    std::atomic<int> answered{0};
    std::atomic<int> finished{0};
    std::mutex mutex;
    std::vector<std::string> problems;
    std::vector<std::thread> clients;
    for (int i = 0; i < 4; ++i)
        clients.emplace_back([&] {
            HttpClient client("127.0.0.1", second_->port(), std::chrono::seconds(30));
            for (;;) {
                try {
                    const auto r =
                        client.request("GET", "/api/v1/orgs/" + std::string(kOrg) + "/services",
                                       {{"Authorization", "Bearer " + token_}});
                    if (r.status != 200 || json_of(r)["services"].size() != 65u) {
                        std::lock_guard lock(mutex);
                        problems.push_back("status " + std::to_string(r.status) + ": " +
                                           r.body.substr(0, 200));
                    }
                    ++answered;
                } catch (const std::exception& e) {
                    // Refused or closed before a request was read: expected once stopping; a
                    // truncated answer is not.
                    if (std::string(e.what()).find("partial") != std::string::npos) {
                        std::lock_guard lock(mutex);
                        problems.push_back(e.what());
                    }
                    ++finished;
                    return;
                }
            }
        });
    while (answered < 20 && finished == 0) std::this_thread::yield();

    second_->terminate();

    for (auto& d : downloads) {
        const std::string body = d->read_rest();
        EXPECT_EQ(body.size(), file_.size());
        EXPECT_TRUE(body == file_) << "the download in flight arrived damaged";
        d->close();
    }
    for (auto& t : clients) t.join();
    const auto ended = second_->wait();
    EXPECT_TRUE(ended.clean()) << "cdcwb serve " << ended.describe() << "; its output ends:\n"
                               << second_->output().substr(second_->output().size() > 2000
                                                               ? second_->output().size() - 2000
                                                               : 0);
    EXPECT_TRUE(problems.empty()) << problems.front();
    EXPECT_GE(answered, 20);
    HttpClient late("127.0.0.1", second_->port(), std::chrono::seconds(5));
    EXPECT_THROW(late.request("GET", "/healthz"), std::runtime_error) << "nothing listens now";
}

TEST_F(ShutdownApi, AfterSigtermAKeptAliveConnectionIsClosedOnceItsAnswerIsSent) {
    ASSERT_NO_FATAL_FAILURE(prepare());
    SlowDownload download(second_->port(), download_, token_);
    ASSERT_EQ(download.status(), 200);

    second_->terminate();

    EXPECT_EQ(download.read_rest().size(), file_.size());
    EXPECT_TRUE(download.closed_by_server(std::chrono::seconds(10)))
        << "the client keeps the connection; the server must close it";
    const auto ended = second_->wait();
    EXPECT_TRUE(ended.clean()) << "cdcwb serve " << ended.describe();
}

} // namespace
} // namespace cdcwb::testing
