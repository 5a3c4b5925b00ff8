// The tamper-evident audit log: every record is chained to the one before it in its
// organisation's chain (or the site-wide one). The tests edit the database behind the store's
// back, as someone with access to the database could, and check that each kind of tampering is
// named: a field edited, a record deleted, two records swapped, the last record removed.
#include "store/audit_chain.hpp"
#include "store/secrets.hpp"
#include "store/sql.hpp"
#include "store_fixture.hpp"

#include <atomic>
#include <filesystem>
#include <thread>

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;

class AuditChain : public StoreTest {
  protected:
    /// acme with six records (create, four service edits, an action), beta with one, and three
    /// site-wide records (a user created, disabled, enabled).
    void fill() {
        make_org("acme");
        for (const char* owner : {"SOC", "CSIRT", "IT", "Legal"}) {
            auto e = store().entries.entry("acme", "A-1");
            ASSERT_TRUE(e.ok()) << e.error().message;
            auto entry = e->entry;
            entry.assignment = domain::Assignment::insource;
            entry.owner = owner;
            ASSERT_TRUE(store().entries.update_entry(actor_, "acme", entry, e->revision).ok());
        }
        domain::Action action;
        action.title = "Hire an analyst";
        action.services = {"A-1"};
        ASSERT_TRUE(store().actions.create_action(actor_, "acme", action).ok());
        make_org("beta");
        ASSERT_TRUE(
            store()
                .users.create_user(actor_, {"alice", "", "correct horse battery", false, "en"})
                .ok());
        ASSERT_TRUE(store().users.set_user_disabled(actor_, "alice", true).ok());
        ASSERT_TRUE(store().users.set_user_disabled(actor_, "alice", false).ok());
    }

    /// The ids of acme's records, oldest first.
    std::vector<long long> acme_ids() {
        store::AuditQuery q;
        q.limit = 1000;
        auto records = store().audit.organisation_records("acme", q);
        EXPECT_TRUE(records.ok()) << records.error().message;
        std::vector<long long> ids;
        if (records.ok())
            for (auto it = records->rbegin(); it != records->rend(); ++it) ids.push_back(it->id);
        return ids;
    }

    /// Runs SQL on the database directly, as an intruder would.
    void behind_the_back(const std::vector<std::string>& statements) {
        store::Unit unit(db(), store::Unit::Mode::write);
        for (const auto& s : statements) unit.sql() << s;
        unit.commit();
    }

    store::AuditChainReport acme_report() {
        auto report = store().audit.verify_organisation("acme");
        EXPECT_TRUE(report.ok()) << report.error().message;
        return report.ok() ? *report : store::AuditChainReport{};
    }

    std::vector<store::AuditChainReport> all_reports() {
        auto reports = store().audit.verify_all();
        EXPECT_TRUE(reports.ok()) << reports.error().message;
        return reports.ok() ? *reports : std::vector<store::AuditChainReport>{};
    }

    static const store::AuditChainReport* find(const std::vector<store::AuditChainReport>& all,
                                               const std::string& chain) {
        for (const auto& r : all)
            if (r.chain == chain) return &r;
        return nullptr;
    }

    void expect_broken(const store::AuditChainReport& report, long long record_id,
                       const std::string& kind) {
        ASSERT_FALSE(report.verified()) << "tampering went unnoticed in " << report.chain;
        EXPECT_EQ(report.broken->record_id, record_id) << report.broken->message;
        EXPECT_EQ(report.broken->kind, kind) << report.broken->message;
        EXPECT_NE(report.broken->message.find("record " + std::to_string(record_id)),
                  std::string::npos)
            << report.broken->message;
    }

    std::string id(long long n) { return std::to_string(n); }
};

TEST_F(AuditChain, AnUntouchedLogVerifiesChainByChain) {
    fill();
    const auto reports = all_reports();
    ASSERT_EQ(reports.size(), 3u) << "acme, beta and the site-wide chain";
    for (const auto& r : reports) EXPECT_TRUE(r.verified()) << r.chain << ": " << r.broken->message;
    const auto* site = find(reports, "site");
    ASSERT_NE(site, nullptr);
    EXPECT_EQ(site->records, 3);
    EXPECT_EQ(site->org, "");
    const auto acme = acme_report();
    EXPECT_TRUE(acme.verified());
    EXPECT_EQ(acme.org, "acme");
    EXPECT_EQ(acme.records, 6);
    EXPECT_EQ(acme.head_id, acme_ids().back());
    EXPECT_EQ(acme.head_hash.size(), 64u);
    const auto* beta = find(reports, "org:" + id(store().organisations.organisation("beta")->id));
    ASSERT_NE(beta, nullptr);
    EXPECT_EQ(beta->records, 1);
}

TEST_F(AuditChain, AnEmptyDatabaseVerifies) {
    const auto reports = all_reports();
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].chain, "site");
    EXPECT_TRUE(reports[0].verified());
    EXPECT_EQ(reports[0].records, 0);
}

TEST_F(AuditChain, VerifyingAnUnknownOrganisationIsNotFound) {
    auto report = store().audit.verify_organisation("nope");
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error().code, ErrorCode::not_found);
}

TEST_F(AuditChain, StoredHashIsTheSha256OfTheDocumentedCanonicalBytes) {
    now_ = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + std::chrono::hours(9);
    ASSERT_TRUE(store()
                    .users.create_user(actor_, {"alice", "", "correct horse battery", false, "en"})
                    .ok());
    std::string after, hash, prev, chain;
    long long position = 0;
    {
        store::Unit unit(db(), store::Unit::Mode::read);
        unit.sql() << "select after_value, hash, prev_hash, chain, chain_seq from audit_log",
            soci::into(after), soci::into(hash), soci::into(prev), soci::into(chain),
            soci::into(position);
    }
    EXPECT_EQ(chain, "site");
    EXPECT_EQ(position, 1);
    EXPECT_EQ(prev, std::string(64, '0'));
    // docs/storage.md: a version line, then each field as <byte length>:<bytes>\n, null as -\n.
    const auto field = [](const std::string& v) {
        return std::to_string(v.size()) + ":" + v + "\n";
    };
    const std::string bytes = "cdcwb-audit-v1\n" + field("site") + field("1") +
                              field(std::string(64, '0')) + field("2026-11-22T09:00:00.000Z") +
                              field("tester") + "-\n" + field("") + field("user") + field("alice") +
                              field("create") + "-\n" + field(after);
    EXPECT_EQ(hash, store::secrets::sha256_hex(bytes));
}

TEST(AuditChainForm, CanonicalBytesAndHashAreFixed) {
    // Pinned: changing the form would make every existing chain fail to verify.
    const store::audit_chain::Link link{"org:7", 2, std::string(64, 'a')};
    const store::audit_chain::Content content{
        "2026-11-22T09:00:00.000Z", "藤井",      7, "acme", "service", "A-1", "update",
        R"({"owner":"SOC"})",       std::nullopt};
    EXPECT_EQ(store::audit_chain::canonical(link, content),
              "cdcwb-audit-v1\n5:org:7\n1:2\n64:" + std::string(64, 'a') +
                  "\n24:2026-11-22T09:00:00.000Z\n6:藤井\n1:7\n4:acme\n7:service\n3:A-1\n"
                  "6:update\n15:{\"owner\":\"SOC\"}\n-\n");
    EXPECT_EQ(store::audit_chain::record_hash(link, content),
              store::secrets::sha256_hex(store::audit_chain::canonical(link, content)));
    EXPECT_EQ(store::secrets::sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(AuditChain, AnEditedFieldIsNamed) {
    fill();
    const auto ids = acme_ids();
    behind_the_back({"update audit_log set actor = 'mallory' where id = " + id(ids[2])});
    expect_broken(acme_report(), ids[2], "edited");
}

TEST_F(AuditChain, AnEditedValueIsNamedEvenWhenTheHashIsRecomputedAlone) {
    fill();
    const auto ids = acme_ids();
    // Someone who read docs/storage.md edits a record and recomputes its own hash: the next
    // record no longer follows it.
    std::string hash;
    {
        store::Unit unit(db(), store::Unit::Mode::write);
        unit.sql() << "update audit_log set after_value = '{}' where id = " + id(ids[2]);
        std::string at, actor, slug, entity, entity_id, op, before, after, chain, prev;
        long long org_id = 0, position = 0;
        unit.sql() << "select at, actor, org_id, org_slug, entity, entity_id, operation, "
                      "before_value, after_value, chain, chain_seq, prev_hash from audit_log "
                      "where id = " +
                          id(ids[2]),
            soci::into(at), soci::into(actor), soci::into(org_id), soci::into(slug),
            soci::into(entity), soci::into(entity_id), soci::into(op), soci::into(before),
            soci::into(after), soci::into(chain), soci::into(position), soci::into(prev);
        hash = store::audit_chain::record_hash(
            {chain, position, prev},
            {at, actor, org_id, slug, entity, entity_id, op, before, after});
        unit.sql() << "update audit_log set hash = '" + hash + "' where id = " + id(ids[2]);
        unit.commit();
    }
    expect_broken(acme_report(), ids[3], "edited");
}

TEST_F(AuditChain, ADeletedRecordIsNamedByTheOneAfterTheGap) {
    fill();
    const auto ids = acme_ids();
    behind_the_back({"delete from audit_log where id = " + id(ids[2])});
    const auto report = acme_report();
    expect_broken(report, ids[3], "removed");
    EXPECT_NE(report.broken->message.find("positions 3 to 3"), std::string::npos)
        << report.broken->message;
}

TEST_F(AuditChain, TheFirstRecordDeletedIsNamed) {
    fill();
    const auto ids = acme_ids();
    behind_the_back({"delete from audit_log where id = " + id(ids[0])});
    expect_broken(acme_report(), ids[1], "removed");
}

TEST_F(AuditChain, TwoSwappedRecordsAreNamed) {
    fill();
    const auto ids = acme_ids();
    // Swap the rows of records 2 and 4 (their ids, so every other column moves with them).
    behind_the_back({"update audit_log set id = -1 where id = " + id(ids[1]),
                     "update audit_log set id = " + id(ids[1]) + " where id = " + id(ids[3]),
                     "update audit_log set id = " + id(ids[3]) + " where id = -1"});
    expect_broken(acme_report(), ids[1], "reordered");
}

TEST_F(AuditChain, TwoSwappedContentsAreNamed) {
    fill();
    const auto ids = acme_ids();
    // Swap what two records say, keeping their chain columns where they were.
    behind_the_back({"create table swap as select id, after_value from audit_log where id in (" +
                         id(ids[1]) + ", " + id(ids[2]) + ")",
                     "update audit_log set after_value = (select after_value from swap where "
                     "swap.id <> audit_log.id) where id in (" +
                         id(ids[1]) + ", " + id(ids[2]) + ")",
                     "drop table swap"});
    expect_broken(acme_report(), ids[1], "edited");
}

TEST_F(AuditChain, TheLastRecordRemovedIsNamed) {
    fill();
    const auto ids = acme_ids();
    behind_the_back({"delete from audit_log where id = " + id(ids.back())});
    const auto report = acme_report();
    expect_broken(report, ids.back(), "truncated");
    EXPECT_EQ(report.records, 5);
}

TEST_F(AuditChain, AnEditedHeadIsNamed) {
    fill();
    const auto ids = acme_ids();
    behind_the_back({"update audit_chains set head_hash = 'abc' where chain like 'org:%'"});
    expect_broken(acme_report(), ids.back(), "head");
}

TEST_F(AuditChain, ARecordMovedToAnotherOrganisationIsNamedThere) {
    fill();
    const auto ids = acme_ids();
    const auto beta = store().organisations.organisation("beta");
    ASSERT_TRUE(beta.ok());
    behind_the_back({"update audit_log set org_id = " + id(beta->id) +
                     ", org_slug = 'beta' where id = " + id(ids[2])});
    const auto reports = all_reports();
    const auto* in_beta = find(reports, "org:" + id(beta->id));
    ASSERT_NE(in_beta, nullptr);
    expect_broken(*in_beta, ids[2], "edited");
    expect_broken(acme_report(), ids[2], "edited");
}

TEST_F(AuditChain, SiteWideTamperingBreaksOnlyTheSiteChain) {
    fill();
    long long first = 0;
    {
        store::Unit unit(db(), store::Unit::Mode::read);
        unit.sql() << "select min(id) from audit_log where org_id is null", soci::into(first);
    }
    behind_the_back({"update audit_log set entity_id = 'bob' where id = " + id(first)});
    const auto reports = all_reports();
    for (const auto& r : reports) {
        if (r.chain == "site")
            expect_broken(r, first, "edited");
        else
            EXPECT_TRUE(r.verified()) << r.chain;
    }
}

TEST_F(AuditChain, ARecordInsertedWithoutAHashIsNamed) {
    fill();
    behind_the_back({"insert into audit_log (at, actor, org_slug, entity, entity_id, operation) "
                     "values ('2026-11-22T10:00:00.000Z', 'mallory', '', 'user', 'mallory', "
                     "'create')"});
    long long inserted = 0;
    {
        store::Unit unit(db(), store::Unit::Mode::read);
        unit.sql() << "select max(id) from audit_log", soci::into(inserted);
    }
    expect_broken(*find(all_reports(), "site"), inserted, "edited");
}

TEST_F(AuditChain, ChangesFromConcurrentWritersKeepEveryChainWhole) {
    make_org("acme");
    ASSERT_TRUE(store()
                    .users.create_user(actor_, {"alice", "", "correct horse battery", false, "en"})
                    .ok());
    const auto alice = store().users.user("alice");
    ASSERT_TRUE(alice.ok());
    const char* services[] = {"A-1", "A-2", "A-3", "A-4"};
    std::vector<std::thread> writers;
    std::atomic<int> failures{0};
    for (const char* service : services) {
        writers.emplace_back([&, service] {
            for (int i = 0; i < 8; ++i) {
                auto e = store().entries.entry("acme", service);
                if (!e.ok()) {
                    ++failures;
                    continue;
                }
                auto entry = e->entry;
                entry.assignment = domain::Assignment::insource;
                entry.owner = "team " + std::to_string(i);
                if (!store().entries.update_entry(actor_, "acme", entry, e->revision).ok())
                    ++failures;
                // And a site-wide record in between.
                if (!store()
                         .credentials.create_session(alice->id, std::chrono::hours(1), "192.0.2.1")
                         .ok())
                    ++failures;
            }
        });
    }
    for (auto& t : writers) t.join();
    EXPECT_EQ(failures.load(), 0);
    const auto reports = all_reports();
    for (const auto& r : reports)
        EXPECT_TRUE(r.verified()) << r.chain << ": " << (r.broken ? r.broken->message : "");
    EXPECT_EQ(acme_report().records, 1 + 4 * 8);
    EXPECT_EQ(find(reports, "site")->records, 1 + 4 * 8);
}

TEST_F(AuditChain, RecordsWrittenBeforeTheChainsAreChainedByTheMigration) {
    fill();
    std::vector<std::string> before_hashes;
    const auto hashes = [this] {
        std::vector<std::string> out;
        store::Unit unit(db(), store::Unit::Mode::read);
        std::string h;
        soci::statement st =
            (unit.sql().prepare << "select hash from audit_log order by id", soci::into(h));
        st.execute();
        while (st.fetch()) out.push_back(h);
        return out;
    };
    before_hashes = hashes();
    // Take the database back to schema version 3, as a database made before the chains was.
    behind_the_back(
        {"drop index sessions_by_public_id", "alter table sessions drop column public_id",
         "drop index audit_log_by_chain", "drop index audit_log_by_org_id",
         "drop table audit_chains", "alter table audit_log drop column hash",
         "alter table audit_log drop column prev_hash",
         "alter table audit_log drop column chain_seq", "alter table audit_log drop column chain",
         // 0006: token scopes.
         "alter table api_tokens drop column scope",
         // 0007: two-factor sign-in.
         "drop table recovery_codes", "drop table two_factor", "drop table site_settings",
         "delete from schema_migrations where version >= 4"});
    store_.reset();
    db_.reset();
    auto reopened = store::Database::open(url_);
    ASSERT_TRUE(reopened.ok()) << reopened.error().message;
    db_ = std::move(*reopened);
    store_ = std::make_unique<store::Store>(*db_, test_library(), [this] { return now_; });
    ASSERT_FALSE(db().applied_now().empty());
    EXPECT_EQ(db().applied_now().front(), 4);
    EXPECT_EQ(hashes(), before_hashes) << "the migration chains records as they were written";
    for (const auto& r : all_reports()) EXPECT_TRUE(r.verified()) << r.chain;
    make_org("gamma");
    EXPECT_TRUE(find(all_reports(), "site")->verified());
    EXPECT_EQ(store().audit.verify_organisation("gamma")->records, 1);
}

TEST_F(AuditChain, BackupAndRestoreKeepTheChainsVerifiable) {
    fill();
    const auto original = all_reports();
    char dir[] = "/tmp/cdcwb-audit-backup-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    const std::filesystem::path file = std::filesystem::path(dir) / "backup.sqlite";
    ASSERT_TRUE(db().backup(file).ok());
    const auto target_url = new_database_url();
    {
        auto target = store::Database::open(target_url);
        ASSERT_TRUE(target.ok()) << target.error().message;
        auto restored = (*target)->restore(file);
        ASSERT_TRUE(restored.ok()) << restored.error().message;
        store::Store other(**target, test_library(), [this] { return now_; });
        auto reports = other.audit.verify_all();
        ASSERT_TRUE(reports.ok()) << reports.error().message;
        ASSERT_EQ(reports->size(), original.size());
        for (std::size_t i = 0; i < original.size(); ++i) {
            EXPECT_TRUE((*reports)[i].verified()) << (*reports)[i].chain;
            EXPECT_EQ((*reports)[i].head_hash, original[i].head_hash);
            EXPECT_EQ((*reports)[i].records, original[i].records);
        }
        // Writing after the restore extends the restored chains.
        auto e = other.entries.entry("acme", "A-2");
        ASSERT_TRUE(e.ok());
        auto entry = e->entry;
        entry.assignment = domain::Assignment::outsource;
        entry.provider = "Aozora";
        ASSERT_TRUE(other.entries.update_entry(actor_, "acme", entry, e->revision).ok());
        auto acme = other.audit.verify_organisation("acme");
        ASSERT_TRUE(acme.ok());
        EXPECT_TRUE(acme->verified()) << acme->broken->message;
        EXPECT_EQ(acme->records, 7);
        // And a tampered backup restores as tampered: the check is not a formality.
        store::Unit unit(**target, store::Unit::Mode::write);
        unit.sql() << "update audit_log set actor = 'mallory' where id = " + id(acme_ids()[1]);
        unit.commit();
    }
    {
        auto target = store::Database::open(target_url);
        ASSERT_TRUE(target.ok());
        store::Store other(**target, test_library());
        auto acme = other.audit.verify_organisation("acme");
        ASSERT_TRUE(acme.ok());
        EXPECT_FALSE(acme->verified());
    }
    forget_database(target_url);
    std::filesystem::remove_all(dir);
}

TEST_F(AuditChain, ANewOrganisationWithADeletedOnesSlugSeesOnlyItsOwnRecords) {
    fill();
    ASSERT_TRUE(store().organisations.delete_organisation(actor_, "acme").ok());
    make_org("acme");
    store::AuditQuery q;
    q.limit = 1000;
    auto mine = store().audit.organisation_records("acme", q);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1u) << "only the new acme's creation";
    EXPECT_EQ(mine->front().operation, "create");
    q.org = "acme";
    auto by_slug = store().audit.query(q);
    ASSERT_TRUE(by_slug.ok());
    EXPECT_EQ(by_slug->size(), 8u) << "site administrators still see the deleted acme's history";
    const auto acme = acme_report();
    EXPECT_TRUE(acme.verified());
    EXPECT_EQ(acme.records, 1);
    std::size_t acme_chains = 0;
    for (const auto& r : all_reports()) {
        EXPECT_TRUE(r.verified()) << r.chain;
        acme_chains += r.org == "acme";
    }
    EXPECT_EQ(acme_chains, 2u) << "the deleted acme's chain is still checked";
}

} // namespace
} // namespace cdcwb::testing
