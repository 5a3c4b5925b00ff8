// Improvement actions (X.1060 clause 10): phase, cycle escalation, validation and drafts proposed
// from evaluation findings.
#include "domain/action.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>
#include <map>

namespace {

using namespace cdcwb::test;

Action action(std::string id, std::vector<std::string> services) {
    Action a;
    a.id = std::move(id);
    a.title = "Do something";
    a.services = std::move(services);
    return a;
}

// ---- status vocabulary ------------------------------------------------------------------------

TEST(Action, OpenAndInProgressAreOpenDoneAndCancelledAreNot) {
    Action a = action("A-1", {});
    for (auto [st, open] :
         {std::pair{ActionStatus::open, true}, std::pair{ActionStatus::in_progress, true},
          std::pair{ActionStatus::done, false}, std::pair{ActionStatus::cancelled, false}}) {
        a.status = st;
        EXPECT_EQ(is_open(a), open) << to_string(st);
    }
}

TEST(Action, OverdueIsAnOpenActionDueBeforeToday) {
    const Date today = day("2026-04-01");
    Action a = action("A-1", {});
    EXPECT_FALSE(is_overdue(a, today)) << "no due date";
    a.due = day("2026-03-31");
    EXPECT_TRUE(is_overdue(a, today));
    a.status = ActionStatus::in_progress;
    EXPECT_TRUE(is_overdue(a, today));
    a.due = today;
    EXPECT_FALSE(is_overdue(a, today)) << "due today is not late yet";
    a.due = day("2026-03-01");
    for (ActionStatus st : {ActionStatus::done, ActionStatus::cancelled}) {
        a.status = st;
        EXPECT_FALSE(is_overdue(a, today)) << to_string(st);
    }
}

TEST(Action, StatusTokensRoundTripAndUnknownOnesAreRejected) {
    const std::pair<ActionStatus, const char*> table[] = {
        {ActionStatus::open, "open"},
        {ActionStatus::in_progress, "in_progress"},
        {ActionStatus::done, "done"},
        {ActionStatus::cancelled, "cancelled"}};
    for (auto [status, token] : table) {
        EXPECT_EQ(to_string(status), token);
        EXPECT_EQ(parse_action_status(token), status);
        EXPECT_TRUE(display_name(status).complete()) << token;
    }
    for (const char* bad : {"", "Open", "in-progress", "closed", "canceled"})
        EXPECT_FALSE(parse_action_status(bad).has_value()) << bad;
    EXPECT_EQ(allowed_action_statuses(), "open | in_progress | done | cancelled");
}

// ---- action_phase -----------------------------------------------------------------------------

TEST(Action, PhaseSetByTheOrganisationOverridesTheDerivedOne) {
    Action a = action("ACT-1", {"D-1"});
    a.phase = Phase::operation;
    EXPECT_EQ(action_phase(a, tiny_directory()), Phase::operation);
}

TEST(Action, PhaseIsDerivedFromTheFirstServicesCategory) {
    ServiceDirectory dir = tiny_directory({custom_service("ORG-1", "B")});
    EXPECT_EQ(action_phase(action("a", {"D-1", "A-1"}), dir), Phase::response);
    EXPECT_EQ(action_phase(action("a", {"B-1", "D-1"}), dir), Phase::operation);
    EXPECT_EQ(action_phase(action("a", {"A-2"}), dir), Phase::strategic);
    EXPECT_EQ(action_phase(action("a", {"ORG-1"}), dir), Phase::operation);
}

TEST(Action, PhaseSkipsUnknownServicesToTheFirstKnownOne) {
    EXPECT_EQ(action_phase(action("a", {"Z-9", "D-2"}), tiny_directory()), Phase::response);
}

TEST(Action, ActionWithoutKnownServicesBelongsToStrategicManagement) {
    EXPECT_EQ(action_phase(action("a", {}), tiny_directory()), Phase::strategic);
    EXPECT_EQ(action_phase(action("a", {"Z-9"}), tiny_directory()), Phase::strategic);
}

// ---- validate_action --------------------------------------------------------------------------

TEST(Action, ValidActionPasses) {
    EXPECT_TRUE(
        validate_action(action("ACT-1", {"A-1", "D-2"}), tiny_directory(), "actions[0]").ok());
    EXPECT_TRUE(validate_action(action("ACT-1", {}), tiny_directory(), "actions[0]").ok());
}

TEST(Action, ValidationRejectsMissingIdOrTitle) {
    Status no_id = validate_action(action("", {"A-1"}), tiny_directory(), "actions[0]");
    ASSERT_FALSE(no_id.ok());
    EXPECT_EQ(no_id.error().field, "actions[0].id");
    Action untitled = action("ACT-1", {"A-1"});
    untitled.title.clear();
    Status no_title = validate_action(untitled, tiny_directory(), "actions[0]");
    ASSERT_FALSE(no_title.ok());
    EXPECT_EQ(no_title.error().field, "actions[0].title");
}

TEST(Action, ValidationRejectsAnUnknownServiceNamingItsPosition) {
    Status s = validate_action(action("ACT-1", {"A-1", "Z-9"}), tiny_directory(), "actions[3]");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(s.error().field, "actions[3].services[1]");
    EXPECT_NE(s.error().message.find("Z-9"), std::string::npos);
}

// ---- escalate ---------------------------------------------------------------------------------

TEST(Action, EscalateMovesAShortCycleActionToTheLongCycleAndRecordsWhy) {
    Action a = action("ACT-1", {"A-1"});
    a.status = ActionStatus::in_progress;
    auto r = escalate(a, day("2026-05-01"), "needs a new SIEM licence");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->cycle, Cycle::long_cycle);
    EXPECT_EQ(r->status, ActionStatus::in_progress);
    ASSERT_EQ(r->history.size(), 1u);
    EXPECT_EQ(r->history[0], (ActionEvent{day("2026-05-01"), "escalated", "short", "long",
                                          "needs a new SIEM licence"}));
}

TEST(Action, EscalateKeepsEarlierHistory) {
    Action a = action("ACT-1", {"A-1"});
    a.history.push_back({day("2026-01-01"), "created", "", "", ""});
    auto r = escalate(a, day("2026-05-01"), "why");
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->history.size(), 2u);
    EXPECT_EQ(r->history[0].what, "created");
    EXPECT_EQ(r->history[1].what, "escalated");
}

TEST(Action, EscalateIsRefusedForALongCycleAction) {
    Action a = action("ACT-1", {"A-1"});
    a.cycle = Cycle::long_cycle;
    auto r = escalate(a, day("2026-05-01"), "");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::conflict);
    EXPECT_EQ(r.error().field, "cycle");
}

TEST(Action, EscalateIsRefusedForDoneOrCancelledActions) {
    for (ActionStatus st : {ActionStatus::done, ActionStatus::cancelled}) {
        Action a = action("ACT-1", {"A-1"});
        a.status = st;
        auto r = escalate(a, day("2026-05-01"), "");
        ASSERT_FALSE(r.ok()) << to_string(st);
        EXPECT_EQ(r.error().code, ErrorCode::conflict);
        EXPECT_EQ(r.error().field, "status");
        EXPECT_NE(r.error().message.find(std::string(to_string(st))), std::string::npos);
    }
}

// ---- draft_actions ----------------------------------------------------------------------------

/// The drafts' actions alone (most tests look only at what would be saved).
std::vector<Action> drafted(const EvaluationResult& ev, const ServiceDirectory& dir,
                            const std::vector<Action>& existing, Date today) {
    std::vector<Action> out;
    for (auto& d : draft_actions(ev, dir, existing, today)) out.push_back(std::move(d.action));
    return out;
}

class ActionDrafts : public ::testing::Test {
  protected:
    ServiceDirectory dir = tiny_directory();
    std::vector<ServiceEntry> entries{
        outsourced("A-1", Level::basic, scores(4, 4)),         // quadrant I mismatch
        insourced("A-2", Level::basic, scores(1, 5), ""),      // IV mismatch, no owner, gap 4
        unassigned("B-1", Level::basic, std::nullopt, pts(3)), // unassigned, gap 2
        entry("D-1", Level::not_required),                     // catalogue finding only
        outsourced("D-2", Level::basic, scores(3, 3), ""),     // no provider
    };
    EvaluationResult ev = evaluate(dir, entries, nullptr);
    Date today = day("2026-04-01");

    std::vector<std::string> summary(const std::vector<Action>& drafts) const {
        std::vector<std::string> out;
        for (const auto& a : drafts)
            out.push_back(a.id + " " + a.finding + " " + a.services.at(0) + " " +
                          std::string(to_string(a.cycle)));
        return out;
    }
};

TEST_F(ActionDrafts, OneDraftPerActionableFindingInFindingOrderWithItsCycle) {
    EXPECT_EQ(summary(drafted(ev, dir, {}, today)),
              (std::vector<std::string>{
                  "DRAFT-1 unassigned B-1 long", "DRAFT-2 quadrant_mismatch A-1 long",
                  "DRAFT-3 quadrant_mismatch A-2 long", "DRAFT-4 missing_owner A-2 short",
                  "DRAFT-5 missing_provider D-2 short", "DRAFT-6 gap A-2 long",
                  "DRAFT-7 gap B-1 short"}));
}

TEST_F(ActionDrafts, DraftsAreOpenLinkedToTheServiceAndRecordTheirOrigin) {
    auto drafts = drafted(ev, dir, {}, today);
    ASSERT_FALSE(drafts.empty());
    for (const Action& a : drafts) {
        EXPECT_EQ(a.status, ActionStatus::open) << a.id;
        EXPECT_FALSE(a.phase.has_value()) << a.id;
        ASSERT_EQ(a.services.size(), 1u);
        EXPECT_NE(a.title.find(a.services[0]), std::string::npos) << a.title;
        ASSERT_EQ(a.history.size(), 1u);
        EXPECT_EQ(a.history[0].date, today);
        EXPECT_EQ(a.history[0].what, "created");
        EXPECT_NE(a.history[0].note.find(a.finding), std::string::npos);
        EXPECT_TRUE(validate_action(a, dir, a.id).ok()) << a.id;
    }
}

TEST_F(ActionDrafts, TitlesNameTheServiceAndWhatToDo) {
    auto drafts = drafted(ev, dir, {}, today);
    ASSERT_EQ(drafts.size(), 7u);
    EXPECT_EQ(drafts[0].title, "Assign an owner or provider for B-1 Real-time asset monitoring");
    EXPECT_EQ(drafts[1].title, "Review the sourcing of A-1 Risk management (quadrant I)");
    EXPECT_EQ(drafts[3].title, "Name the accountable team for A-2 Risk assessment");
    EXPECT_EQ(drafts[4].title, "Name the provider for D-2 Incident handling");
    EXPECT_EQ(drafts[5].title, "Raise A-2 Risk assessment from 1 to 5");
    EXPECT_FALSE(drafts[0].resources.empty());
    EXPECT_FALSE(drafts[1].resources.empty());
}

TEST_F(ActionDrafts, EveryDraftIsWordedInBothLanguagesAndSavesTheEnglish) {
    auto drafts = draft_actions(ev, dir, {}, today);
    ASSERT_EQ(drafts.size(), 7u);
    for (const DraftAction& d : drafts) {
        EXPECT_TRUE(d.title.complete()) << d.action.id;
        EXPECT_NE(d.title.ja.find(d.action.services[0]), std::string::npos) << d.title.ja;
        EXPECT_EQ(d.action.title, d.title.en);
        EXPECT_EQ(d.action.resources, d.resources.en);
        EXPECT_EQ(d.resources.en.empty(), d.resources.ja.empty()) << d.action.id;
    }
    EXPECT_EQ(drafts[0].title.ja,
              "B-1 リアルタイム監視の担当（自組織のチームまたは委託先）を決める");
    EXPECT_EQ(drafts[0].resources.ja, "要員または外部の委託先");
    EXPECT_EQ(drafts[5].title.ja, "A-2 リスクアセスメントを 1 から 5 に引き上げる");
}

TEST_F(ActionDrafts, DraftsCarryTheFiguresOfTheirFinding) {
    auto drafts = draft_actions(ev, dir, {}, today);
    ASSERT_EQ(drafts.size(), 7u);
    // quadrant mismatch on A-1: the quadrant, no scores
    EXPECT_EQ(drafts[1].quadrant, Quadrant::I);
    EXPECT_FALSE(drafts[1].from.has_value());
    // gap on A-2 from 1 to 5, gap on B-1 (Unassigned) from the default 1 to 3
    EXPECT_EQ(drafts[5].from, 1);
    EXPECT_EQ(drafts[5].to, 5);
    EXPECT_FALSE(drafts[5].quadrant.has_value());
    EXPECT_EQ(drafts[6].from, 1);
    EXPECT_EQ(drafts[6].to, 3);
    // names missing: nothing but the code and the service
    EXPECT_FALSE(drafts[3].from || drafts[3].to || drafts[3].quadrant);
}

TEST_F(ActionDrafts, GapsUpToTwoPointsAreShortCycleLargerOnesLong) {
    ServiceDirectory d = tiny_directory();
    EvaluationResult e = evaluate(d,
                                  {insourced("D-2", Level::basic, scores(1, 3)),
                                   insourced("A-1", Level::basic, scores(2, 5)),
                                   insourced("B-1", Level::basic, scores(4, 5))},
                                  nullptr);
    std::map<std::string, Cycle> cycle_of;
    for (const Action& a : drafted(e, d, {}, today))
        if (a.finding == finding::gap) cycle_of[a.services[0]] = a.cycle;
    EXPECT_EQ(cycle_of.at("D-2"), Cycle::short_cycle); // gap 2
    EXPECT_EQ(cycle_of.at("B-1"), Cycle::short_cycle); // gap 1
    EXPECT_EQ(cycle_of.at("A-1"), Cycle::long_cycle);  // gap 3
}

TEST_F(ActionDrafts, CatalogueFindingsNotScoredAndTargetsBelowCurrentMakeNoDrafts) {
    EvaluationResult e = evaluate(dir,
                                  {entry("A-1", Level::not_required),
                                   insourced("D-2", Level::basic, ScorePair{pts(2), std::nullopt}),
                                   outsourced("D-1", Level::basic, scores(5, 3))},
                                  nullptr);
    ASSERT_NE(find_finding(e, finding::not_scored, "D-2"), nullptr);
    ASSERT_NE(find_finding(e, finding::target_below_current, "D-1"), nullptr);
    EXPECT_TRUE(drafted(e, dir, {}, today).empty());
}

TEST_F(ActionDrafts, FindingAnsweredByAnOpenActionWithSameCodeAndServiceIsSkipped) {
    for (ActionStatus st : {ActionStatus::open, ActionStatus::in_progress}) {
        Action existing = action("ACT-7", {"A-2"});
        existing.finding = "gap";
        existing.status = st;
        auto drafts = drafted(ev, dir, {existing}, today);
        EXPECT_EQ(drafts.size(), 6u) << to_string(st);
        for (const Action& a : drafts)
            EXPECT_FALSE(a.finding == finding::gap && a.services[0] == "A-2") << to_string(st);
    }
}

TEST_F(ActionDrafts, ActionOnTheSameServiceForAnotherFindingDoesNotAnswerIt) {
    Action existing = action("ACT-7", {"A-2"});
    existing.finding = "missing_owner";
    auto drafts = drafted(ev, dir, {existing}, today);
    ASSERT_EQ(drafts.size(), 6u);
    EXPECT_EQ(summary(drafts)[3], "DRAFT-4 missing_provider D-2 short");
    EXPECT_EQ(summary(drafts)[4], "DRAFT-5 gap A-2 long");
}

TEST_F(ActionDrafts, ActionForTheSameFindingOnAnotherServiceDoesNotAnswerIt) {
    Action existing = action("ACT-7", {"D-2"});
    existing.finding = "gap";
    EXPECT_EQ(drafted(ev, dir, {existing}, today).size(), 7u);
}

TEST_F(ActionDrafts, ActionWithoutFindingCodeAnswersNothing) {
    EXPECT_EQ(drafted(ev, dir, {action("ACT-7", {"A-2", "B-1"})}, today).size(), 7u);
}

TEST_F(ActionDrafts, DoneOrCancelledActionsDoNotAnswerAFindingThatIsStillThere) {
    for (ActionStatus st : {ActionStatus::done, ActionStatus::cancelled}) {
        Action existing = action("ACT-7", {"B-1"});
        existing.finding = "unassigned";
        existing.status = st;
        auto drafts = drafted(ev, dir, {existing}, today);
        ASSERT_EQ(drafts.size(), 7u) << to_string(st);
        EXPECT_EQ(drafts[0].finding, "unassigned");
        EXPECT_EQ(drafts[0].services[0], "B-1");
    }
}

TEST_F(ActionDrafts, ActionLinkedToSeveralServicesAnswersTheFindingOnEach) {
    Action existing = action("ACT-7", {"A-1", "A-2"});
    existing.finding = "quadrant_mismatch";
    auto drafts = drafted(ev, dir, {existing}, today);
    EXPECT_EQ(drafts.size(), 5u);
    for (const Action& a : drafts) EXPECT_NE(a.finding, "quadrant_mismatch");
}

} // namespace

namespace {

using namespace cdcwb::test;

TEST(Action, ANewActionsHistoryStartsWithItsCreation) {
    auto a = record_creation(action("A-1", {"S1"}), day("2026-11-22"));
    ASSERT_EQ(a.history.size(), 1u);
    EXPECT_EQ(a.history[0].what, "created");
    EXPECT_EQ(a.history[0].date, day("2026-11-22"));
    // Already recorded (e.g. imported): left alone.
    EXPECT_EQ(record_creation(a, day("2026-12-01")).history.size(), 1u);
}

TEST(Action, AnEditKeepsTheStoredHistoryAndRecordsStatusAndCycleChanges) {
    auto before = record_creation(action("A-1", {"S1"}), day("2026-11-01"));
    auto after = before;
    after.history.clear(); // an edit cannot rewrite the history
    after.title = "Renamed";
    EXPECT_EQ(record_edit(before, after, day("2026-11-10")).history, before.history);
    after.status = ActionStatus::in_progress;
    after.cycle = Cycle::long_cycle;
    auto edited = record_edit(before, after, day("2026-11-10"));
    ASSERT_EQ(edited.history.size(), 3u);
    EXPECT_EQ(edited.history[1].what, "status");
    EXPECT_EQ(edited.history[1].from, "open");
    EXPECT_EQ(edited.history[1].to, "in_progress");
    EXPECT_EQ(edited.history[2].what, "cycle");
    EXPECT_EQ(edited.history[2].to, "long");
}

TEST(Action, TextFieldsMustBeUtf8AndWithinTheirLength) {
    const auto dir = tiny_directory();
    auto a = action("A-1", {"S1"});
    a.title = std::string(kShortText + 1, 't');
    EXPECT_EQ(validate_action(a, dir, "action").error().field, "action.title");
    a = action("A-1", {"S1"});
    a.owner = "\xff";
    EXPECT_EQ(validate_action(a, dir, "action").error().field, "action.owner");
    a = action("A-1", {"S1"});
    a.history.push_back({day("2026-11-01"), "created", "", "", "note \x01"});
    EXPECT_EQ(validate_action(a, dir, "action").error().field, "action.history[0].note");
}

} // namespace
