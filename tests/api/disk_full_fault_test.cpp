// The disk fills under SQLite while `cdcwb serve` takes writes: the database lives on a small
// filesystem of its own (a tmpfs mounted in a private mount namespace, so it vanishes with this
// process), which a filler file takes up. Writes then answer 503 `unavailable` saying the
// database is out of space, reads go on, nothing acknowledged is lost, the file stays intact,
// and once the filler is deleted writing works again without a restart.
#include "api/fault_fixture.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cdcwb::testing {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::ordered_json;

constexpr const char* kFilesystemSize = "size=8m";
/// Room left beside the filler: some dozens of writes (and the WAL's growth) fill it.
constexpr off_t kRoomLeft = 256 * 1024;

/// Fills the filesystem of `path` with it, then gives `room` bytes back. False on failure.
bool fill_all_but(const std::string& path, off_t room) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    static const std::string chunk(64 * 1024, 'x');
    off_t size = 0;
    for (;;) {
        const ssize_t n = ::write(fd, chunk.data(), chunk.size());
        if (n <= 0) break; // ENOSPC: full
        size += n;
    }
    const bool ok = errno == ENOSPC && size > room && ::ftruncate(fd, size - room) == 0;
    ::close(fd);
    return ok;
}

TEST(DiskFull, WritesAnswer503NothingAcknowledgedIsLostAndWritingResumesWhenSpaceReturns) {
    if (postgresql_under_test()) GTEST_SKIP() << "SQLite only: PostgreSQL manages its own disk";
    // A mount namespace of this process's own: the small filesystem is seen by this process
    // and the cdcwb processes it starts, and goes away with them.
    if (::unshare(CLONE_NEWNS) != 0 ||
        ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        GTEST_SKIP() << "cannot mount a small filesystem here (needs root, CAP_SYS_ADMIN): "
                     << std::strerror(errno);
    FreshDatabase db;
    const std::string small = db.folder() + "/small";
    ASSERT_EQ(::mkdir(small.c_str(), 0700), 0) << std::strerror(errno);
    ASSERT_EQ(::mount("tmpfs", small.c_str(), "tmpfs", 0, kFilesystemSize), 0)
        << std::strerror(errno);
    struct Unmount {
        std::string path;
        ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
    } unmount{small};
    const std::string file = small + "/cdcwb.sqlite";
    const std::string url = "sqlite:" + file;
    seed_database(url);
    const auto served = serve(url);
    const auto& server = served.server;
    const std::string& token = served.token;
    const Headers auth{{"Authorization", "Bearer " + token}};
    const std::string services = "/api/v1/orgs/" + std::string(kOrg) + "/services";
    HttpClient probe("127.0.0.1", server->port(), 30s);

    const std::string filler = small + "/filler";
    ASSERT_TRUE(fill_all_but(filler, kRoomLeft)) << std::strerror(errno);
    Ledger ledger;
    std::size_t acknowledged_when_full = 0;
    {
        WriteLoad load(server->port(), token, ledger, kLoadServices);
        // Until the disk is full: writes answer 503 (a guard against waiting for ever).
        const auto give_up = std::chrono::steady_clock::now() + 60s;
        while (load.answers().by_status[503] < 20 && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(5ms);
        ASSERT_GE(load.answers().by_status[503], 20) << "the disk never filled";
        acknowledged_when_full = ledger.acknowledged();

        // Full: a write says so clearly; reads and readiness go on. (A write may still pass now
        // and then: when a checkpoint completes, the WAL is reused without growing.)
        HttpResponse refused;
        for (int attempt = 0; attempt < 50 && refused.status != 503; ++attempt)
            refused = probe.request(
                "POST", "/api/v1/orgs/" + std::string(kOrg) + "/actions",
                {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}},
                Json{{"title", "while full"}, {"services", {"D-2"}}}.dump());
        EXPECT_TRUE(IsUnavailable(refused));
        EXPECT_NE(refused.body.find("out of space"), std::string::npos) << refused.body;
        EXPECT_EQ(probe.request("GET", services, auth).status, 200);
        EXPECT_EQ(probe.request("GET", "/readyz").status, 200);

        // Space returns: writing works again, with no restart.
        ASSERT_EQ(::unlink(filler.c_str()), 0) << std::strerror(errno);
        load.wait_for_acknowledged(20);
        load.stop();
        const auto answers = load.answers();
        EXPECT_TRUE(answers.unexpected.empty())
            << answers.unexpected.size()
            << " unexpected answers, the first: " << answers.unexpected.front();
        EXPECT_GE(ledger.acknowledged(), acknowledged_when_full + 20)
            << "writes did not resume once space returned";
        std::cout << "writers' answers:";
        for (const auto& [status, n] : answers.by_status) std::cout << " " << status << "×" << n;
        std::cout << "\n";
    }
    std::size_t checked = 0;
    std::size_t lost = 0;
    EXPECT_TRUE(HoldsEveryAcknowledgedWrite(server->port(), token, ledger.copy(), checked, lost));
    EXPECT_EQ(lost, 0u);
    EXPECT_TRUE(server->stop().clean());
    EXPECT_TRUE(SqliteFileIsIntact(file));
    EXPECT_TRUE(AuditChainsVerify(url));
    std::cout << "disk full: " << checked << " acknowledged writes checked, " << lost << " lost\n";
}

} // namespace
} // namespace cdcwb::testing
