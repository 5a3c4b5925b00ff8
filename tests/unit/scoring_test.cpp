// Service scores per assignment and their aggregation (project rules in scoring.hpp).
#include "domain/scoring.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::test;
using State = ServiceScore::State;

void expect_scored(const ServiceScore& s, int as_is, int to_be) {
    ASSERT_EQ(s.state, State::scored);
    EXPECT_EQ(s.as_is, as_is);
    EXPECT_EQ(s.to_be, to_be);
}

// ---- service_score ----------------------------------------------------------------------------

TEST(Scoring, InsourcedServiceScoresItsInsourceRubric) {
    ServiceScore s = service_score(insourced("A-1", Level::basic, scores(2, 4)));
    expect_scored(s, 2, 4);
    EXPECT_EQ(s.gap(), 2);
}

TEST(Scoring, OutsourcedServiceScoresItsOutsourceRubric) {
    expect_scored(service_score(outsourced("B-1", Level::basic, scores(3, 5))), 3, 5);
}

TEST(Scoring, AssignmentDecidesWhichRubricIsRead) {
    ServiceEntry e = outsourced("B-1", Level::basic, scores(3, 5));
    e.insource = scores(1, 1); // not allowed by validate_entry; still never read for Outsource
    expect_scored(service_score(e), 3, 5);
    e.assignment = Assignment::insource;
    expect_scored(service_score(e), 1, 1);
}

TEST(Scoring, NaRubricMakesTheServiceNotApplicable) {
    EXPECT_EQ(service_score(insourced("A-1", Level::basic, na_pair())).state,
              State::not_applicable);
    EXPECT_EQ(service_score(outsourced("B-1", Level::basic, ScorePair{na(), std::nullopt})).state,
              State::not_applicable);
    EXPECT_EQ(service_score(insourced("A-1", Level::basic, ScorePair{std::nullopt, na()})).state,
              State::not_applicable);
}

TEST(Scoring, MissingAsIsOrToBeMakesTheServiceIncomplete) {
    EXPECT_EQ(service_score(insourced("A-1", Level::basic, ScorePair{})).state, State::incomplete);
    EXPECT_EQ(service_score(insourced("A-1", Level::basic, ScorePair{pts(3), std::nullopt})).state,
              State::incomplete);
    EXPECT_EQ(service_score(outsourced("B-1", Level::basic, ScorePair{std::nullopt, pts(3)})).state,
              State::incomplete);
}

TEST(Scoring, BothAssignmentScoresTheLowerRubric) {
    expect_scored(service_score(shared("D-1", Level::basic, scores(4, 5), scores(2, 3))), 2, 3);
    expect_scored(service_score(shared("D-1", Level::basic, scores(1, 2), scores(3, 4))), 1, 2);
}

TEST(Scoring, BothAssignmentTakesTheLowerAsIsAndTheLowerToBeEachOnItsOwn) {
    // Insource is lower now, outsource is the lower target: the service is only as good as its
    // weaker side on each column.
    ServiceScore s = service_score(shared("D-1", Level::basic, scores(2, 5), scores(4, 4)));
    expect_scored(s, 2, 4);
    EXPECT_EQ(s.gap(), 2);
}

TEST(Scoring, BothAssignmentIgnoresANaSide) {
    expect_scored(service_score(shared("D-1", Level::basic, na_pair(), scores(2, 4))), 2, 4);
    expect_scored(service_score(shared("D-1", Level::basic, scores(3, 5), na_pair())), 3, 5);
}

TEST(Scoring, BothAssignmentWithBothSidesNaIsNotApplicable) {
    EXPECT_EQ(service_score(shared("D-1", Level::basic, na_pair(), na_pair())).state,
              State::not_applicable);
}

TEST(Scoring, BothAssignmentWithAnIncompleteSideIsIncomplete) {
    EXPECT_EQ(service_score(shared("D-1", Level::basic, scores(3, 4), ScorePair{})).state,
              State::incomplete);
    EXPECT_EQ(
        service_score(shared("D-1", Level::basic, ScorePair{pts(2), std::nullopt}, scores(3, 4)))
            .state,
        State::incomplete);
    EXPECT_EQ(service_score(shared("D-1", Level::basic, na_pair(), ScorePair{pts(2), std::nullopt}))
                  .state,
              State::incomplete);
}

TEST(Scoring, UnassignedServiceScoresOneAsIsWithoutBeingTold) {
    ServiceScore s = service_score(unassigned("D-2", Level::basic, std::nullopt, pts(3)));
    expect_scored(s, 1, 3);
    EXPECT_EQ(s.gap(), 2);
    expect_scored(service_score(unassigned("D-2", Level::basic, pts(1), pts(2))), 1, 2);
}

TEST(Scoring, UnassignedServiceNeedsAToBeTarget) {
    EXPECT_EQ(service_score(unassigned("D-2", Level::basic, std::nullopt, std::nullopt)).state,
              State::incomplete);
    EXPECT_EQ(service_score(unassigned("D-2", Level::basic, pts(1), std::nullopt)).state,
              State::incomplete);
}

TEST(Scoring, UnassignedServiceExplicitlyNaIsNotApplicable) {
    EXPECT_EQ(service_score(unassigned("D-2", Level::basic, na(), na())).state,
              State::not_applicable);
    EXPECT_EQ(service_score(unassigned("D-2", Level::basic, na(), std::nullopt)).state,
              State::not_applicable);
}

TEST(Scoring, GapIsNegativeWhenTheTargetIsBelowTheCurrentScore) {
    EXPECT_EQ(service_score(insourced("A-1", Level::basic, scores(4, 2))).gap(), -2);
    EXPECT_EQ(service_score(insourced("A-1", Level::basic, scores(3, 3))).gap(), 0);
}

// ---- in_scope ---------------------------------------------------------------------------------

TEST(Scoring, OnlyDecidedLevelsOtherThanNotRequiredAreInScope) {
    EXPECT_FALSE(in_scope(entry("A-1", std::nullopt)));
    EXPECT_FALSE(in_scope(entry("A-1", Level::not_required)));
    for (Level l : {Level::basic, Level::standard, Level::advanced, Level::optional})
        EXPECT_TRUE(in_scope(entry("A-1", l))) << to_string(l);
}

// ---- aggregate --------------------------------------------------------------------------------

class ScoringAggregation : public ::testing::Test {
  protected:
    ServiceDirectory dir = tiny_directory(
        {custom_service("ORG-1", "D"), custom_service("ORG-2", "B"), custom_service("ORG-3", "A")});
    std::vector<ServiceEntry> entries{
        insourced("A-1", Level::basic, scores(2, 4)),
        outsourced("A-2", Level::standard, scores(3, 5)),
        shared("B-1", Level::advanced, scores(4, 5), scores(2, 3)),       // 2 → 3
        insourced("D-1", Level::not_required, scores(1, 5)),              // out of the catalogue
        insourced("D-2", std::nullopt, scores(1, 5)),                     // undecided
        unassigned("ORG-1", Level::optional, std::nullopt, pts(3)),       // 1 → 3, custom in D
        insourced("ORG-2", Level::basic, na_pair()),                      // n/a, custom in B
        insourced("ORG-3", Level::basic, ScorePair{pts(2), std::nullopt}) // incomplete, custom in A
    };
};

TEST_F(ScoringAggregation, OverallIsTheMeanOverScoredServicesInTheCatalogue) {
    Scores s = aggregate(dir, entries);
    EXPECT_EQ(s.overall.counted, 4);
    EXPECT_DOUBLE_EQ(s.overall.as_is, (2 + 3 + 2 + 1) / 4.0);
    EXPECT_DOUBLE_EQ(s.overall.to_be, (4 + 5 + 3 + 3) / 4.0);
    EXPECT_DOUBLE_EQ(s.overall.gap(), 1.75);
}

TEST_F(ScoringAggregation, NaAndIncompleteServicesAreCountedApartFromTheMean) {
    Scores s = aggregate(dir, entries);
    EXPECT_EQ(s.overall.not_applicable, 1);
    EXPECT_EQ(s.overall.incomplete, 1);
    EXPECT_EQ(s.category("B")->not_applicable, 1);
    EXPECT_EQ(s.category("A")->incomplete, 1);
}

TEST_F(ScoringAggregation, NotRequiredAndUndecidedServicesAreLeftOutEntirely) {
    Scores s = aggregate(dir, entries);
    const Aggregate* d = s.category("D");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->counted, 1); // only the custom ORG-1; D-1 and D-2 do not count
    EXPECT_EQ(d->not_applicable, 0);
    EXPECT_EQ(d->incomplete, 0);
    EXPECT_DOUBLE_EQ(d->as_is, 1.0);
    EXPECT_DOUBLE_EQ(d->to_be, 3.0);
}

TEST_F(ScoringAggregation, CategoryMeansIncludeCustomServicesAndFollowCatalogueOrder) {
    Scores s = aggregate(dir, entries);
    ASSERT_EQ(s.categories.size(), 3u);
    EXPECT_EQ(s.categories[0].first, "A");
    EXPECT_EQ(s.categories[1].first, "B");
    EXPECT_EQ(s.categories[2].first, "D");
    const Aggregate* a = s.category("A");
    EXPECT_EQ(a->counted, 2);
    EXPECT_DOUBLE_EQ(a->as_is, 2.5);
    EXPECT_DOUBLE_EQ(a->to_be, 4.5);
    const Aggregate* b = s.category("B");
    EXPECT_EQ(b->counted, 1);
    EXPECT_DOUBLE_EQ(b->as_is, 2.0);
    EXPECT_DOUBLE_EQ(b->to_be, 3.0);
    EXPECT_EQ(s.category("Z"), nullptr);
}

TEST_F(ScoringAggregation, PhaseMeansFollowTheCategoriesPhases) {
    Scores s = aggregate(dir, entries);
    ASSERT_EQ(s.phases.size(), 3u);
    EXPECT_EQ(s.phases.at(Phase::strategic).counted, 2);
    EXPECT_DOUBLE_EQ(s.phases.at(Phase::strategic).as_is, 2.5);
    EXPECT_EQ(s.phases.at(Phase::strategic).incomplete, 1);
    EXPECT_EQ(s.phases.at(Phase::operation).counted, 1);
    EXPECT_EQ(s.phases.at(Phase::operation).not_applicable, 1);
    EXPECT_EQ(s.phases.at(Phase::response).counted, 1);
    EXPECT_DOUBLE_EQ(s.phases.at(Phase::response).to_be, 3.0);
}

TEST_F(ScoringAggregation, EntriesForUnknownServicesAreIgnored) {
    entries.push_back(insourced("Z-9", Level::basic, scores(5, 5)));
    EXPECT_EQ(aggregate(dir, entries).overall.counted, 4);
}

TEST(Scoring, AggregateOfNothingIsZeroEverywhereButListsEveryCategoryAndPhase) {
    Scores s = aggregate(tiny_directory(), {});
    EXPECT_EQ(s.overall.counted, 0);
    EXPECT_DOUBLE_EQ(s.overall.as_is, 0.0);
    EXPECT_DOUBLE_EQ(s.overall.to_be, 0.0);
    EXPECT_EQ(s.categories.size(), 3u);
    for (const auto& [id, agg] : s.categories) EXPECT_EQ(agg.counted, 0) << id;
    EXPECT_EQ(s.phases.size(), 3u);
}

TEST(Scoring, AllNaCategoryHasNoMeanButCountsItsNaServices) {
    Scores s = aggregate(tiny_directory(), {insourced("A-1", Level::basic, na_pair()),
                                            outsourced("A-2", Level::basic, na_pair())});
    EXPECT_EQ(s.category("A")->counted, 0);
    EXPECT_EQ(s.category("A")->not_applicable, 2);
    EXPECT_DOUBLE_EQ(s.category("A")->as_is, 0.0);
}

// ---- what one row shows ----------------------------------------------------------------------

TEST(Scoring, EachAssignmentIsScoredWithItsOwnPairs) {
    using Slots = std::vector<ScoreSlot>;
    EXPECT_EQ(score_slots(Assignment::insource), Slots{ScoreSlot::insource});
    EXPECT_EQ(score_slots(Assignment::outsource), Slots{ScoreSlot::outsource});
    EXPECT_EQ(score_slots(Assignment::both), (Slots{ScoreSlot::insource, ScoreSlot::outsource}));
    EXPECT_EQ(score_slots(Assignment::unassigned), Slots{ScoreSlot::unassigned});
    EXPECT_EQ(to_string(ScoreSlot::unassigned), "unassigned");
}

TEST(Scoring, AnAssignmentNeedsTheNamesThatMakeItAccountable) {
    const auto needs = [](Assignment a) {
        const NamesNeeded n = names_needed(a);
        return std::pair{n.owner, n.provider};
    };
    EXPECT_EQ(needs(Assignment::insource), std::pair(true, false));
    EXPECT_EQ(needs(Assignment::outsource), std::pair(false, true));
    EXPECT_EQ(needs(Assignment::both), std::pair(true, true));
    EXPECT_EQ(needs(Assignment::unassigned), std::pair(false, false));
}

TEST(Scoring, PairGapIsToBeMinusAsIsWhenBothAreNumbers) {
    EXPECT_EQ(pair_gap(ScoreSlot::insource, scores(2, 5)), 3);
    EXPECT_EQ(pair_gap(ScoreSlot::outsource, scores(4, 3)), -1);
    EXPECT_EQ(pair_gap(ScoreSlot::insource, ScorePair{std::nullopt, pts(5)}), std::nullopt);
    EXPECT_EQ(pair_gap(ScoreSlot::insource, ScorePair{pts(2), std::nullopt}), std::nullopt);
    EXPECT_EQ(pair_gap(ScoreSlot::outsource, na_pair()), std::nullopt);
}

TEST(Scoring, UnassignedPairGapCountsAMissingAsIsAsOne) {
    EXPECT_EQ(pair_gap(ScoreSlot::unassigned, ScorePair{std::nullopt, pts(4)}), 3);
    EXPECT_EQ(pair_gap(ScoreSlot::unassigned, ScorePair{na(), na()}), std::nullopt);
    // Only the Unassigned pair has the default.
    EXPECT_EQ(pair_gap(ScoreSlot::insource, ScorePair{std::nullopt, pts(4)}), std::nullopt);
}

TEST(Scoring, FullyScoredMeansNoMissingScoreTheAssignmentNeeds) {
    EXPECT_TRUE(fully_scored(insourced("A-1", Level::basic, scores(2, 4))));
    EXPECT_TRUE(fully_scored(insourced("A-1", Level::basic, na_pair())));
    EXPECT_FALSE(fully_scored(insourced("A-1", Level::basic, ScorePair{pts(2), std::nullopt})));
    EXPECT_TRUE(fully_scored(unassigned("B-1", Level::basic, std::nullopt, pts(3))));
    EXPECT_FALSE(fully_scored(unassigned("B-1", Level::basic, std::nullopt, std::nullopt)));
    EXPECT_FALSE(fully_scored(shared("D-1", Level::basic, scores(2, 3), ScorePair{}, "x", "y")));
    EXPECT_TRUE(fully_scored(shared("D-1", Level::basic, scores(2, 3), na_pair(), "x", "y")));
}

} // namespace
