// The audit log: every change writes exactly one record saying who changed what where; records
// are read newest first, filtered and paged, and outlive the organisation they describe.
#include "store_fixture.hpp"

#include <functional>

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;

class AuditStore : public StoreTest {
  protected:
    std::vector<store::AuditRecord> all() {
        store::AuditQuery query;
        query.limit = 1000;
        auto records = store().audit.query(query);
        EXPECT_TRUE(records.ok()) << records.error().message;
        return records.ok() ? *records : std::vector<store::AuditRecord>{};
    }
    std::vector<store::AuditRecord> query(store::AuditQuery q) {
        auto records = store().audit.query(q);
        EXPECT_TRUE(records.ok()) << records.error().message;
        return records.ok() ? *records : std::vector<store::AuditRecord>{};
    }
    static std::vector<std::string> operations(const std::vector<store::AuditRecord>& records) {
        std::vector<std::string> out;
        for (const auto& r : records) out.push_back(r.entity + ":" + r.operation);
        return out;
    }
};

struct Change {
    std::string what;
    std::function<bool()> run;
    std::string actor;
    std::string org;
    std::string entity;
    std::string entity_id;
    std::string operation;
};

TEST_F(AuditStore, EveryChangeWritesExactlyOneRecord) {
    const store::Actor alice_actor{"alice", std::nullopt};
    std::int64_t user_id = 0;
    std::int64_t token_id = 0;
    std::string session_token;
    std::string evidence_sha;
    domain::Assessment assessment;
    const auto entry_with = [this](const std::string& owner) {
        auto e = store().entries.entry("acme", "A-1");
        auto entry = e->entry;
        entry.assignment = domain::Assignment::insource;
        entry.owner = owner;
        return std::pair{entry, e->revision};
    };
    const std::vector<Change> changes{
        {"create organisation",
         [&] {
             return store()
                 .organisations
                 .create_organisation(actor_, {"acme", "Acme", "x1060-2021", "small-company"})
                 .ok();
         },
         "tester", "acme", "organisation", "acme", "create"},
        {"update organisation",
         [&] {
             return store()
                 .organisations.update_organisation(actor_, "acme", {"Acme 2", "", 90, {}}, 1)
                 .ok();
         },
         "tester", "acme", "organisation", "acme", "update"},
        {"update entry",
         [&] {
             auto [entry, revision] = entry_with("SOC");
             return store().entries.update_entry(alice_actor, "acme", entry, revision).ok();
         },
         "alice", "acme", "service", "A-1", "update"},
        {"add custom service",
         [&] {
             return store()
                 .entries
                 .add_custom_service(actor_, "acme", {"X-1", "D", {"X", "エックス"}, {}, {}})
                 .ok();
         },
         "tester", "acme", "custom_service", "X-1", "create"},
        {"remove custom service",
         [&] { return store().entries.remove_custom_service(actor_, "acme", "X-1").ok(); },
         "tester", "acme", "custom_service", "X-1", "delete"},
        {"add evidence",
         [&] {
             auto r =
                 store().evidence.add_evidence(actor_, "acme", "a.txt", "text/plain", "minutes\n");
             if (r.ok()) evidence_sha = r->sha256;
             return r.ok();
         },
         "tester", "acme", "evidence", "", "create"},
        {"run evaluation",
         [&] {
             return store()
                 .evaluations.run_evaluation(actor_, "acme", {"E-1", day("2026-11-22"), {}, ""})
                 .ok();
         },
         "tester", "acme", "evaluation", "E-1", "create"},
        {"approve evaluation",
         [&] {
             return store()
                 .evaluations.approve_evaluation({"ciso", std::nullopt}, "acme", "E-1")
                 .ok();
         },
         "ciso", "acme", "evaluation", "E-1", "approve"},
        {"add event",
         [&] {
             return store()
                 .evaluations
                 .add_event(actor_, "acme", {day("2026-11-01"), domain::TriggerKind::schedule, ""})
                 .ok();
         },
         "tester", "acme", "event", "", "create"},
        {"create action",
         [&] {
             domain::Action a;
             a.title = "Do it";
             a.services = {"A-1"};
             return store().actions.create_action(actor_, "acme", a).ok();
         },
         "tester", "acme", "action", "A-1", "create"},
        {"update action",
         [&] {
             auto state = store().organisations.load("acme");
             auto a = state->actions.front().action;
             a.status = domain::ActionStatus::in_progress;
             return store().actions.update_action(actor_, "acme", a, 1).ok();
         },
         "tester", "acme", "action", "A-1", "update"},
        {"escalate action",
         [&] {
             return store()
                 .actions.escalate_action(actor_, "acme", "A-1", day("2026-11-24"), "", 2)
                 .ok();
         },
         "tester", "acme", "action", "A-1", "escalate"},
        {"delete action",
         [&] { return store().actions.delete_action(actor_, "acme", "A-1", 3).ok(); }, "tester",
         "acme", "action", "A-1", "delete"},
        {"create user",
         [&] {
             auto u = store().users.create_user(
                 actor_, {"alice", "Alice", "correct horse battery", false, "en"});
             if (u.ok()) user_id = u->id;
             return u.ok();
         },
         "tester", "", "user", "alice", "create"},
        {"set password",
         [&] {
             return store().users.set_password(actor_, "alice", "another fine passphrase").ok();
         },
         "tester", "", "user", "alice", "password"},
        {"disable user",
         [&] { return store().users.set_user_disabled(actor_, "alice", true).ok(); }, "tester", "",
         "user", "alice", "disable"},
        {"enable user",
         [&] { return store().users.set_user_disabled(actor_, "alice", false).ok(); }, "tester", "",
         "user", "alice", "enable"},
        {"add member",
         [&] { return store().users.set_role(actor_, "acme", "alice", domain::Role::viewer).ok(); },
         "tester", "acme", "membership", "alice", "create"},
        {"change role",
         [&] {
             return store().users.set_role(actor_, "acme", "alice", domain::Role::assessor).ok();
         },
         "tester", "acme", "membership", "alice", "update"},
        {"remove member", [&] { return store().users.remove_member(actor_, "acme", "alice").ok(); },
         "tester", "acme", "membership", "alice", "delete"},
        {"create token",
         [&] {
             auto t = store().credentials.create_token(actor_, "alice", "ci", std::nullopt,
                                                       domain::TokenScope::read_write);
             if (t.ok()) token_id = t->record.id;
             return t.ok();
         },
         "tester", "", "token", "", "create"},
        {"revoke token",
         [&] { return store().credentials.revoke_token(actor_, "alice", token_id).ok(); }, "tester",
         "", "token", "", "revoke"},
        {"sign in",
         [&] {
             auto s =
                 store().credentials.create_session(user_id, std::chrono::hours(1), "192.0.2.1");
             if (s.ok()) session_token = s->token;
             return s.ok();
         },
         "alice", "", "session", "alice", "sign_in"},
        {"sign out", [&] { return store().credentials.end_session(session_token).ok(); }, "alice",
         "", "session", "alice", "sign_out"},
        {"import",
         [&] {
             auto state = store().organisations.load("acme");
             assessment = state->assessment();
             assessment.organisation.name = "Acme imported";
             return store().organisations.import_assessment(actor_, "acme", assessment).ok();
         },
         "tester", "acme", "organisation", "acme", "import"},
        {"delete organisation",
         [&] { return store().organisations.delete_organisation(actor_, "acme").ok(); }, "tester",
         "acme", "organisation", "acme", "delete"},
    };
    int second = 0;
    for (const auto& change : changes) {
        SCOPED_TRACE(change.what);
        const auto before = all();
        now_ += std::chrono::seconds(1);
        char at[40];
        std::snprintf(at, sizeof at, "2026-11-22T09:00:%02d.000Z", ++second);
        ASSERT_TRUE(change.run()) << change.what << " failed";
        const auto after = all();
        ASSERT_EQ(after.size(), before.size() + 1) << "one record per change";
        const auto& r = after.front();
        EXPECT_EQ(r.actor, change.actor);
        EXPECT_EQ(r.org, change.org);
        EXPECT_EQ(r.entity, change.entity);
        if (!change.entity_id.empty()) {
            EXPECT_EQ(r.entity_id, change.entity_id);
        }
        EXPECT_FALSE(r.entity_id.empty());
        EXPECT_EQ(r.operation, change.operation);
        EXPECT_EQ(r.at, at);
        if (!before.empty()) {
            EXPECT_GT(r.id, before.front().id);
        }
    }
    store::AuditQuery evidence;
    evidence.entity = "evidence";
    const auto files = query(evidence);
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files.front().entity_id, evidence_sha) << "a file is named by its hash";
}

TEST_F(AuditStore, RefusedChangeWritesNoRecord) {
    make_org();
    const auto before = all().size();
    EXPECT_FALSE(store()
                     .organisations.create_organisation(actor_, {"acme", "Again", "x1060-2021", ""})
                     .ok());
    EXPECT_FALSE(
        store().organisations.update_organisation(actor_, "acme", {"Acme", "", 90, {}}, 5).ok());
    EXPECT_FALSE(store().actions.delete_action(actor_, "acme", "A-1", 1).ok());
    EXPECT_EQ(all().size(), before);
}

TEST_F(AuditStore, RecordsCarryTheValuesBeforeAndAfter) {
    make_org();
    ASSERT_TRUE(store()
                    .organisations.update_organisation(actor_, "acme", {"Acme K.K.", "", 90, {}}, 1)
                    .ok());
    const auto records = all();
    ASSERT_EQ(records.size(), 2u);
    EXPECT_NE(records[0].before.find("\"Acme acme\""), std::string::npos) << records[0].before;
    EXPECT_NE(records[0].after.find("\"Acme K.K.\""), std::string::npos) << records[0].after;
    EXPECT_EQ(records[1].operation, "create");
    EXPECT_EQ(records[1].before, "") << "nothing was there before a create";
    EXPECT_FALSE(records[1].after.empty());
    ASSERT_TRUE(store().organisations.delete_organisation(actor_, "acme").ok());
    const auto deleted = all().front();
    EXPECT_FALSE(deleted.before.empty());
    EXPECT_EQ(deleted.after, "") << "nothing is left after a delete";
}

class AuditFilters : public AuditStore {
  protected:
    // Day 1: acme is created by tester; day 2: beta by alice, and alice edits acme's A-1;
    // day 3: tester creates a user (a site-wide record).
    void SetUp() override {
        AuditStore::SetUp();
        make_org("acme");
        now_ += std::chrono::hours(24);
        ASSERT_TRUE(
            store()
                .organisations
                .create_organisation({"alice", std::nullopt}, {"beta", "Beta", "x1060-2021", ""})
                .ok());
        auto e = store().entries.entry("acme", "A-1");
        ASSERT_TRUE(e.ok());
        auto entry = e->entry;
        entry.owner = "SOC";
        ASSERT_TRUE(
            store().entries.update_entry({"alice", std::nullopt}, "acme", entry, e->revision).ok());
        now_ += std::chrono::hours(24);
        ASSERT_TRUE(
            store()
                .users.create_user(actor_, {"bob", "", "correct horse battery", false, "en"})
                .ok());
    }
};

TEST_F(AuditFilters, NoFilterGivesEveryRecordNewestFirst) {
    EXPECT_EQ(operations(all()),
              (std::vector<std::string>{"user:create", "service:update", "organisation:create",
                                        "organisation:create"}));
    const auto records = all();
    for (std::size_t i = 1; i < records.size(); ++i) EXPECT_GT(records[i - 1].id, records[i].id);
}

TEST_F(AuditFilters, ByOrganisation) {
    store::AuditQuery q;
    q.org = "acme";
    const auto acme = query(q);
    EXPECT_EQ(operations(acme),
              (std::vector<std::string>{"service:update", "organisation:create"}));
    for (const auto& r : acme) EXPECT_EQ(r.org, "acme");
    q.org = "nope";
    EXPECT_TRUE(query(q).empty());
}

TEST_F(AuditFilters, ByEntityAndEntityId) {
    store::AuditQuery q;
    q.entity = "organisation";
    EXPECT_EQ(query(q).size(), 2u);
    q.entity_id = "beta";
    const auto beta = query(q);
    ASSERT_EQ(beta.size(), 1u);
    EXPECT_EQ(beta.front().org, "beta");
}

TEST_F(AuditFilters, ByActor) {
    store::AuditQuery q;
    q.actor = "alice";
    EXPECT_EQ(operations(query(q)),
              (std::vector<std::string>{"service:update", "organisation:create"}));
    q.actor = "tester";
    EXPECT_EQ(operations(query(q)),
              (std::vector<std::string>{"user:create", "organisation:create"}));
}

TEST_F(AuditFilters, ByTimeSinceInclusiveUntilExclusive) {
    store::AuditQuery q;
    q.since = "2026-11-23";
    EXPECT_EQ(query(q).size(), 3u);
    q.until = "2026-11-24";
    EXPECT_EQ(operations(query(q)),
              (std::vector<std::string>{"service:update", "organisation:create"}));
    q.since = "2026-11-23T09:00:00.000Z";
    EXPECT_EQ(query(q).size(), 2u) << "since is inclusive";
    q.since = "";
    q.until = "2026-11-23T09:00:00.000Z";
    EXPECT_EQ(operations(query(q)), (std::vector<std::string>{"organisation:create"}))
        << "until is exclusive";
}

TEST_F(AuditFilters, FiltersCombine) {
    store::AuditQuery q;
    q.org = "acme";
    q.actor = "alice";
    q.entity = "service";
    q.since = "2026-11-23";
    const auto records = query(q);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records.front().entity_id, "A-1");
    q.actor = "tester";
    EXPECT_TRUE(query(q).empty());
}

TEST_F(AuditFilters, PagesFollowOneAnotherByBeforeId) {
    const auto everything = all();
    ASSERT_EQ(everything.size(), 4u);
    store::AuditQuery q;
    q.limit = 3;
    const auto first = query(q);
    ASSERT_EQ(first.size(), 3u);
    EXPECT_EQ(first[0].id, everything[0].id);
    EXPECT_EQ(first[2].id, everything[2].id);
    q.before_id = first.back().id;
    const auto second = query(q);
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].id, everything[3].id);
    q.before_id = second.back().id;
    EXPECT_TRUE(query(q).empty());
    q.limit = 1;
    q.before_id = everything[0].id;
    const auto one = query(q);
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].id, everything[1].id);
}

TEST_F(AuditFilters, LimitOutsideOneToAThousandIsRefused) {
    for (int limit : {0, -1, 1001}) {
        store::AuditQuery q;
        q.limit = limit;
        auto records = store().audit.query(q);
        ASSERT_FALSE(records.ok()) << limit;
        EXPECT_EQ(records.error().code, ErrorCode::invalid_input);
        EXPECT_EQ(records.error().field, "limit");
    }
    store::AuditQuery q;
    q.limit = 1000;
    EXPECT_TRUE(store().audit.query(q).ok());
    q.limit = 1;
    EXPECT_EQ(query(q).size(), 1u);
    q.before_id = -1;
    auto negative = store().audit.query(q);
    ASSERT_FALSE(negative.ok());
    EXPECT_EQ(negative.error().code, ErrorCode::invalid_input);
}

TEST_F(AuditFilters, RecordsOutliveTheOrganisation) {
    store::AuditQuery q;
    q.org = "acme";
    const auto before = query(q);
    ASSERT_TRUE(store().organisations.delete_organisation(actor_, "acme").ok());
    const auto after = query(q);
    ASSERT_EQ(after.size(), before.size() + 1);
    EXPECT_EQ(after.front().operation, "delete");
    for (std::size_t i = 0; i < before.size(); ++i) {
        EXPECT_EQ(after[i + 1].id, before[i].id);
        EXPECT_EQ(after[i + 1].after, before[i].after);
    }
}

} // namespace
} // namespace cdcwb::testing
