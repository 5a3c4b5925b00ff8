// The closed vocabularies: every token round-trips, anything else is rejected, every value has a
// display name in both languages, and level priority follows the standard.
#include "domain/vocabulary.hpp"

#include <gtest/gtest.h>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace cdcwb::domain;

// Checks one vocabulary: tokens are the expected ones, distinct, parse back to their value, and
// the display names are complete. `parse` is the vocabulary's parser.
template <class E, class Parse>
void expect_vocabulary(const std::vector<std::pair<E, std::string>>& expected, Parse parse) {
    std::set<std::string> seen;
    for (const auto& [value, token] : expected) {
        EXPECT_EQ(to_string(value), token);
        auto parsed = parse(token);
        ASSERT_TRUE(parsed.has_value()) << token;
        EXPECT_EQ(*parsed, value) << token;
        EXPECT_TRUE(display_name(value).complete()) << token;
        EXPECT_TRUE(seen.insert(token).second) << "duplicate token " << token;
    }
}

TEST(Vocabulary, LevelTokensRoundTrip) {
    expect_vocabulary<Level>({{Level::not_required, "not_required"},
                              {Level::basic, "basic"},
                              {Level::standard, "standard"},
                              {Level::advanced, "advanced"},
                              {Level::optional, "optional"}},
                             parse_level);
}

TEST(Vocabulary, AssignmentTokensRoundTrip) {
    expect_vocabulary<Assignment>({{Assignment::insource, "insource"},
                                   {Assignment::outsource, "outsource"},
                                   {Assignment::both, "both"},
                                   {Assignment::unassigned, "unassigned"}},
                                  parse_assignment);
}

TEST(Vocabulary, PhaseTokensRoundTrip) {
    expect_vocabulary<Phase>({{Phase::strategic, "strategic"},
                              {Phase::operation, "operation"},
                              {Phase::response, "response"}},
                             parse_phase);
}

TEST(Vocabulary, CycleTokensAreShortAndLong) {
    expect_vocabulary<Cycle>({{Cycle::short_cycle, "short"}, {Cycle::long_cycle, "long"}},
                             parse_cycle);
}

TEST(Vocabulary, EvaluationKindTokensRoundTrip) {
    expect_vocabulary<EvaluationKind>({{EvaluationKind::catalogue, "catalogue"},
                                       {EvaluationKind::profile, "profile"},
                                       {EvaluationKind::portfolio, "portfolio"}},
                                      parse_evaluation_kind);
}

TEST(Vocabulary, TriggerKindTokensRoundTrip) {
    expect_vocabulary<TriggerKind>({{TriggerKind::business_change, "business_change"},
                                    {TriggerKind::new_threat, "new_threat"},
                                    {TriggerKind::organisation_change, "organisation_change"},
                                    {TriggerKind::provider_change, "provider_change"},
                                    {TriggerKind::schedule, "schedule"}},
                                   parse_trigger_kind);
}

TEST(Vocabulary, SeverityTokensRoundTrip) {
    expect_vocabulary<Severity>(
        {{Severity::info, "info"}, {Severity::warning, "warning"}, {Severity::error, "error"}},
        parse_severity);
}

TEST(Vocabulary, UnknownTokensAreRejected) {
    for (const char* bad : {"", "Basic", "BASIC", " basic", "basic ", "not required", "none", "x"})
        EXPECT_FALSE(parse_level(bad).has_value()) << '"' << bad << '"';
    for (const char* bad : {"", "Insource", "in-source", "outsourced", "shared", "none"})
        EXPECT_FALSE(parse_assignment(bad).has_value()) << '"' << bad << '"';
    for (const char* bad : {"", "Strategic", "strategy", "operations", "respond"})
        EXPECT_FALSE(parse_phase(bad).has_value()) << '"' << bad << '"';
    for (const char* bad : {"", "short_cycle", "long_cycle", "Short", "medium"})
        EXPECT_FALSE(parse_cycle(bad).has_value()) << '"' << bad << '"';
    for (const char* bad : {"", "catalog", "Catalogue", "portfolios"})
        EXPECT_FALSE(parse_evaluation_kind(bad).has_value()) << '"' << bad << '"';
    for (const char* bad : {"", "business-change", "threat", "scheduled"})
        EXPECT_FALSE(parse_trigger_kind(bad).has_value()) << '"' << bad << '"';
    for (const char* bad : {"", "warn", "Error", "fatal"})
        EXPECT_FALSE(parse_severity(bad).has_value()) << '"' << bad << '"';
}

TEST(Vocabulary, LevelDisplayNamesFollowTheStandardInBothLanguages) {
    EXPECT_EQ(display_name(Level::not_required), (LocalizedText{"Not required", "不要"}));
    EXPECT_EQ(display_name(Level::basic), (LocalizedText{"Basic", "ベーシック"}));
    EXPECT_EQ(display_name(Level::standard), (LocalizedText{"Standard", "スタンダード"}));
    EXPECT_EQ(display_name(Level::advanced), (LocalizedText{"Advanced", "アドバンスド"}));
    EXPECT_EQ(display_name(Level::optional), (LocalizedText{"Optional", "オプション"}));
}

TEST(Vocabulary, AssignmentDisplayNamesFollowTheStandardInBothLanguages) {
    EXPECT_EQ(display_name(Assignment::insource), (LocalizedText{"Insource", "インソース"}));
    EXPECT_EQ(display_name(Assignment::outsource), (LocalizedText{"Outsource", "アウトソース"}));
    EXPECT_EQ(display_name(Assignment::both), (LocalizedText{"Both", "併用"}));
    EXPECT_EQ(display_name(Assignment::unassigned), (LocalizedText{"Unassigned", "未割り当て"}));
}

TEST(Vocabulary, AllowedListsNameEveryTokenInOrder) {
    EXPECT_EQ(allowed_levels(), "not_required | basic | standard | advanced | optional");
    EXPECT_EQ(allowed_assignments(), "insource | outsource | both | unassigned");
    EXPECT_EQ(allowed_phases(), "strategic | operation | response");
    EXPECT_EQ(allowed_cycles(), "short | long");
    EXPECT_EQ(allowed_trigger_kinds(),
              "business_change | new_threat | organisation_change | provider_change | schedule");
    EXPECT_EQ(allowed_severities(), "info | warning | error");
}

TEST(Vocabulary, PriorityPutsBasicBeforeStandardBeforeAdvancedThenOptionalThenNotRequired) {
    EXPECT_LT(priority(Level::basic), priority(Level::standard));
    EXPECT_LT(priority(Level::standard), priority(Level::advanced));
    EXPECT_LT(priority(Level::advanced), priority(Level::optional));
    EXPECT_LT(priority(Level::optional), priority(Level::not_required));
}

TEST(Vocabulary, OnlyNotRequiredIsOutsideTheCatalogue) {
    EXPECT_FALSE(in_catalogue(Level::not_required));
    for (Level l : {Level::basic, Level::standard, Level::advanced, Level::optional})
        EXPECT_TRUE(in_catalogue(l)) << to_string(l);
}

TEST(Vocabulary, AllValueListsAreCompleteAndInReportingOrder) {
    EXPECT_EQ(std::size(kAllLevels), 5u);
    EXPECT_EQ(std::size(kAllAssignments), 4u);
    ASSERT_EQ(std::size(kAllPhases), 3u);
    EXPECT_EQ(kAllPhases[0], Phase::strategic);
    ASSERT_EQ(std::size(kAllEvaluationKinds), 3u);
    EXPECT_EQ(kAllEvaluationKinds[0], EvaluationKind::catalogue);
    EXPECT_EQ(kAllEvaluationKinds[1], EvaluationKind::profile);
    EXPECT_EQ(kAllEvaluationKinds[2], EvaluationKind::portfolio);
}

} // namespace
