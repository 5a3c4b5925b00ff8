// Evaluation history: recorded evaluations, what changed between two, and trends over many.
#include "domain/history.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::test;

Evaluation snap(std::string id, const char* date, std::vector<ServiceEntry> entries) {
    return evaluation_of(std::move(id), day(date), entries);
}

std::vector<std::string> lines(const std::vector<Change>& changes) {
    std::vector<std::string> out;
    for (const auto& c : changes)
        out.push_back(c.service_id + " " + c.field + " '" + c.before + "' -> '" + c.after + "'");
    return out;
}

using Lines = std::vector<std::string>;

// ---- evaluation_of ----------------------------------------------------------------------------

TEST(Evaluation, TakesTheMatrixWithoutRationaleOrEvidence) {
    ServiceEntry e = insourced("A-1", Level::basic, scores(2, 4));
    e.rationale = "because";
    e.evidence = {"docs/runbook.pdf"};
    e.capacity = "24x7";
    Evaluation s = evaluation_of("ev-1", day("2026-03-31"), {e});
    EXPECT_EQ(s.id, "ev-1");
    EXPECT_EQ(s.date, day("2026-03-31"));
    ASSERT_EQ(s.services.size(), 1u);
    EXPECT_TRUE(s.services[0].rationale.empty());
    EXPECT_TRUE(s.services[0].evidence.empty());
    EXPECT_EQ(s.services[0].level, Level::basic);
    EXPECT_EQ(s.services[0].owner, "SOC team");
    EXPECT_EQ(s.services[0].insource, scores(2, 4));
    EXPECT_EQ(s.services[0].capacity, "24x7");
    EXPECT_EQ(e.rationale, "because"); // the source matrix is untouched
    EXPECT_FALSE(s.approved_on.has_value());
}

TEST(Evaluation, CoversAllThreeEvaluationsByDefault) {
    Evaluation s = evaluation_of("ev-1", day("2026-03-31"), {});
    for (EvaluationKind k : kAllEvaluationKinds) EXPECT_TRUE(s.covers(k)) << to_string(k);
    s.kinds = {EvaluationKind::profile};
    EXPECT_TRUE(s.covers(EvaluationKind::profile));
    EXPECT_FALSE(s.covers(EvaluationKind::catalogue));
    EXPECT_FALSE(s.covers(EvaluationKind::portfolio));
}

// ---- diff -------------------------------------------------------------------------------------

TEST(Evaluation, DiffOfIdenticalEvaluationsIsEmpty) {
    std::vector<ServiceEntry> m{insourced("A-1", Level::basic, scores(2, 4)),
                                unassigned("B-1", Level::standard, std::nullopt, pts(3))};
    EXPECT_TRUE(
        diff(tiny_directory(), snap("a", "2026-01-01", m), snap("b", "2026-06-01", m)).empty());
}

TEST(Evaluation, DiffReportsLevelAndScoreChanges) {
    auto before = snap("a", "2026-01-01", {insourced("A-1", Level::standard, scores(2, 4))});
    auto after = snap("b", "2026-06-01", {insourced("A-1", Level::basic, scores(3, 5))});
    EXPECT_EQ(
        lines(diff(tiny_directory(), before, after)),
        (Lines{"A-1 level 'standard' -> 'basic'", "A-1 as_is '2' -> '3'", "A-1 to_be '4' -> '5'"}));
}

TEST(Evaluation, DiffReportsAssignmentOwnerAndProviderChanges) {
    auto before = snap("a", "2026-01-01", {insourced("B-1", Level::basic, scores(3, 4), "SOC")});
    auto after = snap("b", "2026-06-01",
                      {shared("B-1", Level::basic, scores(3, 4), scores(3, 4), "CSIRT", "Z-MSSP")});
    EXPECT_EQ(lines(diff(tiny_directory(), before, after)),
              (Lines{"B-1 assignment 'insource' -> 'both'", "B-1 owner 'SOC' -> 'CSIRT'",
                     "B-1 provider '' -> 'Z-MSSP'"}));
}

TEST(Evaluation, DiffShowsNaAsItsToken) {
    auto before = snap("a", "2026-01-01", {outsourced("B-1", Level::basic, scores(2, 3))});
    auto after = snap("b", "2026-06-01", {outsourced("B-1", Level::basic, na_pair())});
    EXPECT_EQ(lines(diff(tiny_directory(), before, after)),
              (Lines{"B-1 as_is '2' -> 'n/a'", "B-1 to_be '3' -> 'n/a'"}));
}

TEST(Evaluation, DiffReportsAddedAndRemovedServices) {
    auto before = snap("a", "2026-01-01", {insourced("A-1", Level::basic, scores(2, 4), "SOC")});
    auto after =
        snap("b", "2026-06-01", {outsourced("D-1", Level::advanced, scores(1, 2), "MSSP")});
    EXPECT_EQ(lines(diff(tiny_directory(), before, after)),
              (Lines{"A-1 level 'basic' -> ''", "A-1 assignment 'insource' -> ''",
                     "A-1 owner 'SOC' -> ''", "A-1 as_is '2' -> ''", "A-1 to_be '4' -> ''",
                     "D-1 level '' -> 'advanced'", "D-1 assignment '' -> 'outsource'",
                     "D-1 provider '' -> 'MSSP'", "D-1 as_is '' -> '1'", "D-1 to_be '' -> '2'"}));
}

TEST(Evaluation, DiffFollowsDirectoryOrderThenIdsTheDirectoryNoLongerKnows) {
    // ORG-9 was a custom service when `before` was taken and has since been removed.
    auto before = snap(
        "a", "2026-01-01",
        {entry("ORG-9", Level::basic), entry("D-2", Level::basic), entry("A-1", Level::basic)});
    auto after =
        snap("b", "2026-06-01", {entry("D-2", Level::advanced), entry("A-1", Level::standard)});
    auto changes = diff(tiny_directory(), before, after);
    ASSERT_FALSE(changes.empty());
    EXPECT_EQ(changes.front().service_id, "A-1");
    EXPECT_EQ(changes[1].service_id, "D-2");
    EXPECT_EQ(changes.back().service_id, "ORG-9");
    EXPECT_EQ(changes.back().field, "as_is"); // an Unassigned service counts 1 as-is until removed
}

TEST(Evaluation, DiffReportsAnAsIsChangeWhileTheTargetIsStillUnset) {
    // The as-is column changed from 2 to 3; the to-be has not been scored in either evaluation.
    auto before =
        snap("a", "2026-01-01", {insourced("A-1", Level::basic, ScorePair{pts(2), std::nullopt})});
    auto after =
        snap("b", "2026-06-01", {insourced("A-1", Level::basic, ScorePair{pts(3), std::nullopt})});
    EXPECT_EQ(lines(diff(tiny_directory(), before, after)), (Lines{"A-1 as_is '2' -> '3'"}));
}

TEST(Evaluation, DiffReportsAToBeChangeWhileTheCurrentScoreIsStillUnset) {
    auto before =
        snap("a", "2026-01-01", {outsourced("B-1", Level::basic, ScorePair{std::nullopt, pts(3)})});
    auto after =
        snap("b", "2026-06-01", {outsourced("B-1", Level::basic, ScorePair{std::nullopt, pts(5)})});
    EXPECT_EQ(lines(diff(tiny_directory(), before, after)), (Lines{"B-1 to_be '3' -> '5'"}));
}

// ---- trends -----------------------------------------------------------------------------------

TEST(Evaluation, TrendsAreOrderedByDateWhateverTheInputOrder) {
    ServiceDirectory dir = tiny_directory();
    std::vector<Evaluation> history{
        snap("mid", "2026-06-01", {insourced("A-1", Level::basic, scores(3, 5))}),
        snap("new", "2026-12-01", {insourced("A-1", Level::basic, scores(4, 5))}),
        snap("old", "2026-01-01", {insourced("A-1", Level::basic, scores(2, 5))}),
    };
    auto t = trends(dir, history);
    ASSERT_FALSE(t.empty());
    EXPECT_EQ(t[0].scope, "overall");
    ASSERT_EQ(t[0].points.size(), 3u);
    EXPECT_EQ(t[0].points[0].evaluation_id, "old");
    EXPECT_EQ(t[0].points[1].evaluation_id, "mid");
    EXPECT_EQ(t[0].points[2].evaluation_id, "new");
    EXPECT_EQ(t[0].points[0].date, day("2026-01-01"));
    EXPECT_DOUBLE_EQ(t[0].points[0].value.as_is, 2.0);
    EXPECT_DOUBLE_EQ(t[0].points[1].value.as_is, 3.0);
    EXPECT_DOUBLE_EQ(t[0].points[2].value.as_is, 4.0);
}

TEST(Evaluation, TrendsHaveOverallThenOneScopePerCategory) {
    ServiceDirectory dir = tiny_directory();
    auto t = trends(dir, {snap("a", "2026-01-01",
                               {insourced("A-1", Level::basic, scores(2, 4)),
                                outsourced("B-1", Level::basic, scores(4, 4))})});
    ASSERT_EQ(t.size(), 4u);
    EXPECT_EQ(t[1].scope, "A");
    EXPECT_EQ(t[2].scope, "B");
    EXPECT_EQ(t[3].scope, "D");
    EXPECT_DOUBLE_EQ(t[0].points[0].value.as_is, 3.0);
    EXPECT_DOUBLE_EQ(t[1].points[0].value.as_is, 2.0);
    EXPECT_DOUBLE_EQ(t[2].points[0].value.as_is, 4.0);
    EXPECT_EQ(t[3].points[0].value.counted, 0);
}

TEST(Evaluation, TrendsOfNoHistoryHaveScopesButNoPoints) {
    auto t = trends(tiny_directory(), {});
    ASSERT_EQ(t.size(), 4u);
    for (const auto& trend : t) EXPECT_TRUE(trend.points.empty()) << trend.scope;
}

} // namespace

namespace {

using namespace cdcwb::test;

TEST(Evaluation, EvaluationIdsArePrintableWithoutSpaces) {
    for (const char* ok : {"2026-11-22", "2026-H1", "FY2026/Q3", "評価-1"})
        EXPECT_TRUE(validate_evaluation_id(ok, "id").ok()) << ok;
    for (std::string bad : {std::string(), std::string("2026 H1"), std::string("tab\there"),
                            std::string(65, 'x'), std::string("\xff")}) {
        auto s = validate_evaluation_id(bad, "id");
        ASSERT_FALSE(s.ok()) << bad;
        EXPECT_EQ(s.error().field, "id");
    }
}

TEST(Evaluation, AnApprovalIsDatedTheDayItIsGiven) {
    const auto evaluation = snap("E-1", "2026-11-22", {});
    const auto today = day("2026-11-25");
    EXPECT_TRUE(check_approval(evaluation, "alice", "bob", today, false).ok())
        << "no date asked for: today's";
    EXPECT_TRUE(check_approval(evaluation, "alice", "bob", today, false, today).ok());
    for (const char* other : {"2026-11-22", "2026-11-26"}) {
        auto s = check_approval(evaluation, "alice", "bob", today, false, day(other));
        ASSERT_FALSE(s.ok()) << other;
        EXPECT_EQ(s.error().code, ErrorCode::invalid_input);
        EXPECT_EQ(s.error().field, "date");
        EXPECT_NE(s.error().message.find("2026-11-25"), std::string::npos)
            << "names today: " << s.error().message;
    }
}

} // namespace
