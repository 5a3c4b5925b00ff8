// API tokens and sign-in sessions: only hashes are stored; revoked, expired, ended, unknown and
// disabled-user credentials are all refused as unauthenticated.
#include "domain/user.hpp"
#include "store/secrets.hpp"
#include "store/sql.hpp"
#include "store_fixture.hpp"

namespace cdcwb::testing {
namespace {

using domain::ErrorCode;
using std::chrono::hours;
using std::chrono::minutes;

class CredentialStore : public StoreTest {
  protected:
    void SetUp() override {
        StoreTest::SetUp();
        auto user = store().users.create_user(
            actor_, {"alice", "Alice", "correct horse battery", false, "en"});
        ASSERT_TRUE(user.ok()) << user.error().message;
        alice_ = *user;
    }
    store::IssuedToken token(std::optional<long long> days = std::nullopt,
                             domain::TokenScope scope = domain::TokenScope::read_write) {
        auto issued = store().credentials.create_token(actor_, "alice", "ci pipeline", days, scope);
        EXPECT_TRUE(issued.ok()) << issued.error().message;
        return issued.ok() ? *issued : store::IssuedToken{};
    }
    store::IssuedSession session(std::chrono::seconds lifetime = hours(8)) {
        auto issued = store().credentials.create_session(alice_.id, lifetime, "192.0.2.7");
        EXPECT_TRUE(issued.ok()) << issued.error().message;
        return issued.ok() ? *issued : store::IssuedSession{};
    }
    void expect_token_refused(const std::string& t) {
        auto user = store().credentials.authenticate_token(t);
        ASSERT_FALSE(user.ok()) << "token '" << t << "' was accepted";
        EXPECT_EQ(user.error().code, ErrorCode::unauthenticated) << user.error().message;
    }
    void expect_session_refused(const std::string& t) {
        auto s = store().credentials.session(t);
        ASSERT_FALSE(s.ok()) << "session '" << t << "' was accepted";
        EXPECT_EQ(s.error().code, ErrorCode::unauthenticated) << s.error().message;
    }
    store::UserRecord alice_;
};

// API tokens ----------------------------------------------------------------------------------

TEST_F(CredentialStore, NewTokenIsACdcwbTokenWithItsPrefixRecorded) {
    const auto issued = token(1);
    EXPECT_TRUE(issued.token.starts_with("cdcwb_")) << issued.token;
    EXPECT_GE(issued.token.size(), 6u + 40u) << "32 random bytes";
    EXPECT_GT(issued.record.id, 0);
    EXPECT_EQ(issued.record.username, "alice");
    EXPECT_EQ(issued.record.name, "ci pipeline");
    EXPECT_TRUE(issued.record.prefix.starts_with("cdcwb_"));
    EXPECT_LT(issued.record.prefix.size(), issued.token.size() / 2) << "only a prefix";
    EXPECT_TRUE(issued.token.starts_with(issued.record.prefix));
    EXPECT_EQ(issued.record.created_at, "2026-11-22T09:00:00.000Z");
    EXPECT_EQ(issued.record.expires_at, "2026-11-23T09:00:00.000Z");
    EXPECT_NE(token().token, issued.token) << "every token is new";
}

TEST_F(CredentialStore, OnlyTheTokensSha256IsStored) {
    ASSERT_EQ(store::secrets::sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const auto issued = token();
    EXPECT_EQ(database_fingerprint(db()).find(issued.token), std::string::npos)
        << "the token itself is nowhere in the database";
    store::Unit unit(db(), store::Unit::Mode::read);
    std::string hash;
    unit.sql() << "select token_hash from api_tokens", soci::into(hash);
    EXPECT_EQ(hash, store::secrets::sha256_hex(issued.token));
}

TEST_F(CredentialStore, TokenAuthenticatesItsUserAndRecordsItsUse) {
    const auto issued = token(1);
    now_ += minutes(59);
    auto identity = store().credentials.authenticate_token(issued.token);
    ASSERT_TRUE(identity.ok()) << identity.error().message;
    EXPECT_EQ(identity->user.id, alice_.id);
    EXPECT_EQ(identity->user.username, "alice");
    EXPECT_EQ(identity->scope, domain::TokenScope::read_write);
    auto listed = store().credentials.tokens("alice");
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().last_used_at, "2026-11-22T09:59:00.000Z");
}

TEST_F(CredentialStore, RevokedTokenIsUnauthenticated) {
    const auto issued = token();
    ASSERT_TRUE(store().credentials.authenticate_token(issued.token).ok());
    now_ += minutes(1);
    auto revoked = store().credentials.revoke_token(actor_, "alice", issued.record.id);
    ASSERT_TRUE(revoked.ok()) << revoked.error().message;
    expect_token_refused(issued.token);
    auto listed = store().credentials.tokens("alice");
    ASSERT_TRUE(listed.ok());
    EXPECT_EQ(listed->front().revoked_at, "2026-11-22T09:01:00.000Z");
    EXPECT_REFUSED_UNCHANGED(store().credentials.revoke_token(actor_, "alice", issued.record.id),
                             ErrorCode::not_found, "token");
}

TEST_F(CredentialStore, RevokingAnotherUsersTokenIsNotFound) {
    const auto issued = token();
    auto bob = store().users.create_user(actor_, {"bob", "", "bob's long password", false, "en"});
    ASSERT_TRUE(bob.ok());
    EXPECT_REFUSED_UNCHANGED(store().credentials.revoke_token(actor_, "bob", issued.record.id),
                             ErrorCode::not_found, "token");
    EXPECT_TRUE(store().credentials.authenticate_token(issued.token).ok());
}

TEST_F(CredentialStore, ExpiredTokenIsUnauthenticated) {
    const auto issued = token(1);
    now_ += hours(24);
    expect_token_refused(issued.token);
    now_ += hours(24);
    expect_token_refused(issued.token);
}

TEST_F(CredentialStore, GarbageTokenIsUnauthenticated) {
    const auto issued = token();
    for (const std::string& t :
         {std::string(), std::string("garbage"), std::string("cdcwb_garbage"),
          issued.token.substr(0, issued.token.size() - 1), issued.token + "x",
          issued.token.substr(6), std::string(5000, 'c')})
        expect_token_refused(t);
}

TEST_F(CredentialStore, TokenOfADisabledUserIsUnauthenticated) {
    const auto issued = token();
    ASSERT_TRUE(store().users.set_user_disabled(actor_, "alice", true).ok());
    expect_token_refused(issued.token);
}

TEST_F(CredentialStore, TokenNeedsANameALifetimeOf1To365DaysAndAKnownUser) {
    constexpr auto rw = domain::TokenScope::read_write;
    EXPECT_REFUSED_UNCHANGED(
        store().credentials.create_token(actor_, "alice", "", std::nullopt, rw),
        ErrorCode::invalid_input, "name");
    EXPECT_REFUSED_UNCHANGED(
        store().credentials.create_token(actor_, "alice", std::string(101, 'n'), std::nullopt, rw),
        ErrorCode::invalid_input, "name");
    for (const long long days : {0LL, -1LL, 366LL, 3660LL})
        EXPECT_REFUSED_UNCHANGED(store().credentials.create_token(actor_, "alice", "ci", days, rw),
                                 ErrorCode::invalid_input, "days");
    EXPECT_REFUSED_UNCHANGED(
        store().credentials.create_token(actor_, "mallory", "ci", std::nullopt, rw),
        ErrorCode::not_found, "user");
    auto listed = store().credentials.tokens("mallory");
    ASSERT_FALSE(listed.ok());
    EXPECT_EQ(listed.error().code, ErrorCode::not_found);
}

TEST_F(CredentialStore, ATokenKeepsItsScope) {
    const auto reader = token(1, domain::TokenScope::read);
    EXPECT_EQ(reader.record.scope, domain::TokenScope::read);
    auto identity = store().credentials.authenticate_token(reader.token);
    ASSERT_TRUE(identity.ok()) << identity.error().message;
    EXPECT_EQ(identity->scope, domain::TokenScope::read);
    // Again, from the in-memory trust of the last 2 seconds.
    EXPECT_EQ(store().credentials.authenticate_token(reader.token)->scope,
              domain::TokenScope::read);
    auto listed = store().credentials.tokens("alice");
    ASSERT_TRUE(listed.ok());
    EXPECT_EQ(listed->front().scope, domain::TokenScope::read);
}

TEST_F(CredentialStore, ANewPasswordRevokesEveryTokenOfTheUser) {
    const auto first = token();
    const auto second = token(1, domain::TokenScope::read);
    ASSERT_TRUE(store().credentials.authenticate_token(first.token).ok()); // trusted for 2 s
    now_ += minutes(3);
    ASSERT_TRUE(store().users.set_password(actor_, "alice", "a brand new passphrase").ok());
    expect_token_refused(first.token);
    expect_token_refused(second.token);
    auto listed = store().credentials.tokens("alice");
    ASSERT_TRUE(listed.ok());
    for (const auto& t : *listed) EXPECT_EQ(t.revoked_at, "2026-11-22T09:03:00.000Z") << t.id;
}

TEST_F(CredentialStore, DisablingRevokesTheTokensAndEnablingBringsNoneBack) {
    const auto issued = token();
    ASSERT_TRUE(store().credentials.authenticate_token(issued.token).ok());
    ASSERT_TRUE(store().users.set_user_disabled(actor_, "alice", true).ok());
    expect_token_refused(issued.token);
    ASSERT_TRUE(store().users.set_user_disabled(actor_, "alice", false).ok());
    expect_token_refused(issued.token);
    auto listed = store().credentials.tokens("alice");
    ASSERT_TRUE(listed.ok());
    EXPECT_TRUE(listed->front().revoked_at.has_value());
}

TEST_F(CredentialStore, ATokenMadeBeforeEveryTokenExpiredWorksUntilRevoked) {
    const auto issued = token();
    {
        // As the migration leaves a token made without a lifetime by an older version.
        store::Unit unit(db(), store::Unit::Mode::write);
        unit.sql() << "update api_tokens set expires_at = null";
        unit.commit();
    }
    now_ += hours(24 * 400);
    auto identity = store().credentials.authenticate_token(issued.token);
    ASSERT_TRUE(identity.ok()) << identity.error().message;
    EXPECT_EQ(identity->scope, domain::TokenScope::read_write);
    auto listed = store().credentials.tokens("alice");
    ASSERT_TRUE(listed.ok());
    EXPECT_FALSE(listed->front().expires_at.has_value()) << "listed without an expiry";
    ASSERT_TRUE(store().credentials.revoke_token(actor_, "alice", issued.record.id).ok());
    expect_token_refused(issued.token);
}

TEST_F(CredentialStore, TokensListsEveryTokenOfTheUserWithItsPrefix) {
    const auto first = token();
    const auto second = token(2);
    auto listed = store().credentials.tokens("alice");
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ((*listed)[0].id, first.record.id);
    EXPECT_EQ((*listed)[0].prefix, first.record.prefix);
    EXPECT_EQ((*listed)[0].name, "ci pipeline");
    EXPECT_EQ((*listed)[0].username, "alice");
    EXPECT_EQ((*listed)[0].scope, domain::TokenScope::read_write);
    EXPECT_EQ((*listed)[0].expires_at, "2027-02-20T09:00:00.000Z") << "90 days when not asked";
    EXPECT_FALSE((*listed)[0].last_used_at.has_value());
    EXPECT_FALSE((*listed)[0].revoked_at.has_value());
    EXPECT_EQ((*listed)[1].id, second.record.id);
    EXPECT_EQ((*listed)[1].prefix, second.record.prefix);
    EXPECT_EQ((*listed)[1].expires_at, "2026-11-24T09:00:00.000Z");
}

// Sessions ------------------------------------------------------------------------------------

TEST_F(CredentialStore, SessionGivesItsUserAndCsrfToken) {
    const auto issued = session();
    EXPECT_FALSE(issued.token.empty());
    EXPECT_FALSE(issued.record.csrf_token.empty());
    EXPECT_NE(issued.record.csrf_token, issued.token);
    EXPECT_EQ(issued.record.expires_at, "2026-11-22T17:00:00.000Z");
    now_ += hours(7);
    auto s = store().credentials.session(issued.token, hours(8));
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->user.id, alice_.id);
    EXPECT_EQ(s->user.username, "alice");
    EXPECT_EQ(s->csrf_token, issued.record.csrf_token);
    EXPECT_EQ(s->created_at, "2026-11-22T09:00:00.000Z");
    EXPECT_EQ(s->expires_at, "2026-11-22T17:00:00.000Z");
    EXPECT_EQ(database_fingerprint(db()).find(issued.token), std::string::npos)
        << "only the session token's hash is stored";
}

TEST_F(CredentialStore, ASessionUnusedForTheIdleTimeoutEndsAndUseIsRecordedAtMostOnceAMinute) {
    using std::chrono::minutes;
    using std::chrono::seconds;
    const auto issued = session();
    EXPECT_EQ(issued.record.last_seen_at, issued.record.created_at);
    EXPECT_FALSE(issued.record.public_id.empty());
    EXPECT_NE(issued.record.public_id, issued.token);

    now_ += seconds(59);
    auto s = store().credentials.session(issued.token, minutes(30));
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->last_seen_at, "2026-11-22T09:00:00.000Z") << "not written within the minute";
    now_ += seconds(2);
    s = store().credentials.session(issued.token, minutes(30));
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->last_seen_at, "2026-11-22T09:01:01.000Z") << "written once a minute has passed";

    now_ += minutes(29);
    EXPECT_TRUE(store().credentials.session(issued.token, minutes(30)).ok()) << "used in time";
    now_ += minutes(30);
    auto idle = store().credentials.session(issued.token, minutes(30));
    ASSERT_FALSE(idle.ok()) << "unused for 30 minutes";
    EXPECT_EQ(idle.error().code, ErrorCode::unauthenticated);
    auto listed = store().credentials.sessions_of(alice_.id, minutes(30));
    ASSERT_TRUE(listed.ok());
    EXPECT_TRUE(listed->empty()) << "an idle session is not listed either";
}

TEST_F(CredentialStore, ExpiredSessionIsUnauthenticated) {
    const auto issued = session(hours(1));
    now_ += hours(1);
    expect_session_refused(issued.token);
}

TEST_F(CredentialStore, EndedSessionIsUnauthenticated) {
    const auto issued = session();
    const auto other = session();
    ASSERT_TRUE(store().credentials.end_session(issued.token).ok());
    expect_session_refused(issued.token);
    EXPECT_TRUE(store().credentials.session(other.token).ok()) << "other sessions go on";
    EXPECT_TRUE(store().credentials.end_session(issued.token).ok())
        << "signing out twice is not an error";
}

TEST_F(CredentialStore, SessionOfADisabledUserIsUnauthenticated) {
    const auto issued = session();
    ASSERT_TRUE(store().users.set_user_disabled(actor_, "alice", true).ok());
    expect_session_refused(issued.token);
    EXPECT_REFUSED_UNCHANGED(store().credentials.create_session(alice_.id, hours(1), "192.0.2.7"),
                             ErrorCode::forbidden, "user");
}

TEST_F(CredentialStore, GarbageSessionTokenIsUnauthenticated) {
    session();
    for (const std::string& t : {std::string(), std::string("garbage"), std::string(300, 's')})
        expect_session_refused(t);
}

TEST_F(CredentialStore, SessionNeedsAKnownUserAndAPositiveLifetime) {
    EXPECT_REFUSED_UNCHANGED(store().credentials.create_session(alice_.id + 1000, hours(1), ""),
                             ErrorCode::not_found, "user");
    EXPECT_REFUSED_UNCHANGED(
        store().credentials.create_session(alice_.id, std::chrono::seconds(0), ""),
        ErrorCode::invalid_input, "lifetime");
}

TEST_F(CredentialStore, NewSessionClearsExpiredOnes) {
    session(hours(1));
    now_ += hours(2);
    session(hours(1));
    store::Unit unit(db(), store::Unit::Mode::read);
    int sessions = 0;
    unit.sql() << "select count(*) from sessions", soci::into(sessions);
    EXPECT_EQ(sessions, 1);
}

} // namespace
} // namespace cdcwb::testing
