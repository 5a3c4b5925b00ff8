// `cdcwb backup` taken while `cdcwb serve` takes writes restores to a consistent state: the
// backup passes SQLite's integrity checks, restored into a new database its audit chains verify,
// and a server on it holds every write acknowledged before the backup began, none half-written.
#include "api/fault_fixture.hpp"

#include <iostream>

namespace cdcwb::testing {
namespace {

TEST(BackupUnderLoad, RestoresToAConsistentStateWithEveryWriteAcknowledgedBeforeItBegan) {
    FreshDatabase db;
    seed_database(db.url());
    const auto served = serve(db.url());
    const auto& server = served.server;
    const std::string& token = served.token;
    const std::string backup = db.folder() + "/backup.sqlite";

    Ledger ledger;
    Acknowledged before_backup;
    std::size_t during_backup = 0;
    {
        WriteLoad load(server->port(), token, ledger, kLoadServices);
        load.wait_for_acknowledged(20);
        before_backup = ledger.copy();
        const auto backed_up = server->cli({"backup", "--to", backup});
        during_backup = ledger.acknowledged() - before_backup.count();
        ASSERT_EQ(backed_up.exit_code, 0) << backed_up.output;
        load.stop();
        const auto answers = load.answers();
        EXPECT_TRUE(answers.unexpected.empty()) << answers.unexpected.front();
    }
    EXPECT_GT(during_backup, 0u) << "no write was acknowledged while the backup ran";
    EXPECT_TRUE(SqliteFileIsIntact(backup));

    const std::string restored_file = db.folder() + "/restored.sqlite";
    const std::string restored = "sqlite:" + restored_file;
    const auto done = run_cdcwb({"restore", backup, "--yes", "--db", restored});
    ASSERT_EQ(done.exit_code, 0) << done.output;
    EXPECT_TRUE(SqliteFileIsIntact(restored_file));
    EXPECT_TRUE(AuditChainsVerify(restored));
    const auto again = serve(restored, token);
    std::size_t checked = 0;
    std::size_t lost = 0;
    EXPECT_TRUE(HoldsEveryAcknowledgedWrite(again.port(), token, before_backup, checked, lost));
    EXPECT_EQ(lost, 0u);
    std::cout << "backup under load: " << checked << " writes acknowledged before it began, "
              << lost << " missing from it; " << during_backup
              << " more acknowledged while it ran\n";
}

} // namespace
} // namespace cdcwb::testing
