// The database commands as a user runs them: init, users, organisations, import/export, backup
// and restore, on the default SQLite file in a fresh folder; bad input exits 2 and changes nothing.
#include "cli_fixture.hpp"
#include "store/database.hpp"

#include <nlohmann/json.hpp>

namespace {

using namespace cdcwb;

class StoreCli : public Cli {
  protected:
    void SetUp() override {
        Cli::SetUp();
        write("good-password.txt", "correct horse battery\n");
        write("short-password.txt", "too short\n");
    }
    nlohmann::json json_of(const std::string& args) {
        Outcome r = run(args);
        EXPECT_EQ(r.code, 0) << args << ": " << r.err;
        return nlohmann::json::parse(r.out, nullptr, false);
    }
    std::string file(const std::string& name) {
        std::ifstream in(dir_ / name, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    }
};

TEST_F(StoreCli, InitCreatesTheDefaultDatabaseAndSaysWhere) {
    Outcome r = run("init");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("database: sqlite:cdcwb-data/cdcwb.sqlite"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("schema version " + std::to_string(store::latest_schema_version())),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("cdcwb user add NAME --admin"), std::string::npos) << r.out;
    EXPECT_TRUE(fs::exists(dir_ / "cdcwb-data" / "cdcwb.sqlite"));
    // A second init finds the database ready and migrates nothing.
    Outcome again = run("init");
    EXPECT_EQ(again.code, 0);
    EXPECT_EQ(again.err.find("applied schema migration"), std::string::npos) << again.err;
}

TEST_F(StoreCli, DbOptionChoosesTheDatabase) {
    EXPECT_EQ(run("--db sqlite:elsewhere/mine.sqlite init").code, 0);
    EXPECT_TRUE(fs::exists(dir_ / "elsewhere" / "mine.sqlite"));
    EXPECT_EQ(run("init").code, 0);
    Outcome r = run("--db mysql://nope init");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("use sqlite:PATH or postgresql://"), std::string::npos) << r.err;
}

TEST_F(StoreCli, UserAddTakesThePasswordFromStdinAndListsTheUser) {
    Outcome r = run("user add alice --admin --display-name 'Alice Sato' --user-lang ja "
                    "--password-stdin < good-password.txt");
    ASSERT_EQ(r.code, 0) << r.err;
    auto users = json_of("user list --json");
    ASSERT_TRUE(users.is_array());
    ASSERT_EQ(users.size(), 1u);
    EXPECT_EQ(users[0]["username"], "alice");
    EXPECT_EQ(users[0]["display_name"], "Alice Sato");
    EXPECT_EQ(users[0]["is_admin"], true);
    EXPECT_EQ(users[0]["lang"], "ja");
    // The password is not stored as given.
    Outcome dump = run("user list");
    EXPECT_EQ(dump.out.find("correct horse"), std::string::npos);
}

TEST_F(StoreCli, BadUsersAreRefusedAndNothingIsAdded) {
    ASSERT_EQ(run("init").code, 0);
    Outcome short_password = run("user add bob --password-stdin < short-password.txt");
    EXPECT_EQ(short_password.code, 2);
    EXPECT_NE(short_password.err.find("password"), std::string::npos) << short_password.err;
    EXPECT_NE(short_password.err.find("12"), std::string::npos) << short_password.err;
    Outcome bad_name = run("user add 'bad name' --password-stdin < good-password.txt");
    EXPECT_EQ(bad_name.code, 2);
    EXPECT_NE(bad_name.err.find("username"), std::string::npos) << bad_name.err;
    Outcome no_terminal = run("user add carol < /dev/null");
    EXPECT_EQ(no_terminal.code, 2);
    EXPECT_NE(no_terminal.err.find("--password-stdin"), std::string::npos) << no_terminal.err;
    EXPECT_EQ(json_of("user list --json").size(), 0u);
    ASSERT_EQ(run("user add dave --password-stdin < good-password.txt").code, 0);
    Outcome twice = run("user add dave --password-stdin < good-password.txt");
    EXPECT_EQ(twice.code, 2);
    EXPECT_NE(twice.err.find("already exists"), std::string::npos) << twice.err;
    EXPECT_EQ(json_of("user list --json").size(), 1u);
}

TEST_F(StoreCli, OrganisationsMembersAndRoles) {
    ASSERT_EQ(run("user add alice --password-stdin < good-password.txt").code, 0);
    Outcome added = run("org add acme --name 'Acme K.K.' --template small-company");
    ASSERT_EQ(added.code, 0) << added.err;
    auto orgs = json_of("org list --json");
    ASSERT_EQ(orgs.size(), 1u);
    EXPECT_EQ(orgs[0]["id"], "acme");
    EXPECT_EQ(orgs[0]["name"], "Acme K.K.");
    EXPECT_EQ(orgs[0]["reference_template"], "small-company");
    // As the API writes an organisation (http/json_mapping): with its custom services' count.
    EXPECT_EQ(orgs[0]["custom_services"], 0);
    EXPECT_TRUE(orgs[0]["revision"].is_number_integer());

    EXPECT_EQ(run("org grant acme alice --role assessor").code, 0);
    auto members = json_of("org members acme --json");
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members[0]["role"], "assessor");
    EXPECT_EQ(members[0]["user"], "alice");
    EXPECT_EQ(members[0]["org"], "acme");
    EXPECT_EQ(members[0]["org_name"], "Acme K.K.");

    Outcome bad_role = run("org grant acme alice --role owner");
    EXPECT_EQ(bad_role.code, 2);
    EXPECT_NE(bad_role.err.find("admin, assessor, approver, viewer"), std::string::npos);
    Outcome unknown_org = run("org grant nowhere alice --role viewer");
    EXPECT_EQ(unknown_org.code, 2);
    EXPECT_NE(unknown_org.err.find("no organisation 'nowhere'"), std::string::npos);
    Outcome bad_slug = run("org add 'Not A Slug' --name X");
    EXPECT_EQ(bad_slug.code, 2);
    EXPECT_EQ(json_of("org members acme --json")[0]["role"], "assessor");
    EXPECT_EQ(json_of("org list --json").size(), 1u);

    EXPECT_EQ(run("org revoke acme alice").code, 0);
    EXPECT_EQ(json_of("org members acme --json").size(), 0u);
}

TEST_F(StoreCli, ImportThenExportGivesTheSameAssessment) {
    Outcome imported = run("import '" + example() + "'");
    ASSERT_EQ(imported.code, 0) << imported.err;
    EXPECT_NE(imported.out.find("kasumi-logistics"), std::string::npos) << imported.out;
    ASSERT_EQ(run("export --org kasumi-logistics --out first.yaml").code, 0);
    // Re-importing the export and exporting again is byte-identical, and evaluates the same as
    // the original file.
    ASSERT_EQ(run("import first.yaml --org copy").code, 0);
    ASSERT_EQ(run("export --org copy --out second.yaml").code, 0);
    std::string first = file("first.yaml");
    std::string second = file("second.yaml");
    ASSERT_FALSE(first.empty());
    const auto id_line = [](std::string text) {
        const auto at = text.find("id: ");
        return text.substr(at, text.find('\n', at) - at);
    };
    EXPECT_EQ(id_line(first), "id: kasumi-logistics");
    EXPECT_EQ(id_line(second), "id: copy");
    second.replace(second.find("id: copy"), 8, "id: kasumi-logistics");
    EXPECT_EQ(first, second);
    Outcome original = run("evaluate '" + example() + "' --date 2026-11-22");
    Outcome exported = run("evaluate first.yaml --date 2026-11-22");
    EXPECT_EQ(original.out, exported.out);
    // Standard output works too.
    EXPECT_EQ(run("export --org kasumi-logistics").out, first);
}

TEST_F(StoreCli, ABadImportChangesNothing) {
    ASSERT_EQ(run("import '" + example() + "' --org kasumi").code, 0);
    ASSERT_EQ(run("export --org kasumi --out before.yaml").code, 0);
    std::string broken = file("before.yaml");
    const auto at = broken.find("as_is: 2");
    ASSERT_NE(at, std::string::npos);
    broken.replace(at, 8, "as_is: 9");
    write("broken.yaml", broken);
    Outcome r = run("import broken.yaml --org kasumi");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("broken.yaml:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
    ASSERT_EQ(run("export --org kasumi --out after.yaml").code, 0);
    EXPECT_EQ(file("before.yaml"), file("after.yaml"));
    Outcome missing = run("export --org nobody");
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("no organisation 'nobody'"), std::string::npos);
}

TEST_F(StoreCli, BackupAndRestore) {
    ASSERT_EQ(run("org add acme --name Acme").code, 0);
    Outcome backup = run("backup --to saved.sqlite");
    ASSERT_EQ(backup.code, 0) << backup.err;
    EXPECT_TRUE(fs::exists(dir_ / "saved.sqlite"));
    EXPECT_EQ(run("backup --to saved.sqlite").code, 2); // never overwrites
    ASSERT_EQ(run("org add later --name Later").code, 0);
    Outcome unconfirmed = run("restore saved.sqlite");
    EXPECT_EQ(unconfirmed.code, 2);
    EXPECT_NE(unconfirmed.err.find("--yes"), std::string::npos);
    EXPECT_EQ(json_of("org list --json").size(), 2u);
    write("garbage.sqlite", "this is not a database");
    EXPECT_NE(run("restore garbage.sqlite --yes").code, 0);
    EXPECT_EQ(json_of("org list --json").size(), 2u);
    Outcome restored = run("restore saved.sqlite --yes");
    ASSERT_EQ(restored.code, 0) << restored.err;
    auto orgs = json_of("org list --json");
    ASSERT_EQ(orgs.size(), 1u);
    EXPECT_EQ(orgs[0]["id"], "acme");
    // A backup restores into a new database too.
    ASSERT_EQ(run("--db sqlite:fresh.sqlite restore saved.sqlite --yes").code, 0);
    EXPECT_EQ(json_of("--db sqlite:fresh.sqlite org list --json").size(), 1u);
}

TEST_F(StoreCli, AuditVerifyNamesTheFirstRecordEditedBehindItsBack) {
    ASSERT_EQ(run("org add acme --name Acme").code, 0);
    ASSERT_EQ(run("org add beta --name Beta").code, 0);
    Outcome clean = run("audit verify");
    ASSERT_EQ(clean.code, 0) << clean.out << clean.err;
    EXPECT_NE(clean.out.find("acme (org:1): 1 records, chain verified"), std::string::npos)
        << clean.out;
    EXPECT_EQ(json_of("audit verify --json")["verified"], true);

    const std::string db = (dir_ / "cdcwb-data" / "cdcwb.sqlite").string();
    const std::string sql = "update audit_log set actor = 'mallory' where org_slug = 'beta'";
    ASSERT_EQ(std::system(("sqlite3 '" + db + "' \"" + sql + "\"").c_str()), 0);

    Outcome broken = run("audit verify");
    EXPECT_EQ(broken.code, 1) << broken.out << broken.err;
    EXPECT_NE(broken.out.find("beta (org:2): 1 records, chain broken at record 2"),
              std::string::npos)
        << broken.out;
    EXPECT_NE(broken.out.find("record 2 was edited"), std::string::npos) << broken.out;
    EXPECT_EQ(run("audit verify --org acme").code, 0);
    Outcome one = run("audit verify --org beta --json");
    EXPECT_EQ(one.code, 1);
    auto report = nlohmann::json::parse(one.out, nullptr, false);
    EXPECT_EQ(report["verified"], false) << one.out;
    EXPECT_EQ(report["broken"]["record_id"], 2) << one.out;
    EXPECT_EQ(report["broken"]["kind"], "edited") << one.out;
    EXPECT_EQ(run("audit verify --org nobody").code, 2);
}

TEST_F(StoreCli, ResetTwoFactorTurnsItOffEndsTheSessionsAndIsAudited) {
    ASSERT_EQ(run("user add alice --password-stdin < good-password.txt").code, 0);
    ASSERT_EQ(run("user add bob --password-stdin < good-password.txt").code, 0);
    const std::string db = (dir_ / "cdcwb-data" / "cdcwb.sqlite").string();
    const auto sqlite = [&](const std::string& sql) {
        const std::string out = (dir_ / "sqlite-out.txt").string();
        const int code =
            std::system(("sqlite3 '" + db + "' \"" + sql + "\" > '" + out + "'").c_str());
        EXPECT_EQ(code, 0) << sql;
        std::string text = file("sqlite-out.txt");
        while (!text.empty() && text.back() == '\n') text.pop_back();
        return text;
    };
    // Two-factor sign-in on for alice, with a recovery code and two sessions (as the server
    // would have written them), and a session of bob's.
    sqlite("insert into two_factor (user_id, secret, enabled, last_step, created_at) select id, "
           "'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1, 0, '2026-01-01T00:00:00Z' from users where "
           "username = 'alice'; insert into recovery_codes (user_id, code_hash) select id, 'x' "
           "from users where username = 'alice'; insert into sessions (token_hash, user_id, "
           "csrf_token, created_at, expires_at, last_seen_at, public_id) select 'h' || "
           "username || n, id, 'c', '2026', '2999', '2026', username || n from users, (select 1 "
           "as n union select 2) where username = 'alice' or n = 1");

    Outcome reset = run("user reset-two-factor alice");

    ASSERT_EQ(reset.code, 0) << reset.err;
    EXPECT_NE(reset.out.find("alice (2 sessions ended)"), std::string::npos) << reset.out;
    EXPECT_EQ(sqlite("select count(*) from two_factor"), "0");
    EXPECT_EQ(sqlite("select count(*) from recovery_codes"), "0");
    EXPECT_EQ(sqlite("select public_id from sessions"), "bob1") << "only alice's sessions end";
    EXPECT_EQ(sqlite("select operation || ' ' || entity_id || ' ' || substr(actor, 1, 4) from "
                     "audit_log where entity = 'two_factor'"),
              "reset alice cli:");
    EXPECT_EQ(run("audit verify").code, 0) << "the reset joins the chain";

    Outcome again = run("user reset-two-factor alice");
    EXPECT_EQ(again.code, 2);
    EXPECT_NE(again.err.find("alice has no two-factor sign-in to reset"), std::string::npos)
        << again.err;
    Outcome nobody = run("user reset-two-factor carol");
    EXPECT_EQ(nobody.code, 2);
    EXPECT_NE(nobody.err.find("no user named carol"), std::string::npos) << nobody.err;
    EXPECT_EQ(sqlite("select count(*) from audit_log where entity = 'two_factor'"), "1")
        << "the refused resets wrote nothing";
}

TEST_F(StoreCli, ADatabaseFromANewerVersionIsRefused) {
    ASSERT_EQ(run("init").code, 0);
    const std::string db = (dir_ / "cdcwb-data" / "cdcwb.sqlite").string();
    const std::string sql = "insert into schema_migrations values (999, '0999_future.sql', 'x')";
    ASSERT_EQ(std::system(("sqlite3 '" + db + "' \"" + sql + "\"").c_str()), 0);
    Outcome r = run("org list");
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("newer"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("999"), std::string::npos) << r.err;
}

} // namespace
