// People: accounts (argon2id password hashes, never the password), signing in with a password,
// and roles in organisations. Each account costs an argon2id hash, so the tests make few.
#include "store/sql.hpp"
#include "store_fixture.hpp"

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;

constexpr const char* kPassword = "correct horse battery";

class UserStore : public StoreTest {
  protected:
    store::UserRecord create(const std::string& username, bool is_admin = false) {
        auto user = store().users.create_user(
            actor_, {username, "Name of " + username, kPassword, is_admin, "en"});
        EXPECT_TRUE(user.ok()) << user.error().field << ": " << user.error().message;
        return user.ok() ? *user : store::UserRecord{};
    }
    std::string stored_hash(const std::string& username) {
        store::Unit unit(db(), store::Unit::Mode::read);
        std::string hash;
        unit.sql() << "select password_hash from users where username = :u", soci::use(username),
            soci::into(hash);
        return hash;
    }
};

TEST_F(UserStore, NewUserIsStoredWithAnArgon2idHashOnly) {
    auto user = store().users.create_user(
        actor_, {"alice@example.com", "Alice 有栖", kPassword, true, "ja"});
    ASSERT_TRUE(user.ok()) << user.error().message;
    EXPECT_GT(user->id, 0);
    EXPECT_EQ(user->username, "alice@example.com");
    EXPECT_EQ(user->display_name, "Alice 有栖");
    EXPECT_TRUE(user->is_admin);
    EXPECT_FALSE(user->disabled);
    EXPECT_EQ(user->lang, "ja");
    EXPECT_EQ(user->created_at, "2026-11-22T09:00:00.000Z");
    const std::string hash = stored_hash("alice@example.com");
    EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
    EXPECT_EQ(database_fingerprint(db()).find(kPassword), std::string::npos)
        << "the password itself is nowhere in the database";
    auto read = store().users.user("alice@example.com");
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->id, user->id);
    EXPECT_EQ(read->display_name, "Alice 有栖");
}

TEST_F(UserStore, UsersAreListedByName) {
    create("carol");
    create("alice");
    auto users = store().users.list();
    ASSERT_TRUE(users.ok()) << users.error().message;
    ASSERT_EQ(users->size(), 2u);
    EXPECT_EQ((*users)[0].username, "alice");
    EXPECT_EQ((*users)[1].username, "carol");
}

TEST_F(UserStore, DuplicateUsernameIsAConflictAndWritesNothing) {
    create("alice");
    EXPECT_REFUSED_UNCHANGED(
        store().users.create_user(actor_,
                                  {"alice", "Another", "another long password", false, "en"}),
        ErrorCode::conflict, "username");
}

TEST_F(UserStore, InvalidUsernameIsRefusedAndWritesNothing) {
    for (const std::string& name :
         {std::string(), std::string("-alice"), std::string(".alice"), std::string("alice smith"),
          std::string("alice/x"), std::string(65, 'a'), std::string("ありす")}) {
        SCOPED_TRACE("username '" + name + "'");
        EXPECT_REFUSED_UNCHANGED(
            store().users.create_user(actor_, {name, "", kPassword, false, "en"}),
            ErrorCode::invalid_input, "username");
    }
}

TEST_F(UserStore, PasswordOfElevenCharactersIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().users.create_user(actor_, {"alice", "", "elevenchars", false, "en"}),
        ErrorCode::invalid_input, "password");
}

TEST_F(UserStore, TwelveJapaneseCharactersAreALongEnoughPassword) {
    // 12 characters but 36 bytes: the length counts characters.
    const std::string password = "あいうえおかきくけこさし";
    auto user = store().users.create_user(actor_, {"hanako", "", password, false, "ja"});
    ASSERT_TRUE(user.ok()) << user.error().message;
    EXPECT_TRUE(store().users.check_password("hanako", password).ok());
    EXPECT_REFUSED_UNCHANGED(
        store().users.create_user(actor_, {"taro", "", "あいうえおかきくけこさ", false, "ja"}),
        ErrorCode::invalid_input, "password");
}

TEST_F(UserStore, PasswordThatIsNotUtf8IsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().users.create_user(actor_, {"alice", "", "abcdefghijkl\xff\xfe", false, "en"}),
        ErrorCode::invalid_input, "password");
    EXPECT_REFUSED_UNCHANGED(
        store().users.create_user(actor_, {"alice", "", std::string(1025, 'p'), false, "en"}),
        ErrorCode::invalid_input, "password");
}

TEST_F(UserStore, UnknownLanguageOrBadDisplayNameIsRefusedAndWritesNothing) {
    EXPECT_REFUSED_UNCHANGED(
        store().users.create_user(actor_, {"alice", "", kPassword, false, "fr"}),
        ErrorCode::invalid_input, "lang");
    EXPECT_REFUSED_UNCHANGED(
        store().users.create_user(actor_, {"alice", std::string(201, 'n'), kPassword, false, "en"}),
        ErrorCode::invalid_input, "display_name");
    EXPECT_REFUSED_UNCHANGED(
        store().users.create_user(actor_, {"alice", "Al\xffice", kPassword, false, "en"}),
        ErrorCode::invalid_input, "display_name");
}

TEST_F(UserStore, RightPasswordSignsIn) {
    const auto alice = create("alice");
    auto signed_in = store().users.check_password("alice", kPassword);
    ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
    EXPECT_EQ(signed_in->id, alice.id);
    EXPECT_EQ(signed_in->username, "alice");
}

TEST_F(UserStore, WrongPasswordAndUnknownUserGetTheSameAnswer) {
    create("alice");
    auto wrong = store().users.check_password("alice", "not the password");
    auto unknown = store().users.check_password("mallory", kPassword);
    ASSERT_FALSE(wrong.ok());
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::unauthenticated);
    EXPECT_EQ(unknown.error().code, ErrorCode::unauthenticated);
    EXPECT_EQ(wrong.error().message, unknown.error().message);
    EXPECT_EQ(wrong.error().field, unknown.error().field);
}

TEST_F(UserStore, DisabledAccountCannotSignInUntilEnabled) {
    create("alice");
    ASSERT_TRUE(store().users.set_user_disabled(actor_, "alice", true).ok());
    auto read = store().users.user("alice");
    ASSERT_TRUE(read.ok());
    EXPECT_TRUE(read->disabled);
    auto refused = store().users.check_password("alice", kPassword);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::unauthenticated);
    auto unknown = store().users.check_password("mallory", kPassword);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(refused.error().message, unknown.error().message);
    ASSERT_TRUE(store().users.set_user_disabled(actor_, "alice", false).ok());
    EXPECT_TRUE(store().users.check_password("alice", kPassword).ok());
}

TEST_F(UserStore, NewPasswordReplacesTheOldOneAndEndsEverySession) {
    const auto alice = create("alice");
    auto session = store().credentials.create_session(alice.id, std::chrono::hours(8), "192.0.2.1");
    ASSERT_TRUE(session.ok()) << session.error().message;
    ASSERT_TRUE(store().credentials.session(session->token).ok());
    const std::string old_hash = stored_hash("alice");

    auto changed = store().users.set_password(actor_, "alice", "a brand new passphrase");
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_NE(stored_hash("alice"), old_hash);
    EXPECT_TRUE(stored_hash("alice").starts_with("$argon2id$"));
    EXPECT_FALSE(store().users.check_password("alice", kPassword).ok());
    EXPECT_TRUE(store().users.check_password("alice", "a brand new passphrase").ok());
    auto ended = store().credentials.session(session->token);
    ASSERT_FALSE(ended.ok());
    EXPECT_EQ(ended.error().code, ErrorCode::unauthenticated);
}

TEST_F(UserStore, NewPasswordIsCheckedAndNeedsAKnownUser) {
    create("alice");
    EXPECT_REFUSED_UNCHANGED(store().users.set_password(actor_, "alice", "short"),
                             ErrorCode::invalid_input, "password");
    EXPECT_REFUSED_UNCHANGED(
        store().users.set_password(actor_, "mallory", "a brand new passphrase"),
        ErrorCode::not_found, "user");
    EXPECT_REFUSED_UNCHANGED(store().users.set_user_disabled(actor_, "mallory", true),
                             ErrorCode::not_found, "user");
    auto read = store().users.user("mallory");
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().code, ErrorCode::not_found);
    EXPECT_EQ(read.error().field, "user");
}

TEST_F(UserStore, SetRoleAddsAMemberThenChangesTheRole) {
    make_org("acme");
    create("alice");
    ASSERT_TRUE(store().users.set_role(actor_, "acme", "alice", domain::Role::viewer).ok());
    auto members = store().users.members("acme");
    ASSERT_TRUE(members.ok()) << members.error().message;
    ASSERT_EQ(members->size(), 1u);
    EXPECT_EQ(members->front().username, "alice");
    EXPECT_EQ(members->front().org_slug, "acme");
    EXPECT_EQ(members->front().org_name, "Acme acme");
    EXPECT_EQ(members->front().role, domain::Role::viewer);

    ASSERT_TRUE(store().users.set_role(actor_, "acme", "alice", domain::Role::approver).ok());
    members = store().users.members("acme");
    ASSERT_TRUE(members.ok());
    ASSERT_EQ(members->size(), 1u);
    EXPECT_EQ(members->front().role, domain::Role::approver);

    store::AuditQuery query;
    query.entity = "membership";
    auto audit = store().audit.query(query);
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->size(), 2u);
    EXPECT_EQ((*audit)[0].operation, "update");
    EXPECT_NE((*audit)[0].before.find("viewer"), std::string::npos);
    EXPECT_NE((*audit)[0].after.find("approver"), std::string::npos);
    EXPECT_EQ((*audit)[1].operation, "create");
}

TEST_F(UserStore, MembersAndMembershipsListBothSides) {
    make_org("acme");
    make_org("beta");
    create("alice");
    create("bob");
    ASSERT_TRUE(store().users.set_role(actor_, "beta", "alice", domain::Role::admin).ok());
    ASSERT_TRUE(store().users.set_role(actor_, "acme", "alice", domain::Role::assessor).ok());
    ASSERT_TRUE(store().users.set_role(actor_, "acme", "bob", domain::Role::viewer).ok());

    auto acme = store().users.members("acme");
    ASSERT_TRUE(acme.ok());
    ASSERT_EQ(acme->size(), 2u);
    EXPECT_EQ((*acme)[0].username, "alice");
    EXPECT_EQ((*acme)[0].role, domain::Role::assessor);
    EXPECT_EQ((*acme)[1].username, "bob");
    EXPECT_EQ((*acme)[1].role, domain::Role::viewer);

    auto alice = store().users.memberships("alice");
    ASSERT_TRUE(alice.ok());
    ASSERT_EQ(alice->size(), 2u);
    EXPECT_EQ((*alice)[0].org_slug, "acme");
    EXPECT_EQ((*alice)[0].role, domain::Role::assessor);
    EXPECT_EQ((*alice)[1].org_slug, "beta");
    EXPECT_EQ((*alice)[1].role, domain::Role::admin);
    auto bob = store().users.memberships("bob");
    ASSERT_TRUE(bob.ok());
    ASSERT_EQ(bob->size(), 1u);

    ASSERT_TRUE(store().organisations.delete_organisation(actor_, "acme").ok());
    alice = store().users.memberships("alice");
    ASSERT_TRUE(alice.ok());
    ASSERT_EQ(alice->size(), 1u) << "deleting an organisation ends its memberships";
    EXPECT_EQ(alice->front().org_slug, "beta");
}

TEST_F(UserStore, RemovedMemberIsNoLongerListed) {
    make_org("acme");
    create("alice");
    ASSERT_TRUE(store().users.set_role(actor_, "acme", "alice", domain::Role::assessor).ok());
    auto removed = store().users.remove_member(actor_, "acme", "alice");
    ASSERT_TRUE(removed.ok()) << removed.error().message;
    auto members = store().users.members("acme");
    ASSERT_TRUE(members.ok());
    EXPECT_TRUE(members->empty());
    auto memberships = store().users.memberships("alice");
    ASSERT_TRUE(memberships.ok());
    EXPECT_TRUE(memberships->empty());
    EXPECT_REFUSED_UNCHANGED(store().users.remove_member(actor_, "acme", "alice"),
                             ErrorCode::not_found, "user");
    EXPECT_TRUE(store().users.user("alice").ok()) << "the account stays";
}

TEST_F(UserStore, UnknownOrganisationOrUserIsNotFound) {
    make_org("acme");
    create("alice");
    EXPECT_REFUSED_UNCHANGED(store().users.set_role(actor_, "nope", "alice", domain::Role::viewer),
                             ErrorCode::not_found, "org");
    EXPECT_REFUSED_UNCHANGED(
        store().users.set_role(actor_, "acme", "mallory", domain::Role::viewer),
        ErrorCode::not_found, "user");
    EXPECT_REFUSED_UNCHANGED(store().users.remove_member(actor_, "nope", "alice"),
                             ErrorCode::not_found, "org");
    EXPECT_REFUSED_UNCHANGED(store().users.remove_member(actor_, "acme", "mallory"),
                             ErrorCode::not_found, "user");
    auto members = store().users.members("nope");
    ASSERT_FALSE(members.ok());
    EXPECT_EQ(members.error().code, ErrorCode::not_found);
    EXPECT_EQ(members.error().field, "org");
    auto memberships = store().users.memberships("mallory");
    ASSERT_FALSE(memberships.ok());
    EXPECT_EQ(memberships.error().code, ErrorCode::not_found);
    EXPECT_EQ(memberships.error().field, "user");
}

} // namespace
} // namespace cdcwb::testing
