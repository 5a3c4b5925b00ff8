// A review assembles the evaluation process's outputs for one assessment as of a date.
#include "domain/review.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::test;

class ReviewOfAnAssessment : public ::testing::Test {
  protected:
    ReviewOfAnAssessment() {
        a.organisation = {"acme", "ACME Corp."};
        a.catalogue_id = "tiny";
        a.evaluation_interval_days = 90;
        // Recorded in January: A-1 at 2 → 4 and B-1 unassigned.
        a.evaluations = {evaluation_of("ev-jan", day("2026-01-15"),
                                       {insourced("A-1", Level::basic, scores(2, 4)),
                                        unassigned("B-1", Level::basic, std::nullopt, pts(3))}),
                         evaluation_of("ev-old", day("2025-07-01"),
                                       {insourced("A-1", Level::basic, scores(1, 4))})};
        // Now: A-1 improved to 3, B-1 outsourced (quadrant II: mismatch), D-1 added unassigned.
        a.services = {insourced("A-1", Level::basic, scores(3, 4)),
                      outsourced("B-1", Level::basic, scores(2, 4)),
                      unassigned("D-1", Level::standard, std::nullopt, pts(2))};
        a.events = {{day("2026-03-01"), TriggerKind::provider_change, "new MSSP"}};
        Action open;
        open.id = "ACT-1";
        open.title = "Assign D-1";
        open.services = {"D-1"};
        open.finding = "unassigned";
        a.actions = {open};
        ref.id = "ref";
        ref.levels = {{"A-1", Level::basic}, {"B-1", Level::basic}, {"D-1", Level::basic}};
    }

    Assessment a;
    ServiceDirectory dir = tiny_directory();
    Template ref;
};

TEST_F(ReviewOfAnAssessment, ReviewHoldsItsInputsAndDate) {
    Review r = review(a, dir, &ref, day("2026-05-01"));
    EXPECT_EQ(r.assessment, &a);
    EXPECT_EQ(r.directory, &dir);
    EXPECT_EQ(r.date, day("2026-05-01"));
}

TEST_F(ReviewOfAnAssessment, EvaluatesTheCurrentMatrixAgainstTheReference) {
    Review r = review(a, dir, &ref, day("2026-05-01"));
    EvaluationResult expected = evaluate(dir, a.services, &ref);
    EXPECT_EQ(codes(r.evaluation, EvaluationKind::catalogue),
              codes(expected, EvaluationKind::catalogue));
    EXPECT_EQ(codes(r.evaluation, EvaluationKind::profile),
              codes(expected, EvaluationKind::profile));
    EXPECT_EQ(codes(r.evaluation, EvaluationKind::portfolio),
              codes(expected, EvaluationKind::portfolio));
    EXPECT_EQ(r.evaluation.reference_template, "ref");
    EXPECT_NE(find_finding(r.evaluation, finding::below_reference, "D-1"), nullptr);
    EXPECT_NE(find_finding(r.evaluation, finding::quadrant_mismatch, "B-1"), nullptr);
    EXPECT_EQ(r.evaluation.scores.overall.counted, 3);
}

TEST_F(ReviewOfAnAssessment, WithoutReferenceLevelsAreNotCompared) {
    Review r = review(a, dir, nullptr, day("2026-05-01"));
    EXPECT_TRUE(r.evaluation.reference_template.empty());
    EXPECT_EQ(find_finding(r.evaluation, finding::below_reference, "D-1"), nullptr);
}

TEST_F(ReviewOfAnAssessment, ListsTheEvaluationsDueOnTheReviewDate) {
    Review r = review(a, dir, nullptr, day("2026-05-01"));
    ASSERT_EQ(r.due.size(), 2u);
    EXPECT_EQ(r.due[0].kind, EvaluationKind::profile);
    ASSERT_EQ(r.due[0].events.size(), 1u);
    EXPECT_EQ(r.due[0].events[0].note, "new MSSP");
    EXPECT_EQ(r.due[1].kind, EvaluationKind::portfolio);
    EXPECT_EQ(r.due[1].scheduled_date, day("2026-01-15").plus_days(90));
}

TEST_F(ReviewOfAnAssessment, ChangesAreFromTheLatestRecordedEvaluationToNow) {
    Review r = review(a, dir, nullptr, day("2026-05-01"));
    ASSERT_NE(r.previous, nullptr);
    EXPECT_EQ(r.previous->id, "ev-jan");
    std::vector<std::string> got;
    for (const auto& c : r.changes) got.push_back(c.service_id + " " + c.field);
    EXPECT_EQ(got, (std::vector<std::string>{"A-1 as_is", "B-1 assignment", "B-1 provider",
                                             "B-1 as_is", "B-1 to_be", "D-1 level",
                                             "D-1 assignment", "D-1 as_is", "D-1 to_be"}));
    EXPECT_EQ(r.changes[0].before, "2");
    EXPECT_EQ(r.changes[0].after, "3");
}

TEST_F(ReviewOfAnAssessment, TrendsRunThroughTheHistoryInDateOrderAndEndWithNow) {
    Review r = review(a, dir, nullptr, day("2026-05-01"));
    ASSERT_FALSE(r.trends.empty());
    const Trend& overall = r.trends[0];
    EXPECT_EQ(overall.scope, "overall");
    ASSERT_EQ(overall.points.size(), 3u);
    EXPECT_EQ(overall.points[0].evaluation_id, "ev-old");
    EXPECT_EQ(overall.points[1].evaluation_id, "ev-jan");
    EXPECT_EQ(overall.points[2].evaluation_id, "now");
    EXPECT_EQ(overall.points[2].date, day("2026-05-01"));
    EXPECT_DOUBLE_EQ(overall.points[0].value.as_is, 1.0);
    EXPECT_DOUBLE_EQ(overall.points[1].value.as_is, 1.5); // A-1 2, B-1 unassigned 1
    EXPECT_DOUBLE_EQ(overall.points[2].value.as_is, 2.0); // A-1 3, B-1 2, D-1 1
    EXPECT_EQ(r.trends.size(), 4u);                       // overall and categories A, B, D
}

TEST_F(ReviewOfAnAssessment, DraftsSkipFindingsAnOpenActionAlreadyAnswers) {
    Review r = review(a, dir, nullptr, day("2026-05-01"));
    ASSERT_NE(find_finding(r.evaluation, finding::unassigned, "D-1"), nullptr);
    std::vector<std::string> got;
    for (const auto& d : r.drafts) {
        got.push_back(d.action.finding + " " + d.action.services.at(0));
        EXPECT_EQ(d.action.history.at(0).date, day("2026-05-01"));
    }
    EXPECT_EQ(got,
              (std::vector<std::string>{"quadrant_mismatch B-1", "gap B-1", "gap A-1", "gap D-1"}));
}

TEST_F(ReviewOfAnAssessment, ReviewAsOfAnEarlierDayIgnoresLaterEvaluations) {
    a.evaluations.push_back(evaluation_of("ev-aug", day("2026-08-01"), a.services));
    Review r = review(a, dir, nullptr, day("2026-05-01"));
    ASSERT_NE(r.previous, nullptr);
    EXPECT_EQ(r.previous->id, "ev-jan");
    EXPECT_FALSE(r.changes.empty());
    std::vector<std::string> points;
    for (const auto& p : r.trends[0].points) points.push_back(p.evaluation_id);
    EXPECT_EQ(points, (std::vector<std::string>{"ev-old", "ev-jan", "now"}));
    ASSERT_FALSE(r.due.empty());
    EXPECT_EQ(r.due.back().last_done, day("2026-01-15"));
}

TEST_F(ReviewOfAnAssessment, EvaluationOnTheReviewDayIsThePrevious) {
    a.evaluations.push_back(evaluation_of("ev-may", day("2026-05-01"), a.services));
    Review r = review(a, dir, nullptr, day("2026-05-01"));
    ASSERT_NE(r.previous, nullptr);
    EXPECT_EQ(r.previous->id, "ev-may");
    EXPECT_TRUE(r.changes.empty());
}

TEST(Review, WithoutHistoryThereIsNoPreviousNoChangesAndOnlyTheCurrentPoint) {
    Assessment a;
    a.organisation.name = "New Org";
    a.services = {insourced("A-1", Level::basic, scores(2, 3))};
    ServiceDirectory dir = tiny_directory();
    Review r = review(a, dir, nullptr, day("2026-05-01"));
    EXPECT_EQ(r.previous, nullptr);
    EXPECT_TRUE(r.changes.empty());
    ASSERT_FALSE(r.trends.empty());
    ASSERT_EQ(r.trends[0].points.size(), 1u);
    EXPECT_EQ(r.trends[0].points[0].evaluation_id, "now");
    ASSERT_EQ(r.due.size(), 1u);
    EXPECT_EQ(r.due[0].kind, EvaluationKind::portfolio);
    ASSERT_EQ(r.drafts.size(), 1u);
    EXPECT_EQ(r.drafts[0].action.finding, "gap");
}

} // namespace
