// Importing a `cdcwb/v1` assessment and exporting it again: nothing is lost or changed, a second
// import replaces the first, and an invalid assessment writes nothing.
#include "report/assessment_file.hpp"
#include "store_fixture.hpp"

#include <fstream>
#include <optional>
#include <sstream>

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;

const domain::Assessment& example() {
    static const domain::Assessment assessment = [] {
        const std::string file = std::string(CDCWB_SOURCE_DIR) + "/examples/example-corp.yaml";
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        auto read = report::read_assessment(file, text.str(), test_library());
        if (!read.assessment) {
            ADD_FAILURE() << "cannot read " << file << " (" << read.problems.size() << " problems)";
            return domain::Assessment{};
        }
        return *read.assessment;
    }();
    return assessment;
}

std::string written(const domain::Assessment& a) {
    auto dir = domain::ServiceDirectory::build(test_library().catalogue(a.catalogue_id)->catalogue,
                                               a.custom_services);
    if (!dir) {
        ADD_FAILURE() << dir.error().message;
        return {};
    }
    return report::write_assessment(a, *dir);
}

void expect_same_evaluation(const domain::Evaluation& actual, const domain::Evaluation& expected) {
    SCOPED_TRACE("evaluation " + expected.id);
    EXPECT_EQ(actual.id, expected.id);
    EXPECT_EQ(actual.date, expected.date);
    EXPECT_EQ(actual.kinds, expected.kinds);
    EXPECT_EQ(actual.approved_by, expected.approved_by);
    EXPECT_EQ(actual.approved_on, expected.approved_on);
    EXPECT_EQ(actual.note, expected.note);
    EXPECT_TRUE(actual.services == expected.services);
}

void expect_same_assessment(const domain::Assessment& actual, const domain::Assessment& expected) {
    EXPECT_EQ(actual.organisation, expected.organisation);
    EXPECT_EQ(actual.catalogue_id, expected.catalogue_id);
    EXPECT_EQ(actual.reference_template, expected.reference_template);
    EXPECT_EQ(actual.evaluation_interval_days, expected.evaluation_interval_days);
    EXPECT_TRUE(actual.custom_services == expected.custom_services);
    ASSERT_EQ(actual.services.size(), expected.services.size());
    for (std::size_t i = 0; i < expected.services.size(); ++i)
        EXPECT_TRUE(actual.services[i] == expected.services[i])
            << "service " << expected.services[i].service_id;
    ASSERT_EQ(actual.actions.size(), expected.actions.size());
    for (std::size_t i = 0; i < expected.actions.size(); ++i)
        EXPECT_TRUE(actual.actions[i] == expected.actions[i])
            << "action " << expected.actions[i].id;
    EXPECT_TRUE(actual.events == expected.events);
    ASSERT_EQ(actual.evaluations.size(), expected.evaluations.size());
    for (std::size_t i = 0; i < expected.evaluations.size(); ++i)
        expect_same_evaluation(actual.evaluations[i], expected.evaluations[i]);
}

using AssessmentStore = StoreTest;

TEST_F(AssessmentStore, ExampleHasSomethingOfEveryKind) {
    const auto& a = example();
    EXPECT_FALSE(a.custom_services.empty());
    EXPECT_FALSE(a.services.empty());
    EXPECT_FALSE(a.actions.empty());
    EXPECT_FALSE(a.events.empty());
    EXPECT_GE(a.evaluations.size(), 2u);
}

TEST_F(AssessmentStore, ImportThenExportGivesTheSameAssessment) {
    const auto& original = example();
    const std::string slug = original.organisation.id;
    auto imported = store().organisations.import_assessment(actor_, slug, original);
    ASSERT_TRUE(imported.ok()) << imported.error().field << ": " << imported.error().message;
    expect_same_assessment(imported->assessment(), original);
    auto loaded = store().organisations.load(slug);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    expect_same_assessment(loaded->assessment(), original);
    EXPECT_EQ(loaded->organisation.revision, 1);
}

TEST_F(AssessmentStore, ExportWritesTheSameFileByteForByte) {
    const auto& original = example();
    ASSERT_TRUE(
        store().organisations.import_assessment(actor_, original.organisation.id, original).ok());
    auto loaded = store().organisations.load(original.organisation.id);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    const std::string expected = written(original);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(written(loaded->assessment()), expected);
}

TEST_F(AssessmentStore, ImportingTwiceReplacesTheStateAndKeepsOneOrganisation) {
    const auto& original = example();
    const std::string slug = original.organisation.id;
    ASSERT_TRUE(store().organisations.import_assessment(actor_, slug, original).ok());
    auto again = store().organisations.import_assessment(actor_, slug, original);
    ASSERT_TRUE(again.ok()) << again.error().message;
    auto orgs = store().organisations.list();
    ASSERT_TRUE(orgs.ok());
    ASSERT_EQ(orgs->size(), 1u);
    EXPECT_EQ(orgs->front().revision, 2);
    auto loaded = store().organisations.load(slug);
    ASSERT_TRUE(loaded.ok());
    expect_same_assessment(loaded->assessment(), original);
    EXPECT_EQ(written(loaded->assessment()), written(original));
}

TEST_F(AssessmentStore, ImportReplacesWhatTheOrganisationHadBefore) {
    const auto& original = example();
    const std::string slug = original.organisation.id;
    make_org(slug);
    ASSERT_TRUE(
        store()
            .entries
            .add_custom_service(actor_, slug, {"Y-1", "A", {"Old", "古い"}, {}, std::nullopt})
            .ok());
    domain::Action old;
    old.id = "OLD-1";
    old.title = "Old action";
    ASSERT_TRUE(store().actions.create_action(actor_, slug, old).ok());
    ASSERT_TRUE(
        store()
            .evaluations
            .run_evaluation(actor_, slug, {"old", *domain::Date::parse("2026-01-01"), {}, ""})
            .ok());

    auto imported = store().organisations.import_assessment(actor_, slug, original);
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    auto loaded = store().organisations.load(slug);
    ASSERT_TRUE(loaded.ok());
    expect_same_assessment(loaded->assessment(), original);
}

TEST_F(AssessmentStore, ImportUnderAnotherSlugExportsThatSlug) {
    auto imported = store().organisations.import_assessment(actor_, "kasumi-copy", example());
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    auto loaded = store().organisations.load("kasumi-copy");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->assessment().organisation.id, "kasumi-copy");
    EXPECT_EQ(loaded->assessment().organisation.name, example().organisation.name);
}

TEST_F(AssessmentStore, ImportedEvaluationsHaveTheirFindings) {
    const auto& original = example();
    auto imported =
        store().organisations.import_assessment(actor_, original.organisation.id, original);
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    auto dir = domain::ServiceDirectory::build(
        test_library().catalogue(original.catalogue_id)->catalogue, original.custom_services);
    ASSERT_TRUE(dir.ok());
    const auto* reference = &test_library().find_template(original.reference_template)->tmpl;
    ASSERT_EQ(imported->evaluations.size(), original.evaluations.size());
    for (std::size_t i = 0; i < original.evaluations.size(); ++i) {
        const auto& record = imported->evaluations[i];
        SCOPED_TRACE(record.evaluation.id);
        EXPECT_FALSE(record.findings.empty());
        const auto expected =
            domain::evaluate(*dir, original.evaluations[i].services, reference).findings;
        ASSERT_EQ(record.findings.size(), expected.size());
        for (std::size_t j = 0; j < expected.size(); ++j) {
            EXPECT_EQ(record.findings[j].code, expected[j].code);
            EXPECT_EQ(record.findings[j].service_id, expected[j].service_id);
            EXPECT_EQ(record.findings[j].severity, expected[j].severity);
        }
        EXPECT_EQ(record.reference_template, original.reference_template);
        EXPECT_EQ(record.created_by, "tester");
    }
    auto loaded = store().organisations.load(original.organisation.id);
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded->evaluations.size(), imported->evaluations.size());
    for (std::size_t i = 0; i < loaded->evaluations.size(); ++i)
        EXPECT_EQ(loaded->evaluations[i].findings.size(), imported->evaluations[i].findings.size());
}

TEST_F(AssessmentStore, UnknownServiceIsRefusedAndWritesNothing) {
    auto bad = example();
    bad.services[0].service_id = "Z-99";
    EXPECT_REFUSED_UNCHANGED(store().organisations.import_assessment(actor_, "kasumi", bad),
                             ErrorCode::invalid_input, "services.Z-99");
}

TEST_F(AssessmentStore, ScoreOnARubricThatDoesNotFitTheAssignmentIsRefusedAndWritesNothing) {
    auto bad = example();
    auto& entry = bad.services[0];
    ASSERT_EQ(entry.assignment, domain::Assignment::insource);
    entry.outsource.as_is = *domain::Score::points(3);
    EXPECT_REFUSED_UNCHANGED(store().organisations.import_assessment(actor_, "kasumi", bad),
                             ErrorCode::invalid_input,
                             "services." + entry.service_id + ".outsource");
}

TEST_F(AssessmentStore, DuplicateActionIdIsRefusedAndWritesNothing) {
    auto bad = example();
    ASSERT_GE(bad.actions.size(), 2u);
    bad.actions[1].id = bad.actions[0].id;
    EXPECT_REFUSED_UNCHANGED(store().organisations.import_assessment(actor_, "kasumi", bad),
                             ErrorCode::invalid_input, "actions[1].id");
}

TEST_F(AssessmentStore, InvalidImportLeavesTheEarlierImportAsItWas) {
    const auto& original = example();
    const std::string slug = original.organisation.id;
    ASSERT_TRUE(store().organisations.import_assessment(actor_, slug, original).ok());
    auto bad = original;
    bad.services.push_back(bad.services[0]); // a service twice
    EXPECT_REFUSED_UNCHANGED(store().organisations.import_assessment(actor_, slug, bad),
                             ErrorCode::invalid_input, "");
    auto loaded = store().organisations.load(slug);
    ASSERT_TRUE(loaded.ok());
    expect_same_assessment(loaded->assessment(), original);
}

TEST_F(AssessmentStore, InvalidSlugIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().organisations.import_assessment(actor_, "Kasumi Logistics", example()),
        ErrorCode::invalid_input, "org");
}

TEST_F(AssessmentStore, UnknownCatalogueOrReferenceTemplateIsRefusedAndWritesNothing) {
    auto no_catalogue = example();
    no_catalogue.catalogue_id = "iso-27001";
    no_catalogue.custom_services.clear();
    EXPECT_REFUSED_UNCHANGED(
        store().organisations.import_assessment(actor_, "kasumi", no_catalogue),
        ErrorCode::invalid_input, "catalog");
    auto no_template = example();
    no_template.reference_template = "no-such-template";
    EXPECT_REFUSED_UNCHANGED(store().organisations.import_assessment(actor_, "kasumi", no_template),
                             ErrorCode::invalid_input, "reference_template");
}

TEST_F(AssessmentStore, TextThatIsNotUtf8IsInvalidInputAndWritesNothing) {
    auto bad = example();
    ASSERT_FALSE(bad.custom_services.empty());
    bad.custom_services[0].name.en = "Ransomware \xff support";
    const std::string before = database_fingerprint(db());
    auto result = store().organisations.import_assessment(actor_, "kasumi", bad);
    ASSERT_FALSE(result.ok()) << "a name that is not UTF-8 was imported";
    EXPECT_EQ(database_fingerprint(db()), before);
    EXPECT_EQ(result.error().code, ErrorCode::invalid_input) << result.error().message;
    EXPECT_EQ(result.error().field, "custom_services[0].name.en") << result.error().message;
}

TEST_F(AssessmentStore, EvaluationApprovedBeforeItWasTakenIsRefusedAndWritesNothing) {
    auto bad = example();
    bad.evaluations[0].approved_on = bad.evaluations[0].date.plus_days(-1);
    EXPECT_REFUSED_UNCHANGED(store().organisations.import_assessment(actor_, "kasumi", bad),
                             ErrorCode::invalid_input, "evaluations[0].approved_on");
}

} // namespace
} // namespace cdcwb::testing
