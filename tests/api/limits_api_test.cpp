// What one client can make the server hold or do: bodies refused from their length before they are
// read (each route has its own limit, small until the caller signs in), JSON refused before it is
// built when an object has too many members, requests that trickle in cut off, connections per
// address bounded, and no busy loop when the process runs out of descriptors. Meanwhile everyone
// else is answered.
#include "api/api_fixture.hpp"
#include "support/raw_connection.hpp"

#include <chrono>
#include <fstream>
#include <future>
#include <regex>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

namespace cdcwb::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

/// `{"k0":0,"k1":0,…}` with `keys` members.
std::string object_of(std::size_t keys) {
    std::string body = "{";
    for (std::size_t i = 0; i < keys; ++i)
        body += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    return body + "}";
}

/// GET /healthz on a new connection, tried every 100 ms for up to 3 s: its status, 0 if none.
int healthz_within_3s(unsigned short port) {
    int status = 0;
    for (int attempt = 0; attempt < 30 && status != 200; ++attempt) {
        std::this_thread::sleep_for(milliseconds(100));
        try {
            status = HttpClient("127.0.0.1", port).request("GET", "/healthz").status;
        } catch (const std::exception&) {
        }
    }
    return status;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

class LimitsApi : public ApiTest {
  protected:
    /// A second server on the suite's database with `args` (options under test).
    std::unique_ptr<CdcwbServer> second_server(const std::vector<std::string>& args) {
        std::string error;
        auto started = CdcwbServer::start(db_url(), error, args);
        if (!started) ADD_FAILURE() << "the second server did not start: " << error;
        return started;
    }
};

TEST_F(LimitsApi, A200000KeySignInBodyIsRefusedAtOnceWhileHealthzAnswers) {
    const std::string body = object_of(200000); // 2.6 MB
    const auto start = Clock::now();
    auto refused = std::async(std::launch::async, [&] {
        HttpClient attacker("127.0.0.1", server().port());
        return attacker.request("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                                body);
    });
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(HasStatus(get({}, "/healthz"), 200));
    const auto r = refused.get();

    EXPECT_TRUE(IsError(r, 413, "payload_too_large"));
    // A generous bound: parsing this body used to take about 48 s.
    EXPECT_LT(seconds_since(start), 10.0);
    EXPECT_TRUE(HasStatus(get({}, "/healthz"), 200));
}

TEST_F(LimitsApi, AJsonObjectWithTooManyMembersIsRefusedBeforeItIsBuilt) {
    // Within the bulk edit's 2 MiB, so only the member limit stops it.
    const std::string body = "{\"services\": [" + object_of(100000) + "]}";
    ASSERT_LT(body.size(), 2u * 1024 * 1024);
    const Caller& assessor = member("assessor");
    const auto before = fingerprint();
    const auto start = Clock::now();

    const auto r = call(assessor, "PATCH", "/api/v1/orgs/" + std::string(kOrg) + "/services", body);

    EXPECT_TRUE(IsError(r, 400, "invalid_input", "body"));
    EXPECT_NE(json_of(r)["error"]["message"].get<std::string>().find("256 members"),
              std::string::npos);
    EXPECT_LT(seconds_since(start), 10.0) << "parsing 100,000 members used to take about 11 s";
    expect_unchanged(before, "a body of 100,000 members");
}

TEST_F(LimitsApi, ABodyOverItsRoutesLimitIsRefusedFromItsLengthBeforeItIsSent) {
    RawConnection raw(server().port());
    ASSERT_TRUE(raw.send("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n"));
    bool closed = false;
    const std::string answer = raw.read(seconds(10), closed);

    EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
    EXPECT_NE(answer.find("\"payload_too_large\""), std::string::npos) << answer;
    EXPECT_NE(answer.find("65536 bytes"), std::string::npos) << "names the route's limit";
    EXPECT_TRUE(closed) << "the unread body ends the connection";
}

TEST_F(LimitsApi, OnlyASignedInCallerMaySendALargeBody) {
    std::string file;
    for (int line = 0; file.size() < 200 * 1024; ++line)
        file += "evidence line " + std::to_string(line) + "\n";
    const std::string upload = "/api/v1/orgs/" + std::string(kOrg) + "/evidence?filename=a.txt";
    const Headers text{{"Content-Type", "text/plain"}};

    EXPECT_TRUE(IsError(call({}, "POST", upload, file, text), 413, "payload_too_large"));
    const Caller forged{"root", "not-a-session", "x", ""};
    EXPECT_TRUE(IsError(call(forged, "POST", upload, file, text), 413, "payload_too_large"));
    EXPECT_TRUE(HasStatus(call(admin(), "POST", upload, file, text), 201));
}

TEST_F(LimitsApi, ARequestTricklingInIsCutOffAfterTheReadTimeout) {
    auto second = second_server({"--read-timeout", "1"});
    ASSERT_TRUE(second);
    const auto trickle = [&](RawConnection& raw) {
        const auto start = Clock::now();
        bool closed = false;
        for (int i = 0; i < 40 && !closed; ++i) {
            if (!raw.send("X-Slow: a\r\n")) break;
            raw.read(milliseconds(250), closed);
        }
        return seconds_since(start);
    };

    RawConnection fresh(second->port());
    ASSERT_TRUE(fresh.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    EXPECT_LT(trickle(fresh), 4.0) << "a first request's headers get --read-timeout";

    RawConnection kept(second->port());
    ASSERT_TRUE(kept.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    bool closed = false;
    const std::string first = kept.read(milliseconds(500), closed);
    ASSERT_EQ(first.rfind("HTTP/1.1 200", 0), 0u) << first;
    ASSERT_TRUE(kept.send("GET /healthz HTTP/1.1\r\n"));
    EXPECT_LT(trickle(kept), 4.0) << "so do a kept-alive connection's next request's headers";
}

TEST_F(LimitsApi, ConnectionsFromOneAddressAreLimited) {
    auto second = second_server({"--max-connections-per-address", "3"});
    ASSERT_TRUE(second);
    std::vector<std::unique_ptr<RawConnection>> open;
    for (int i = 0; i < 3; ++i) open.push_back(std::make_unique<RawConnection>(second->port()));

    RawConnection fourth(second->port());
    bool closed = false;
    const std::string answer = fourth.read(seconds(5), closed);

    EXPECT_EQ(answer.rfind("HTTP/1.1 503", 0), 0u) << answer;
    EXPECT_NE(answer.find("\"unavailable\""), std::string::npos) << answer;
    // Even this refusal, made before any request is read, names itself.
    std::smatch id;
    ASSERT_TRUE(std::regex_search(answer, id, std::regex("X-Request-Id: ([0-9a-f]{16})\r\n")))
        << answer;
    EXPECT_NE(answer.find("\"request_id\":\"" + id[1].str() + "\""), std::string::npos) << answer;
    EXPECT_TRUE(closed);
    open.pop_back();
    EXPECT_EQ(healthz_within_3s(second->port()), 200) << "a closed connection frees its place";
}

/// User and system CPU time the process has used.
double cpu_seconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    std::istringstream fields(text.substr(text.rfind(')') + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; fields >> field && i <= 15; ++i)
        if (i == 14 || i == 15) ticks += std::stod(field);
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

TEST_F(LimitsApi, OutOfDescriptorsTheServerWaitsInsteadOfSpinning) {
    auto second = second_server({});
    ASSERT_TRUE(second);
    // Room for a few connections more than it has open now, then none.
    rlimit before{};
    ASSERT_EQ(::prlimit(second->pid(), RLIMIT_NOFILE, nullptr, &before), 0);
    const rlimit limit{open_descriptors(second->pid()) + 4, before.rlim_max};
    ASSERT_EQ(::prlimit(second->pid(), RLIMIT_NOFILE, &limit, nullptr), 0);
    std::vector<std::unique_ptr<RawConnection>> waiting;
    for (int i = 0; i < 30; ++i) waiting.push_back(std::make_unique<RawConnection>(second->port()));
    std::this_thread::sleep_for(milliseconds(300));

    const double cpu_before = cpu_seconds(second->pid());
    std::this_thread::sleep_for(seconds(2));
    const double used = cpu_seconds(second->pid()) - cpu_before;

    EXPECT_LT(used, 0.5) << "CPU seconds in 2 s with connections waiting it cannot accept";
    waiting.clear();
    ASSERT_EQ(::prlimit(second->pid(), RLIMIT_NOFILE, &before, nullptr), 0);
    EXPECT_EQ(healthz_within_3s(second->port()), 200)
        << "it accepts again once descriptors are free";
}

} // namespace
} // namespace cdcwb::testing
