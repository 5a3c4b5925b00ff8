// Triggers of the evaluation process: which evaluation each event calls for, and which are due.
#include "domain/trigger.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::test;

constexpr int kInterval = 182;

TriggerEvent event(const char* date, TriggerKind kind) {
    return {day(date), kind, "note"};
}

Evaluation done(const char* date, std::vector<EvaluationKind> kinds = {EvaluationKind::catalogue,
                                                                       EvaluationKind::profile,
                                                                       EvaluationKind::portfolio}) {
    Evaluation s = evaluation_of(std::string("ev-") + date, day(date), {});
    s.kinds = std::move(kinds);
    return s;
}

const DueEvaluation* due_of(const std::vector<DueEvaluation>& due, EvaluationKind kind) {
    for (const auto& d : due)
        if (d.kind == kind) return &d;
    return nullptr;
}

TEST(Trigger, EachTriggerKindCallsForItsEvaluation) {
    EXPECT_EQ(evaluation_for(TriggerKind::business_change), EvaluationKind::catalogue);
    EXPECT_EQ(evaluation_for(TriggerKind::new_threat), EvaluationKind::catalogue);
    EXPECT_EQ(evaluation_for(TriggerKind::organisation_change), EvaluationKind::profile);
    EXPECT_EQ(evaluation_for(TriggerKind::provider_change), EvaluationKind::profile);
    EXPECT_EQ(evaluation_for(TriggerKind::schedule), EvaluationKind::portfolio);
}

TEST(Trigger, EachEventMakesItsEvaluationDue) {
    const std::vector<Evaluation> history{done("2026-01-01")};
    const Date today = day("2026-02-01");
    struct Row {
        TriggerKind trigger;
        EvaluationKind due;
    };
    for (Row r : {Row{TriggerKind::business_change, EvaluationKind::catalogue},
                  Row{TriggerKind::new_threat, EvaluationKind::catalogue},
                  Row{TriggerKind::organisation_change, EvaluationKind::profile},
                  Row{TriggerKind::provider_change, EvaluationKind::profile},
                  Row{TriggerKind::schedule, EvaluationKind::portfolio}}) {
        auto due = due_evaluations({event("2026-01-15", r.trigger)}, history, today, kInterval);
        ASSERT_EQ(due.size(), 1u) << to_string(r.trigger);
        EXPECT_EQ(due[0].kind, r.due) << to_string(r.trigger);
        ASSERT_EQ(due[0].events.size(), 1u);
        EXPECT_EQ(due[0].events[0].kind, r.trigger);
        EXPECT_EQ(due[0].last_done, day("2026-01-01"));
    }
}

TEST(Trigger, NothingIsDueRightAfterAFullEvaluationWithoutEvents) {
    EXPECT_TRUE(due_evaluations({}, {done("2026-01-01")}, day("2026-01-02"), kInterval).empty());
}

TEST(Trigger, EventsOnOrBeforeTheLastEvaluationDoNotCount) {
    auto due = due_evaluations({event("2025-12-01", TriggerKind::business_change),
                                event("2026-01-01", TriggerKind::provider_change)},
                               {done("2026-01-01")}, day("2026-02-01"), kInterval);
    EXPECT_TRUE(due.empty());
}

TEST(Trigger, EventsCountAgainstTheLatestEvaluationOfTheirOwnKind) {
    // The profile was last evaluated in January, the catalogue only last year.
    auto due = due_evaluations({event("2026-01-10", TriggerKind::business_change),
                                event("2026-01-10", TriggerKind::organisation_change)},
                               {done("2025-06-01"), done("2026-01-20", {EvaluationKind::profile})},
                               day("2026-02-01"), kInterval);
    const DueEvaluation* catalogue = due_of(due, EvaluationKind::catalogue);
    ASSERT_NE(catalogue, nullptr);
    EXPECT_EQ(catalogue->last_done, day("2025-06-01"));
    EXPECT_EQ(catalogue->events.size(), 1u);
    EXPECT_EQ(due_of(due, EvaluationKind::profile), nullptr);
}

TEST(Trigger, EventsDatedAfterTodayAreIgnored) {
    auto due = due_evaluations({event("2026-03-01", TriggerKind::new_threat)}, {done("2026-01-01")},
                               day("2026-02-01"), kInterval);
    EXPECT_TRUE(due.empty());
}

TEST(Trigger, EventDatedTodayCounts) {
    auto due = due_evaluations({event("2026-02-01", TriggerKind::new_threat)}, {done("2026-01-01")},
                               day("2026-02-01"), kInterval);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].kind, EvaluationKind::catalogue);
}

TEST(Trigger, WithoutHistoryOnlyThePortfolioIsDueAndDueToday) {
    auto due = due_evaluations({}, {}, day("2026-02-01"), kInterval);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].kind, EvaluationKind::portfolio);
    EXPECT_FALSE(due[0].last_done.has_value());
    EXPECT_EQ(due[0].scheduled_date, day("2026-02-01"));
    EXPECT_TRUE(due[0].events.empty());
}

TEST(Trigger, WithoutHistoryEveryPastEventCounts) {
    auto due = due_evaluations({event("2020-01-01", TriggerKind::business_change)}, {},
                               day("2026-02-01"), kInterval);
    ASSERT_EQ(due.size(), 2u);
    EXPECT_EQ(due[0].kind, EvaluationKind::catalogue);
    EXPECT_EQ(due[1].kind, EvaluationKind::portfolio);
}

TEST(Trigger, PortfolioIsDueOnceTheIntervalHasPassed) {
    const std::vector<Evaluation> history{done("2026-01-01")};
    EXPECT_TRUE(due_evaluations({}, history, day("2026-01-01").plus_days(kInterval - 1), kInterval)
                    .empty());
    auto due = due_evaluations({}, history, day("2026-01-01").plus_days(kInterval), kInterval);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].kind, EvaluationKind::portfolio);
    EXPECT_EQ(due[0].scheduled_date, day("2026-01-01").plus_days(kInterval));
    EXPECT_EQ(due[0].last_done, day("2026-01-01"));
}

TEST(Trigger, ScheduledDateIsWhenTheIntervalRanOutNotToday) {
    auto due = due_evaluations({}, {done("2026-01-01")}, day("2026-12-31"), 30);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].scheduled_date, day("2026-01-31"));
}

TEST(Trigger, ScheduleCountsFromTheLatestPortfolioEvaluationOnly) {
    // A later profile-only evaluation does not reset the portfolio schedule.
    auto due =
        due_evaluations({}, {done("2026-01-01"), done("2026-03-01", {EvaluationKind::profile})},
                        day("2026-03-05"), 60);
    const DueEvaluation* p = due_of(due, EvaluationKind::portfolio);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->last_done, day("2026-01-01"));
    EXPECT_EQ(p->scheduled_date, day("2026-03-02"));
}

TEST(Trigger, EvaluationsDatedAfterTodayDoNotCountAsDone) {
    auto due =
        due_evaluations({event("2026-01-10", TriggerKind::provider_change)},
                        {done("2026-01-01"), done("2026-06-01")}, day("2026-02-01"), kInterval);
    const DueEvaluation* p = due_of(due, EvaluationKind::profile);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->last_done, day("2026-01-01"));
}

TEST(Trigger, DueEvaluationsComeInCatalogueProfilePortfolioOrder) {
    auto due = due_evaluations({event("2026-01-10", TriggerKind::schedule),
                                event("2026-01-10", TriggerKind::provider_change),
                                event("2026-01-10", TriggerKind::new_threat)},
                               {done("2026-01-01")}, day("2026-02-01"), kInterval);
    ASSERT_EQ(due.size(), 3u);
    EXPECT_EQ(due[0].kind, EvaluationKind::catalogue);
    EXPECT_EQ(due[1].kind, EvaluationKind::profile);
    EXPECT_EQ(due[2].kind, EvaluationKind::portfolio);
    EXPECT_FALSE(due[2].scheduled_date.has_value()); // due for the event, not the schedule
}

} // namespace

namespace {

using namespace cdcwb::test;

TEST(Trigger, EventNotesAreTextOfAtMost4000Bytes) {
    TriggerEvent e{day("2026-11-01"), TriggerKind::organisation_change, std::string(4000, 'x')};
    EXPECT_TRUE(validate_event(e, "").ok());
    e.note += "x";
    EXPECT_EQ(validate_event(e, "").error().field, "note");
    EXPECT_EQ(validate_event(e, "events[2]").error().field, "events[2].note");
    e.note = "new CISO \xff";
    EXPECT_FALSE(validate_event(e, "").ok());
}

} // namespace
