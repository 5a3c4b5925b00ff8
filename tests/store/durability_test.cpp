// Nothing acknowledged is lost: a child process writes continuously and is killed with SIGKILL at
// random moments, 24 times; after each kill the database must open, pass its integrity checks,
// hold every change the child acknowledged (its audit record and, per service, a value at least
// as new as the last acknowledged one), and its audit chains must verify.
#include "store_fixture.hpp"

#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <poll.h>
#include <random>
#include <set>
#include <signal.h>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace cdcwb::testing {
namespace {

constexpr int kKills = 24;

std::string url_text(const store::DatabaseUrl& url) {
    return url.engine == store::Engine::sqlite ? "sqlite:" + url.path : url.connection;
}

struct Acks {
    std::vector<long long> numbers;
    std::map<std::string, long long> last_by_service;
};

/// Runs the writer from `first`, kills it after `delay` once it has acknowledged something, and
/// returns what it acknowledged.
Acks run_and_kill(const std::string& url, long long first, std::chrono::milliseconds delay) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    const std::string first_text = std::to_string(first);
    std::vector<std::string> args{CDCWB_DURABILITY_WRITER, url, "acme", first_text};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("spawn");
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);

    std::string output;
    char buffer[4096];
    const auto read_some = [&](int timeout_ms) {
        pollfd p{pipe_fds[0], POLLIN, 0};
        if (poll(&p, 1, timeout_ms) <= 0) return false;
        const ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
        if (n <= 0) return false;
        output.append(buffer, static_cast<std::size_t>(n));
        return true;
    };
    // Wait for the first acknowledgement (the writer is then in its loop), then let it run.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (output.find('\n') == std::string::npos && std::chrono::steady_clock::now() < give_up)
        read_some(100);
    const auto kill_at = std::chrono::steady_clock::now() + delay;
    while (std::chrono::steady_clock::now() < kill_at) read_some(5);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    while (read_some(0)) {
    }
    close(pipe_fds[0]);

    Acks acks;
    std::istringstream lines(output);
    std::string word, service;
    long long n = 0;
    // A line cut by the kill has no newline at the end and is not counted.
    std::string line;
    while (std::getline(lines, line)) {
        if (lines.eof()) break;
        std::istringstream fields(line);
        if (fields >> word >> n >> service && word == "ack") {
            acks.numbers.push_back(n);
            acks.last_by_service[service] = n;
        }
    }
    return acks;
}

long long rationale_number(const std::string& rationale) {
    if (rationale.rfind("write ", 0) != 0) return -1;
    return std::stoll(rationale.substr(6));
}

TEST(Durability, KilledWriterLosesNoAcknowledgedChange) {
    const auto url = new_database_url();
    {
        auto db = store::Database::open(url);
        ASSERT_TRUE(db.ok()) << db.error().message;
        store::Store s(**db, test_library());
        ASSERT_TRUE(
            s.organisations.create_organisation({"setup", {}}, {"acme", "Acme", "x1060-2021", ""})
                .ok());
    }
    std::mt19937 random(20261122);
    std::uniform_int_distribution<int> delay_ms(10, 250);
    std::set<long long> acknowledged;
    std::map<std::string, long long> last_by_service;
    for (int kill = 0; kill < kKills; ++kill) {
        const auto acks = run_and_kill(url_text(url), (kill + 1) * 1'000'000LL,
                                       std::chrono::milliseconds(delay_ms(random)));
        ASSERT_FALSE(acks.numbers.empty())
            << "the writer acknowledged nothing before kill " << kill;
        acknowledged.insert(acks.numbers.begin(), acks.numbers.end());
        for (const auto& [service, n] : acks.last_by_service) last_by_service[service] = n;

        auto db = store::Database::open(url);
        ASSERT_TRUE(db.ok()) << "kill " << kill << ": " << db.error().message;
        auto integrity = (*db)->check_integrity();
        ASSERT_TRUE(integrity.ok()) << "kill " << kill << ": " << integrity.error().message;
        store::Store s(**db, test_library());
        auto chains = s.audit.verify_all();
        ASSERT_TRUE(chains.ok()) << chains.error().message;
        for (const auto& chain : *chains)
            EXPECT_TRUE(chain.verified())
                << "kill " << kill << ": " << chain.chain << ": " << chain.broken->message;
        auto state = s.organisations.load("acme");
        ASSERT_TRUE(state.ok()) << state.error().message;
        for (const auto& record : state->entries) {
            auto it = last_by_service.find(record.entry.service_id);
            if (it == last_by_service.end()) continue;
            EXPECT_GE(rationale_number(record.entry.rationale), it->second)
                << "kill " << kill << ": service " << record.entry.service_id
                << " lost an acknowledged change";
        }
    }
    // Every acknowledged change has its audit record.
    auto db = store::Database::open(url);
    ASSERT_TRUE(db.ok());
    store::Store s(**db, test_library());
    std::set<long long> audited;
    store::AuditQuery query;
    query.entity = "service";
    query.limit = 1000;
    for (;;) {
        auto page = s.audit.query(query);
        ASSERT_TRUE(page.ok()) << page.error().message;
        if (page->empty()) break;
        for (const auto& r : *page) {
            const auto at = r.after.find("\"rationale\":\"write ");
            if (at != std::string::npos) audited.insert(std::stoll(r.after.substr(at + 19)));
        }
        query.before_id = page->back().id;
    }
    long long missing = 0;
    for (long long n : acknowledged) missing += audited.count(n) ? 0 : 1;
    EXPECT_EQ(missing, 0) << "of " << acknowledged.size() << " acknowledged changes";
    EXPECT_GT(acknowledged.size(), static_cast<std::size_t>(kKills));
    std::cout << kKills << " kills, " << acknowledged.size() << " acknowledged changes, "
              << audited.size() << " audited\n";
    db->reset();
    forget_database(url);
}

} // namespace
} // namespace cdcwb::testing
