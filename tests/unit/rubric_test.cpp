// Service scores (X.1060 9.4): 1–5 or n/a, the two rubrics' texts, and n/a consistency of a pair.
#include "domain/rubric.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>
#include <set>

namespace {

using namespace cdcwb::test;

TEST(Rubric, ScoresOneToFiveAreValid) {
    for (int v = Score::kMin; v <= Score::kMax; ++v) {
        auto s = Score::points(v);
        ASSERT_TRUE(s.ok()) << v;
        EXPECT_TRUE(s->applicable());
        EXPECT_EQ(s->value(), v);
        EXPECT_EQ(s->to_string(), std::to_string(v));
    }
}

TEST(Rubric, ScoresOutOfRangeAreInvalidInputNamingTheRange) {
    for (int v : {0, 6, -1, 10, 100}) {
        auto s = Score::points(v);
        ASSERT_FALSE(s.ok()) << v;
        EXPECT_EQ(s.error().code, ErrorCode::invalid_input);
        EXPECT_NE(s.error().message.find("1 to 5"), std::string::npos) << s.error().message;
    }
}

TEST(Rubric, NotApplicableIsNotAPointScore) {
    Score s = Score::not_applicable();
    EXPECT_FALSE(s.applicable());
    EXPECT_EQ(s.to_string(), "n/a");
    EXPECT_NE(s, pts(1));
}

TEST(Rubric, ParsesDigitsOneToFiveAndNa) {
    for (int v = 1; v <= 5; ++v) EXPECT_EQ(*Score::parse(std::to_string(v)), pts(v));
    for (const char* t : {"n/a", "na", "N/A"}) {
        auto s = Score::parse(t);
        ASSERT_TRUE(s.ok()) << t;
        EXPECT_FALSE(s->applicable()) << t;
    }
}

TEST(Rubric, ParseRejectsOutOfRangeAndNonScores) {
    for (const char* bad :
         {"0", "6", "9", "10", "-1", "", " 3", "3 ", "3.0", "three", "n.a.", "NA "}) {
        auto s = Score::parse(bad);
        ASSERT_FALSE(s.ok()) << '"' << bad << '"';
        EXPECT_EQ(s.error().code, ErrorCode::invalid_input);
    }
}

TEST(Rubric, ScoreToStringRoundTripsThroughParse) {
    for (Score s : {pts(1), pts(3), pts(5), na()}) EXPECT_EQ(*Score::parse(s.to_string()), s);
}

TEST(Rubric, PairMayBeHalfFilledWhileInProgress) {
    EXPECT_TRUE(validate(ScorePair{}, "f").ok());
    EXPECT_TRUE(validate(ScorePair{pts(2), std::nullopt}, "f").ok());
    EXPECT_TRUE(validate(ScorePair{std::nullopt, pts(4)}, "f").ok());
    EXPECT_TRUE(ScorePair{}.empty());
    EXPECT_FALSE((ScorePair{std::nullopt, pts(4)}).empty());
}

TEST(Rubric, PairWithNaOnBothSidesOrOneSideOnlyIsValid) {
    EXPECT_TRUE(validate(na_pair(), "f").ok());
    EXPECT_TRUE(validate(ScorePair{na(), std::nullopt}, "f").ok());
    EXPECT_TRUE(validate(ScorePair{std::nullopt, na()}, "f").ok());
    EXPECT_TRUE(validate(scores(1, 5), "f").ok());
}

TEST(Rubric, PairMixingNaAndAPointScoreIsInvalidAtTheGivenField) {
    for (ScorePair bad : {ScorePair{na(), pts(3)}, ScorePair{pts(3), na()}}) {
        Status s = validate(bad, "services.A-1.insource");
        ASSERT_FALSE(s.ok());
        EXPECT_EQ(s.error().code, ErrorCode::invalid_input);
        EXPECT_EQ(s.error().field, "services.A-1.insource");
    }
}

TEST(Rubric, LevelTextsFollowTable3ForInsource) {
    EXPECT_EQ(level_text(Rubric::insource, pts(1)).en, "Not done");
    EXPECT_EQ(level_text(Rubric::insource, pts(2)).en,
              "Not documented; only the person in charge can do it");
    EXPECT_NE(level_text(Rubric::insource, pts(4)).en.find("Documented"), std::string::npos);
    EXPECT_NE(level_text(Rubric::insource, pts(5)).en.find("CISO"), std::string::npos);
    EXPECT_NE(level_text(Rubric::insource, na()).en.find("in-house"), std::string::npos);
}

TEST(Rubric, LevelTextsFollowTable3ForOutsource) {
    EXPECT_EQ(level_text(Rubric::outsource, pts(1)).en, "Results and reports are not checked");
    EXPECT_NE(level_text(Rubric::outsource, pts(5)).en.find("meet expectations"),
              std::string::npos);
    EXPECT_NE(level_text(Rubric::outsource, pts(4)).en.find("fall short"), std::string::npos);
    EXPECT_NE(level_text(Rubric::outsource, na()).en.find("not to outsource"), std::string::npos);
}

TEST(Rubric, EveryLevelTextIsBilingualAndDistinct) {
    for (Rubric r : {Rubric::insource, Rubric::outsource}) {
        std::set<std::string> seen;
        for (Score s : {na(), pts(1), pts(2), pts(3), pts(4), pts(5)}) {
            const LocalizedText& t = level_text(r, s);
            EXPECT_TRUE(t.complete()) << to_string(r) << " " << s.to_string();
            EXPECT_TRUE(seen.insert(t.en).second) << to_string(r) << " " << s.to_string();
        }
    }
    EXPECT_NE(level_text(Rubric::insource, pts(3)), level_text(Rubric::outsource, pts(3)));
}

TEST(Rubric, RubricsHaveTokensAndBilingualNames) {
    EXPECT_EQ(to_string(Rubric::insource), "insource");
    EXPECT_EQ(to_string(Rubric::outsource), "outsource");
    EXPECT_TRUE(display_name(Rubric::insource).complete());
    EXPECT_TRUE(display_name(Rubric::outsource).complete());
    EXPECT_NE(display_name(Rubric::insource), display_name(Rubric::outsource));
}

} // namespace
