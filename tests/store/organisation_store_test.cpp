// Organisations: creating one from a template, listing, settings with revisions, deleting, and
// every kind of bad request refused without writing anything.
#include "store/sql.hpp"
#include "store_fixture.hpp"

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;

using OrganisationStore = StoreTest;

std::size_t catalogue_services(const std::string& catalogue_id) {
    return test_library().catalogue(catalogue_id)->catalogue.services().size();
}

long long count_rows(store::Database& db, const std::string& table) {
    store::Unit unit(db, store::Unit::Mode::read);
    long long n = 0;
    unit.sql() << "select count(*) from " + table, soci::into(n);
    return n;
}

TEST_F(OrganisationStore, CreateStartsEveryServiceAtTheTemplatesLevel) {
    const auto org = make_org("acme");
    EXPECT_GT(org.id, 0);
    EXPECT_EQ(org.slug, "acme");
    EXPECT_EQ(org.name, "Acme acme");
    EXPECT_EQ(org.catalogue_id, "x1060-2021");
    EXPECT_EQ(org.reference_template, "small-company");
    EXPECT_EQ(org.evaluation_interval_days, domain::kDefaultEvaluationIntervalDays);
    EXPECT_EQ(org.revision, 1);
    EXPECT_EQ(org.created_at, "2026-11-22T09:00:00.000Z");

    const auto* tmpl = test_library().find_template("small-company");
    ASSERT_NE(tmpl, nullptr);
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok()) << state.error().message;
    const auto& services = test_library().catalogue("x1060-2021")->catalogue.services();
    ASSERT_EQ(state->entries.size(), services.size());
    int with_level = 0;
    for (std::size_t i = 0; i < services.size(); ++i) {
        const auto& record = state->entries[i];
        EXPECT_EQ(record.entry.service_id, services[i]->id) << "catalogue order";
        EXPECT_EQ(record.entry.level, tmpl->tmpl.level_of(services[i]->id))
            << record.entry.service_id;
        EXPECT_EQ(record.entry.assignment, domain::Assignment::unassigned);
        EXPECT_TRUE(record.entry.insource.empty() && record.entry.outsource.empty() &&
                    record.entry.unassigned.empty());
        EXPECT_EQ(record.revision, 1);
        EXPECT_EQ(record.updated_by, "tester");
        with_level += record.entry.level ? 1 : 0;
    }
    EXPECT_GT(with_level, 0) << "the template sets levels";
    EXPECT_TRUE(state->custom_services.empty());
    EXPECT_TRUE(state->actions.empty());
    EXPECT_TRUE(state->events.empty());
    EXPECT_TRUE(state->evaluations.empty());
}

TEST_F(OrganisationStore, CreateWithoutTemplateLeavesEveryLevelUndecided) {
    auto org = store().organisations.create_organisation(
        actor_, {"bare", "Bare Corp", "first-csirt-1.1", ""});
    ASSERT_TRUE(org.ok()) << org.error().message;
    EXPECT_EQ(org->reference_template, "");
    auto state = store().organisations.load("bare");
    ASSERT_TRUE(state.ok()) << state.error().message;
    EXPECT_EQ(state->entries.size(), catalogue_services("first-csirt-1.1"));
    for (const auto& record : state->entries)
        EXPECT_FALSE(record.entry.level.has_value()) << record.entry.service_id;
}

TEST_F(OrganisationStore, DuplicateSlugIsAConflictAndWritesNothing) {
    make_org("acme");
    EXPECT_REFUSED_UNCHANGED(store().organisations.create_organisation(
                                 actor_, {"acme", "Another Acme", "x1060-2021", ""}),
                             ErrorCode::conflict, "id");
}

TEST_F(OrganisationStore, InvalidSlugIsRefusedAndWritesNothing) {
    make_org("acme");
    for (const std::string& slug :
         {std::string("Acme"), std::string(), std::string(65, 'a'), std::string("-acme"),
          std::string("_acme"), std::string("acme corp"), std::string("acme/x")}) {
        SCOPED_TRACE("slug '" + slug + "'");
        EXPECT_REFUSED_UNCHANGED(
            store().organisations.create_organisation(actor_, {slug, "Name", "x1060-2021", ""}),
            ErrorCode::invalid_input, "id");
    }
}

TEST_F(OrganisationStore, SlugOfSixtyFourCharactersIsAccepted) {
    const std::string slug = "a" + std::string(62, '-') + "z";
    auto org = store().organisations.create_organisation(actor_, {slug, "Long", "x1060-2021", ""});
    ASSERT_TRUE(org.ok()) << org.error().message;
    EXPECT_EQ(org->slug, slug);
}

TEST_F(OrganisationStore, EmptyNameIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().organisations.create_organisation(actor_, {"acme", "", "x1060-2021", ""}),
        ErrorCode::invalid_input, "name");
}

TEST_F(OrganisationStore, UnknownCatalogueIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().organisations.create_organisation(actor_, {"acme", "Acme", "iso-27001", ""}),
        ErrorCode::invalid_input, "catalog");
}

TEST_F(OrganisationStore, UnknownTemplateIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(store().organisations.create_organisation(
                                 actor_, {"acme", "Acme", "x1060-2021", "tiny-company"}),
                             ErrorCode::invalid_input, "template");
}

TEST_F(OrganisationStore, TemplateOfAnotherCatalogueIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(store().organisations.create_organisation(
                                 actor_, {"acme", "Acme", "first-csirt-1.1", "small-company"}),
                             ErrorCode::invalid_input, "template");
}

TEST_F(OrganisationStore, ListGivesEveryOrganisationBySlug) {
    auto empty = store().organisations.list();
    ASSERT_TRUE(empty.ok()) << empty.error().message;
    EXPECT_TRUE(empty->empty());
    make_org("zeta");
    make_org("acme");
    make_org("mid");
    auto list = store().organisations.list();
    ASSERT_TRUE(list.ok()) << list.error().message;
    ASSERT_EQ(list->size(), 3u);
    EXPECT_EQ((*list)[0].slug, "acme");
    EXPECT_EQ((*list)[1].slug, "mid");
    EXPECT_EQ((*list)[2].slug, "zeta");
    auto one = store().organisations.organisation("mid");
    ASSERT_TRUE(one.ok()) << one.error().message;
    EXPECT_EQ(one->id, (*list)[1].id);
    EXPECT_EQ(one->name, "Acme mid");
}

TEST_F(OrganisationStore, UpdateSettingsWritesThemAndBumpsTheRevision) {
    const auto org = make_org();
    auto updated = store().organisations.update_organisation(
        actor_, "acme", {"Acme K.K.", "large-enterprise", 90, {}}, 1);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->name, "Acme K.K.");
    EXPECT_EQ(updated->reference_template, "large-enterprise");
    EXPECT_EQ(updated->evaluation_interval_days, 90);
    EXPECT_EQ(updated->revision, 2);
    EXPECT_EQ(updated->slug, "acme");
    EXPECT_EQ(updated->catalogue_id, org.catalogue_id);
    EXPECT_EQ(updated->created_at, org.created_at);
    auto loaded = store().organisations.organisation("acme");
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->name, "Acme K.K.");
    EXPECT_EQ(loaded->revision, 2);
}

TEST_F(OrganisationStore, EmptyReferenceTemplateRemovesTheReference) {
    make_org();
    auto updated =
        store().organisations.update_organisation(actor_, "acme", {"Acme", "", 182, {}}, 1);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->reference_template, "");
}

TEST_F(OrganisationStore, StaleRevisionIsAConflictAndWritesNothing) {
    make_org();
    ASSERT_TRUE(
        store().organisations.update_organisation(actor_, "acme", {"Acme 2", "", 100, {}}, 1).ok());
    EXPECT_REFUSED_UNCHANGED(
        store().organisations.update_organisation(actor_, "acme", {"Acme 3", "", 120, {}}, 1),
        ErrorCode::conflict, "revision");
}

TEST_F(OrganisationStore, IntervalOutsideOneToThreeThousandSixHundredSixtyDaysIsRefused) {
    make_org();
    for (int days : {0, -1, 3661}) {
        SCOPED_TRACE(days);
        EXPECT_REFUSED_UNCHANGED(store().organisations.update_organisation(
                                     actor_, "acme", {"Acme", "small-company", days, {}}, 1),
                                 ErrorCode::invalid_input, "evaluation_interval_days");
    }
    auto low = store().organisations.update_organisation(actor_, "acme",
                                                         {"Acme", "small-company", 1, {}}, 1);
    ASSERT_TRUE(low.ok()) << low.error().message;
    auto high = store().organisations.update_organisation(actor_, "acme",
                                                          {"Acme", "small-company", 3660, {}}, 2);
    ASSERT_TRUE(high.ok()) << high.error().message;
    EXPECT_EQ(high->evaluation_interval_days, 3660);
}

TEST_F(OrganisationStore, UnknownReferenceTemplateIsRefusedAndWritesNothing) {
    make_org();
    EXPECT_REFUSED_UNCHANGED(store().organisations.update_organisation(
                                 actor_, "acme", {"Acme", "no-such-template", 182, {}}, 1),
                             ErrorCode::invalid_input, "reference_template");
}

TEST_F(OrganisationStore, EmptyNameInTheSettingsIsRefusedAndWritesNothing) {
    make_org();
    EXPECT_REFUSED_UNCHANGED(
        store().organisations.update_organisation(actor_, "acme", {"", "", 182, {}}, 1),
        ErrorCode::invalid_input, "name");
}

TEST_F(OrganisationStore, UpdateOfAnUnknownOrganisationIsNotFound) {
    make_org();
    EXPECT_REFUSED_UNCHANGED(
        store().organisations.update_organisation(actor_, "nope", {"Nope", "", 182, {}}, 1),
        ErrorCode::not_found, "org");
}

TEST_F(OrganisationStore, DeleteRemovesTheOrganisationAndEverythingItHeldButKeepsTheAudit) {
    make_org("acme");
    make_org("beta");
    auto entry = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(entry.ok());
    auto e = entry->entry;
    e.evidence = {"https://intranet.example/a"};
    ASSERT_TRUE(store().entries.update_entry(actor_, "acme", e, entry->revision).ok());
    domain::Action action;
    action.title = "Do it";
    action.services = {"A-1"};
    ASSERT_TRUE(store().actions.create_action(actor_, "acme", action).ok());
    ASSERT_TRUE(store()
                    .evaluations
                    .add_event(actor_, "acme",
                               {*domain::Date::parse("2026-11-01"),
                                domain::TriggerKind::business_change, ""})
                    .ok());
    ASSERT_TRUE(
        store()
            .evaluations
            .run_evaluation(actor_, "acme", {"", *domain::Date::parse("2026-11-22"), {}, ""})
            .ok());
    ASSERT_TRUE(
        store().evidence.add_evidence(actor_, "acme", "a.txt", "text/plain", "evidence\n").ok());

    auto deleted = store().organisations.delete_organisation(actor_, "acme");
    ASSERT_TRUE(deleted.ok()) << deleted.error().message;

    auto loaded = store().organisations.load("acme");
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::not_found);
    EXPECT_EQ(loaded.error().field, "org");
    auto list = store().organisations.list();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->front().slug, "beta");
    // Nothing of acme is left; beta keeps its entries.
    EXPECT_EQ(count_rows(db(), "service_entries"),
              static_cast<long long>(catalogue_services("x1060-2021")));
    for (const char* table : {"custom_services", "evidence_files", "trigger_events", "actions",
                              "action_services", "action_history", "evaluations", "memberships"})
        EXPECT_EQ(count_rows(db(), table), 0) << table;

    store::AuditQuery query;
    query.org = "acme";
    auto audit = store().audit.query(query);
    ASSERT_TRUE(audit.ok()) << audit.error().message;
    ASSERT_GE(audit->size(), 7u) << "create, entry, action, event, evaluation, evidence, delete";
    EXPECT_EQ(audit->front().operation, "delete");
    EXPECT_EQ(audit->front().entity, "organisation");
    EXPECT_EQ(audit->front().entity_id, "acme");
    EXPECT_NE(audit->front().before.find("Do it"), std::string::npos)
        << "the deleted state is kept in the audit record";
    EXPECT_EQ(audit->back().operation, "create");
}

TEST_F(OrganisationStore, DeletedSlugCanBeUsedAgain) {
    make_org("acme");
    ASSERT_TRUE(store().organisations.delete_organisation(actor_, "acme").ok());
    auto again =
        store().organisations.create_organisation(actor_, {"acme", "New Acme", "x1060-2021", ""});
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again->revision, 1);
}

TEST_F(OrganisationStore, DeleteOfAnUnknownOrganisationIsNotFound) {
    make_org();
    EXPECT_REFUSED_UNCHANGED(store().organisations.delete_organisation(actor_, "nope"),
                             ErrorCode::not_found, "org");
}

TEST_F(OrganisationStore, LoadOfAnUnknownSlugIsNotFoundNamingOrg) {
    make_org();
    for (auto result : {store().organisations.load("nope"), store().organisations.load("")}) {
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, ErrorCode::not_found);
        EXPECT_EQ(result.error().field, "org");
        EXPECT_FALSE(result.error().message.empty());
    }
    auto one = store().organisations.organisation("nope");
    ASSERT_FALSE(one.ok());
    EXPECT_EQ(one.error().code, ErrorCode::not_found);
    EXPECT_EQ(one.error().field, "org");
}

} // namespace
} // namespace cdcwb::testing
