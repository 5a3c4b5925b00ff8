// Evaluations: running one records the current matrix and its findings, immutable;
// ids, kinds and approvals are checked.
#include "store_fixture.hpp"

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;
using domain::Score;

/// Everything a finding says, to compare findings that have no operator==.
std::string describe(const domain::Finding& f) {
    const auto opt = [](const auto& value) {
        if (!value) return std::string("-");
        if constexpr (std::is_same_v<std::decay_t<decltype(*value)>, int>)
            return std::to_string(*value);
        else
            return std::string(to_string(*value));
    };
    return std::string(to_string(f.kind)) + "|" + std::string(to_string(f.severity)) + "|" +
           f.code + "|" + f.service_id + "|" + opt(f.level) + "|" + opt(f.reference_level) + "|" +
           opt(f.assignment) + "|" + opt(f.quadrant) + "|" + opt(f.as_is) + "|" + opt(f.to_be) +
           "|" + f.message.en + "|" + f.message.ja;
}

std::vector<std::string> describe(const std::vector<domain::Finding>& findings) {
    std::vector<std::string> out;
    for (const auto& f : findings) out.push_back(describe(f));
    return out;
}

void expect_same_evaluation(const domain::Evaluation& actual, const domain::Evaluation& expected) {
    EXPECT_EQ(actual.id, expected.id);
    EXPECT_EQ(actual.date, expected.date);
    EXPECT_EQ(actual.kinds, expected.kinds);
    EXPECT_EQ(actual.approved_by, expected.approved_by);
    EXPECT_EQ(actual.approved_on, expected.approved_on);
    EXPECT_EQ(actual.note, expected.note);
    EXPECT_TRUE(actual.services == expected.services);
}

class EvaluationStore : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        make_org();
        // A few entries that give findings of every evaluation: a gap, a missing owner, a
        // mismatch with the reference template, rationale and evidence the recorded evaluation
        // leaves out.
        auto a1 = store().entries.entry("acme", "A-1");
        ASSERT_TRUE(a1.ok());
        auto e = a1->entry;
        e.assignment = domain::Assignment::insource;
        e.owner = "Security Office";
        e.insource = {*Score::points(1), *Score::points(5)};
        e.rationale = "Why we score ourselves low";
        e.evidence = {"https://intranet.example/review"};
        ASSERT_TRUE(store().entries.update_entry(actor_, "acme", e, a1->revision).ok());
        auto b1 = store().entries.entry("acme", "B-1");
        ASSERT_TRUE(b1.ok());
        e = b1->entry;
        e.level = domain::Level::not_required;
        e.assignment = domain::Assignment::outsource;
        e.outsource = {*Score::points(3), *Score::points(2)};
        ASSERT_TRUE(store().entries.update_entry(actor_, "acme", e, b1->revision).ok());
    }

    store::NewEvaluation on(const char* date, std::string id = "") {
        return {std::move(id), day(date), {}, ""};
    }
};

TEST_F(EvaluationStore, RunRecordsTheCurrentMatrixAndItsFindings) {
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok());
    std::vector<domain::ServiceEntry> entries;
    for (const auto& r : state->entries) entries.push_back(r.entry);
    auto dir =
        domain::ServiceDirectory::build(test_library().catalogue("x1060-2021")->catalogue, {});
    ASSERT_TRUE(dir.ok());
    const auto expected_findings =
        domain::evaluate(*dir, entries, &test_library().find_template("small-company")->tmpl)
            .findings;
    const auto expected_evaluation =
        domain::evaluation_of("2026-11-22", day("2026-11-22"), entries);

    auto record = store().evaluations.run_evaluation(
        actor_, "acme", {"", day("2026-11-22"), {}, "Half-year review"});
    ASSERT_TRUE(record.ok()) << record.error().message;
    EXPECT_EQ(record->evaluation.id, "2026-11-22");
    EXPECT_EQ(record->evaluation.date, day("2026-11-22"));
    EXPECT_EQ(record->evaluation.kinds,
              (std::vector<domain::EvaluationKind>{domain::EvaluationKind::catalogue,
                                                   domain::EvaluationKind::profile,
                                                   domain::EvaluationKind::portfolio}));
    EXPECT_EQ(record->evaluation.note, "Half-year review");
    EXPECT_EQ(record->evaluation.approved_by, "");
    EXPECT_FALSE(record->evaluation.approved_on.has_value());
    EXPECT_TRUE(record->evaluation.services == expected_evaluation.services);
    EXPECT_FALSE(record->findings.empty());
    EXPECT_EQ(describe(record->findings), describe(expected_findings));
    EXPECT_EQ(record->reference_template, "small-company");
    EXPECT_EQ(record->created_by, "tester");
    EXPECT_EQ(record->created_at, "2026-11-22T09:00:00.000Z");

    auto read = store().evaluations.evaluation("acme", "2026-11-22");
    ASSERT_TRUE(read.ok()) << read.error().message;
    expect_same_evaluation(read->evaluation, record->evaluation);
    EXPECT_EQ(describe(read->findings), describe(expected_findings));
    auto loaded = store().organisations.load("acme");
    ASSERT_TRUE(loaded.ok());
    ASSERT_EQ(loaded->evaluations.size(), 1u);
    expect_same_evaluation(loaded->evaluations.front().evaluation, record->evaluation);
    EXPECT_EQ(describe(loaded->evaluations.front().findings), describe(expected_findings));
}

TEST_F(EvaluationStore, AnEvaluationOfSomeKindsRecordsOnlyTheirFindings) {
    auto all = store().evaluations.run_evaluation(actor_, "acme", on("2026-11-21", "all"));
    ASSERT_TRUE(all.ok()) << all.error().message;
    store::NewEvaluation request = on("2026-11-22", "portfolio-only");
    request.kinds = {domain::EvaluationKind::portfolio};
    auto record = store().evaluations.run_evaluation(actor_, "acme", request);
    ASSERT_TRUE(record.ok()) << record.error().message;
    std::vector<domain::Finding> expected;
    for (const auto& f : all->findings)
        if (f.kind == domain::EvaluationKind::portfolio) expected.push_back(f);
    ASSERT_FALSE(expected.empty());
    ASSERT_LT(expected.size(), all->findings.size()) << "the example has findings of other kinds";
    EXPECT_EQ(describe(record->findings), describe(expected));
    EXPECT_EQ(record->counts.error + record->counts.warning + record->counts.info,
              static_cast<int>(expected.size()));
    auto read = store().evaluations.evaluation("acme", "portfolio-only");
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(describe(read->findings), describe(expected));
}

TEST_F(EvaluationStore, FindingsAreCountedBySeverity) {
    auto record = store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22"));
    ASSERT_TRUE(record.ok()) << record.error().message;
    store::FindingCounts expected;
    for (const auto& f : record->findings) {
        if (f.severity == domain::Severity::error) ++expected.error;
        if (f.severity == domain::Severity::warning) ++expected.warning;
        if (f.severity == domain::Severity::info) ++expected.info;
    }
    EXPECT_EQ(record->counts, expected);
    EXPECT_GT(expected.error + expected.warning + expected.info, 0);
    auto read = store().evaluations.evaluation("acme", record->evaluation.id);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->counts, expected);
}

TEST_F(EvaluationStore, SummariesCarryTheCountsButNotTheMatrixOrFindings) {
    auto first =
        store().evaluations.run_evaluation(actor_, "acme", {"H1", day("2026-06-01"), {}, "first"});
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(store().evaluations.approve_evaluation(actor_, "acme", "H1").ok());
    auto second = store().evaluations.run_evaluation(
        actor_, "acme", {"H2", day("2026-11-22"), {domain::EvaluationKind::portfolio}, ""});
    ASSERT_TRUE(second.ok());

    auto full = store().organisations.load("acme", store::History::full);
    auto summaries = store().organisations.load("acme", store::History::summaries);
    ASSERT_TRUE(full.ok() && summaries.ok());
    ASSERT_EQ(summaries->evaluations.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& s = summaries->evaluations[i];
        const auto& f = full->evaluations[i];
        SCOPED_TRACE(f.evaluation.id);
        EXPECT_EQ(s.evaluation.id, f.evaluation.id);
        EXPECT_EQ(s.evaluation.date, f.evaluation.date);
        EXPECT_EQ(s.evaluation.kinds, f.evaluation.kinds);
        EXPECT_EQ(s.evaluation.note, f.evaluation.note);
        EXPECT_EQ(s.evaluation.approved_by, f.evaluation.approved_by);
        EXPECT_EQ(s.evaluation.approved_on, f.evaluation.approved_on);
        EXPECT_EQ(s.counts, f.counts);
        EXPECT_EQ(s.created_by, f.created_by);
        EXPECT_TRUE(s.evaluation.services.empty());
        EXPECT_TRUE(s.findings.empty());
        EXPECT_FALSE(f.evaluation.services.empty());
        EXPECT_FALSE(f.findings.empty());
    }
    EXPECT_EQ(summaries->evaluations[0].evaluation.approved_by, "tester");
    EXPECT_EQ(summaries->entries.size(), full->entries.size()) << "only the history is shortened";
}

TEST_F(EvaluationStore, RecordedEvaluationLeavesOutRationaleAndEvidence) {
    auto record = store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22"));
    ASSERT_TRUE(record.ok()) << record.error().message;
    const auto& first = record->evaluation.services.front();
    EXPECT_EQ(first.service_id, "A-1");
    EXPECT_EQ(first.owner, "Security Office");
    EXPECT_EQ(first.rationale, "");
    EXPECT_TRUE(first.evidence.empty());
}

TEST_F(EvaluationStore, AutomaticIdIsTheDateThenNumbered) {
    for (const char* expected : {"2026-11-22", "2026-11-22-2", "2026-11-22-3"}) {
        auto record = store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22"));
        ASSERT_TRUE(record.ok()) << record.error().message;
        EXPECT_EQ(record->evaluation.id, expected);
    }
    auto other_day = store().evaluations.run_evaluation(actor_, "acme", on("2026-11-23"));
    ASSERT_TRUE(other_day.ok());
    EXPECT_EQ(other_day->evaluation.id, "2026-11-23");
}

TEST_F(EvaluationStore, ExplicitIdThatExistsIsAConflictAndWritesNothing) {
    ASSERT_TRUE(
        store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22", "2026-H2")).ok());
    EXPECT_REFUSED_UNCHANGED(
        store().evaluations.run_evaluation(actor_, "acme", on("2026-12-01", "2026-H2")),
        ErrorCode::conflict, "id");
}

TEST_F(EvaluationStore, KindGivenTwiceIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(store().evaluations.run_evaluation(actor_, "acme",
                                                                {"",
                                                                 day("2026-11-22"),
                                                                 {domain::EvaluationKind::profile,
                                                                  domain::EvaluationKind::catalogue,
                                                                  domain::EvaluationKind::profile},
                                                                 ""}),
                             ErrorCode::invalid_input, "kinds");
}

TEST_F(EvaluationStore, ChosenKindsAreRecordedInTheirOrder) {
    auto record = store().evaluations.run_evaluation(
        actor_, "acme",
        {"",
         day("2026-11-22"),
         {domain::EvaluationKind::portfolio, domain::EvaluationKind::catalogue},
         ""});
    ASSERT_TRUE(record.ok()) << record.error().message;
    auto read = store().evaluations.evaluation("acme", record->evaluation.id);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->evaluation.kinds,
              (std::vector<domain::EvaluationKind>{domain::EvaluationKind::portfolio,
                                                   domain::EvaluationKind::catalogue}));
}

TEST_F(EvaluationStore, IdWithASpaceOrControlCharacterOrOverSixtyFourCharactersIsRefused) {
    for (const std::string& id : {std::string("2026 H2"), std::string("2026\tH2"),
                                  std::string("H2\n"), std::string(65, 'x')}) {
        SCOPED_TRACE(id);
        EXPECT_REFUSED_UNCHANGED(
            store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22", id)),
            ErrorCode::invalid_input, "id");
    }
    auto longest =
        store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22", std::string(64, 'x')));
    EXPECT_TRUE(longest.ok()) << longest.error().message;
}

TEST_F(EvaluationStore, RunForAnUnknownOrganisationIsNotFound) {
    EXPECT_REFUSED_UNCHANGED(store().evaluations.run_evaluation(actor_, "nope", on("2026-11-22")),
                             ErrorCode::not_found, "org");
}

TEST_F(EvaluationStore, EvaluationsLoadOldestFirst) {
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-12-01", "late")).ok());
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-06-01", "early")).ok());
    ASSERT_TRUE(
        store().evaluations.run_evaluation(actor_, "acme", on("2026-09-01", "middle")).ok());
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok());
    std::vector<std::string> ids;
    for (const auto& e : state->evaluations) ids.push_back(e.evaluation.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"early", "middle", "late"}));
}

TEST_F(EvaluationStore, ApprovalRecordsWhoSignedAndWhen) {
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22")).ok());
    now_ += std::chrono::days(3); // signed off three days later: dated that day, by the clock
    auto approved =
        store().evaluations.approve_evaluation({"ciso", std::nullopt}, "acme", "2026-11-22");
    ASSERT_TRUE(approved.ok()) << approved.error().message;
    EXPECT_EQ(approved->evaluation.approved_by, "ciso");
    EXPECT_EQ(approved->evaluation.approved_on, day("2026-11-25"));
    auto read = store().evaluations.evaluation("acme", "2026-11-22");
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->evaluation.approved_by, "ciso");
    EXPECT_EQ(read->evaluation.approved_on, day("2026-11-25"));
    EXPECT_FALSE(read->findings.empty()) << "approval keeps the findings";
}

TEST_F(EvaluationStore, AnApprovalAskedForAnotherDayThanTheClocksIsRefusedAndWritesNothing) {
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22")).ok());
    now_ += std::chrono::days(3);
    EXPECT_REFUSED_UNCHANGED(
        store().evaluations.approve_evaluation(actor_, "acme", "2026-11-22", day("2026-11-22")),
        ErrorCode::invalid_input, "date");
    auto approved =
        store().evaluations.approve_evaluation(actor_, "acme", "2026-11-22", day("2026-11-25"));
    ASSERT_TRUE(approved.ok()) << approved.error().message;
    EXPECT_EQ(approved->evaluation.approved_on, day("2026-11-25"));
}

TEST_F(EvaluationStore, ApprovalOnTheEvaluationDayIsAllowed) {
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22")).ok());
    auto approved = store().evaluations.approve_evaluation(actor_, "acme", "2026-11-22");
    EXPECT_TRUE(approved.ok()) << approved.error().message;
}

TEST_F(EvaluationStore, SecondApprovalIsAConflictAndWritesNothing) {
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22")).ok());
    ASSERT_TRUE(
        store().evaluations.approve_evaluation({"ciso", std::nullopt}, "acme", "2026-11-22").ok());
    EXPECT_REFUSED_UNCHANGED(
        store().evaluations.approve_evaluation({"cfo", std::nullopt}, "acme", "2026-11-22"),
        ErrorCode::conflict, "approved_by");
}

TEST_F(EvaluationStore, AnEvaluationDatedLaterCannotBeApprovedBeforeThatDay) {
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-11-23")).ok());
    EXPECT_REFUSED_UNCHANGED(store().evaluations.approve_evaluation(actor_, "acme", "2026-11-23"),
                             ErrorCode::invalid_input, "approved_on");
    now_ += std::chrono::days(1);
    auto approved = store().evaluations.approve_evaluation(actor_, "acme", "2026-11-23");
    ASSERT_TRUE(approved.ok()) << approved.error().message;
    EXPECT_EQ(approved->evaluation.approved_on, day("2026-11-23"));
}

TEST_F(EvaluationStore, WithSeparateDutiesTheRecorderCannotApproveAndNothingIsWritten) {
    auto org = store().organisations.organisation("acme");
    ASSERT_TRUE(org.ok());
    EXPECT_FALSE(org->separate_approver) << "off unless the organisation asks for it";
    store::OrganisationSettings settings;
    settings.separate_approver = true;
    auto changed =
        store().organisations.update_organisation(actor_, "acme", settings, org->revision);
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_TRUE(changed->separate_approver);
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22")).ok());

    EXPECT_REFUSED_UNCHANGED(store().evaluations.approve_evaluation(actor_, "acme", "2026-11-22"),
                             ErrorCode::forbidden, "approved_by");
    auto approved =
        store().evaluations.approve_evaluation({"ciso", std::nullopt}, "acme", "2026-11-22");
    ASSERT_TRUE(approved.ok()) << approved.error().message;
    EXPECT_EQ(approved->evaluation.approved_by, "ciso");
}

TEST_F(EvaluationStore, ApprovalWithoutAnApproverNameIsRefused) {
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22")).ok());
    EXPECT_REFUSED_UNCHANGED(
        store().evaluations.approve_evaluation({"", std::nullopt}, "acme", "2026-11-22"),
        ErrorCode::invalid_input, "actor");
}

TEST_F(EvaluationStore, ApprovalOfAnUnknownEvaluationIsNotFound) {
    ASSERT_TRUE(store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22")).ok());
    EXPECT_REFUSED_UNCHANGED(store().evaluations.approve_evaluation(actor_, "acme", "2026-11-23"),
                             ErrorCode::not_found, "id");
    auto read = store().evaluations.evaluation("acme", "2026-11-23");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::not_found);
    EXPECT_EQ(read.error().field, "id");
}

TEST_F(EvaluationStore, RecordedEvaluationStaysTheSameAfterLaterEdits) {
    auto record = store().evaluations.run_evaluation(actor_, "acme", on("2026-11-22"));
    ASSERT_TRUE(record.ok());
    const auto findings = describe(record->findings);

    auto a1 = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(a1.ok());
    auto e = a1->entry;
    e.owner = "Someone else";
    e.insource = {*Score::points(5), *Score::points(5)};
    ASSERT_TRUE(store().entries.update_entry(actor_, "acme", e, a1->revision).ok());
    ASSERT_TRUE(store()
                    .organisations
                    .update_organisation(actor_, "acme", {"Acme", "large-enterprise", 90, {}}, 1)
                    .ok());
    ASSERT_TRUE(
        store()
            .entries
            .add_custom_service(actor_, "acme", {"X-1", "D", {"New", "新規"}, {}, std::nullopt})
            .ok());

    auto read = store().evaluations.evaluation("acme", record->evaluation.id);
    ASSERT_TRUE(read.ok());
    expect_same_evaluation(read->evaluation, record->evaluation);
    EXPECT_EQ(describe(read->findings), findings);
    EXPECT_EQ(read->reference_template, "small-company");
    EXPECT_EQ(read->evaluation.services.front().owner, "Security Office");
    auto later = store().evaluations.run_evaluation(actor_, "acme", on("2026-11-23"));
    ASSERT_TRUE(later.ok());
    EXPECT_EQ(later->evaluation.services.front().owner, "Someone else");
    EXPECT_EQ(later->reference_template, "large-enterprise");
    EXPECT_EQ(later->evaluation.services.size(), record->evaluation.services.size() + 1);
}

} // namespace
} // namespace cdcwb::testing
