// PostgreSQL stopped and started under a running `cdcwb serve` that takes writes: while it is
// down every request that needs it answers 503 `unavailable` with a clear message (no driver
// text), /readyz says so, and once it is back the server uses it again by itself, with every
// write it acknowledged still there.
#include "api/fault_fixture.hpp"
#include "support/postgres_server.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>

namespace cdcwb::testing {
namespace {

using namespace std::chrono_literals;

/// A request, and how long its answer took (for the report, never asserted).
struct Timed {
    HttpResponse response;
    std::chrono::milliseconds took{};
};

Timed timed(HttpClient& client, std::string_view method, std::string_view target,
            const Headers& headers = {}, std::string_view body = {}) {
    const auto start = std::chrono::steady_clock::now();
    auto response = client.request(method, target, headers, body);
    return {std::move(response), std::chrono::duration_cast<std::chrono::milliseconds>(
                                     std::chrono::steady_clock::now() - start)};
}

TEST(PostgresOutage, RequestsAnswer503WhileItIsDownAndTheServerRecoversByItself) {
    if (!postgresql_under_test())
        GTEST_SKIP() << "stops a PostgreSQL server: runs with CDCWB_TEST_ENGINE=postgresql";
    FreshDatabase db;
    const std::string& url = db.url();
    seed_database(url);
    // This test stops the program's PostgreSQL server; whatever happens, it runs again after.
    PostgresServer& postgres = shared_postgres();
    struct StartAgain {
        PostgresServer& postgres;
        bool stopped = false;
        ~StartAgain() {
            std::string error;
            if (stopped && !postgres.start_again(error)) ADD_FAILURE() << error;
        }
    } start_again{postgres};
    const auto served = serve(url);
    const auto& server = served.server;
    const std::string& token = served.token;
    std::string error;
    const Headers auth{{"Authorization", "Bearer " + token}};
    const std::string services = "/api/v1/orgs/" + std::string(kOrg) + "/services";
    const std::string sign_in =
        Json{{"username", std::string(kAdmin)}, {"password", kFaultAdminPassword}}.dump();
    const Headers json{{"Content-Type", "application/json"}};

    Ledger ledger;
    HttpClient probe("127.0.0.1", server->port(), 30s);
    std::chrono::milliseconds slowest{0};
    int down_answers = 0;
    {
        WriteLoad load(server->port(), token, ledger, kLoadServices);
        load.wait_for_acknowledged(20);

        start_again.stopped = true;
        ASSERT_TRUE(postgres.stop_server());
        // While it is down: readiness, sign-in, reads and (in the load) writes all answer 503.
        for (int attempt = 0; attempt < 10; ++attempt) {
            const Timed answers[] = {timed(probe, "GET", "/readyz"),
                                     timed(probe, "GET", services, auth),
                                     timed(probe, "POST", "/api/v1/session", json, sign_in)};
            for (const auto& r : answers) {
                EXPECT_TRUE(IsUnavailable(r.response)) << "attempt " << attempt;
                slowest = std::max(slowest, r.took);
                ++down_answers;
            }
        }

        start_again.stopped = false;
        ASSERT_TRUE(postgres.start_again(error)) << error;
        // Back: the server finds it again by itself (a guard against waiting for ever, not a
        // timing: it takes well under a second).
        const auto give_up = std::chrono::steady_clock::now() + 30s;
        int ready = 0;
        while ((ready = probe.request("GET", "/readyz").status) != 200 &&
               std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(20ms);
        ASSERT_EQ(ready, 200) << "/readyz still fails after PostgreSQL came back";
        load.wait_for_acknowledged(20); // and writes go through again
        load.stop();

        const auto answers = load.answers();
        EXPECT_TRUE(answers.unexpected.empty())
            << answers.unexpected.size()
            << " unexpected answers, the first: " << answers.unexpected.front();
        EXPECT_EQ(answers.by_status.count(0), 0u) << "a writer lost its connection to cdcwb";
        EXPECT_GT(answers.by_status.count(503), 0u) << "the writers never saw the outage";
        std::cout << "writers' answers:";
        for (const auto& [status, n] : answers.by_status) std::cout << " " << status << "×" << n;
        std::cout << "\n";
    }
    EXPECT_NO_THROW(make_token(server->port())) << "sign-in after PostgreSQL came back";
    std::size_t checked = 0;
    std::size_t lost = 0;
    EXPECT_TRUE(HoldsEveryAcknowledgedWrite(server->port(), token, ledger.copy(), checked, lost));
    EXPECT_EQ(lost, 0u);
    EXPECT_TRUE(AuditChainsVerify(url));
    const auto ended = server->stop();
    EXPECT_TRUE(ended.clean()) << ended.describe();
    std::cout << "PostgreSQL outage: " << down_answers << " answers while down, the slowest "
              << slowest.count() << " ms; " << checked << " acknowledged writes checked, " << lost
              << " lost\n";
}

} // namespace
} // namespace cdcwb::testing
