// kill -9 of `cdcwb serve` under write load through the API, 20 times on SQLite and 5 on
// PostgreSQL, each at a random moment: the server starts again on the same database every time,
// a SQLite file passes its integrity checks after each kill, and at the end every write any of
// the servers acknowledged is there, nothing is half-written and the audit chains verify.
#include "api/fault_fixture.hpp"

#include <chrono>
#include <csignal>
#include <iostream>
#include <random>

namespace cdcwb::testing {
namespace {

using namespace std::chrono_literals;

TEST(Crash, KillNineUnderWriteLoadLosesNoAcknowledgedWrite) {
    const int kills = postgresql_under_test() ? 5 : 20;
    FreshDatabase db;
    seed_database(db.url());
    Ledger ledger;
    std::string token;
    std::mt19937 random(20261202);
    std::uniform_int_distribution<int> delay_ms(0, 120);
    for (int cycle = 0; cycle < kills; ++cycle) {
        std::string error;
        auto server = CdcwbServer::start(db.url(), error);
        ASSERT_TRUE(server) << "after kill " << cycle << " the server does not start: " << error;
        if (token.empty()) token = make_token(server->port());
        {
            WriteLoad load(server->port(), token, ledger, kLoadServices);
            load.wait_for_acknowledged(3); // the writers are in full swing
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
            ::kill(server->pid(), SIGKILL);
            const auto ended = server->wait();
            EXPECT_EQ(ended.signal, SIGKILL) << ended.describe();
            load.stop();
            const auto answers = load.answers();
            EXPECT_TRUE(answers.unexpected.empty()) << answers.unexpected.front();
        }
        if (!db.sqlite_path().empty()) {
            ASSERT_TRUE(SqliteFileIsIntact(db.sqlite_path())) << "after kill " << cycle + 1;
        }
    }
    const auto served = serve(db.url(), token);
    const auto& server = served.server;
    std::size_t checked = 0;
    std::size_t lost = 0;
    EXPECT_TRUE(HoldsEveryAcknowledgedWrite(server->port(), token, ledger.copy(), checked, lost));
    EXPECT_EQ(lost, 0u);
    EXPECT_GT(checked, static_cast<std::size_t>(kills) * 3);
    EXPECT_TRUE(server->stop().clean());
    EXPECT_TRUE(AuditChainsVerify(db.url()));
    if (!db.sqlite_path().empty()) {
        EXPECT_TRUE(SqliteFileIsIntact(db.sqlite_path()));
    }
    std::cout << kills << " kills -9 under load; " << checked << " acknowledged writes checked, "
              << lost << " lost\n";
}

} // namespace
} // namespace cdcwb::testing
