// The matrix: one entry or a batch of entries with revision checks, every kind of bad entry
// refused without writing anything, custom services, and two writers on one database.
#include "store_fixture.hpp"

#include <nlohmann/json.hpp>

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;
using domain::Score;

domain::ServiceEntry insourced(const std::string& id, int as_is, int to_be) {
    domain::ServiceEntry e;
    e.service_id = id;
    e.level = domain::Level::basic;
    e.assignment = domain::Assignment::insource;
    e.owner = "SOC team";
    e.insource = {*Score::points(as_is), *Score::points(to_be)};
    return e;
}

class ServiceStore : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        make_org();
    }
    std::int64_t revision_of(const std::string& service) {
        auto e = store().entries.entry("acme", service);
        EXPECT_TRUE(e.ok()) << service;
        return e.ok() ? e->revision : -1;
    }
};

TEST_F(ServiceStore, UpdateEntryWritesItAndBumpsTheRevision) {
    const auto before = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(before.ok()) << before.error().message;
    EXPECT_EQ(before->revision, 1);
    auto entry = insourced("A-1", 2, 4);
    entry.rationale = "Policy approved in 2026";
    entry.capacity = "2 FTE";
    entry.capability = "SIM3 level 2";
    entry.sourcing = domain::SourcingAnswers{domain::Information::internal, true};
    entry.evidence = {"https://intranet.example/policy", "docs/policy.pdf"};
    now_ += std::chrono::minutes(5);
    auto updated = store().entries.update_entry({"alice", 7}, "acme", entry, 1);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->revision, 2);
    EXPECT_EQ(updated->updated_by, "alice");
    EXPECT_EQ(updated->updated_at, "2026-11-22T09:05:00.000Z");
    EXPECT_TRUE(updated->entry == entry);

    auto read = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(read.ok());
    EXPECT_TRUE(read->entry == entry);
    EXPECT_EQ(read->revision, 2);
    EXPECT_EQ(read->updated_by, "alice");
    EXPECT_EQ(read->updated_at, "2026-11-22T09:05:00.000Z");
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok());
    EXPECT_TRUE(state->entries.front().entry == entry) << "A-1 keeps its place";
}

TEST_F(ServiceStore, EveryScoreShapeRoundTrips) {
    auto both = insourced("A-2", 3, 4);
    both.assignment = domain::Assignment::both;
    both.provider = "Z-MSSP";
    both.outsource = {*Score::points(2), *Score::points(4)};
    domain::ServiceEntry outsourced;
    outsourced.service_id = "A-3";
    outsourced.level = domain::Level::optional;
    outsourced.assignment = domain::Assignment::outsource;
    outsourced.provider = "Z-MSSP";
    outsourced.outsource = {Score::not_applicable(), Score::not_applicable()};
    domain::ServiceEntry unassigned;
    unassigned.service_id = "A-4";
    unassigned.level = domain::Level::not_required;
    unassigned.unassigned = {*Score::points(1), std::nullopt};
    domain::ServiceEntry half;
    half.service_id = "A-5";
    half.assignment = domain::Assignment::insource;
    half.insource.to_be = *Score::points(5);
    std::vector<store::ServiceEntryUpdate> batch;
    for (const auto& e : {both, outsourced, unassigned, half})
        batch.push_back({e, revision_of(e.service_id)});
    auto written = store().entries.update_entries(actor_, "acme", batch);
    ASSERT_TRUE(written.ok()) << written.error().field << ": " << written.error().message;
    for (const auto& e : {both, outsourced, unassigned, half}) {
        auto read = store().entries.entry("acme", e.service_id);
        ASSERT_TRUE(read.ok());
        EXPECT_TRUE(read->entry == e) << e.service_id;
    }
}

TEST_F(ServiceStore, UpdateIsAuditedWithTheOldAndTheNewValues) {
    auto first = insourced("A-1", 2, 4);
    ASSERT_TRUE(store().entries.update_entry(actor_, "acme", first, 1).ok());
    auto second = first;
    second.owner = "CSIRT";
    second.insource.as_is = *Score::points(3);
    ASSERT_TRUE(store().entries.update_entry(actor_, "acme", second, 2).ok());

    store::AuditQuery query;
    query.entity = "service";
    query.entity_id = "A-1";
    auto audit = store().audit.query(query);
    ASSERT_TRUE(audit.ok()) << audit.error().message;
    ASSERT_EQ(audit->size(), 2u);
    const auto& record = audit->front();
    EXPECT_EQ(record.operation, "update");
    EXPECT_EQ(record.actor, "tester");
    EXPECT_EQ(record.org, "acme");
    const auto before = nlohmann::json::parse(record.before);
    const auto after = nlohmann::json::parse(record.after);
    EXPECT_EQ(before.at("owner"), "SOC team");
    EXPECT_EQ(before.at("insource").at("as_is"), "2");
    EXPECT_EQ(after.at("owner"), "CSIRT");
    EXPECT_EQ(after.at("insource").at("as_is"), "3");
    EXPECT_EQ(after.at("insource").at("to_be"), "4");
    const auto older = nlohmann::json::parse(audit->back().before);
    EXPECT_EQ(older.at("assignment"), "unassigned") << "the first edit saw the template's entry";
}

TEST_F(ServiceStore, StaleRevisionIsAConflictNamingWhoChangedItAndWritesNothing) {
    ASSERT_TRUE(
        store()
            .entries.update_entry({"alice", std::nullopt}, "acme", insourced("A-1", 2, 4), 1)
            .ok());
    const std::string before = database_fingerprint(db());
    auto stale = store().entries.update_entry(actor_, "acme", insourced("A-1", 3, 5), 1);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, ErrorCode::conflict);
    EXPECT_EQ(stale.error().field, "revision");
    EXPECT_NE(stale.error().message.find("alice"), std::string::npos) << stale.error().message;
    EXPECT_EQ(database_fingerprint(db()), before);
    EXPECT_REFUSED_UNCHANGED(
        store().entries.update_entry(actor_, "acme", insourced("A-1", 3, 5), 7),
        ErrorCode::conflict, "revision");
}

TEST_F(ServiceStore, UnknownServiceIsNotFoundAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().entries.update_entry(actor_, "acme", insourced("Z-99", 2, 4), 1),
        ErrorCode::not_found, "service");
    auto read = store().entries.entry("acme", "Z-99");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::not_found);
}

TEST_F(ServiceStore, UnknownOrganisationIsNotFoundAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().entries.update_entry(actor_, "nope", insourced("A-1", 2, 4), 1),
        ErrorCode::not_found, "org");
}

TEST_F(ServiceStore, ScoreOnARubricThatDoesNotFitTheAssignmentIsRefusedAndWritesNothing) {
    auto outsource_score = insourced("A-1", 2, 4);
    outsource_score.outsource.as_is = *Score::points(3);
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entry(actor_, "acme", outsource_score, 1),
                             ErrorCode::invalid_input, "services.A-1.outsource");
    auto insource_score = insourced("A-1", 2, 4);
    insource_score.assignment = domain::Assignment::outsource;
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entry(actor_, "acme", insource_score, 1),
                             ErrorCode::invalid_input, "services.A-1.insource");
    domain::ServiceEntry unassigned_high;
    unassigned_high.service_id = "A-1";
    unassigned_high.unassigned.as_is = *Score::points(3);
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entry(actor_, "acme", unassigned_high, 1),
                             ErrorCode::invalid_input, "services.A-1.as_is");
}

TEST_F(ServiceStore, NotApplicablePairedWithANumberIsRefusedAndWritesNothing) {
    auto entry = insourced("A-1", 2, 4);
    entry.insource.as_is = Score::not_applicable();
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entry(actor_, "acme", entry, 1),
                             ErrorCode::invalid_input, "services.A-1.insource");
}

TEST_F(ServiceStore, EvidenceReferenceToAnUnknownFileIsRefusedAndWritesNothing) {
    auto entry = insourced("A-1", 2, 4);
    entry.evidence = {"https://intranet.example/ok", "evidence:sha256:" + std::string(64, '0')};
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entry(actor_, "acme", entry, 1),
                             ErrorCode::invalid_input, "services.A-1.evidence[1]");
    entry.evidence = {""};
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entry(actor_, "acme", entry, 1),
                             ErrorCode::invalid_input, "services.A-1.evidence[0]");
}

TEST_F(ServiceStore, ChangedEvidenceListReplacesTheOldOne) {
    auto entry = insourced("A-1", 2, 4);
    entry.evidence = {"https://a.example", "https://b.example", "https://c.example"};
    ASSERT_TRUE(store().entries.update_entry(actor_, "acme", entry, 1).ok());
    entry.evidence = {"https://c.example", "https://a.example"};
    ASSERT_TRUE(store().entries.update_entry(actor_, "acme", entry, 2).ok());
    auto read = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->entry.evidence, entry.evidence);
    entry.evidence.clear();
    ASSERT_TRUE(store().entries.update_entry(actor_, "acme", entry, 3).ok());
    read = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(read.ok());
    EXPECT_TRUE(read->entry.evidence.empty());
}

TEST_F(ServiceStore, TextThatIsNotUtf8IsInvalidInputAndWritesNothing) {
    auto entry = insourced("A-1", 2, 4);
    entry.owner = "SOC \xff\xfe team";
    const std::string before = database_fingerprint(db());
    auto result = store().entries.update_entry(actor_, "acme", entry, 1);
    ASSERT_FALSE(result.ok()) << "text that is not UTF-8 was stored";
    EXPECT_EQ(database_fingerprint(db()), before);
    EXPECT_EQ(result.error().code, ErrorCode::invalid_input) << result.error().message;
    EXPECT_EQ(result.error().field, "services.A-1.owner");
}

TEST_F(ServiceStore, BatchWritesEveryEntry) {
    std::vector<store::ServiceEntryUpdate> batch{
        {insourced("A-1", 1, 3), 1}, {insourced("A-2", 2, 4), 1}, {insourced("A-3", 3, 5), 1}};
    auto written = store().entries.update_entries(actor_, "acme", batch);
    ASSERT_TRUE(written.ok()) << written.error().message;
    ASSERT_EQ(written->size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ((*written)[i].revision, 2);
        EXPECT_TRUE((*written)[i].entry == batch[i].entry);
        auto read = store().entries.entry("acme", batch[i].entry.service_id);
        ASSERT_TRUE(read.ok());
        EXPECT_TRUE(read->entry == batch[i].entry);
    }
}

TEST_F(ServiceStore, BatchWithOneBadEntryWritesNothing) {
    auto bad = insourced("A-2", 2, 4);
    bad.outsource.to_be = *Score::points(5);
    EXPECT_REFUSED_UNCHANGED(
        store().entries.update_entries(
            actor_, "acme", {{insourced("A-1", 1, 3), 1}, {bad, 1}, {insourced("A-3", 3, 5), 1}}),
        ErrorCode::invalid_input, "services.A-2.outsource");
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entries(actor_, "acme",
                                                            {{insourced("A-1", 1, 3), 1},
                                                             {insourced("A-2", 2, 4), 1},
                                                             {insourced("A-3", 3, 5), 5}}),
                             ErrorCode::conflict, "revision");
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entries(actor_, "acme",
                                                            {{insourced("A-1", 1, 3), 1},
                                                             {insourced("Z-9", 2, 4), 1},
                                                             {insourced("A-3", 3, 5), 1}}),
                             ErrorCode::not_found, "service");
}

TEST_F(ServiceStore, ServiceTwiceInOneBatchIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().entries.update_entries(actor_, "acme",
                                       {{insourced("A-1", 1, 3), 1}, {insourced("A-1", 2, 4), 1}}),
        ErrorCode::invalid_input, "services.A-1");
}

TEST_F(ServiceStore, EmptyBatchIsRefused) {
    EXPECT_REFUSED_UNCHANGED(store().entries.update_entries(actor_, "acme", {}),
                             ErrorCode::invalid_input, "services");
}

// Custom services ----------------------------------------------------------------------------

domain::CustomService custom(const std::string& id, const std::string& category = "D") {
    return {id,
            category,
            {"Ransom negotiation " + id, "身代金交渉支援 " + id},
            {"Outside help", "外部支援"},
            domain::SourcingAnswers{domain::Information::external, true}};
}

TEST_F(ServiceStore, CustomServiceIsAddedWithAnEmptyEntry) {
    auto added = store().entries.add_custom_service(actor_, "acme", custom("X-1"));
    ASSERT_TRUE(added.ok()) << added.error().field << ": " << added.error().message;
    EXPECT_EQ(added->entry.service_id, "X-1");
    EXPECT_FALSE(added->entry.level.has_value());
    EXPECT_EQ(added->entry.assignment, domain::Assignment::unassigned);
    EXPECT_EQ(added->revision, 1);
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok());
    ASSERT_EQ(state->custom_services.size(), 1u);
    EXPECT_TRUE(state->custom_services.front() == custom("X-1"));
    EXPECT_EQ(state->entries.back().entry.service_id, "X-1") << "after the catalogue's";
    EXPECT_EQ(state->organisation.custom_services, 1);
    auto org = store().organisations.organisation("acme");
    ASSERT_TRUE(org.ok());
    EXPECT_EQ(org->custom_services, 1);
    auto entry = insourced("X-1", 2, 3);
    auto updated = store().entries.update_entry(actor_, "acme", entry, 1);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->revision, 2);
}

TEST_F(ServiceStore, CustomServicesKeepTheOrderTheyWereAddedIn) {
    ASSERT_TRUE(store().entries.add_custom_service(actor_, "acme", custom("X-2")).ok());
    ASSERT_TRUE(store().entries.add_custom_service(actor_, "acme", custom("X-3")).ok());
    ASSERT_TRUE(store().entries.remove_custom_service(actor_, "acme", "X-2").ok());
    ASSERT_TRUE(store().entries.add_custom_service(actor_, "acme", custom("X-1")).ok());
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok());
    std::vector<std::string> ids;
    for (const auto& c : state->custom_services) ids.push_back(c.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"X-3", "X-1"}));
}

TEST_F(ServiceStore, CustomServiceWithAnIdInUseIsRefusedAndWritesNothing) {
    ASSERT_TRUE(store().entries.add_custom_service(actor_, "acme", custom("X-1")).ok());
    EXPECT_REFUSED_UNCHANGED(store().entries.add_custom_service(actor_, "acme", custom("X-1")),
                             ErrorCode::conflict, "id");
    const std::string before = database_fingerprint(db());
    auto clash = store().entries.add_custom_service(actor_, "acme", custom("A-1"));
    ASSERT_FALSE(clash.ok()) << "a custom service took a catalogue id";
    EXPECT_EQ(clash.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(database_fingerprint(db()), before);
}

TEST_F(ServiceStore, CustomServiceInAnUnknownCategoryIsRefusedAndWritesNothing) {
    const std::string before = database_fingerprint(db());
    for (const std::string category : {"Q", "A-1", ""}) {
        auto added = store().entries.add_custom_service(actor_, "acme", custom("X-1", category));
        ASSERT_FALSE(added.ok()) << "category '" << category << "' was accepted";
        EXPECT_EQ(added.error().code, ErrorCode::invalid_input);
        EXPECT_EQ(added.error().field, "category");
    }
    EXPECT_EQ(database_fingerprint(db()), before);
}

TEST_F(ServiceStore, CustomServiceWithoutAJapaneseNameIsRefusedAndWritesNothing) {
    auto service = custom("X-1");
    service.name.ja.clear();
    EXPECT_REFUSED_UNCHANGED(store().entries.add_custom_service(actor_, "acme", service),
                             ErrorCode::invalid_input, "name");
    auto no_id = custom("");
    const std::string before = database_fingerprint(db());
    auto added = store().entries.add_custom_service(actor_, "acme", no_id);
    ASSERT_FALSE(added.ok()) << "a custom service without an id was accepted";
    EXPECT_EQ(added.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(database_fingerprint(db()), before);
}

TEST_F(ServiceStore, CustomServiceNameThatIsNotUtf8IsInvalidInputAndWritesNothing) {
    auto service = custom("X-1");
    service.name.en = "Ransom \xff negotiation";
    const std::string before = database_fingerprint(db());
    auto added = store().entries.add_custom_service(actor_, "acme", service);
    ASSERT_FALSE(added.ok()) << "a name that is not UTF-8 was stored";
    EXPECT_EQ(database_fingerprint(db()), before);
    EXPECT_EQ(added.error().code, ErrorCode::invalid_input) << added.error().message;
    EXPECT_EQ(added.error().field, "name.en");
}

TEST_F(ServiceStore, CustomServiceIsNotRemovedWhileAnActionLinksIt) {
    ASSERT_TRUE(store().entries.add_custom_service(actor_, "acme", custom("X-1")).ok());
    domain::Action action;
    action.title = "Find a negotiator";
    action.services = {"X-1"};
    auto created = store().actions.create_action(actor_, "acme", action);
    ASSERT_TRUE(created.ok()) << created.error().message;
    EXPECT_REFUSED_UNCHANGED(store().entries.remove_custom_service(actor_, "acme", "X-1"),
                             ErrorCode::conflict, "service");
    ASSERT_TRUE(
        store().actions.delete_action(actor_, "acme", created->action.id, created->revision).ok());
    auto removed = store().entries.remove_custom_service(actor_, "acme", "X-1");
    ASSERT_TRUE(removed.ok()) << removed.error().message;
    auto state = store().organisations.load("acme");
    ASSERT_TRUE(state.ok());
    EXPECT_TRUE(state->custom_services.empty());
    EXPECT_EQ(state->organisation.custom_services, 0);
    for (const auto& e : state->entries) EXPECT_NE(e.entry.service_id, "X-1");
    auto gone = store().entries.entry("acme", "X-1");
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().code, ErrorCode::not_found);
}

TEST_F(ServiceStore, RemovingAnUnknownOrACatalogueServiceIsNotFound) {
    EXPECT_REFUSED_UNCHANGED(store().entries.remove_custom_service(actor_, "acme", "X-9"),
                             ErrorCode::not_found, "service");
    EXPECT_REFUSED_UNCHANGED(store().entries.remove_custom_service(actor_, "acme", "A-1"),
                             ErrorCode::not_found, "service");
}

// Two writers ---------------------------------------------------------------------------------

TEST_F(ServiceStore, SecondWriterOnAnotherConnectionGetsAConflict) {
    auto other_db = store::Database::open(url_);
    ASSERT_TRUE(other_db.ok()) << other_db.error().message;
    store::Store other(**other_db, test_library(), [this] { return now_; });

    auto mine = store().entries.entry("acme", "A-1");
    auto theirs = other.entries.entry("acme", "A-1");
    ASSERT_TRUE(mine.ok() && theirs.ok());
    ASSERT_EQ(mine->revision, theirs->revision);

    auto first = other.entries.update_entry({"bob", std::nullopt}, "acme", insourced("A-1", 2, 4),
                                            theirs->revision);
    ASSERT_TRUE(first.ok()) << first.error().message;
    const std::string before = database_fingerprint(db());
    auto second =
        store().entries.update_entry(actor_, "acme", insourced("A-1", 3, 5), mine->revision);
    ASSERT_FALSE(second.ok()) << "the second writer overwrote the first";
    EXPECT_EQ(second.error().code, ErrorCode::conflict);
    EXPECT_EQ(second.error().field, "revision");
    EXPECT_NE(second.error().message.find("bob"), std::string::npos) << second.error().message;
    EXPECT_EQ(database_fingerprint(db()), before);
    auto read = store().entries.entry("acme", "A-1");
    ASSERT_TRUE(read.ok());
    EXPECT_TRUE(read->entry == insourced("A-1", 2, 4));
}

} // namespace
} // namespace cdcwb::testing
