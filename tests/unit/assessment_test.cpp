// One organisation's assessment: lookups, the rules it must satisfy, and starting from a template.
#include "domain/assessment.hpp"
#include "fixtures.hpp"

#include <algorithm>
#include <gtest/gtest.h>

namespace {

using namespace cdcwb::test;

Assessment valid_assessment() {
    Assessment a;
    a.organisation = {"acme", "ACME Corp."};
    a.catalogue_id = "tiny";
    a.custom_services = {custom_service("ORG-1", "D")};
    a.services = {insourced("A-1", Level::basic, scores(2, 4)),
                  outsourced("B-1", Level::standard, scores(3, 4)),
                  unassigned("ORG-1", Level::advanced, pts(1), pts(2))};
    Action act;
    act.id = "ACT-1";
    act.title = "Document the risk process";
    act.services = {"A-1"};
    a.actions = {act};
    a.events = {{day("2026-02-01"), TriggerKind::new_threat, "ransomware wave"}};
    Evaluation s = evaluation_of("ev-1", day("2026-01-10"), a.services);
    s.approved_by = "CISO";
    s.approved_on = day("2026-01-12");
    a.evaluations = {s};
    return a;
}

class AssessmentValidation : public ::testing::Test {
  protected:
    Assessment a = valid_assessment();
    ServiceDirectory dir = tiny_directory(a.custom_services);

    Error error() const {
        Status s = validate(a, dir);
        EXPECT_FALSE(s.ok());
        return s.ok() ? Error{} : s.error();
    }
};

TEST_F(AssessmentValidation, AValidAssessmentPasses) {
    Status s = validate(a, dir);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().describe());
}

TEST_F(AssessmentValidation, OrganisationNeedsAName) {
    a.organisation.name.clear();
    EXPECT_EQ(error().field, "organisation.name");
}

TEST_F(AssessmentValidation, RejectsAServiceListedTwice) {
    a.services.push_back(insourced("A-1", Level::standard, scores(1, 2)));
    Error e = error();
    EXPECT_EQ(e.field, "services.A-1");
    EXPECT_NE(e.message.find("twice"), std::string::npos);
}

TEST_F(AssessmentValidation, RejectsAnEntryThatBreaksTheEntryRules) {
    a.services.push_back(unassigned("D-2", Level::basic, pts(2), pts(3)));
    EXPECT_EQ(error().field, "services.D-2.as_is");
}

TEST_F(AssessmentValidation, RejectsAnUnknownService) {
    a.services.push_back(entry("Z-9", Level::basic));
    EXPECT_EQ(error().field, "services.Z-9");
}

TEST_F(AssessmentValidation, RejectsADuplicateActionId) {
    a.actions.push_back(a.actions[0]);
    Error e = error();
    EXPECT_EQ(e.field, "actions[1].id");
    EXPECT_NE(e.message.find("ACT-1"), std::string::npos);
}

TEST_F(AssessmentValidation, RejectsAnActionLinkingAnUnknownService) {
    a.actions[0].services.push_back("Z-9");
    EXPECT_EQ(error().field, "actions[0].services[1]");
}

TEST_F(AssessmentValidation, RejectsAnEvaluationWithoutKinds) {
    a.evaluations[0].kinds.clear();
    EXPECT_EQ(error().field, "evaluations[0].kinds");
}

TEST_F(AssessmentValidation, RejectsAnApprovalDatedBeforeTheEvaluation) {
    a.evaluations[0].approved_on = day("2026-01-09");
    EXPECT_EQ(error().field, "evaluations[0].approved_on");
}

TEST_F(AssessmentValidation, AcceptsAnApprovalOnTheEvaluationDay) {
    a.evaluations[0].approved_on = a.evaluations[0].date;
    EXPECT_TRUE(validate(a, dir).ok());
}

TEST_F(AssessmentValidation, RejectsAnEvaluationWithoutIdOrWithADuplicateId) {
    a.evaluations.push_back(evaluation_of("ev-1", day("2026-03-01"), {}));
    EXPECT_EQ(error().field, "evaluations[1].id");
    a.evaluations[1].id.clear();
    EXPECT_EQ(error().field, "evaluations[1].id");
}

TEST_F(AssessmentValidation, RejectsAnInvalidEntryInsideAnEvaluation) {
    a.evaluations[0].services.push_back(entry("Z-9", Level::basic));
    EXPECT_EQ(error().field, "evaluations[0].services.Z-9");
}

TEST_F(AssessmentValidation, EvaluationIntervalMustBeOneTo3660Days) {
    for (int ok : {1, 30, kDefaultEvaluationIntervalDays, 3660}) {
        a.evaluation_interval_days = ok;
        EXPECT_TRUE(validate(a, dir).ok()) << ok;
    }
    for (int bad : {0, -1, 3661}) {
        a.evaluation_interval_days = bad;
        EXPECT_EQ(error().field, "evaluation_interval_days") << bad;
    }
}

TEST(Assessment, DefaultEvaluationIntervalIsAboutHalfAYear) {
    EXPECT_EQ(Assessment{}.evaluation_interval_days, 182);
}

TEST(Assessment, EntryFindsAServiceRowByIdOrNothing) {
    Assessment a = valid_assessment();
    ASSERT_NE(a.entry("B-1"), nullptr);
    EXPECT_EQ(a.entry("B-1")->assignment, Assignment::outsource);
    EXPECT_EQ(a.entry("D-2"), nullptr);
}

TEST(Assessment, LatestEvaluationIsTheMostRecentByDate) {
    Assessment a;
    EXPECT_EQ(a.latest_evaluation(day("2026-12-31")), nullptr);
    a.evaluations = {evaluation_of("b", day("2026-06-01"), {}),
                     evaluation_of("c", day("2026-09-01"), {}),
                     evaluation_of("a", day("2026-01-01"), {})};
    ASSERT_NE(a.latest_evaluation(day("2026-12-31")), nullptr);
    EXPECT_EQ(a.latest_evaluation(day("2026-12-31"))->id, "c");
    EXPECT_EQ(a.latest_evaluation(day("2026-08-31"))->id, "b"); // later evaluations ignored
    EXPECT_EQ(a.latest_evaluation(day("2025-12-31")), nullptr);
}

// ---- entries_from_template --------------------------------------------------------------------

TEST(Assessment, EntriesFromTemplateTakeTheTemplatesLevelsUnassignedAndUnscored) {
    ServiceDirectory dir = tiny_directory();
    Template t;
    t.levels = {{"A-1", Level::basic}, {"B-1", Level::not_required}, {"D-1", Level::advanced}};
    auto entries = entries_from_template(dir, t);
    ASSERT_GE(entries.size(), 3u);
    for (const ServiceEntry& e : entries) {
        ASSERT_NE(dir.find(e.service_id), nullptr);
        EXPECT_EQ(e.level, t.level_of(e.service_id)) << e.service_id;
        EXPECT_EQ(e.assignment, Assignment::unassigned);
        EXPECT_TRUE(e.insource.empty());
        EXPECT_TRUE(e.outsource.empty());
        EXPECT_TRUE(e.unassigned.empty());
        EXPECT_TRUE(e.owner.empty());
        EXPECT_TRUE(e.provider.empty());
        EXPECT_TRUE(validate_entry(e, dir, e.service_id).ok());
    }
}

TEST(Assessment, EntriesFromTemplateFollowCatalogueOrderAndIgnoreIdsOutsideTheDirectory) {
    ServiceDirectory dir = tiny_directory();
    Template t;
    t.levels = {{"D-1", Level::basic}, {"A-2", Level::standard}, {"Z-9", Level::basic}};
    auto entries = entries_from_template(dir, t);
    std::vector<std::string> ids;
    for (const auto& e : entries) ids.push_back(e.service_id);
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "Z-9"), ids.end());
    auto a2 = std::find(ids.begin(), ids.end(), "A-2");
    auto d1 = std::find(ids.begin(), ids.end(), "D-1");
    ASSERT_NE(a2, ids.end());
    ASSERT_NE(d1, ids.end());
    EXPECT_LT(a2, d1);
}

// A starter file lists every service of the directory so the user can fill it in; services the
// template does not cover start undecided. (The header's "for every service the template
// covers" reads narrower than this.)
TEST(Assessment, EntriesFromTemplateListEveryServiceAndLeaveUncoveredOnesUndecided) {
    ServiceDirectory dir = tiny_directory({custom_service("ORG-1", "A")});
    Template t;
    t.levels = {{"A-1", Level::basic}, {"D-1", Level::advanced}};
    auto entries = entries_from_template(dir, t);
    std::vector<std::string> ids;
    for (const auto& e : entries) ids.push_back(e.service_id);
    EXPECT_EQ(ids, (std::vector<std::string>{"A-1", "A-2", "B-1", "D-1", "D-2", "ORG-1"}));
    EXPECT_EQ(entries[0].level, Level::basic);
    EXPECT_FALSE(entries[1].level.has_value());
    EXPECT_EQ(entries[3].level, Level::advanced);
    EXPECT_FALSE(entries[5].level.has_value());
}

} // namespace

namespace {

using namespace cdcwb::test;

TEST(Assessment, OrganisationIdsAreShortLowercaseWords) {
    for (const char* ok : {"kasumi", "kasumi-logistics", "a", "org_2", "9"})
        EXPECT_TRUE(validate_slug(ok, "org").ok()) << ok;
    EXPECT_TRUE(validate_slug(std::string(64, 'a'), "org").ok());
    for (std::string bad :
         {std::string(), std::string("Kasumi"), std::string("-lead"), std::string("_lead"),
          std::string("has space"), std::string(65, 'a'), std::string("霞"), std::string("a/b")}) {
        auto s = validate_slug(bad, "org");
        ASSERT_FALSE(s.ok()) << bad;
        EXPECT_EQ(s.error().field, "org");
        EXPECT_NE(s.error().message.find("a-z, 0-9"), std::string::npos);
    }
}

TEST(Assessment, EvaluationIntervalIsOneDayToTenYears) {
    EXPECT_TRUE(validate_interval(1, "interval").ok());
    EXPECT_TRUE(validate_interval(3660, "interval").ok());
    EXPECT_FALSE(validate_interval(0, "interval").ok());
    EXPECT_FALSE(validate_interval(3661, "interval").ok());
    EXPECT_EQ(validate_interval(-5, "interval").error().field, "interval");
}

TEST(Assessment, TextThatIsNotUtf8OrTooLongIsInvalidWithItsField) {
    const auto dir = tiny_directory();
    Assessment a;
    a.organisation.name = "Kasumi \xff";
    a.catalogue_id = dir.catalogue().id();
    EXPECT_EQ(validate(a, dir).error().field, "organisation.name");
    a.organisation.name = "Kasumi";
    a.events.push_back({day("2026-01-10"), TriggerKind::new_threat, std::string(4001, 'x')});
    EXPECT_EQ(validate(a, dir).error().field, "events[0].note");
    a.events.clear();
    Evaluation s;
    s.id = "2026 H1";
    s.date = day("2026-06-30");
    s.kinds = {EvaluationKind::portfolio};
    a.evaluations.push_back(s);
    EXPECT_EQ(validate(a, dir).error().field, "evaluations[0].id");
    a.evaluations[0].id = "2026-H1";
    EXPECT_TRUE(validate(a, dir).ok());
}

} // namespace
