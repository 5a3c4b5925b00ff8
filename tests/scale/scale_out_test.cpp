// Scale-out: two `cdcwb serve` processes on one PostgreSQL database. A session made on one is
// accepted by the other, and edits of the same service from both are never lost: the second
// writer of a revision gets a conflict, and every accepted edit is in the audit log.
#include "support/cdcwb_server.hpp"
#include "support/http_client.hpp"
#include "support/postgres_server.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

namespace cdcwb::testing {
namespace {

using Json = nlohmann::json;

class ScaleOut : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        std::string error;
        postgres_ = PostgresServer::start(error).release();
        ASSERT_NE(postgres_, nullptr) << error;
        const std::string name = unique_database_name();
        ASSERT_TRUE(postgres_->create_database(name, error)) << error;
        url_ = postgres_->url(name);
        ASSERT_EQ(run_cdcwb({"init", "--db", url_}).exit_code, 0);
        auto added =
            run_cdcwb({"user", "add", "alice", "--admin", "--password-stdin", "--db", url_},
                      "correct horse battery\n");
        ASSERT_EQ(added.exit_code, 0) << added.output;
        auto org = run_cdcwb(
            {"org", "add", "acme", "--name", "Acme", "--template", "small-company", "--db", url_});
        ASSERT_EQ(org.exit_code, 0) << org.output;
    }
    static void TearDownTestSuite() {
        delete postgres_;
        postgres_ = nullptr;
    }

    void SetUp() override {
        std::string error;
        a_ = CdcwbServer::start(url_, error);
        ASSERT_NE(a_, nullptr) << error;
        b_ = CdcwbServer::start(url_, error);
        ASSERT_NE(b_, nullptr) << error;
    }
    void TearDown() override {
        for (auto* server : {a_.get(), b_.get()}) {
            if (server) {
                EXPECT_TRUE(server->stop().clean()) << server->output();
            }
        }
    }

    /// Signs in on `client`; returns the headers a cookie-authenticated write needs.
    static Headers sign_in(HttpClient& client) {
        auto r = client.request("POST", "/api/v1/session", {{"Content-Type", "application/json"}},
                                R"({"username":"alice","password":"correct horse battery"})");
        EXPECT_EQ(r.status, 201) << r.body;
        const std::string cookie = r.header("set-cookie");
        const auto session = cookie.substr(0, cookie.find(';'));
        const auto csrf = Json::parse(r.body)["csrf_token"].get<std::string>();
        return {{"Cookie", session}, {"X-CSRF-Token", csrf}, {"Content-Type", "application/json"}};
    }

    static Json entry_body(long long revision, const std::string& owner) {
        return Json{{"revision", revision},
                    {"level", "basic"},
                    {"assignment", "insource"},
                    {"owner", owner},
                    {"insource", {{"as_is", 2}, {"to_be", 4}}}};
    }

    static inline PostgresServer* postgres_ = nullptr;
    static inline std::string url_;
    std::unique_ptr<CdcwbServer> a_;
    std::unique_ptr<CdcwbServer> b_;
};

TEST_F(ScaleOut, ASessionMadeOnOneServerWorksOnTheOther) {
    HttpClient on_a("127.0.0.1", a_->port());
    HttpClient on_b("127.0.0.1", b_->port());
    const Headers auth = sign_in(on_a);
    auto me = on_b.request("GET", "/api/v1/session", auth);
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(Json::parse(me.body)["user"]["username"], "alice");
    // A write on B with the session and CSRF token from A.
    auto event = on_b.request("POST", "/api/v1/orgs/acme/events", auth,
                              R"({"date":"2026-11-20","kind":"new_threat","note":"from B"})");
    EXPECT_EQ(event.status, 201) << event.body;
    // Signing out on B ends the session on A too.
    EXPECT_EQ(on_b.request("DELETE", "/api/v1/session", auth).status, 204);
    EXPECT_EQ(on_a.request("GET", "/api/v1/session", auth).status, 401);
}

TEST_F(ScaleOut, TheSecondWriterOfARevisionGetsAConflictFromEitherServer) {
    HttpClient on_a("127.0.0.1", a_->port());
    HttpClient on_b("127.0.0.1", b_->port());
    const Headers auth = sign_in(on_a);
    auto read = on_b.request("GET", "/api/v1/orgs/acme/services/A-2", auth);
    ASSERT_EQ(read.status, 200) << read.body;
    const long long revision = Json::parse(read.body)["revision"].get<long long>();

    auto first = on_a.request("PUT", "/api/v1/orgs/acme/services/A-2", auth,
                              entry_body(revision, "written on A").dump());
    ASSERT_EQ(first.status, 200) << first.body;
    auto second = on_b.request("PUT", "/api/v1/orgs/acme/services/A-2", auth,
                               entry_body(revision, "written on B").dump());
    ASSERT_EQ(second.status, 409) << second.body;
    const auto conflict = Json::parse(second.body);
    EXPECT_EQ(conflict["error"]["code"], "conflict");
    EXPECT_EQ(conflict["current"]["owner"], "written on A");
    auto now = on_b.request("GET", "/api/v1/orgs/acme/services/A-2", auth);
    EXPECT_EQ(Json::parse(now.body)["owner"], "written on A");
}

TEST_F(ScaleOut, ConcurrentEditsFromBothServersLoseNothing) {
    // Two writers per server edit the same service; each re-reads after a conflict. Every edit
    // that was accepted must be one revision and one audit record; none is overwritten silently.
    constexpr int kWritesPerWriter = 15;
    std::atomic<int> accepted{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> failures{0};
    long long start_revision = 0;
    {
        HttpClient client("127.0.0.1", a_->port());
        const Headers auth = sign_in(client);
        start_revision =
            Json::parse(
                client.request("GET", "/api/v1/orgs/acme/services/A-3", auth).body)["revision"]
                .get<long long>();
    }
    const auto writer = [&](unsigned short port, const std::string& name) {
        HttpClient client("127.0.0.1", port);
        const Headers auth = sign_in(client);
        for (int i = 0; i < kWritesPerWriter;) {
            auto read = client.request("GET", "/api/v1/orgs/acme/services/A-3", auth);
            if (read.status != 200) {
                ++failures;
                return;
            }
            const long long revision = Json::parse(read.body)["revision"].get<long long>();
            auto put = client.request("PUT", "/api/v1/orgs/acme/services/A-3", auth,
                                      entry_body(revision, name + " " + std::to_string(i)).dump());
            if (put.status == 200) {
                ++accepted;
                ++i;
            } else if (put.status == 409) {
                ++conflicts;
            } else {
                ++failures;
                return;
            }
        }
    };
    std::vector<std::thread> threads;
    threads.emplace_back(writer, a_->port(), "a1");
    threads.emplace_back(writer, a_->port(), "a2");
    threads.emplace_back(writer, b_->port(), "b1");
    threads.emplace_back(writer, b_->port(), "b2");
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(accepted.load(), 4 * kWritesPerWriter);

    HttpClient client("127.0.0.1", b_->port());
    const Headers auth = sign_in(client);
    auto final_entry =
        Json::parse(client.request("GET", "/api/v1/orgs/acme/services/A-3", auth).body);
    EXPECT_EQ(final_entry["revision"].get<long long>(), start_revision + accepted.load());
    auto audit = client.request(
        "GET", "/api/v1/orgs/acme/audit?entity=service&entity_id=A-3&limit=1000", auth);
    ASSERT_EQ(audit.status, 200) << audit.body;
    EXPECT_EQ(Json::parse(audit.body)["records"].size(), static_cast<std::size_t>(accepted.load()));
    std::cout << accepted.load() << " edits accepted, " << conflicts.load()
              << " conflicts detected\n";
}

} // namespace
} // namespace cdcwb::testing
