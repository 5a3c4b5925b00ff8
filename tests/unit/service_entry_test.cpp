// The service directory (catalogue plus custom services) and the rules of one matrix row.
#include "domain/service_entry.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::test;

// ---- ServiceDirectory ------------------------------------------------------------------------

TEST(ServiceDirectory, ListsCatalogueServicesInOrderWithCategoryPhaseAndSourcing) {
    ServiceDirectory dir = tiny_directory();
    ASSERT_EQ(dir.services().size(), 5u);
    const ServiceInfo* b1 = dir.find("B-1");
    ASSERT_NE(b1, nullptr);
    EXPECT_EQ(b1->category, "B");
    EXPECT_EQ(b1->phase, Phase::operation);
    EXPECT_EQ(b1->sourcing, (SourcingAnswers{Information::external, false}));
    EXPECT_EQ(b1->name.en, "Real-time asset monitoring");
    EXPECT_FALSE(b1->custom);
    EXPECT_EQ(dir.find("D-1")->phase, Phase::response);
    EXPECT_EQ(dir.find("A-2")->phase, Phase::strategic);
    EXPECT_FALSE(dir.find("D-2")->sourcing.has_value());
    for (std::size_t i = 0; i < dir.services().size(); ++i)
        EXPECT_EQ(dir.services()[i].order, static_cast<int>(i));
    EXPECT_EQ(dir.find("nope"), nullptr);
    EXPECT_EQ(&dir.catalogue(), &tiny_catalogue());
}

TEST(ServiceDirectory, CategoriesAreTheCataloguesCategories) {
    ServiceDirectory dir = tiny_directory();
    ASSERT_EQ(dir.categories().size(), 3u);
    EXPECT_EQ(dir.categories()[0]->id, "A");
    EXPECT_EQ(dir.categories()[2]->id, "D");
}

TEST(ServiceDirectory, AddsCustomServicesAfterTheCatalogueInTheirCategorysPhase) {
    ServiceDirectory dir =
        tiny_directory({custom_service("ORG-1", "D", SourcingAnswers{Information::internal, true}),
                        custom_service("ORG-2", "B")});
    ASSERT_EQ(dir.services().size(), 7u);
    const ServiceInfo* org1 = dir.find("ORG-1");
    ASSERT_NE(org1, nullptr);
    EXPECT_TRUE(org1->custom);
    EXPECT_EQ(org1->category, "D");
    EXPECT_EQ(org1->phase, Phase::response);
    EXPECT_EQ(org1->order, 5);
    EXPECT_EQ(org1->sourcing, (SourcingAnswers{Information::internal, true}));
    EXPECT_EQ(org1->name.ja, "独自 ORG-1");
    EXPECT_EQ(dir.find("ORG-2")->order, 6);
    EXPECT_EQ(dir.services().back().id, "ORG-2");
}

TEST(ServiceDirectory, ServicesOfACategoryWithoutPhaseFallBackToStrategic) {
    Catalogue c(header("nophase"),
                {category_node("X", std::nullopt, "X", "X"), service_node("X-1", "X", "x", "x")});
    ServiceDirectory dir = directory_of(c, {custom_service("ORG-X", "X")});
    EXPECT_EQ(dir.find("X-1")->phase, Phase::strategic);
    EXPECT_EQ(dir.find("ORG-X")->phase, Phase::strategic);
}

TEST(ServiceDirectory, RejectsACustomIdThatClashesWithTheCatalogue) {
    auto dir = ServiceDirectory::build(tiny_catalogue(), {custom_service("A-1", "A")});
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(dir.error().field, "custom_services[0].id");
    EXPECT_NE(dir.error().message.find("A-1"), std::string::npos);
}

TEST(ServiceDirectory, RejectsTwoCustomServicesWithTheSameId) {
    auto dir = ServiceDirectory::build(
        tiny_catalogue(), {custom_service("ORG-1", "A"), custom_service("ORG-1", "B")});
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().field, "custom_services[1].id");
}

TEST(ServiceDirectory, RejectsACustomServiceWithoutId) {
    auto dir = ServiceDirectory::build(tiny_catalogue(), {custom_service("", "A")});
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().field, "custom_services[0].id");
}

TEST(ServiceDirectory, RejectsACustomServiceInAnUnknownCategory) {
    auto dir = ServiceDirectory::build(tiny_catalogue(), {custom_service("ORG-1", "Z")});
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().field, "custom_services[0].category");
    EXPECT_NE(dir.error().message.find("'Z'"), std::string::npos);
}

TEST(ServiceDirectory, RejectsACustomServiceWhoseCategoryIsAService) {
    auto dir = ServiceDirectory::build(tiny_catalogue(), {custom_service("ORG-1", "A-1")});
    ASSERT_FALSE(dir.ok());
    EXPECT_EQ(dir.error().field, "custom_services[0].category");
}

TEST(ServiceDirectory, RejectsACustomServiceMissingANameLanguage) {
    CustomService no_ja = custom_service("ORG-1", "A");
    no_ja.name.ja.clear();
    CustomService no_en = custom_service("ORG-2", "A");
    no_en.name.en.clear();
    for (const auto& c : {no_ja, no_en}) {
        auto dir = ServiceDirectory::build(tiny_catalogue(), {c});
        ASSERT_FALSE(dir.ok()) << c.id;
        EXPECT_EQ(dir.error().field, "custom_services[0].name");
    }
}

// ---- effective_sourcing -----------------------------------------------------------------------

TEST(ServiceEntry, OrganisationsSourcingAnswersOverrideTheCatalogues) {
    ServiceDirectory dir = tiny_directory();
    ServiceEntry e = entry("A-1", Level::basic);
    EXPECT_EQ(effective_sourcing(e, *dir.find("A-1")),
              (SourcingAnswers{Information::internal, false}));
    e.sourcing = SourcingAnswers{Information::external, true};
    EXPECT_EQ(effective_sourcing(e, *dir.find("A-1")),
              (SourcingAnswers{Information::external, true}));
    EXPECT_FALSE(effective_sourcing(entry("D-2", Level::basic), *dir.find("D-2")).has_value());
}

// ---- validate_entry ---------------------------------------------------------------------------

TEST(ServiceEntry, ValidEntriesOfEveryAssignmentPass) {
    ServiceDirectory dir = tiny_directory({custom_service("ORG-1", "A")});
    for (const ServiceEntry& e :
         {insourced("A-1", Level::basic, scores(2, 4)),
          outsourced("B-1", Level::basic, scores(3, 5)),
          shared("D-1", Level::standard, scores(1, 3), na_pair()),
          unassigned("D-2", Level::advanced, pts(1), pts(2)),
          unassigned("D-2", Level::advanced, std::nullopt, pts(2)),
          unassigned("D-2", Level::advanced, na(), na()), entry("A-2", std::nullopt),
          insourced("ORG-1", Level::optional, ScorePair{})}) {
        Status s = validate_entry(e, dir, "services." + e.service_id);
        EXPECT_TRUE(s.ok()) << e.service_id << ": " << (s.ok() ? "" : s.error().describe());
    }
}

TEST(ServiceEntry, RejectsAnUnknownService) {
    Status s = validate_entry(entry("Z-1", Level::basic), tiny_directory(), "services.Z-1");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(s.error().field, "services.Z-1");
    EXPECT_NE(s.error().message.find("tiny"), std::string::npos);
}

TEST(ServiceEntry, RejectsInsourceScoresOnAnOutsourcedService) {
    ServiceEntry e = outsourced("B-1", Level::basic, scores(2, 3));
    e.insource = scores(2, 3);
    Status s = validate_entry(e, tiny_directory(), "services.B-1");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "services.B-1.insource");
}

TEST(ServiceEntry, RejectsOutsourceScoresOnAnInsourcedService) {
    ServiceEntry e = insourced("A-1", Level::basic, scores(2, 3));
    e.outsource.to_be = pts(4);
    Status s = validate_entry(e, tiny_directory(), "services.A-1");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "services.A-1.outsource");
}

TEST(ServiceEntry, RejectsRubricScoresOnAnUnassignedService) {
    ServiceEntry e = unassigned("D-2", Level::basic, pts(1), pts(2));
    e.insource = scores(1, 2);
    EXPECT_EQ(validate_entry(e, tiny_directory(), "s").error().field, "s.insource");
    e.insource = {};
    e.outsource = scores(1, 2);
    EXPECT_EQ(validate_entry(e, tiny_directory(), "s").error().field, "s.outsource");
}

TEST(ServiceEntry, RejectsUnassignedScoresOnAnAssignedService) {
    for (Assignment a : {Assignment::insource, Assignment::outsource, Assignment::both}) {
        ServiceEntry e = entry("A-1", Level::basic, a);
        e.unassigned = {pts(1), pts(3)};
        Status s = validate_entry(e, tiny_directory(), "s");
        ASSERT_FALSE(s.ok()) << to_string(a);
        EXPECT_EQ(s.error().field, "s.as_is") << to_string(a);
    }
}

TEST(ServiceEntry, RejectsAnUnassignedServiceScoredAboveOneAsIs) {
    for (int v : {2, 3, 5}) {
        Status s = validate_entry(unassigned("D-2", Level::basic, pts(v), pts(5)), tiny_directory(),
                                  "services.D-2");
        ASSERT_FALSE(s.ok()) << v;
        EXPECT_EQ(s.error().field, "services.D-2.as_is");
    }
}

TEST(ServiceEntry, RejectsNaMixedWithAPointScoreInOneRubric) {
    ServiceEntry e = shared("D-1", Level::basic, scores(2, 3), ScorePair{na(), pts(4)});
    Status s = validate_entry(e, tiny_directory(), "s");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().field, "s.outsource");

    ServiceEntry u = unassigned("D-2", Level::basic, pts(1), na());
    EXPECT_FALSE(validate_entry(u, tiny_directory(), "s").ok());
}

} // namespace

namespace {

using namespace cdcwb::test;

TEST(ServiceEntry, FreeTextMustBeUtf8AndWithinItsLength) {
    const auto dir = tiny_directory();
    const auto base = entry("A-1", Level::basic);
    auto e = base;
    e.owner = "SOC \xff";
    EXPECT_EQ(validate_entry(e, dir, "services.A-1").error().field, "services.A-1.owner");
    e = base;
    e.rationale = std::string(kLongText + 1, 'x');
    EXPECT_EQ(validate_entry(e, dir, "services.A-1").error().field, "services.A-1.rationale");
    e = base;
    e.evidence = {"https://intranet.example/ir-plan", ""};
    EXPECT_EQ(validate_entry(e, dir, "services.A-1").error().field, "services.A-1.evidence[1]");
    e = base;
    e.rationale = "理由\n二行目";
    e.evidence = {"evidence:sha256:00ff"};
    EXPECT_TRUE(validate_entry(e, dir, "services.A-1").ok());
}

TEST(ServiceEntry, CustomServiceTextMustBeUtf8) {
    const auto& catalogue = tiny_catalogue();
    auto c = custom_service("X-1", catalogue.of_kind(NodeKind::category).front()->id);
    c.description.ja = "説明 \xff";
    auto built = ServiceDirectory::build(catalogue, {c});
    ASSERT_FALSE(built.ok());
    EXPECT_EQ(built.error().field, "custom_services[0].description.ja");
}

TEST(ServiceEntry, ScoreOptionsAreOneToFiveAndNaButAnUnassignedAsIsIsOneOrNa) {
    using cdcwb::domain::Score;
    using cdcwb::domain::ScoreSlot;
    const auto tokens = [](const std::vector<Score>& scores) {
        std::vector<std::string> out;
        for (const auto& s : scores) out.push_back(s.to_string());
        return out;
    };
    const std::vector<std::string> all{"1", "2", "3", "4", "5", "n/a"};
    for (const auto slot : {ScoreSlot::insource, ScoreSlot::outsource})
        for (const bool as_is : {true, false})
            EXPECT_EQ(tokens(cdcwb::domain::score_options(slot, as_is)), all);
    EXPECT_EQ(tokens(cdcwb::domain::score_options(ScoreSlot::unassigned, false)), all);
    EXPECT_EQ(tokens(cdcwb::domain::score_options(ScoreSlot::unassigned, true)),
              (std::vector<std::string>{"1", "n/a"}));
}

} // namespace
