// Security issue 11, findings 6 and 8 over real HTTP: the client address behind trusted proxies
// only, sign-ins slowed down by growing waits (429 + Retry-After) instead of a lock anyone could
// hold shut, failures and waits in the audit log; the idle timeout, one's own sessions and
// password, and the common-password list.
#include "api/api_fixture.hpp"

#include <chrono>
#include <thread>

namespace cdcwb::testing {
namespace {

using namespace std::chrono_literals;

/// The suite's server as it is, plus a second one on the same database that trusts 127.0.0.1 as
/// a reverse proxy (so X-Forwarded-For picks the client address) and ends sessions idle for 4 s.
class AccountApi : public ApiTest {
  public:
    static void SetUpTestSuite() {
        ApiTest::SetUpTestSuite();
        std::string error;
        proxied_ = CdcwbServer::start(db_url(), error,
                                      {"--trusted-proxy", "127.0.0.1", "--trusted-proxy",
                                       "10.0.0.0/8", "--session-idle-timeout", "4s"})
                       .release();
        if (!proxied_)
            std::fprintf(stderr, "the proxied server did not start: %s\n", error.c_str());
    }
    static void TearDownTestSuite() {
        if (proxied_) (void)proxied_->stop();
        delete proxied_;
        proxied_ = nullptr;
        ApiTest::TearDownTestSuite();
    }

  protected:
    void SetUp() override {
        ApiTest::SetUp();
        ASSERT_NE(proxied_, nullptr);
        via_proxy_ = std::make_unique<HttpClient>("127.0.0.1", proxied_->port());
    }

    /// A request to the proxied server as coming from `client` (sent in X-Forwarded-For).
    HttpResponse from(const std::string& client, const Caller& who, std::string_view method,
                      std::string_view target, std::string_view body = {}) {
        Headers headers = who.headers(method != "GET");
        headers.emplace_back("X-Forwarded-For", client);
        if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
        return via_proxy_->request(method, target, headers, body);
    }
    HttpResponse sign_in_from(const std::string& client, const std::string& username,
                              const std::string& password) {
        return from(client, {}, "POST", "/api/v1/session",
                    Json{{"username", username}, {"password", password}}.dump());
    }
    static Caller caller_of(const std::string& username, const HttpResponse& r) {
        const std::string cookie = r.header("set-cookie");
        const auto at = cookie.find('=') + 1;
        return Caller{username, cookie.substr(at, cookie.find(';') - at),
                      json_of(r).at("csrf_token").get<std::string>(), ""};
    }
    /// The site-wide audit records about sign-ins of `subject` (a user name or an address).
    std::vector<std::string> sign_in_records(const std::string& subject) {
        const auto r = get(admin(), "/api/v1/audit?entity=session&entity_id=" + subject);
        EXPECT_TRUE(HasStatus(r, 200));
        const Json body = json_of(r);
        std::vector<std::string> out;
        for (const auto& record : body["records"])
            out.push_back(record["operation"].get<std::string>());
        return out;
    }
    static long long count(const std::vector<std::string>& v, const std::string& what) {
        return std::count(v.begin(), v.end(), what);
    }

    static CdcwbServer* proxied_;
    std::unique_ptr<HttpClient> via_proxy_;
};

CdcwbServer* AccountApi::proxied_ = nullptr;

// Finding 6: trusted proxies -------------------------------------------------------------------

TEST_F(AccountApi, AForgedForwardedForFromAPeerThatIsNoTrustedProxyIsIgnored) {
    create_user("hana");
    // The suite's server trusts no proxy: the header is the client's word, not believed.
    const auto r = call({}, "POST", "/api/v1/session",
                        Json{{"username", "hana"}, {"password", password_for("hana")}}.dump(),
                        {{"X-Forwarded-For", "203.0.113.66"}});
    ASSERT_TRUE(HasStatus(r, 201));
    const auto mine = get(caller_of("hana", r), "/api/v1/me/sessions");

    ASSERT_TRUE(HasStatus(mine, 200));
    const Json sessions = json_of(mine)["sessions"];
    ASSERT_FALSE(sessions.empty());
    for (const auto& s : sessions) EXPECT_EQ(s["address"], "127.0.0.1") << s;
    EXPECT_EQ(server().output().find("203.0.113.66"), std::string::npos)
        << "the access log names the peer, not the forged address";
}

TEST_F(AccountApi, BehindATrustedProxyTheForwardedClientIsTheAddressEverywhere) {
    create_user("ivo");
    // The client sent its own X-Forwarded-For; the proxy (10.1.2.3, trusted) appended.
    const auto r = sign_in_from("1.2.3.4, 198.51.100.20, 10.1.2.3", "ivo", password_for("ivo"));
    ASSERT_TRUE(HasStatus(r, 201));
    const auto mine = from("198.51.100.20", caller_of("ivo", r), "GET", "/api/v1/me/sessions");

    ASSERT_TRUE(HasStatus(mine, 200));
    const auto sessions = json_of(mine)["sessions"];
    ASSERT_EQ(sessions.size(), 2u) << sessions; // create_user signed in too
    EXPECT_EQ(sessions[0]["address"], "198.51.100.20");
    EXPECT_TRUE(sessions[0]["current"].get<bool>());
    EXPECT_NE(proxied_->output().find("\"remote\":\"198.51.100.20\""), std::string::npos)
        << "the access log names the client";
}

// Finding 6: waits instead of a lock -------------------------------------------------------------

TEST_F(AccountApi, AfterFiveFailuresTheAccountWaitsWith429AndRetryAfterThenTheRightPasswordWorks) {
    create_user("jun");
    const std::string client = "198.51.100.31";
    for (int i = 0; i < 6; ++i)
        EXPECT_TRUE(IsError(sign_in_from(client, "jun", "wrong-guess-" + std::to_string(i)), 401,
                            "unauthenticated"))
            << "attempt " << i + 1;

    const auto refused = sign_in_from(client, "jun", password_for("jun"));

    ASSERT_TRUE(IsError(refused, 429, "too_many_requests", "username"));
    EXPECT_EQ(refused.header("retry-after"), "1");
    EXPECT_FALSE(refused.has_header("set-cookie"));
    std::this_thread::sleep_for(1100ms);
    EXPECT_TRUE(HasStatus(sign_in_from(client, "jun", password_for("jun")), 201))
        << "once the wait is over the right password signs in";
}

TEST_F(AccountApi, SomeoneGuessingAtAnAccountCannotKeepItsOwnerOut) {
    create_user("kai", true); // an administrator: the same rules
    const std::string attacker = "198.51.100.41";
    // Six failures start a 1 s wait; each failure after a wait doubles it: 2 s, then 4 s.
    for (int i = 0; i < 6; ++i) (void)sign_in_from(attacker, "kai", "guess-" + std::to_string(i));
    std::this_thread::sleep_for(1100ms);
    (void)sign_in_from(attacker, "kai", "guess-6");
    std::this_thread::sleep_for(2100ms);
    (void)sign_in_from(attacker, "kai", "guess-7");
    const auto waiting = sign_in_from(attacker, "kai", "guess-8");
    ASSERT_TRUE(IsError(waiting, 429, "too_many_requests"));
    EXPECT_EQ(waiting.header("retry-after"), "4");

    const auto owner = sign_in_from("198.51.100.42", "kai", password_for("kai"));

    EXPECT_TRUE(HasStatus(owner, 201)) << "an address that has not failed is not held back";
    EXPECT_TRUE(IsError(sign_in_from(attacker, "kai", "guess-9"), 429, "too_many_requests"))
        << "the owner signing in does not lift the attacker's wait";
}

TEST_F(AccountApi, AnAddressWaitsAfterTwentyFailuresWhicheverAccountsItTries) {
    const std::string client = "198.51.100.51";
    // Names no account can have cost no password check, but count for the address.
    for (int i = 0; i < 21; ++i)
        EXPECT_TRUE(IsError(sign_in_from(client, "no such name " + std::to_string(i), "x"), 400,
                            "invalid_input", "username"));

    const auto refused =
        sign_in_from(client, std::string(kAdmin), password_for(std::string(kAdmin)));

    EXPECT_TRUE(IsError(refused, 429, "too_many_requests"));
    EXPECT_NE(json_of(refused)["error"]["message"].get<std::string>().find("address"),
              std::string::npos);
    EXPECT_TRUE(HasStatus(
        sign_in_from("198.51.100.52", std::string(kAdmin), password_for(std::string(kAdmin))), 201))
        << "other addresses are not held back";
}

TEST_F(AccountApi, FailedSignInsAndTheStartOfAWaitAreAuditedButRefusedAttemptsWriteNothing) {
    create_user("lea");
    const std::string client = "198.51.100.61";
    for (int i = 0; i < 6; ++i) (void)sign_in_from(client, "lea", "guess-" + std::to_string(i));
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(IsError(sign_in_from(client, "lea", "guess"), 429, "too_many_requests"));
    (void)sign_in_from(client, "nobody-called-this", "guess");

    const auto records = sign_in_records("lea");

    EXPECT_EQ(count(records, "sign_in_failed"), 6) << "one per password checked";
    EXPECT_EQ(count(records, "sign_in_delayed"), 1) << "one when the wait began";
    EXPECT_TRUE(sign_in_records("nobody-called-this").empty())
        << "a name that is no account's writes nothing";
    const auto verified = get(admin(), "/api/v1/audit/verify");
    ASSERT_TRUE(HasStatus(verified, 200));
    EXPECT_TRUE(json_of(verified)["verified"].get<bool>()) << "the site chain holds";
}

// Finding 8: sessions ----------------------------------------------------------------------------

TEST_F(AccountApi, ASessionUnusedForTheIdleTimeoutEndsWhileOneInUseLives) {
    create_user("mio");
    const Caller idle = caller_of("mio", sign_in_from("198.51.100.71", "mio", password_for("mio")));
    const Caller busy = caller_of("mio", sign_in_from("198.51.100.71", "mio", password_for("mio")));

    for (int i = 0; i < 6; ++i) {
        ASSERT_TRUE(HasStatus(from("198.51.100.71", busy, "GET", "/api/v1/session"), 200))
            << "used every second, at " << i << " s";
        std::this_thread::sleep_for(1s);
    }

    EXPECT_TRUE(
        IsError(from("198.51.100.71", idle, "GET", "/api/v1/session"), 401, "unauthenticated"));
    EXPECT_TRUE(HasStatus(from("198.51.100.71", busy, "GET", "/api/v1/session"), 200));
}

TEST_F(AccountApi, IListMySessionsWithoutTokensAndEndOneOfThem) {
    const Caller first = create_user("nao");
    const Caller second = sign_in("nao", password_for("nao"));
    const Caller other = create_user("oto");

    const auto listed = get(second, "/api/v1/me/sessions");
    ASSERT_TRUE(HasStatus(listed, 200));
    const auto sessions = json_of(listed)["sessions"];
    ASSERT_EQ(sessions.size(), 2u);
    std::string first_id;
    for (const auto& s : sessions) {
        for (const char* key : {"id", "created_at", "last_seen_at", "expires_at", "address"})
            EXPECT_TRUE(s[key].is_string()) << key << " in " << s;
        EXPECT_EQ(listed.body.find(first.session), std::string::npos) << "never the token";
        EXPECT_EQ(listed.body.find(first.csrf), std::string::npos) << "never the CSRF token";
        if (!s["current"].get<bool>()) first_id = s["id"];
    }
    ASSERT_FALSE(first_id.empty());

    EXPECT_TRUE(IsError(call(other, "DELETE", "/api/v1/me/sessions/" + first_id), 404, "not_found"))
        << "someone else's session is not mine to end";
    EXPECT_TRUE(HasStatus(get(first, "/api/v1/session"), 200));
    EXPECT_TRUE(HasStatus(call(second, "DELETE", "/api/v1/me/sessions/" + first_id), 204));
    EXPECT_TRUE(IsError(get(first, "/api/v1/session"), 401, "unauthenticated"));
    EXPECT_TRUE(HasStatus(get(second, "/api/v1/session"), 200));
    EXPECT_TRUE(
        IsError(call(second, "DELETE", "/api/v1/me/sessions/" + first_id), 404, "not_found"));
}

TEST_F(AccountApi, SigningOutEverywhereElseKeepsOnlyThisSession) {
    const Caller a = create_user("pia");
    const Caller b = sign_in("pia", password_for("pia"));
    const Caller c = sign_in("pia", password_for("pia"));

    const auto r = call(b, "DELETE", "/api/v1/me/sessions");

    ASSERT_TRUE(HasStatus(r, 200));
    EXPECT_EQ(json_of(r)["ended"], 2);
    EXPECT_TRUE(IsError(get(a, "/api/v1/session"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(get(c, "/api/v1/session"), 401, "unauthenticated"));
    EXPECT_TRUE(HasStatus(get(b, "/api/v1/session"), 200));
    EXPECT_EQ(json_of(get(b, "/api/v1/me/sessions"))["sessions"].size(), 1u);
    EXPECT_TRUE(IsError(call(with_token(b), "DELETE", "/api/v1/me/sessions"), 400, "invalid_input",
                        "authorization"))
        << "an API token has no session to keep";
    EXPECT_TRUE(HasStatus(get(b, "/api/v1/session"), 200));
}

// Finding 8: passwords ---------------------------------------------------------------------------

TEST_F(AccountApi, IChangeMyPasswordAndMyOtherSessionsEnd) {
    const Caller here = create_user("rei");
    const Caller elsewhere = sign_in("rei", password_for("rei"));
    const std::string fresh = "a brand new passphrase for me";

    const auto r = post(here, "/api/v1/me/password",
                        Json{{"current_password", password_for("rei")}, {"new_password", fresh}});

    ASSERT_TRUE(HasStatus(r, 204));
    EXPECT_TRUE(HasStatus(get(here, "/api/v1/session"), 200)) << "this session stays";
    EXPECT_TRUE(IsError(get(elsewhere, "/api/v1/session"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(call({}, "POST", "/api/v1/session",
                             Json{{"username", "rei"}, {"password", password_for("rei")}}.dump()),
                        401, "unauthenticated"));
    EXPECT_TRUE(HasStatus(sign_in_from("198.51.100.81", "rei", fresh), 201));
}

TEST_F(AccountApi, AWrongCurrentPasswordIsRefusedAndCountsAsAFailedSignIn) {
    const Caller me = create_user("sho");

    const auto r = post(me, "/api/v1/me/password",
                        Json{{"current_password", "not my password"},
                             {"new_password", "a brand new passphrase for me"}});

    EXPECT_TRUE(IsError(r, 403, "forbidden", "current_password"));
    EXPECT_TRUE(HasStatus(get(me, "/api/v1/session"), 200)) << "still signed in";
    const auto records = sign_in_records("sho");
    EXPECT_EQ(count(records, "sign_in_failed"), 1) << "it counts as a failed sign-in";
    EXPECT_NO_THROW(sign_in("sho", password_for("sho"))) << "the old password still works";
}

TEST_F(AccountApi, ACommonPasswordOrOneWithTheUserNameIsRefusedEverywhereANewPasswordIsSet) {
    const Caller me = create_user("taro");
    const auto refuse = [&](const HttpResponse& r, const std::string& field) {
        EXPECT_TRUE(IsError(r, 400, "invalid_input", field)) << r.body;
    };

    // One's own change.
    refuse(post(me, "/api/v1/me/password",
                Json{{"current_password", password_for("taro")}, {"new_password", "Password123!"}}),
           "new_password");
    refuse(post(me, "/api/v1/me/password",
                Json{{"current_password", password_for("taro")},
                     {"new_password", "my name is TARO, hello"}}),
           "new_password");
    // An administrator's reset.
    refuse(call(admin(), "PATCH", "/api/v1/users/taro", Json{{"password", "QWERTYUIOP123"}}.dump()),
           "password");
    // A new account.
    refuse(post(admin(), "/api/v1/users", Json{{"username", "umi"}, {"password", "iloveyou1234"}}),
           "password");
    refuse(post(admin(), "/api/v1/users",
                Json{{"username", "vera.k"}, {"password", "vera.k-is-my-password"}}),
           "password");

    EXPECT_TRUE(HasStatus(get(me, "/api/v1/session"), 200)) << "nothing changed";
    EXPECT_TRUE(
        HasStatus(call({}, "POST", "/api/v1/session",
                       Json{{"username", "taro"}, {"password", password_for("taro")}}.dump()),
                  201));
    EXPECT_TRUE(IsError(get(admin(), "/api/v1/users/umi"), 404, "not_found"));
}

} // namespace
} // namespace cdcwb::testing
