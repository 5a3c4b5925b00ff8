// Improvement actions (numbering, history, revisions, escalation, deletion) and trigger events.
#include "store/sql.hpp"
#include "store_fixture.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;

domain::Action action(const std::string& title, std::vector<std::string> services = {"A-1"}) {
    domain::Action a;
    a.title = title;
    a.services = std::move(services);
    return a;
}

class ActionStore : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        make_org();
    }
    store::ActionRecord create(domain::Action a) {
        auto created = store().actions.create_action(actor_, "acme", std::move(a));
        EXPECT_TRUE(created.ok()) << created.error().field << ": " << created.error().message;
        return created.ok() ? *created : store::ActionRecord{};
    }
    std::vector<std::string> action_ids() {
        auto state = store().organisations.load("acme");
        EXPECT_TRUE(state.ok());
        std::vector<std::string> ids;
        if (state.ok())
            for (const auto& r : state->actions) ids.push_back(r.action.id);
        return ids;
    }
};

TEST_F(ActionStore, EmptyIdGetsTheNextFreeNumber) {
    EXPECT_EQ(create(action("First")).action.id, "A-1");
    EXPECT_EQ(create(action("Second")).action.id, "A-2");
    auto named = action("Named");
    named.id = "A-10";
    EXPECT_EQ(create(named).action.id, "A-10");
    EXPECT_EQ(create(action("After ten")).action.id, "A-11");
    EXPECT_EQ(action_ids(), (std::vector<std::string>{"A-1", "A-2", "A-10", "A-11"}));
}

TEST_F(ActionStore, ActionsCreatedAtOnceEachGetANumberOfTheirOwn) {
    // Found by bench/soak on PostgreSQL: two creations at the same moment both took the next
    // number, and one failed on the database's unique key.
    std::vector<std::thread> writers;
    std::atomic<int> failures{0};
    for (int w = 0; w < 4; ++w)
        writers.emplace_back([&, w] {
            for (int i = 0; i < 6; ++i) {
                auto created = store().actions.create_action(
                    actor_, "acme",
                    action("writer " + std::to_string(w) + " #" + std::to_string(i)));
                if (!created.ok()) ++failures;
            }
        });
    for (auto& t : writers) t.join();
    EXPECT_EQ(failures.load(), 0);
    auto ids = action_ids();
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids.size(), 24u);
    EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());
}

TEST_F(ActionStore, NewActionStartsItsHistoryWithCreated) {
    auto a = action("Hire a second analyst", {"A-1", "B-2"});
    a.phase = domain::Phase::operation;
    a.owner = "CISO";
    a.due = day("2027-03-31");
    a.resources = "1 FTE";
    a.finding = "gap";
    const auto record = create(a);
    EXPECT_EQ(record.revision, 1);
    EXPECT_EQ(record.updated_by, "tester");
    EXPECT_EQ(record.updated_at, "2026-11-22T09:00:00.000Z");
    const auto& stored = record.action;
    EXPECT_EQ(stored.title, "Hire a second analyst");
    EXPECT_EQ(stored.services, (std::vector<std::string>{"A-1", "B-2"}));
    EXPECT_EQ(stored.phase, domain::Phase::operation);
    EXPECT_EQ(stored.cycle, domain::Cycle::short_cycle);
    EXPECT_EQ(stored.owner, "CISO");
    EXPECT_EQ(stored.due, day("2027-03-31"));
    EXPECT_EQ(stored.status, domain::ActionStatus::open);
    EXPECT_EQ(stored.resources, "1 FTE");
    EXPECT_EQ(stored.finding, "gap");
    ASSERT_EQ(stored.history.size(), 1u);
    EXPECT_EQ(stored.history[0].what, "created");
    EXPECT_EQ(stored.history[0].date, day("2026-11-22"));
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok());
    ASSERT_EQ(state->actions.size(), 1u);
    EXPECT_TRUE(state->actions[0].action == stored);
}

TEST_F(ActionStore, UpdateThatChangesTheStatusAddsAStatusEvent) {
    const auto created = create(action("Write the playbook"));
    auto edited = created.action;
    edited.status = domain::ActionStatus::in_progress;
    edited.owner = "CSIRT";
    now_ += std::chrono::hours(24);
    auto updated = store().actions.update_action({"alice", std::nullopt}, "acme", edited, 1);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->revision, 2);
    EXPECT_EQ(updated->updated_by, "alice");
    EXPECT_EQ(updated->action.owner, "CSIRT");
    ASSERT_EQ(updated->action.history.size(), 2u);
    const auto& event = updated->action.history[1];
    EXPECT_EQ(event.what, "status");
    EXPECT_EQ(event.from, "open");
    EXPECT_EQ(event.to, "in_progress");
    EXPECT_EQ(event.date, day("2026-11-23"));
}

TEST_F(ActionStore, UpdateCannotRewriteTheHistory) {
    const auto created = create(action("Write the playbook"));
    auto edited = created.action;
    edited.history = {{day("2020-01-01"), "forged", "", "", "never happened"}};
    edited.title = "Write the playbooks";
    auto updated = store().actions.update_action(actor_, "acme", edited, 1);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->action.title, "Write the playbooks");
    EXPECT_EQ(updated->action.history, created.action.history);
}

TEST_F(ActionStore, StaleRevisionIsAConflictAndWritesNothing) {
    const auto created = create(action("Write the playbook"));
    auto edited = created.action;
    edited.owner = "First";
    ASSERT_TRUE(store().actions.update_action({"alice", std::nullopt}, "acme", edited, 1).ok());
    edited.owner = "Second";
    const std::string before = database_fingerprint(db());
    auto stale = store().actions.update_action(actor_, "acme", edited, 1);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, ErrorCode::conflict);
    EXPECT_EQ(stale.error().field, "revision");
    EXPECT_NE(stale.error().message.find("alice"), std::string::npos) << stale.error().message;
    EXPECT_EQ(database_fingerprint(db()), before);
}

TEST_F(ActionStore, UpdateOfAnUnknownActionIsNotFound) {
    auto ghost = action("Ghost");
    ghost.id = "A-404";
    EXPECT_REFUSED_UNCHANGED(store().actions.update_action(actor_, "acme", ghost, 1),
                             ErrorCode::not_found, "action.id");
}

TEST_F(ActionStore, EscalationMovesAShortActionIntoTheLongCycle) {
    const auto created = create(action("Outsource forensics"));
    auto escalated = store().actions.escalate_action(actor_, "acme", "A-1", day("2026-12-01"),
                                                     "needs a budget line", 1);
    ASSERT_TRUE(escalated.ok()) << escalated.error().message;
    EXPECT_EQ(escalated->revision, 2);
    EXPECT_EQ(escalated->action.cycle, domain::Cycle::long_cycle);
    ASSERT_EQ(escalated->action.history.size(), 2u);
    const auto& event = escalated->action.history[1];
    EXPECT_EQ(event.what, "escalated");
    EXPECT_EQ(event.from, "short");
    EXPECT_EQ(event.to, "long");
    EXPECT_EQ(event.note, "needs a budget line");
    EXPECT_EQ(event.date, day("2026-12-01"));
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok());
    EXPECT_TRUE(state->actions[0].action == escalated->action);
}

TEST_F(ActionStore, EscalatingALongCycleActionIsAConflictAndWritesNothing) {
    create(action("Outsource forensics"));
    ASSERT_TRUE(store()
                    .actions.escalate_action(actor_, "acme", "A-1", day("2026-12-01"), "budget", 1)
                    .ok());
    EXPECT_REFUSED_UNCHANGED(
        store().actions.escalate_action(actor_, "acme", "A-1", day("2026-12-02"), "again", 2),
        ErrorCode::conflict, "cycle");
}

TEST_F(ActionStore, EscalatingADoneActionIsAConflictAndWritesNothing) {
    const auto created = create(action("Outsource forensics"));
    auto done = created.action;
    done.status = domain::ActionStatus::done;
    ASSERT_TRUE(store().actions.update_action(actor_, "acme", done, 1).ok());
    EXPECT_REFUSED_UNCHANGED(
        store().actions.escalate_action(actor_, "acme", "A-1", day("2026-12-01"), "too late", 2),
        ErrorCode::conflict, "status");
}

TEST_F(ActionStore, EscalationWithAStaleRevisionIsAConflictAndWritesNothing) {
    const auto created = create(action("Outsource forensics"));
    auto edited = created.action;
    edited.owner = "Someone";
    ASSERT_TRUE(store().actions.update_action(actor_, "acme", edited, 1).ok());
    EXPECT_REFUSED_UNCHANGED(
        store().actions.escalate_action(actor_, "acme", "A-1", day("2026-12-01"), "budget", 1),
        ErrorCode::conflict, "revision");
    EXPECT_REFUSED_UNCHANGED(
        store().actions.escalate_action(actor_, "acme", "A-9", day("2026-12-01"), "budget", 1),
        ErrorCode::not_found, "action.id");
}

TEST_F(ActionStore, DeleteNeedsTheCurrentRevision) {
    const auto created = create(action("Retire the old SIEM", {"A-1", "B-1"}));
    auto edited = created.action;
    edited.status = domain::ActionStatus::cancelled;
    ASSERT_TRUE(store().actions.update_action(actor_, "acme", edited, 1).ok());
    EXPECT_REFUSED_UNCHANGED(store().actions.delete_action(actor_, "acme", "A-1", 1),
                             ErrorCode::conflict, "revision");
    auto deleted = store().actions.delete_action(actor_, "acme", "A-1", 2);
    ASSERT_TRUE(deleted.ok()) << deleted.error().message;
    EXPECT_TRUE(action_ids().empty());
    store::Unit unit(db(), store::Unit::Mode::read);
    int services = -1, history = -1;
    unit.sql() << "select count(*) from action_services", soci::into(services);
    unit.sql() << "select count(*) from action_history", soci::into(history);
    EXPECT_EQ(services, 0);
    EXPECT_EQ(history, 0);
}

TEST_F(ActionStore, DeleteOfAnUnknownActionIsNotFound) {
    EXPECT_REFUSED_UNCHANGED(store().actions.delete_action(actor_, "acme", "A-1", 1),
                             ErrorCode::not_found, "action.id");
}

TEST_F(ActionStore, ActionLinkingAnUnknownServiceIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().actions.create_action(actor_, "acme", action("X", {"A-1", "Z-9"})),
        ErrorCode::invalid_input, "action.services[1]");
    const auto created = create(action("Fine"));
    auto edited = created.action;
    edited.services = {"Z-9"};
    EXPECT_REFUSED_UNCHANGED(store().actions.update_action(actor_, "acme", edited, 1),
                             ErrorCode::invalid_input, "action.services[0]");
}

TEST_F(ActionStore, ActionWithoutATitleIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(store().actions.create_action(actor_, "acme", action("")),
                             ErrorCode::invalid_input, "action.title");
}

TEST_F(ActionStore, DuplicateIdIsAConflictAndWritesNothing) {
    create(action("First"));
    auto again = action("Again");
    again.id = "A-1";
    EXPECT_REFUSED_UNCHANGED(store().actions.create_action(actor_, "acme", again),
                             ErrorCode::conflict, "action.id");
}

TEST_F(ActionStore, ActionsKeepTheOrderTheyWereCreatedIn) {
    for (const char* id : {"B", "C"}) {
        auto a = action(std::string("Action ") + id);
        a.id = id;
        create(a);
    }
    ASSERT_TRUE(store().actions.delete_action(actor_, "acme", "B", 1).ok());
    auto a = action("Action A");
    a.id = "A";
    create(a);
    const auto ids = action_ids();
    EXPECT_EQ(ids, (std::vector<std::string>{"C", "A"}));
}

TEST_F(ActionStore, ActionsOfAnUnknownOrganisationAreNotFound) {
    EXPECT_REFUSED_UNCHANGED(store().actions.create_action(actor_, "nope", action("X")),
                             ErrorCode::not_found, "org");
}

// Trigger events ------------------------------------------------------------------------------

TEST_F(ActionStore, EventIsRecordedAndLoaded) {
    const domain::TriggerEvent event{day("2026-11-20"), domain::TriggerKind::provider_change,
                                     "MSSP contract renewed with a new scope; 新しい契約"};
    auto added = store().evaluations.add_event({"alice", std::nullopt}, "acme", event);
    ASSERT_TRUE(added.ok()) << added.error().message;
    EXPECT_GT(added->id, 0);
    EXPECT_TRUE(added->event == event);
    EXPECT_EQ(added->created_by, "alice");
    EXPECT_EQ(added->created_at, "2026-11-22T09:00:00.000Z");
    auto second = store().evaluations.add_event(
        actor_, "acme", {day("2026-10-01"), domain::TriggerKind::schedule, ""});
    ASSERT_TRUE(second.ok());
    EXPECT_GT(second->id, added->id);
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok());
    ASSERT_EQ(state->events.size(), 2u);
    EXPECT_EQ(state->events[0].id, added->id) << "in the order they were recorded";
    EXPECT_TRUE(state->events[0].event == event);
    EXPECT_EQ(state->events[0].created_by, "alice");
    EXPECT_EQ(state->events[1].event.kind, domain::TriggerKind::schedule);
}

TEST_F(ActionStore, EventNoteOverFourThousandBytesIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().evaluations.add_event(
            actor_, "acme",
            {day("2026-11-20"), domain::TriggerKind::new_threat, std::string(4001, 'x')}),
        ErrorCode::invalid_input, "note");
    auto longest = store().evaluations.add_event(
        actor_, "acme",
        {day("2026-11-20"), domain::TriggerKind::new_threat, std::string(4000, 'x')});
    EXPECT_TRUE(longest.ok()) << longest.error().message;
}

TEST_F(ActionStore, EventForAnUnknownOrganisationIsNotFound) {
    EXPECT_REFUSED_UNCHANGED(
        store().evaluations.add_event(actor_, "nope",
                                      {day("2026-11-20"), domain::TriggerKind::new_threat, ""}),
        ErrorCode::not_found, "org");
}

} // namespace
} // namespace cdcwb::testing
