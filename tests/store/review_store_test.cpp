// Judging an organisation as it is now (review, drafts, changes, trends) through the store, and
// the operations that took logic out of the HTTP handlers: organisations as a user sees them,
// partial settings changes, account changes in one write.
#include "store/sql.hpp"
#include "store_fixture.hpp"

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;
using domain::Score;

class ReviewStore : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        make_org();
    }
    /// Scores A-1 insourced as-is 1, to-be 5 (a gap of 4 on a service that matters).
    void score_a1(int as_is) {
        auto a1 = store().entries.entry("acme", "A-1");
        ASSERT_TRUE(a1.ok());
        auto e = a1->entry;
        e.assignment = domain::Assignment::insource;
        e.owner = "Security Office";
        e.insource = {*Score::points(as_is), *Score::points(5)};
        ASSERT_TRUE(store().entries.update_entry(actor_, "acme", e, a1->revision).ok());
    }
    std::string run(const char* date) {
        auto r = store().evaluations.run_evaluation(actor_, "acme", {"", day(date), {}, ""});
        EXPECT_TRUE(r.ok()) << r.error().message;
        return r.ok() ? r->evaluation.id : "";
    }
};

TEST_F(ReviewStore, ReviewJudgesTheCurrentMatrixAgainstTheReferenceTemplate) {
    score_a1(1);
    auto live = store().evaluations.review("acme", day("2026-11-22"));
    ASSERT_TRUE(live.ok()) << live.error().message;
    const auto& r = (*live)->review;
    EXPECT_EQ(r.date, day("2026-11-22"));
    EXPECT_EQ(r.evaluation.reference_template, "small-company");
    EXPECT_EQ(r.assessment, &(*live)->assessment) << "the review points into what it owns";
    EXPECT_FALSE(r.evaluation.findings.empty());
    EXPECT_FALSE(r.drafts.empty()) << "a gap of 4 gives a draft action";
}

TEST_F(ReviewStore, AReferenceTemplateNoLongerLoadedIsNamedNotSilentlyDropped) {
    // Written directly: the store refuses such a template on every write path.
    {
        store::Unit unit(db(), store::Unit::Mode::write);
        unit.sql() << "update organisations set reference_template = 'gone' where slug = 'acme'";
        unit.commit();
    }
    for (const auto& error :
         {store().evaluations.review("acme", day("2026-11-22")).error(),
          store().evaluations.action_drafts("acme", day("2026-11-22")).error()}) {
        EXPECT_EQ(error.code, ErrorCode::invalid_input);
        EXPECT_EQ(error.field, "reference_template");
        EXPECT_NE(error.message.find("'gone'"), std::string::npos) << error.message;
    }
}

TEST_F(ReviewStore, DraftsAreTheReviewsDraftsForTheSameDay) {
    score_a1(1);
    auto drafts = store().evaluations.action_drafts("acme", day("2026-11-22"));
    auto live = store().evaluations.review("acme", day("2026-11-22"));
    ASSERT_TRUE(drafts.ok() && live.ok());
    ASSERT_EQ(drafts->size(), (*live)->review.drafts.size());
    for (std::size_t i = 0; i < drafts->size(); ++i)
        EXPECT_EQ((*drafts)[i].title, (*live)->review.drafts[i].title);
}

TEST_F(ReviewStore, ChangesBetweenTwoEvaluationsOrSinceOne) {
    score_a1(1);
    const auto first = run("2026-11-22");
    score_a1(3);
    const auto second = run("2026-11-23");
    score_a1(4);

    auto between = store().evaluations.changes("acme", first, second, day("2026-11-24"));
    ASSERT_TRUE(between.ok()) << between.error().message;
    EXPECT_EQ(between->from, first);
    EXPECT_EQ(between->to, second);
    ASSERT_FALSE(between->changes.empty());
    EXPECT_EQ(between->changes.front().service_id, "A-1");

    auto since = store().evaluations.changes("acme", first, std::nullopt, day("2026-11-24"));
    ASSERT_TRUE(since.ok());
    EXPECT_EQ(since->to, "current");
    bool saw_four = false;
    for (const auto& c : since->changes) saw_four |= c.service_id == "A-1" && c.after == "4";
    EXPECT_TRUE(saw_four) << "the current matrix is compared, not the last evaluation";
}

TEST_F(ReviewStore, ChangesNameTheUnknownEvaluation) {
    const auto first = run("2026-11-22");
    auto from = store().evaluations.changes("acme", "nope", std::nullopt, day("2026-11-22"));
    ASSERT_FALSE(from.ok());
    EXPECT_EQ(from.error().code, ErrorCode::not_found);
    EXPECT_EQ(from.error().field, "from");
    auto to = store().evaluations.changes("acme", first, "nope", day("2026-11-22"));
    ASSERT_FALSE(to.ok());
    EXPECT_EQ(to.error().field, "to");
    EXPECT_EQ(
        store().evaluations.changes("nobody", first, std::nullopt, day("2026-11-22")).error().code,
        ErrorCode::not_found);
}

TEST_F(ReviewStore, TrendsHaveAPointPerEvaluationOverallAndPerCategory) {
    score_a1(1);
    run("2026-11-22");
    score_a1(3);
    run("2026-11-23");
    auto trends = store().evaluations.trends("acme");
    ASSERT_TRUE(trends.ok());
    ASSERT_EQ(trends->size(), 1u + 9u) << "overall and the nine categories";
    EXPECT_EQ(trends->front().scope, "overall");
    EXPECT_EQ(trends->front().points.size(), 2u);
}

TEST_F(ReviewStore, OrganisationsOfAMemberCarryTheirRoleAndASiteAdminSeesAll) {
    make_org("beta");
    ASSERT_TRUE(
        store()
            .users.create_user(actor_, {"alice", "Alice", "correct horse battery", false, "en"})
            .ok());
    ASSERT_TRUE(store().users.set_role(actor_, "beta", "alice", domain::Role::assessor).ok());

    auto mine = store().users.organisations_of("alice", false);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ(mine->front().organisation.slug, "beta");
    EXPECT_EQ(mine->front().role, domain::Role::assessor);

    auto all = store().users.organisations_of("alice", true);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].organisation.slug, "acme");
    EXPECT_FALSE((*all)[0].role.has_value());
    EXPECT_EQ((*all)[1].role, domain::Role::assessor);

    EXPECT_EQ(store().users.organisations_of("mallory", false).error().code, ErrorCode::not_found);
}

TEST_F(ReviewStore, SettingsChangeOnlyTheFieldsGiven) {
    store::OrganisationSettings only_interval;
    only_interval.evaluation_interval_days = 90;
    auto updated = store().organisations.update_organisation(actor_, "acme", only_interval, 1);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->name, "Acme acme");
    EXPECT_EQ(updated->reference_template, "small-company");
    EXPECT_EQ(updated->evaluation_interval_days, 90);

    store::OrganisationSettings clear_reference;
    clear_reference.reference_template = "";
    updated = store().organisations.update_organisation(actor_, "acme", clear_reference, 2);
    ASSERT_TRUE(updated.ok());
    EXPECT_EQ(updated->reference_template, "");
    EXPECT_EQ(updated->evaluation_interval_days, 90);

    // Far out of int's range: refused by the rule, never wrapped into range.
    store::OrganisationSettings huge;
    huge.evaluation_interval_days = 4294967297LL + 182;
    EXPECT_REFUSED_UNCHANGED(store().organisations.update_organisation(actor_, "acme", huge, 3),
                             ErrorCode::invalid_input, "evaluation_interval_days");
}

TEST_F(ReviewStore, AccountChangesApplyTogetherAndAreValidatedFirst) {
    ASSERT_TRUE(
        store()
            .users.create_user(actor_, {"alice", "Alice", "correct horse battery", false, "en"})
            .ok());
    auto changed = store().users.update_account(actor_, "alice", {std::nullopt, true, "ja", {}});
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_TRUE(changed->disabled);
    EXPECT_EQ(changed->lang, "ja");
    // A bad password refuses the whole change: the account stays disabled and in Japanese.
    EXPECT_REFUSED_UNCHANGED(
        store().users.update_account(actor_, "alice", {"short", false, "en", {}}),
        ErrorCode::invalid_input, "password");
    EXPECT_REFUSED_UNCHANGED(
        store().users.update_account(actor_, "alice", {std::nullopt, false, "fr", {}}),
        ErrorCode::invalid_input, "lang");
    EXPECT_REFUSED_UNCHANGED(
        store().users.update_account(actor_, "mallory", {std::nullopt, false, {}, {}}),
        ErrorCode::not_found, "");
}

} // namespace
} // namespace cdcwb::testing
