// The database layer: URLs, migrations, the integrity check, and backup and restore, on the
// engine under test (a backup is always a SQLite file; it restores into either engine).
#include "domain/totp.hpp"
#include "store/sql.hpp"
#include "store/totp_codes.hpp"
#include "store_fixture.hpp"

#include <cstdlib>
#include <fstream>
#include <numeric>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sstream>
#include <sys/stat.h>

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;

// URLs ---------------------------------------------------------------------------------------

TEST(DatabaseUrl, SqliteWithOneColonNamesTheFile) {
    auto url = store::parse_database_url("sqlite:data/cdcwb.sqlite");
    ASSERT_TRUE(url.ok()) << url.error().message;
    EXPECT_EQ(url->engine, store::Engine::sqlite);
    EXPECT_EQ(url->path, "data/cdcwb.sqlite");
    EXPECT_EQ(url->connection, "");
}

TEST(DatabaseUrl, SqliteWithSlashesNamesTheFile) {
    auto absolute = store::parse_database_url("sqlite:///var/lib/cdcwb/cdcwb.sqlite");
    ASSERT_TRUE(absolute.ok()) << absolute.error().message;
    EXPECT_EQ(absolute->engine, store::Engine::sqlite);
    EXPECT_EQ(absolute->path, "/var/lib/cdcwb/cdcwb.sqlite");
    auto relative = store::parse_database_url("sqlite://cdcwb.sqlite");
    ASSERT_TRUE(relative.ok()) << relative.error().message;
    EXPECT_EQ(relative->path, "cdcwb.sqlite");
}

TEST(DatabaseUrl, PostgresqlAndPostgresSchemesKeepTheUriAsGiven) {
    for (const std::string text :
         {"postgresql://cdcwb@db.example:5432/cdcwb", "postgres://cdcwb@localhost/cdcwb"}) {
        auto url = store::parse_database_url(text);
        ASSERT_TRUE(url.ok()) << text << ": " << url.error().message;
        EXPECT_EQ(url->engine, store::Engine::postgresql) << text;
        EXPECT_EQ(url->connection, text);
        EXPECT_EQ(url->path, "");
    }
}

TEST(DatabaseUrl, UnknownSchemeIsInvalidInputNamingTheFormsAllowed) {
    for (const std::string text :
         {"mysql://root@localhost/cdcwb", "/tmp/cdcwb.sqlite", "", "SQLITE:x.db", "sqlite3:x.db"}) {
        auto url = store::parse_database_url(text);
        ASSERT_FALSE(url.ok()) << "'" << text << "' was accepted";
        EXPECT_EQ(url.error().code, ErrorCode::invalid_input) << text;
        EXPECT_EQ(url.error().field, "db") << text;
        EXPECT_NE(url.error().message.find("sqlite:PATH"), std::string::npos)
            << url.error().message;
        EXPECT_NE(url.error().message.find("postgresql://"), std::string::npos)
            << url.error().message;
    }
}

TEST(DatabaseUrl, SqliteUrlWithoutAPathIsInvalidInput) {
    for (const std::string text : {"sqlite:", "sqlite://"}) {
        auto url = store::parse_database_url(text);
        ASSERT_FALSE(url.ok()) << "'" << text << "' was accepted";
        EXPECT_EQ(url.error().code, ErrorCode::invalid_input) << text;
        EXPECT_EQ(url.error().field, "db") << text;
    }
}

TEST(DatabaseUrl, DisplayMasksThePasswordOfAPostgresqlUri) {
    auto url = store::parse_database_url("postgresql://alice:s3cr3t-pw@db.example:5432/cdcwb");
    ASSERT_TRUE(url.ok()) << url.error().message;
    EXPECT_EQ(url->display(), "postgresql://alice:***@db.example:5432/cdcwb");
    EXPECT_EQ(url->connection, "postgresql://alice:s3cr3t-pw@db.example:5432/cdcwb")
        << "the connection itself keeps the password";
}

TEST(DatabaseUrl, DisplayMasksAPasswordGivenAsAQueryParameter) {
    // libpq also takes the password as a URI parameter.
    auto url = store::parse_database_url("postgresql://alice@db.example/cdcwb?password=s3cr3t-pw");
    ASSERT_TRUE(url.ok()) << url.error().message;
    EXPECT_EQ(url->display().find("s3cr3t-pw"), std::string::npos) << url->display();
}

TEST(DatabaseUrl, DisplayLeavesAUriWithoutPasswordAndASqlitePathAsTheyAre) {
    auto pg = store::parse_database_url("postgresql://alice@db.example:5432/cdcwb");
    ASSERT_TRUE(pg.ok()) << pg.error().message;
    EXPECT_EQ(pg->display(), "postgresql://alice@db.example:5432/cdcwb");
    auto sqlite = store::parse_database_url("sqlite:///var/lib/cdcwb/cdcwb.sqlite");
    ASSERT_TRUE(sqlite.ok()) << sqlite.error().message;
    EXPECT_EQ(sqlite->display(), "sqlite:/var/lib/cdcwb/cdcwb.sqlite");
}

// Migrations ---------------------------------------------------------------------------------

TEST(Migrations, EmbeddedMigrationsAreNumberedFromOneWithoutGaps) {
    const auto& all = store::migrations();
    ASSERT_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all[i].version, static_cast<int>(i) + 1) << all[i].name;
        EXPECT_TRUE(all[i].name.ends_with(".sql")) << all[i].name;
        EXPECT_FALSE(all[i].sql.empty()) << all[i].name;
    }
    EXPECT_EQ(store::latest_schema_version(), all.back().version);
    EXPECT_EQ(all.front().name, "0001_init.sql");
}

TEST(Migrations, StatementsReplaceTheIdPlaceholderPerEngine) {
    const store::Migration migration{9, "0009_test.sql",
                                     "create table t (\n    id {{id}},\n    name text\n);\n"};
    const auto sqlite = store::migration_statements(migration, store::Engine::sqlite);
    ASSERT_EQ(sqlite.size(), 1u);
    EXPECT_NE(sqlite[0].find("id integer primary key autoincrement,"), std::string::npos)
        << sqlite[0];
    const auto pg = store::migration_statements(migration, store::Engine::postgresql);
    ASSERT_EQ(pg.size(), 1u);
    EXPECT_NE(pg[0].find("id bigint generated by default as identity primary key,"),
              std::string::npos)
        << pg[0];
    for (const auto& s : {sqlite[0], pg[0]}) {
        EXPECT_EQ(s.find("{{"), std::string::npos) << s;
        EXPECT_EQ(s.find(';'), std::string::npos) << "the terminator is dropped: " << s;
    }
}

TEST(Migrations, StatementsAreSplitAtLineEndSemicolonsAndDropCommentLines) {
    const store::Migration migration{9, "0009_test.sql",
                                     "-- A header comment; with a semicolon;\n"
                                     "create table a (x integer);\n"
                                     "\n"
                                     "    -- an indented comment\n"
                                     "create table b (\n"
                                     "    y text default ';'\n"
                                     ");\r\n"
                                     "create index b_by_y on b (y);\n"};
    for (auto engine : {store::Engine::sqlite, store::Engine::postgresql}) {
        const auto statements = store::migration_statements(migration, engine);
        ASSERT_EQ(statements.size(), 3u);
        EXPECT_NE(statements[0].find("create table a (x integer)"), std::string::npos);
        EXPECT_NE(statements[1].find("y text default ';'"), std::string::npos) << statements[1];
        EXPECT_NE(statements[2].find("create index b_by_y"), std::string::npos);
        for (const auto& s : statements) EXPECT_EQ(s.find("--"), std::string::npos) << s;
    }
}

TEST(Migrations, EmbeddedStatementsHaveNoPlaceholdersOrCommentLines) {
    for (const auto& migration : store::migrations()) {
        for (auto engine : {store::Engine::sqlite, store::Engine::postgresql}) {
            const auto statements = store::migration_statements(migration, engine);
            EXPECT_FALSE(statements.empty()) << migration.name;
            for (const auto& s : statements) {
                EXPECT_EQ(s.find("{{"), std::string::npos) << migration.name << ": " << s;
                EXPECT_EQ(s.find("--"), std::string::npos) << migration.name << ": " << s;
            }
        }
    }
}

// Opening and migrating ----------------------------------------------------------------------

using DatabaseMigration = StoreTest;

std::vector<int> all_versions() {
    std::vector<int> out(static_cast<std::size_t>(store::latest_schema_version()));
    std::iota(out.begin(), out.end(), 1);
    return out;
}

TEST_F(DatabaseMigration, FreshDatabaseIsMigratedToTheLatestVersion) {
    auto version = db().schema_version();
    ASSERT_TRUE(version.ok()) << version.error().message;
    EXPECT_EQ(*version, store::latest_schema_version());
    EXPECT_EQ(db().applied_now(), all_versions());
    EXPECT_EQ(db().engine(), engine_under_test());
}

TEST_F(DatabaseMigration, SecondOpenOfTheSameDatabaseAppliesNothing) {
    make_org();
    auto again = store::Database::open(url_);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_TRUE((*again)->applied_now().empty());
    auto version = (*again)->schema_version();
    ASSERT_TRUE(version.ok()) << version.error().message;
    EXPECT_EQ(*version, store::latest_schema_version());
    store::Store other(**again, test_library());
    auto org = other.organisations.organisation("acme");
    EXPECT_TRUE(org.ok()) << "the data is still there";
}

TEST_F(DatabaseMigration, MigrateOnAnUpToDateDatabaseAppliesNothing) {
    auto status = db().migrate();
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_TRUE(db().applied_now().empty());
}

TEST_F(DatabaseMigration, SchemaNewerThanThisBuildIsRefusedOnOpen) {
    {
        store::Unit unit(db(), store::Unit::Mode::write);
        unit.sql() << "insert into schema_migrations (version, name, applied_at) values (" +
                          std::to_string(store::latest_schema_version() + 1) +
                          ", '9999_future.sql', '2030-01-01T00:00:00.000Z')";
        unit.commit();
    }
    for (bool migrate : {true, false}) {
        store::OpenOptions options;
        options.migrate = migrate;
        auto opened = store::Database::open(url_, options);
        ASSERT_FALSE(opened.ok()) << "a newer schema was opened (migrate=" << migrate << ")";
        EXPECT_EQ(opened.error().code, ErrorCode::conflict);
        EXPECT_EQ(opened.error().field, "db");
        EXPECT_NE(opened.error().message.find("newer"), std::string::npos)
            << opened.error().message;
        EXPECT_NE(opened.error().message.find(std::to_string(store::latest_schema_version() + 1)),
                  std::string::npos)
            << opened.error().message;
    }
}

TEST_F(DatabaseMigration, OpenWithoutMigratingRefusesAnEmptyDatabase) {
    const auto url = new_database_url();
    {
        store::OpenOptions options;
        options.migrate = false;
        auto opened = store::Database::open(url, options);
        ASSERT_FALSE(opened.ok());
        EXPECT_EQ(opened.error().code, ErrorCode::conflict);
        EXPECT_NE(opened.error().message.find("cdcwb migrate"), std::string::npos)
            << opened.error().message;
    }
    forget_database(url);
}

TEST_F(DatabaseMigration, OpenRefusesAnUnknownSqliteSynchronousMode) {
    store::OpenOptions options;
    options.sqlite_synchronous = "off";
    auto opened = store::Database::open(url_, options);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(opened.error().field, "synchronous");
}

TEST_F(DatabaseMigration, IntegrityCheckPassesOnAFreshAndOnAFilledDatabase) {
    auto fresh = db().check_integrity();
    EXPECT_TRUE(fresh.ok()) << fresh.error().message;
    make_org();
    auto filled = db().check_integrity();
    EXPECT_TRUE(filled.ok()) << filled.error().message;
}

// Backup and restore -------------------------------------------------------------------------

/// A temporary folder, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        char pattern[] = "/tmp/cdcwb-backup-test-XXXXXX";
        if (!mkdtemp(pattern)) ADD_FAILURE() << "mkdtemp failed";
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

/// The fingerprint without schema_migrations, whose applied_at says when each database was
/// migrated, not what it holds.
std::string data_fingerprint(store::Database& db) {
    std::istringstream in(database_fingerprint(db));
    std::string out;
    std::string line;
    bool skipping = false;
    while (std::getline(in, line)) {
        const bool header = line.size() > 2 && line.front() == '[' && line.back() == ']';
        if (header) skipping = line == "[schema_migrations]";
        if (!skipping) out += line + "\n";
    }
    return out;
}

/// The tables of a fingerprint that have no rows.
std::vector<std::string> empty_tables(const std::string& fingerprint) {
    std::istringstream in(fingerprint);
    std::vector<std::string> out;
    std::string line;
    std::string table;
    bool rows = true;
    while (std::getline(in, line)) {
        if (line.size() > 2 && line.front() == '[' && line.back() == ']') {
            if (!rows) out.push_back(table);
            table = line;
            rows = false;
        } else {
            rows = true;
        }
    }
    if (!rows) out.push_back(table);
    return out;
}

/// A database to restore into, closed and dropped at the end of the test.
struct OtherDatabase {
    store::DatabaseUrl url = new_database_url();
    std::unique_ptr<store::Database> db;
    OtherDatabase() {
        auto opened = store::Database::open(url);
        if (!opened.ok()) {
            ADD_FAILURE() << opened.error().message;
            return;
        }
        db = std::move(*opened);
    }
    ~OtherDatabase() {
        db.reset();
        forget_database(url);
    }
    OtherDatabase(const OtherDatabase&) = delete;
    OtherDatabase& operator=(const OtherDatabase&) = delete;
};

class DatabaseBackup : public StoreTest {
  protected:
    /// A row in every table, with text that needs care: quotes, Japanese, binary evidence.
    void fill() {
        make_org("acme");
        auto e = store().entries.entry("acme", "A-1");
        ASSERT_TRUE(e.ok()) << e.error().message;
        auto entry = e->entry;
        entry.assignment = domain::Assignment::insource;
        entry.owner = "情報セキュリティ室 \"ISO\" 'team'";
        entry.insource = {*domain::Score::points(2), *domain::Score::points(4)};
        entry.rationale = "line one\nline two; -- not a comment";
        entry.sourcing = domain::SourcingAnswers{domain::Information::external, true};
        auto file = store().evidence.add_evidence(actor_, "acme", "notes.txt", "text/plain",
                                                  "Minutes of the review, 2026-11-20\n");
        ASSERT_TRUE(file.ok()) << file.error().message;
        entry.evidence = {file->reference(), "https://intranet.example/doc"};
        auto updated = store().entries.update_entry(actor_, "acme", entry, e->revision);
        ASSERT_TRUE(updated.ok()) << updated.error().message;
        domain::CustomService custom{"X-1",
                                     "D",
                                     {"Ransom negotiation", "身代金交渉支援"},
                                     {"Outside help", "外部支援"},
                                     std::nullopt};
        auto added = store().entries.add_custom_service(actor_, "acme", custom);
        ASSERT_TRUE(added.ok()) << added.error().message;
        domain::Action action;
        action.title = "Hire a second analyst";
        action.services = {"A-1", "X-1"};
        action.due = domain::Date::parse("2027-03-31");
        auto created = store().actions.create_action(actor_, "acme", action);
        ASSERT_TRUE(created.ok()) << created.error().message;
        auto event = store().evaluations.add_event(
            actor_, "acme",
            {*domain::Date::parse("2026-11-01"), domain::TriggerKind::new_threat, "ransomware"});
        ASSERT_TRUE(event.ok()) << event.error().message;
        auto evaluation = store().evaluations.run_evaluation(
            actor_, "acme", {"", *domain::Date::parse("2026-11-22"), {}, ""});
        ASSERT_TRUE(evaluation.ok()) << evaluation.error().message;
        auto user = store().users.create_user(
            actor_, {"alice", "Alice", "correct horse battery", false, "ja"});
        ASSERT_TRUE(user.ok()) << user.error().message;
        ASSERT_TRUE(store().users.set_role(actor_, "acme", "alice", domain::Role::assessor).ok());
        auto token = store().credentials.create_token(actor_, "alice", "ci", std::nullopt,
                                                      domain::TokenScope::read_write);
        ASSERT_TRUE(token.ok()) << token.error().message;
        auto session =
            store().credentials.create_session(user->id, std::chrono::hours(8), "127.0.0.1");
        ASSERT_TRUE(session.ok()) << session.error().message;
        // Two-factor sign-in, so its secret and recovery codes are copied too.
        auto enrolment = store().two_factor.start(actor_, *user);
        ASSERT_TRUE(enrolment.ok()) << enrolment.error().message;
        const auto secret = domain::totp::base32_decode(enrolment->secret);
        ASSERT_TRUE(secret.has_value());
        auto codes = store().two_factor.confirm(
            actor_, *user, store::totp_codes::code_at(*secret, domain::totp::step_of(now_)));
        ASSERT_TRUE(codes.ok()) << codes.error().message;
        ASSERT_TRUE(
            store().two_factor.set_requirement(actor_, domain::TwoFactorRequirement::none).ok());
        make_org("beta");
    }
    TempDir dir_;
};

TEST_F(DatabaseBackup, BackupThenRestoreIntoAFreshDatabaseGivesTheSameRows) {
    fill();
    const auto file = dir_ / "backup.sqlite";
    auto saved = db().backup(file);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_TRUE(std::filesystem::is_regular_file(file));

    OtherDatabase target;
    ASSERT_TRUE(target.db);
    auto restored = target.db->restore(file);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    const std::string expected = data_fingerprint(db());
    EXPECT_EQ(data_fingerprint(*target.db), expected);
    for (const auto& table : empty_tables(expected))
        ADD_FAILURE() << table << " had no rows to copy";
    auto ok = target.db->check_integrity();
    EXPECT_TRUE(ok.ok()) << ok.error().message;
    store::Store restored_store(*target.db, test_library(), [this] { return now_; });
    auto state = restored_store.organisations.load("acme");
    ASSERT_TRUE(state.ok()) << state.error().message;
    auto original = store().organisations.load("acme");
    ASSERT_TRUE(original.ok());
    EXPECT_TRUE(state->assessment().services == original->assessment().services);
    EXPECT_TRUE(restored_store.users.check_password("alice", "correct horse battery").ok());
}

TEST_F(DatabaseBackup, RestoreReplacesEveryRowTheTargetHad) {
    fill();
    const auto file = dir_ / "backup.sqlite";
    ASSERT_TRUE(db().backup(file).ok());
    OtherDatabase target;
    ASSERT_TRUE(target.db);
    {
        store::Store other(*target.db, test_library(), [this] { return now_; });
        auto org =
            other.organisations.create_organisation(actor_, {"gamma", "Gamma", "x1060-2021", ""});
        ASSERT_TRUE(org.ok()) << org.error().message;
    }
    auto restored = target.db->restore(file);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_EQ(data_fingerprint(*target.db), data_fingerprint(db()));
    store::Store other(*target.db, test_library());
    auto gamma = other.organisations.organisation("gamma");
    ASSERT_FALSE(gamma.ok());
    EXPECT_EQ(gamma.error().code, ErrorCode::not_found);
}

TEST_F(DatabaseBackup, NewRowsAfterARestoreGetFreshIds) {
    fill();
    const auto file = dir_ / "backup.sqlite";
    ASSERT_TRUE(db().backup(file).ok());
    OtherDatabase target;
    ASSERT_TRUE(target.db);
    ASSERT_TRUE(target.db->restore(file).ok());
    store::Store other(*target.db, test_library(), [this] { return now_; });
    auto org =
        other.organisations.create_organisation(actor_, {"delta", "Delta", "x1060-2021", ""});
    ASSERT_TRUE(org.ok()) << org.error().message;
    auto orgs = other.organisations.list();
    ASSERT_TRUE(orgs.ok());
    for (const auto& o : *orgs) {
        if (o.slug != "delta") {
            EXPECT_LT(o.id, org->id) << o.slug;
        }
    }
    auto user =
        other.users.create_user(actor_, {"bob", "Bob", "another long password", false, "en"});
    ASSERT_TRUE(user.ok()) << user.error().message;
    auto event =
        other.evaluations.add_event(actor_, "acme",
                                    {*domain::Date::parse("2026-11-20"),
                                     domain::TriggerKind::organisation_change, "reorganised"});
    ASSERT_TRUE(event.ok()) << event.error().message;
    auto evaluation = other.evaluations.run_evaluation(
        actor_, "acme", {"", *domain::Date::parse("2026-11-23"), {}, ""});
    ASSERT_TRUE(evaluation.ok()) << evaluation.error().message;
    auto token = other.credentials.create_token(actor_, "bob", "ci", std::nullopt,
                                                domain::TokenScope::read_write);
    ASSERT_TRUE(token.ok()) << token.error().message;
    auto audit = other.audit.query({});
    ASSERT_TRUE(audit.ok()) << audit.error().message;
    EXPECT_EQ(audit->front().entity, "token") << "the newest record is the last one written";
}

TEST_F(DatabaseBackup, BackupRefusesAFileThatExists) {
    make_org();
    const auto file = dir_ / "backup.sqlite";
    { std::ofstream(file) << "precious"; }
    auto saved = db().backup(file);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(saved.error().field, "to");
    std::ifstream in(file);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content, "precious") << "the existing file is left alone";
}

/// Owner-only permission bits of a file, or -1 when it is missing.
int permission_bits(const std::filesystem::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return -1;
    return static_cast<int>(st.st_mode & 0777);
}

TEST_F(DatabaseBackup, TheDatabaseItsWalAndABackupAreReadableByTheirOwnerOnlyWhateverTheUmask) {
    make_org();
    const mode_t before = ::umask(022);
    const auto file = dir_ / "backup.sqlite";
    auto saved = db().backup(file);
    const auto sqlite_file = dir_ / "fresh" / "cdcwb.sqlite";
    auto opened =
        store::Database::open(store::DatabaseUrl{store::Engine::sqlite, sqlite_file.string(), {}});
    ::umask(before);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_EQ(permission_bits(file), 0600) << "a backup holds every organisation's data";
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_EQ(permission_bits(sqlite_file), 0600);
    EXPECT_EQ(permission_bits(sqlite_file.string() + "-wal"), 0600)
        << "SQLite gives the write-ahead log the database file's mode";
    opened->reset();
}

TEST_F(DatabaseBackup, BackupRefusesAFolderThatDoesNotExist) {
    auto saved = db().backup(dir_ / "missing" / "backup.sqlite");
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(saved.error().field, "to");
}

TEST_F(DatabaseBackup, RestoreRefusesAMissingFileAndChangesNothing) {
    make_org();
    EXPECT_REFUSED_UNCHANGED(db().restore(dir_ / "missing.sqlite"), ErrorCode::invalid_input,
                             "from");
}

TEST_F(DatabaseBackup, RestoreRefusesABackupFromANewerCdcwbAndChangesNothing) {
    make_org();
    const auto file = dir_ / "backup.sqlite";
    ASSERT_TRUE(db().backup(file).ok());
    {
        soci::session backup(*soci::factory_sqlite3(), "db=\"" + file.string() + "\"");
        backup << "insert into schema_migrations (version, name, applied_at) values (" +
                      std::to_string(store::latest_schema_version() + 1) +
                      ", '9999_future.sql', '2030-01-01T00:00:00.000Z')";
    }
    make_org("beta");
    const std::string before = database_fingerprint(db());
    auto restored = db().restore(file);
    ASSERT_FALSE(restored.ok()) << "a backup from a newer cdcwb was restored";
    EXPECT_NE(restored.error().message.find("newer"), std::string::npos)
        << restored.error().message;
    EXPECT_EQ(database_fingerprint(db()), before);
}

TEST_F(DatabaseBackup, RestoreRefusesAFileThatIsNotSqliteAndChangesNothing) {
    make_org();
    const auto file = dir_ / "garbage.sqlite";
    {
        std::ofstream out(file, std::ios::binary);
        for (int i = 0; i < 4096; ++i) out.put(static_cast<char>((i * 37 + 11) % 256));
    }
    const std::string before = database_fingerprint(db());
    auto restored = db().restore(file);
    ASSERT_FALSE(restored.ok()) << "garbage was restored";
    EXPECT_FALSE(restored.error().message.empty());
    EXPECT_EQ(database_fingerprint(db()), before) << "a refused restore changed the database";
    EXPECT_EQ(restored.error().code, ErrorCode::invalid_input) << restored.error().message;
    EXPECT_EQ(restored.error().field, "from");
}

TEST_F(DatabaseBackup, RestoreRefusesASqliteFileThatIsNotACdcwbBackup) {
    make_org();
    const std::string before = database_fingerprint(db());
    for (const std::string name : {"empty.sqlite", "other-app.sqlite"}) {
        const auto file = dir_ / name;
        if (name == "empty.sqlite") {
            std::ofstream touch(file);
        } else {
            soci::session other(*soci::factory_sqlite3(), "db=\"" + file.string() + "\"");
            other << "create table bookmarks (url text)";
            other << "insert into bookmarks (url) values ('https://example.com')";
        }
        auto restored = db().restore(file);
        const bool wiped = database_fingerprint(db()) != before;
        EXPECT_FALSE(restored.ok()) << name << " was restored";
        EXPECT_FALSE(wiped) << name;
    }
}

} // namespace
} // namespace cdcwb::testing
