// The sourcing quadrant advisor (X.1060 figure 5).
#include "domain/quadrant.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::domain;

TEST(Quadrant, InternalInformationWithoutSpecialistSkillIsQuadrantI) {
    EXPECT_EQ(quadrant_of({Information::internal, false}), Quadrant::I);
}

TEST(Quadrant, ExternalInformationWithoutSpecialistSkillIsQuadrantII) {
    EXPECT_EQ(quadrant_of({Information::external, false}), Quadrant::II);
}

TEST(Quadrant, ExternalInformationNeedingSpecialistSkillIsQuadrantIII) {
    EXPECT_EQ(quadrant_of({Information::external, true}), Quadrant::III);
}

TEST(Quadrant, InternalInformationNeedingSpecialistSkillIsQuadrantIV) {
    EXPECT_EQ(quadrant_of({Information::internal, true}), Quadrant::IV);
}

TEST(Quadrant, QuadrantsPrintAsRomanNumerals) {
    EXPECT_EQ(to_string(Quadrant::I), "I");
    EXPECT_EQ(to_string(Quadrant::II), "II");
    EXPECT_EQ(to_string(Quadrant::III), "III");
    EXPECT_EQ(to_string(Quadrant::IV), "IV");
}

TEST(Quadrant, InformationTokensRoundTripAndUnknownOnesAreRejected) {
    for (Information i : {Information::internal, Information::external})
        EXPECT_EQ(parse_information(to_string(i)), i);
    EXPECT_EQ(to_string(Information::internal), "internal");
    EXPECT_EQ(to_string(Information::external), "external");
    for (const char* bad : {"", "Internal", "inside", "ext"})
        EXPECT_FALSE(parse_information(bad).has_value()) << bad;
}

TEST(Quadrant, AdviceGivesTheStandardsBalanceForEachQuadrant) {
    EXPECT_EQ(advise(Quadrant::I).balance, "insource ≫ outsource");
    EXPECT_EQ(advise(Quadrant::II).balance, "insource ≧ outsource");
    EXPECT_EQ(advise(Quadrant::III).balance, "insource ≪ outsource");
    EXPECT_EQ(advise(Quadrant::IV).balance, "insource ≦ outsource");
}

TEST(Quadrant, AdviceNamesItsQuadrantAndHasBilingualGuidance) {
    for (Quadrant q : {Quadrant::I, Quadrant::II, Quadrant::III, Quadrant::IV}) {
        QuadrantAdvice a = advise(q);
        EXPECT_EQ(a.quadrant, q);
        EXPECT_TRUE(a.guidance.complete()) << to_string(q);
    }
    EXPECT_NE(advise(Quadrant::I).guidance, advise(Quadrant::III).guidance);
}

// The whole mismatch table, quadrant × assignment. Quadrants I and II want the organisation to
// lead, so only a wholly outsourced service goes against them; III and IV want specialists, so
// only an insource-only service does. Unassigned is never a quadrant mismatch.
TEST(Quadrant, MismatchTableCoversEveryQuadrantAndAssignment) {
    struct Row {
        Quadrant q;
        Assignment a;
        bool mismatch;
    };
    const Row table[] = {
        {Quadrant::I, Assignment::insource, false},  {Quadrant::I, Assignment::outsource, true},
        {Quadrant::I, Assignment::both, false},      {Quadrant::I, Assignment::unassigned, false},
        {Quadrant::II, Assignment::insource, false}, {Quadrant::II, Assignment::outsource, true},
        {Quadrant::II, Assignment::both, false},     {Quadrant::II, Assignment::unassigned, false},
        {Quadrant::III, Assignment::insource, true}, {Quadrant::III, Assignment::outsource, false},
        {Quadrant::III, Assignment::both, false},    {Quadrant::III, Assignment::unassigned, false},
        {Quadrant::IV, Assignment::insource, true},  {Quadrant::IV, Assignment::outsource, false},
        {Quadrant::IV, Assignment::both, false},     {Quadrant::IV, Assignment::unassigned, false},
    };
    for (const Row& r : table) {
        auto why = quadrant_mismatch(r.q, r.a);
        EXPECT_EQ(why.has_value(), r.mismatch) << to_string(r.q) << " × " << to_string(r.a);
        if (why) {
            EXPECT_TRUE(why->complete());
            EXPECT_NE(why->en.find("quadrant " + std::string(to_string(r.q)) + " "),
                      std::string::npos)
                << why->en;
        }
    }
}

TEST(Quadrant, MismatchMessagesSayWhatTheAssignmentIs) {
    EXPECT_NE(quadrant_mismatch(Quadrant::I, Assignment::outsource)->en.find("outsourced"),
              std::string::npos);
    EXPECT_NE(quadrant_mismatch(Quadrant::III, Assignment::insource)->en.find("insourced"),
              std::string::npos);
}

} // namespace
