// The cdcwb/v1 assessment file: what it reads, that writing and reading back loses nothing, and
// that every kind of malformed file is refused with the line and field that is wrong.
#include "report/assessment_file.hpp"
#include "test_text.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace cdcwb::report {
namespace {

using cdcwb::testing::dump;
using cdcwb::testing::with;

const catalogue::Library& library() {
    static const catalogue::LoadResult loaded = catalogue::load_library();
    return loaded.library;
}

const char* kFile = R"(format: cdcwb/v1
organisation:
  id: acme
  name: "ACME: test"
catalog: x1060-2021
reference_template: large-enterprise
evaluation_interval_days: 90
custom_services:
  - id: X-1
    category: D
    name: {en: Ransom negotiation, ja: 身代金交渉支援}
    description: {en: Outside help, ja: 外部支援}
    sourcing: {information: external, specialist_skill: true}
services:
  A-1:
    level: basic
    assignment: insource
    owner: Security Office
    as_is: 3
    to_be: 5
    rationale: "Policy approved: 2026-01"
    evidence: [docs/policy.pdf, "https://intranet.example/risk"]
  A-2:
    level: standard
    assignment: both
    owner: Risk team
    provider: Z-MSSP
    insource: {as_is: 3, to_be: 4}
    outsource: {as_is: 2, to_be: 4}
  A-3:
    level: advanced
    assignment: unassigned
    to_be: 2
  A-4:
    level: not_required
  A-5:
    level: optional
    assignment: outsource
    provider: Z-MSSP
    as_is: n/a
    to_be: n/a
    sourcing: {information: external, specialist_skill: true}
    capacity: 2 plans a year
    capability: tested annually
  B-1:
  X-1:
    level: basic
    assignment: outsource
    provider: Negotiators Ltd
    as_is: 2
    to_be: 3
actions:
  - id: ACT-1
    title: Document risk process
    services: [A-1]
    cycle: short
    owner: CISO office
    due: 2026-12-31
    status: in_progress
    resources: none beyond the team
    finding: gap
    history:
      - {date: 2026-02-01, what: created}
      - {date: 2026-05-01, what: escalated, from: short, to: long, note: needs budget}
  - id: ACT-2
    title: Staff A-3
    services: [A-3]
    phase: operation
    cycle: long
events:
  - {date: 2026-03-01, kind: new_threat, note: "Ransomware wave"}
evaluations:
  - id: 2025-H2
    date: 2025-12-15
    kinds: [catalogue, profile, portfolio]
    approved_by: CISO
    approved_on: 2025-12-20
    note: First
    services:
      A-1: {level: basic, assignment: insource, owner: Security Office, as_is: 2, to_be: 5}
      A-3: {level: advanced, assignment: unassigned}
)";

domain::Assessment read_ok(const std::string& text) {
    auto r = read_assessment("a.yaml", text, library());
    EXPECT_TRUE(r.assessment.has_value()) << dump(r.problems);
    return r.assessment ? *r.assessment : domain::Assessment{};
}

/// The first problem's "line: field: message" for a file that must be refused.
std::string refused(const std::string& text) {
    auto r = read_assessment("a.yaml", text, library());
    EXPECT_FALSE(r.assessment.has_value());
    if (r.problems.empty()) return "(no problem reported)";
    const auto& p = r.problems.front();
    return std::to_string(p.line) + ": " + p.field + ": " + p.message;
}

TEST(AssessmentFile, ReadsEveryPart) {
    auto a = read_ok(kFile);
    EXPECT_EQ(a.organisation.name, "ACME: test");
    EXPECT_EQ(a.evaluation_interval_days, 90);
    ASSERT_EQ(a.custom_services.size(), 1u);
    EXPECT_EQ(a.custom_services[0].name.ja, "身代金交渉支援");
    ASSERT_EQ(a.services.size(), 7u);
    const auto* a1 = a.entry("A-1");
    EXPECT_EQ(a1->insource.as_is->value(), 3);
    EXPECT_EQ(a1->evidence.size(), 2u);
    const auto* a2 = a.entry("A-2");
    EXPECT_EQ(a2->assignment, domain::Assignment::both);
    EXPECT_EQ(a2->outsource.as_is->value(), 2);
    EXPECT_FALSE(a.entry("A-3")->unassigned.as_is.has_value());
    EXPECT_EQ(a.entry("A-3")->unassigned.to_be->value(), 2);
    EXPECT_FALSE(a.entry("A-5")->outsource.as_is->applicable());
    EXPECT_FALSE(a.entry("B-1")->level.has_value());
    ASSERT_EQ(a.actions.size(), 2u);
    EXPECT_EQ(a.actions[0].history.size(), 2u);
    EXPECT_EQ(a.actions[1].phase, domain::Phase::operation);
    ASSERT_EQ(a.evaluations.size(), 1u);
    EXPECT_EQ(a.evaluations[0].services.size(), 2u);
    EXPECT_EQ(a.events[0].kind, domain::TriggerKind::new_threat);
}

TEST(AssessmentFile, WriteThenReadGivesTheSameAssessment) {
    auto a = read_ok(kFile);
    const auto& cat = library().catalogue("x1060-2021")->catalogue;
    auto dir = domain::ServiceDirectory::build(cat, a.custom_services);
    ASSERT_TRUE(dir.ok());
    const std::string written = write_assessment(a, *dir);
    auto b = read_ok(written);
    EXPECT_EQ(a.organisation, b.organisation);
    EXPECT_EQ(a.catalogue_id, b.catalogue_id);
    EXPECT_EQ(a.reference_template, b.reference_template);
    EXPECT_EQ(a.evaluation_interval_days, b.evaluation_interval_days);
    EXPECT_EQ(a.custom_services, b.custom_services);
    EXPECT_EQ(a.services, b.services);
    EXPECT_EQ(a.actions, b.actions);
    EXPECT_EQ(a.events, b.events);
    ASSERT_EQ(a.evaluations.size(), b.evaluations.size());
    EXPECT_EQ(a.evaluations[0].services, b.evaluations[0].services);
    EXPECT_EQ(a.evaluations[0].approved_on, b.evaluations[0].approved_on);
    // Writing is deterministic: a second round trip gives the same text.
    EXPECT_EQ(written, write_assessment(b, *dir));
}

// Found by the assessment_file fuzz target: no services was written as a bare "services:",
// which reads back as null and is refused.
TEST(AssessmentFile, NoServicesWritesAndReadsBack) {
    auto a = read_ok("format: cdcwb/v1\norganisation: {name: Empty}\ncatalog: x1060-2021\n"
                     "services: {}\nevaluations:\n  - {id: E1, date: 2026-01-05, kinds: "
                     "[catalogue], services: {}}\n");
    ASSERT_TRUE(a.services.empty());
    ASSERT_EQ(a.evaluations.size(), 1u);
    auto dir = domain::ServiceDirectory::build(library().catalogue("x1060-2021")->catalogue, {});
    ASSERT_TRUE(dir.ok());
    auto b = read_ok(write_assessment(a, *dir));
    EXPECT_TRUE(b.services.empty());
    ASSERT_EQ(b.evaluations.size(), 1u);
    EXPECT_TRUE(b.evaluations[0].services.empty());
}

TEST(AssessmentFile, TheExampleRoundTrips) {
    std::ifstream in(std::string(CDCWB_SOURCE_DIR) + "/examples/example-corp.yaml");
    ASSERT_TRUE(in) << "examples/example-corp.yaml is missing";
    std::stringstream ss;
    ss << in.rdbuf();
    auto a = read_ok(ss.str());
    auto dir = domain::ServiceDirectory::build(library().catalogue(a.catalogue_id)->catalogue,
                                               a.custom_services);
    ASSERT_TRUE(dir.ok());
    auto b = read_ok(write_assessment(a, *dir));
    EXPECT_EQ(a.services, b.services);
    EXPECT_EQ(a.actions, b.actions);
    EXPECT_EQ(a.events, b.events);
    EXPECT_EQ(a.custom_services, b.custom_services);
    ASSERT_EQ(a.evaluations.size(), b.evaluations.size());
    for (std::size_t i = 0; i < a.evaluations.size(); ++i)
        EXPECT_EQ(a.evaluations[i].services, b.evaluations[i].services);
}

TEST(AssessmentFile, TextThatNeedsQuotingSurvivesTheRoundTrip) {
    auto a = read_ok(kFile);
    auto& e = const_cast<domain::ServiceEntry&>(*a.entry("A-1"));
    e.rationale = "line one\nline \"two\": #hash\t✓ 日本語\\";
    e.owner = "true";
    a.organisation.name = "- 123";
    auto dir = domain::ServiceDirectory::build(library().catalogue("x1060-2021")->catalogue,
                                               a.custom_services);
    auto b = read_ok(write_assessment(a, *dir));
    EXPECT_EQ(b.entry("A-1")->rationale, e.rationale);
    EXPECT_EQ(b.entry("A-1")->owner, "true");
    EXPECT_EQ(b.organisation.name, "- 123");
}

TEST(AssessmentFile, SeparateApproverIsReadAndWrittenOnlyWhenSet) {
    auto a = read_ok(kFile);
    EXPECT_FALSE(a.separate_approver) << "off by default";
    auto dir = domain::ServiceDirectory::build(library().catalogue("x1060-2021")->catalogue,
                                               a.custom_services);
    EXPECT_EQ(write_assessment(a, *dir).find("separate_approver"), std::string::npos);
    auto b = read_ok(with(kFile, "evaluation_interval_days: 90\n",
                          "evaluation_interval_days: 90\nseparate_approver: true\n"));
    EXPECT_TRUE(b.separate_approver);
    EXPECT_TRUE(read_ok(write_assessment(b, *dir)).separate_approver);
    EXPECT_EQ(refused(with(kFile, "evaluation_interval_days: 90\n",
                           "evaluation_interval_days: 90\nseparate_approver: sometimes\n"))
                  .substr(0, 22),
              "8: separate_approver: ");
}

TEST(AssessmentFile, MalformedFilesNameTheLineAndField) {
    EXPECT_EQ(refused(with(kFile, "as_is: 3\n", "as_is: 7\n")),
              "19: services.A-1.as_is: score 7 is out of range; use 1 to 5 or n/a");
    EXPECT_EQ(refused(with(kFile, "as_is: 3\n", "as_is: high\n")),
              "19: services.A-1.as_is: 'high' is not a score; use 1 to 5 or n/a");
    EXPECT_EQ(refused(with(kFile, "level: basic\n    assignment: insource",
                           "level: basik\n    assignment: insource")),
              "16: services.A-1.level: 'basik' is not one of: not_required | basic | standard | "
              "advanced | optional");
    EXPECT_EQ(refused(with(kFile, "assignment: insource", "assignment: inhouse")),
              "17: services.A-1.assignment: 'inhouse' is not one of: insource | outsource | both | "
              "unassigned");
    EXPECT_EQ(refused(with(kFile, "    to_be: 5\n", "    to_bee: 5\n")).substr(0, 45),
              "20: services.A-1.to_bee: unknown field 'to_be");
    EXPECT_EQ(refused(with(kFile, "  A-2:\n", "  Z-9:\n")),
              "23: services.Z-9: unknown service 'Z-9' (not in catalogue 'x1060-2021' nor a custom "
              "service)");
    EXPECT_EQ(refused(with(kFile, "  B-1:\n", "  A-1:\n")),
              "45: services.A-1: field 'A-1' appears twice");
    EXPECT_EQ(refused(with(kFile, "    to_be: 2\n  A-4", "    as_is: 2\n    to_be: 2\n  A-4")),
              "33: services.A-3.as_is: an Unassigned service scores 1 as-is (nobody runs it); "
              "assign it or set as_is to 1 or n/a");
    EXPECT_EQ(refused(with(kFile, "    to_be: n/a\n", "    to_be: 3\n")),
              "36: services.A-5.outsource: n/a applies to the whole service: set both as_is and "
              "to_be to n/a, or score both 1 to 5");
    EXPECT_EQ(refused(with(kFile, "    insource: {as_is: 3, to_be: 4}\n", "    as_is: 3\n"))
                  .substr(0, 56),
              "28: services.A-2.as_is: a service assigned 'both' is sco");
    EXPECT_EQ(refused(with(kFile, "    to_be: 5\n    rationale",
                           "    to_be: 5\n    outsource: {as_is: 1}\n    rationale"))
                  .substr(0, 61),
              "21: services.A-1.outsource: separate outsource scores are onl");
    EXPECT_EQ(refused(with(kFile, "due: 2026-12-31", "due: 2026-13-01")),
              "58: actions[0].due: '2026-13-01' is not a date (YYYY-MM-DD)");
    EXPECT_EQ(refused(with(kFile, "services: [A-3]", "services: [A-33]")),
              "67: actions[1].services[0]: action 'ACT-2' links unknown service 'A-33'");
    EXPECT_EQ(refused(with(kFile, "kind: new_threat", "kind: meteor")),
              "71: events[0].kind: 'meteor' is not one of: business_change | new_threat | "
              "organisation_change | provider_change | schedule");
    EXPECT_EQ(refused(with(kFile, "approved_on: 2025-12-20", "approved_on: 2025-12-01")),
              "77: evaluations[0].approved_on: approved before the evaluation was taken");
    EXPECT_EQ(refused(with(kFile, "catalog: x1060-2021", "catalog: x1060-2099")),
              "5: catalog: unknown catalogue 'x1060-2099'");
    EXPECT_EQ(
        refused(with(kFile, "reference_template: large-enterprise", "reference_template: huge")),
        "6: reference_template: unknown template 'huge'");
    EXPECT_EQ(refused(with(kFile, "evaluation_interval_days: 90", "evaluation_interval_days: 0")),
              "7: evaluation_interval_days: '0' is not a whole number from 1 to 3660");
    EXPECT_EQ(refused(with(kFile, "format: cdcwb/v1", "format: cdcwb/v9")),
              "1: format: 'cdcwb/v9' is not a format this version reads; expected cdcwb/v1");
    EXPECT_EQ(refused(with(kFile, "category: D", "category: Q")),
              "10: custom_services[0].category: custom service 'X-1' names unknown category 'Q'");
    EXPECT_EQ(refused(with(kFile, "name: {en: Ransom negotiation, ja: 身代金交渉支援}",
                           "name: {en: Ransom negotiation}")),
              "11: custom_services[0].name.ja: missing ja text");
    EXPECT_EQ(refused(with(kFile, "  id: acme\n  name: \"ACME: test\"\n", "  id: acme\n")),
              "3: organisation.name: missing");
    EXPECT_EQ(refused(with(kFile, "  - id: ACT-2", "  - id: ACT-1")),
              "65: actions[1].id: action id 'ACT-1' is used twice");
}

TEST(AssessmentFile, SyntaxErrorsAndWrongShapesAreRefused) {
    EXPECT_EQ(refused("format: cdcwb/v1\norganisation: {name: [unclosed\n").substr(0, 22),
              "3: : YAML syntax error");
    EXPECT_EQ(refused("- just\n- a list\n"), "1: : expected a YAML mapping at the top of the file");
    EXPECT_EQ(refused(with(kFile, "services:\n  A-1:", "services: 12\nx:\n  A-1:")).substr(0, 34),
              "15: x: unknown field 'x'; expected");
    EXPECT_EQ(refused(""), "0: : expected a YAML mapping at the top of the file");
    EXPECT_EQ(refused("\xff\xfe garbage: [\n").substr(0, 3), "1: ");
}

TEST(AssessmentFile, EveryProblemIsReportedNotJustTheFirst) {
    std::string text =
        with(with(kFile, "as_is: 3\n", "as_is: 9\n"), "kind: new_threat", "kind: meteor");
    auto r = read_assessment("a.yaml", text, library());
    EXPECT_FALSE(r.assessment.has_value());
    EXPECT_EQ(r.problems.size(), 2u) << dump(r.problems);
    EXPECT_EQ(r.problems[0].file, "a.yaml");
}

} // namespace
} // namespace cdcwb::report

namespace cdcwb::report {
namespace {

TEST(AssessmentFile, MissingSectionsAreReportedNotCrashed) {
    auto r = read_assessment("a.yaml", "format: cdcwb/v1\ncatalog: x1060-2021\n", library());
    EXPECT_FALSE(r.assessment.has_value());
    ASSERT_FALSE(r.problems.empty());
    EXPECT_EQ(r.problems[0].field, "organisation");
    EXPECT_EQ(r.problems[0].message, "missing");
    EXPECT_EQ(refused(with(kFile, "name: \"ACME: test\"", "name: \"\"")),
              "4: organisation.name: the organisation needs a name");
    EXPECT_EQ(
        refused(with(kFile, "  - {date: 2026-03-01, kind: new_threat, note: \"Ransomware wave\"}",
                     "  - 12")),
        "71: events[0]: expected a mapping (key: value pairs)");
    auto both = read_assessment(
        "a.yaml",
        with(kFile, "sourcing: {information: external, specialist_skill: true}\n    capacity",
             "sourcing: {information: out, specialist_skill: maybe}\n    capacity"),
        library());
    EXPECT_EQ(both.problems.size(), 2u) << dump(both.problems);
}

} // namespace
} // namespace cdcwb::report
