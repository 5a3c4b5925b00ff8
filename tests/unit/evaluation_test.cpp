// The evaluation process (X.1060 clause 11): catalogue, profile and portfolio findings, their
// order and severities, and the standard's figure 4 example.
#include "domain/evaluation.hpp"
#include "fixtures.hpp"

#include <algorithm>
#include <gtest/gtest.h>

namespace {

using namespace cdcwb::test;
using Codes = std::vector<std::string>;

Template reference_template() {
    Template t;
    t.id = "ref";
    t.catalogue_id = "tiny";
    t.levels = {{"A-1", Level::basic}, {"A-2", Level::standard},     {"B-1", Level::advanced},
                {"D-1", Level::basic}, {"D-2", Level::not_required}, {"ORG-1", Level::basic}};
    return t;
}

// ---- the standard's figure 4 ------------------------------------------------------------------

TEST(EvaluationResult, Figure4ExampleGivesGapsTwoTwoOneAndFlagsService3Unassigned) {
    ServiceDirectory dir = directory_of(figure4_catalogue());
    const std::vector<ServiceEntry> matrix{
        insourced("service-1", Level::basic, scores(3, 5), "AB dept."),
        outsourced("service-2", Level::standard, scores(2, 4), "Z-MSSP"),
        unassigned("service-3", Level::advanced, pts(1), pts(2)),
    };
    for (const auto& e : matrix) ASSERT_TRUE(validate_entry(e, dir, e.service_id).ok());

    EXPECT_EQ(service_score(matrix[0]).gap(), 2);
    EXPECT_EQ(service_score(matrix[1]).gap(), 2);
    EXPECT_EQ(service_score(matrix[2]).gap(), 1);

    EvaluationResult ev = evaluate(dir, matrix, nullptr);
    EXPECT_TRUE(codes(ev, EvaluationKind::catalogue).empty());
    EXPECT_EQ(codes(ev, EvaluationKind::profile), (Codes{"unassigned service-3"}));
    EXPECT_EQ(codes(ev, EvaluationKind::portfolio),
              (Codes{"gap service-1", "gap service-2", "gap service-3"}));

    const Finding* s3 = find_finding(ev, finding::unassigned, "service-3");
    ASSERT_NE(s3, nullptr);
    EXPECT_EQ(s3->severity, Severity::error);
    EXPECT_EQ(s3->level, Level::advanced);
    EXPECT_EQ(s3->assignment, Assignment::unassigned);

    const auto gaps = ev.of_kind(EvaluationKind::portfolio);
    ASSERT_EQ(gaps.size(), 3u);
    const int expected[][2] = {{3, 5}, {2, 4}, {1, 2}};
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(gaps[i]->as_is, expected[i][0]) << gaps[i]->service_id;
        EXPECT_EQ(gaps[i]->to_be, expected[i][1]) << gaps[i]->service_id;
        EXPECT_EQ(*gaps[i]->to_be - *gaps[i]->as_is, i < 2 ? 2 : 1);
    }
    EXPECT_EQ(gaps[0]->assignment, Assignment::insource);
    EXPECT_EQ(gaps[1]->assignment, Assignment::outsource);
    EXPECT_EQ(gaps[0]->severity, Severity::warning); // Basic gap
    EXPECT_EQ(gaps[1]->severity, Severity::info);

    EXPECT_EQ(ev.scores.overall.counted, 3);
    EXPECT_DOUBLE_EQ(ev.scores.overall.as_is, 2.0);
    EXPECT_DOUBLE_EQ(ev.scores.overall.to_be, 11.0 / 3.0);
}

// ---- catalogue evaluation ---------------------------------------------------------------------

TEST(EvaluationResult, ServicesWithoutADecidedLevelAreUndecidedInCatalogueOrder) {
    ServiceDirectory dir = tiny_directory({custom_service("ORG-1", "A")});
    EvaluationResult ev =
        evaluate(dir,
                 {insourced("A-1", Level::basic, scores(3, 3)), entry("B-1", std::nullopt),
                  insourced("D-1", Level::basic, scores(3, 3))},
                 nullptr);
    EXPECT_EQ(codes(ev, EvaluationKind::catalogue),
              (Codes{"undecided A-2", "undecided B-1", "undecided D-2", "undecided ORG-1"}));
    for (const Finding* f : ev.of_kind(EvaluationKind::catalogue)) {
        EXPECT_EQ(f->severity, Severity::warning);
        EXPECT_FALSE(f->level.has_value());
        EXPECT_FALSE(f->assignment.has_value());
        EXPECT_TRUE(f->message.complete());
    }
}

TEST(EvaluationResult, UndecidedFindingCarriesTheReferenceLevel) {
    Template ref = reference_template();
    EvaluationResult ev = evaluate(tiny_directory(), {}, &ref);
    const Finding* a2 = find_finding(ev, finding::undecided, "A-2");
    ASSERT_NE(a2, nullptr);
    EXPECT_EQ(a2->reference_level, Level::standard);
    EXPECT_EQ(ev.reference_template, "ref");
}

TEST(EvaluationResult, NotRequiredServicesAreAlwaysReviewedAsInfoWithoutReference) {
    EvaluationResult ev = evaluate(tiny_directory(),
                                   {entry("A-1", Level::not_required), entry("A-2", Level::basic),
                                    entry("B-1", Level::basic), entry("D-1", Level::basic),
                                    entry("D-2", Level::not_required)},
                                   nullptr);
    EXPECT_EQ(codes(ev, EvaluationKind::catalogue),
              (Codes{"not_required_review A-1", "not_required_review D-2"}));
    EXPECT_EQ(find_finding(ev, finding::not_required_review, "A-1")->severity, Severity::info);
    EXPECT_EQ(find_finding(ev, finding::not_required_review, "A-1")->level, Level::not_required);
    EXPECT_TRUE(ev.reference_template.empty());
}

class EvaluationAgainstReference : public ::testing::Test {
  protected:
    Template ref = reference_template();
    ServiceDirectory dir =
        tiny_directory({custom_service("ORG-1", "A"), custom_service("ORG-2", "B")});
    std::vector<ServiceEntry> entries{
        entry("A-1", Level::not_required), // reference wants Basic
        entry("A-2", Level::advanced),     // reference Standard: below
        entry("B-1", Level::standard),     // reference Advanced: above
        entry("D-1", Level::basic),        // same as reference
        entry("D-2", Level::not_required), // reference agrees
        entry("ORG-1", Level::optional),   // custom: never compared
    };
    EvaluationResult ev = evaluate(dir, entries, &ref);
};

TEST_F(EvaluationAgainstReference, FindingsFollowCatalogueOrder) {
    EXPECT_EQ(codes(ev, EvaluationKind::catalogue),
              (Codes{"not_required_review A-1", "below_reference A-2", "above_reference B-1",
                     "not_required_review D-2", "undecided ORG-2"}));
}

TEST_F(EvaluationAgainstReference, NotRequiredIsAWarningWhenTheReferenceWantsTheService) {
    const Finding* f = find_finding(ev, finding::not_required_review, "A-1");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_EQ(f->reference_level, Level::basic);
    EXPECT_NE(f->message.en.find("Basic"), std::string::npos) << f->message.en;
    EXPECT_NE(f->message.ja.find("ベーシック"), std::string::npos) << f->message.ja;
}

TEST_F(EvaluationAgainstReference, NotRequiredIsInfoWhenTheReferenceAgrees) {
    const Finding* f = find_finding(ev, finding::not_required_review, "D-2");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::info);
    EXPECT_EQ(f->reference_level, Level::not_required);
}

TEST_F(EvaluationAgainstReference, LowerLevelThanReferenceIsAWarning) {
    const Finding* f = find_finding(ev, finding::below_reference, "A-2");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::warning);
    EXPECT_EQ(f->level, Level::advanced);
    EXPECT_EQ(f->reference_level, Level::standard);
    EXPECT_NE(f->message.en.find("Advanced"), std::string::npos);
    EXPECT_NE(f->message.en.find("Standard"), std::string::npos);
}

TEST_F(EvaluationAgainstReference, HigherLevelThanReferenceIsInfo) {
    const Finding* f = find_finding(ev, finding::above_reference, "B-1");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->severity, Severity::info);
    EXPECT_EQ(f->level, Level::standard);
    EXPECT_EQ(f->reference_level, Level::advanced);
}

TEST_F(EvaluationAgainstReference, SameLevelAndCustomServicesGiveNoComparison) {
    for (const char* id : {"D-1", "ORG-1"})
        for (auto code : {finding::below_reference, finding::above_reference})
            EXPECT_EQ(find_finding(ev, code, id), nullptr) << code << " " << id;
    EXPECT_EQ(ev.reference_template, "ref");
}

TEST(EvaluationResult, ReferenceSayingNotRequiredMakesAnyChosenLevelAbove) {
    Template ref;
    ref.levels = {{"A-1", Level::not_required}};
    EvaluationResult ev = evaluate(tiny_directory(), {entry("A-1", Level::optional)}, &ref);
    EXPECT_NE(find_finding(ev, finding::above_reference, "A-1"), nullptr);
}

TEST(EvaluationResult, OptionalWhereTheReferenceHasAdvancedIsBelow) {
    Template ref;
    ref.levels = {{"A-1", Level::advanced}};
    EvaluationResult ev = evaluate(tiny_directory(), {entry("A-1", Level::optional)}, &ref);
    EXPECT_NE(find_finding(ev, finding::below_reference, "A-1"), nullptr);
}

// ---- profile evaluation -----------------------------------------------------------------------

class EvaluationProfile : public ::testing::Test {
  protected:
    ServiceDirectory dir =
        tiny_directory({custom_service("ORG-1", "D", SourcingAnswers{Information::external, true}),
                        custom_service("ORG-2", "D"), custom_service("ORG-3", "D")});
    std::vector<ServiceEntry> entries{
        outsourced("A-1", Level::basic, scores(3, 4)),       // quadrant I: mismatch
        insourced("A-2", Level::standard, scores(3, 4), ""), // quadrant IV: mismatch, no owner
        unassigned("B-1", Level::basic, pts(1), pts(3)),     // unassigned
        shared("D-1", Level::basic, scores(2, 3), scores(2, 3), "", ""), // III both: fine, no names
        insourced("D-2", Level::basic, scores(3, 4)),      // no sourcing answers: fine
        insourced("ORG-1", Level::advanced, scores(2, 3)), // custom quadrant III: mismatch
        unassigned("ORG-2", Level::not_required, std::nullopt, std::nullopt), // out of scope
        entry("ORG-3", std::nullopt), // undecided: out of scope
    };
    EvaluationResult ev = evaluate(dir, entries, nullptr);
};

TEST_F(EvaluationProfile, UnassignedFirstThenQuadrantMismatchesThenMissingNames) {
    EXPECT_EQ(codes(ev, EvaluationKind::profile),
              (Codes{"unassigned B-1", "quadrant_mismatch A-1", "quadrant_mismatch A-2",
                     "quadrant_mismatch ORG-1", "missing_owner A-2", "missing_owner D-1",
                     "missing_provider D-1"}));
}

TEST_F(EvaluationProfile, UnassignedIsAnErrorAndTheRestAreWarnings) {
    for (const Finding* f : ev.of_kind(EvaluationKind::profile)) {
        EXPECT_EQ(f->severity, f->code == finding::unassigned ? Severity::error : Severity::warning)
            << f->code << " " << f->service_id;
        EXPECT_TRUE(f->message.complete());
    }
}

TEST_F(EvaluationProfile, MismatchFindingsNameTheQuadrant) {
    EXPECT_EQ(find_finding(ev, finding::quadrant_mismatch, "A-1")->quadrant, Quadrant::I);
    EXPECT_EQ(find_finding(ev, finding::quadrant_mismatch, "A-2")->quadrant, Quadrant::IV);
    EXPECT_EQ(find_finding(ev, finding::quadrant_mismatch, "ORG-1")->quadrant, Quadrant::III);
    EXPECT_EQ(find_finding(ev, finding::quadrant_mismatch, "A-1")->assignment,
              Assignment::outsource);
}

TEST_F(EvaluationProfile, ServicesOutOfScopeGetNoProfileFindings) {
    for (const Finding* f : ev.of_kind(EvaluationKind::profile)) {
        EXPECT_NE(f->service_id, "ORG-2");
        EXPECT_NE(f->service_id, "ORG-3");
    }
}

TEST_F(EvaluationProfile, ARowsProfileIssuesAreTheEvaluationsFindingsForThatService) {
    for (const ServiceEntry& e : entries) {
        Codes want;
        for (const Finding* f : ev.of_kind(EvaluationKind::profile))
            if (f->service_id == e.service_id) want.push_back(f->code + " " + f->service_id);
        Codes got;
        for (const Finding& f : profile_issues(e, *dir.find(e.service_id)))
            got.push_back(f.code + " " + f.service_id);
        std::sort(want.begin(), want.end());
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, want) << e.service_id;
    }
}

TEST_F(EvaluationProfile, ARowOutsideTheCatalogueHasNoProfileIssuesThoughItsFindingsWould) {
    const ServiceEntry& org2 = entries[6]; // Unassigned, Not required
    ASSERT_EQ(org2.service_id, "ORG-2");
    EXPECT_TRUE(profile_issues(org2, *dir.find("ORG-2")).empty());
    const auto findings = profile_findings(org2, *dir.find("ORG-2"));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].code, finding::unassigned);
}

TEST(EvaluationResult, EveryFindingCarriesItsFiguresAndAMessageInBothLanguages) {
    ServiceDirectory dir = tiny_directory();
    EvaluationResult ev = evaluate(dir,
                                   {outsourced("A-1", Level::basic, scores(2, 4)),
                                    insourced("A-2", Level::basic, scores(4, 2), ""),
                                    entry("B-1", std::nullopt), entry("D-1", Level::not_required)},
                                   nullptr);
    ASSERT_FALSE(ev.findings.empty());
    for (const Finding& f : ev.findings) {
        EXPECT_TRUE(f.message.complete()) << f.code << " " << f.service_id;
        EXPECT_FALSE(f.code.empty());
        EXPECT_FALSE(f.service_id.empty());
    }
    const Finding* gap = find_finding(ev, finding::gap, "A-1");
    ASSERT_NE(gap, nullptr);
    EXPECT_EQ(gap->as_is, 2);
    EXPECT_EQ(gap->to_be, 4);
    const Finding* below = find_finding(ev, finding::target_below_current, "A-2");
    ASSERT_NE(below, nullptr);
    EXPECT_EQ(below->as_is, 4);
    EXPECT_EQ(below->to_be, 2);
    EXPECT_EQ(find_finding(ev, finding::quadrant_mismatch, "A-1")->quadrant, Quadrant::I);
}

TEST(EvaluationResult, OrganisationsSourcingAnswersDecideTheQuadrant) {
    ServiceDirectory dir = tiny_directory();
    ServiceEntry b1 = outsourced("B-1", Level::basic, scores(3, 4)); // default II: mismatch
    EXPECT_NE(find_finding(evaluate(dir, {b1}, nullptr), finding::quadrant_mismatch, "B-1"),
              nullptr);
    b1.sourcing = SourcingAnswers{Information::external, true}; // III: outsourcing advised
    EXPECT_EQ(find_finding(evaluate(dir, {b1}, nullptr), finding::quadrant_mismatch, "B-1"),
              nullptr);
    ServiceEntry d2 = insourced("D-2", Level::basic, scores(3, 4)); // no default answers
    d2.sourcing = SourcingAnswers{Information::internal, true};     // IV: insource only is wrong
    // The result outlives the finding read from it (AddressSanitizer found a pointer into a
    // destroyed temporary here).
    const auto ev = evaluate(dir, {d2}, nullptr);
    const Finding* f = find_finding(ev, finding::quadrant_mismatch, "D-2");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->quadrant, Quadrant::IV);
}

TEST(EvaluationResult, OwnerIsNeededForInsourceAndBothProviderForOutsourceAndBoth) {
    ServiceDirectory dir = tiny_directory();
    EvaluationResult ev = evaluate(dir,
                                   {insourced("D-2", Level::basic, scores(3, 4), ""),
                                    outsourced("D-1", Level::basic, scores(3, 4), "")},
                                   nullptr);
    EXPECT_EQ(codes(ev, EvaluationKind::profile),
              (Codes{"missing_provider D-1", "missing_owner D-2"}));
}

// ---- portfolio evaluation ---------------------------------------------------------------------

class EvaluationPortfolio : public ::testing::Test {
  protected:
    ServiceDirectory dir = tiny_directory(
        {custom_service("ORG-1", "A"), custom_service("ORG-2", "A"), custom_service("ORG-3", "A"),
         custom_service("ORG-4", "A"), custom_service("ORG-5", "A")});
    std::vector<ServiceEntry> entries{
        insourced("A-1", Level::advanced, scores(1, 5)),                   // gap 4
        insourced("A-2", Level::basic, scores(2, 5)),                      // gap 3
        insourced("B-1", Level::standard, scores(1, 4)),                   // gap 3
        insourced("D-1", Level::basic, scores(1, 4)),                      // gap 3
        insourced("D-2", Level::optional, scores(1, 2)),                   // gap 1
        insourced("ORG-1", Level::basic, ScorePair{pts(2), std::nullopt}), // not scored
        insourced("ORG-2", Level::standard, scores(4, 2)),                 // target below
        insourced("ORG-3", Level::basic, scores(2, 2)),                    // no gap
        insourced("ORG-4", Level::basic, scores(3, 4)),                    // gap 1
        insourced("ORG-5", Level::basic, na_pair()),                       // n/a
    };
    EvaluationResult ev = evaluate(dir, entries, nullptr);
};

TEST_F(EvaluationPortfolio, GapsByLevelPriorityThenLargestGapThenNotScoredThenTargetsBelowCurrent) {
    EXPECT_EQ(codes(ev, EvaluationKind::portfolio),
              (Codes{"gap A-2", "gap D-1", "gap ORG-4", "gap B-1", "gap A-1", "gap D-2",
                     "not_scored ORG-1", "target_below_current ORG-2"}));
}

TEST_F(EvaluationPortfolio, BasicGapsAreWarningsOtherGapsInfo) {
    EXPECT_EQ(find_finding(ev, finding::gap, "A-2")->severity, Severity::warning);
    EXPECT_EQ(find_finding(ev, finding::gap, "ORG-4")->severity, Severity::warning);
    EXPECT_EQ(find_finding(ev, finding::gap, "B-1")->severity, Severity::info);
    EXPECT_EQ(find_finding(ev, finding::gap, "A-1")->severity, Severity::info);
    EXPECT_EQ(find_finding(ev, finding::gap, "D-2")->severity, Severity::info);
}

TEST_F(EvaluationPortfolio, NotScoredIsAWarningAndTargetBelowCurrentIsInfo) {
    const Finding* ns = find_finding(ev, finding::not_scored, "ORG-1");
    ASSERT_NE(ns, nullptr);
    EXPECT_EQ(ns->severity, Severity::warning);
    EXPECT_FALSE(ns->as_is.has_value());
    const Finding* below = find_finding(ev, finding::target_below_current, "ORG-2");
    ASSERT_NE(below, nullptr);
    EXPECT_EQ(below->severity, Severity::info);
    EXPECT_EQ(below->as_is, 4);
    EXPECT_EQ(below->to_be, 2);
}

TEST_F(EvaluationPortfolio, GapFindingsCarryTheScoresAndSayTheGap) {
    const Finding* f = find_finding(ev, finding::gap, "A-1");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->as_is, 1);
    EXPECT_EQ(f->to_be, 5);
    EXPECT_EQ(f->level, Level::advanced);
    EXPECT_NE(f->message.en.find("gap 4"), std::string::npos) << f->message.en;
}

TEST_F(EvaluationPortfolio, ServicesWithoutGapOrNaGiveNoFinding) {
    for (const Finding* f : ev.of_kind(EvaluationKind::portfolio)) {
        EXPECT_NE(f->service_id, "ORG-3");
        EXPECT_NE(f->service_id, "ORG-5");
    }
}

TEST(EvaluationResult, PortfolioIgnoresNotRequiredAndUndecidedServices) {
    EvaluationResult ev = evaluate(tiny_directory(),
                                   {insourced("A-1", Level::not_required, scores(1, 5)),
                                    insourced("A-2", std::nullopt, scores(1, 5))},
                                   nullptr);
    EXPECT_TRUE(ev.of_kind(EvaluationKind::portfolio).empty());
    EXPECT_TRUE(ev.of_kind(EvaluationKind::profile).empty());
}

TEST(EvaluationResult, UnassignedServiceWithoutTargetIsNotScored) {
    EvaluationResult ev = evaluate(
        tiny_directory(), {unassigned("D-2", Level::basic, std::nullopt, std::nullopt)}, nullptr);
    EXPECT_NE(find_finding(ev, finding::not_scored, "D-2"), nullptr);
}

// ---- the whole evaluation ---------------------------------------------------------------------

TEST(EvaluationResult, FindingsComeCatalogueThenProfileThenPortfolio) {
    ServiceDirectory dir = tiny_directory();
    EvaluationResult ev = evaluate(
        dir,
        {entry("A-1", Level::not_required), unassigned("D-1", Level::basic, std::nullopt, pts(4))},
        nullptr);
    ASSERT_FALSE(ev.findings.empty());
    int last = 0;
    for (const Finding& f : ev.findings) {
        const int kind = static_cast<int>(f.kind);
        EXPECT_GE(kind, last) << f.code << " " << f.service_id;
        last = kind;
    }
    EXPECT_FALSE(ev.of_kind(EvaluationKind::catalogue).empty());
    EXPECT_FALSE(ev.of_kind(EvaluationKind::profile).empty());
    EXPECT_FALSE(ev.of_kind(EvaluationKind::portfolio).empty());
    EXPECT_EQ(ev.findings.front().kind, EvaluationKind::catalogue);
    EXPECT_EQ(ev.findings.back().kind, EvaluationKind::portfolio);
}

TEST(EvaluationResult, CountAtLeastCountsFindingsAtOrAboveASeverity) {
    ServiceDirectory dir = directory_of(figure4_catalogue());
    EvaluationResult ev =
        evaluate(dir,
                 {insourced("service-1", Level::basic, scores(3, 5), "AB dept."),
                  outsourced("service-2", Level::standard, scores(2, 4), "Z-MSSP"),
                  unassigned("service-3", Level::advanced, pts(1), pts(2))},
                 nullptr);
    EXPECT_EQ(ev.count_at_least(Severity::error), 1);   // unassigned service-3
    EXPECT_EQ(ev.count_at_least(Severity::warning), 2); // + Basic gap of service-1
    EXPECT_EQ(ev.count_at_least(Severity::info), 4);
}

TEST(EvaluationResult, CarriesTheAggregatedScores) {
    ServiceDirectory dir = tiny_directory();
    std::vector<ServiceEntry> entries{insourced("A-1", Level::basic, scores(2, 4)),
                                      outsourced("B-1", Level::basic, scores(4, 4))};
    EvaluationResult ev = evaluate(dir, entries, nullptr);
    EXPECT_EQ(ev.scores.overall.counted, 2);
    EXPECT_DOUBLE_EQ(ev.scores.overall.as_is, 3.0);
    EXPECT_DOUBLE_EQ(ev.scores.overall.to_be, 4.0);
}

} // namespace
