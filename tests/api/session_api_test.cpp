// Signing in and out with a password: the session cookie, the same answer for a wrong password
// and an unknown user, and the per-account wait after failed attempts.
#include "api/api_fixture.hpp"

namespace cdcwb::testing {
namespace {

class SessionApi : public ApiTest {
  protected:
    HttpResponse sign_in_request(const std::string& username, const std::string& password,
                                 const Headers& extra = {}) {
        return call({}, "POST", "/api/v1/session",
                    Json{{"username", username}, {"password", password}}.dump(), extra);
    }
};

TEST_F(SessionApi, SignInAnswers201AndSetsAnHttpOnlySameSiteLaxCookieThatIsNotSecure) {
    const auto r = sign_in_request("root", password_for("root"));

    ASSERT_TRUE(HasStatus(r, 201));
    const std::string cookie = r.header("set-cookie");
    EXPECT_EQ(cookie.rfind("cdcwb_session=", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; SameSite=Lax"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;
    EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "served over plain HTTP: " << cookie;
    const auto body = json_of(r);
    EXPECT_EQ(body["user"]["username"], "root");
    EXPECT_EQ(body["user"]["is_admin"], true);
    ASSERT_TRUE(body["csrf_token"].is_string());
    EXPECT_GE(body["csrf_token"].get<std::string>().size(), 32u);
    EXPECT_EQ(r.header("cache-control"), "no-store");
}

TEST_F(SessionApi, TheSessionCookieIdentifiesTheUserAndCarriesTheCsrfToken) {
    const Caller root = sign_in("root", password_for("root"));

    const auto r = get(root, "/api/v1/session");

    ASSERT_TRUE(HasStatus(r, 200));
    const auto body = json_of(r);
    EXPECT_EQ(body["user"]["username"], "root");
    EXPECT_EQ(body["csrf_token"], root.csrf);
    EXPECT_TRUE(body["memberships"].is_array());
    EXPECT_TRUE(IsError(get({}, "/api/v1/session"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(get(Caller{"root", "not-a-session", "", ""}, "/api/v1/session"), 401,
                        "unauthenticated"));
}

TEST_F(SessionApi, AWrongPasswordIs401WithTheSameAnswerAsAnUnknownUser) {
    const Caller alice = create_user("alice");

    const auto wrong = sign_in_request("alice", "not-alices-password");
    const auto unknown = sign_in_request("nobody-by-this-name", "not-alices-password");

    EXPECT_TRUE(IsError(wrong, 401, "unauthenticated"));
    EXPECT_TRUE(IsError(unknown, 401, "unauthenticated"));
    EXPECT_EQ(without_request_id(wrong.body), without_request_id(unknown.body))
        << "the answer must not tell whether the account exists";
    EXPECT_FALSE(wrong.has_header("set-cookie"));
    EXPECT_FALSE(unknown.has_header("set-cookie"));
    EXPECT_TRUE(HasStatus(get(alice, "/api/v1/session"), 200))
        << "a failed attempt does not end the account's sessions";
}

TEST_F(SessionApi, AnIncompleteSignInIs400) {
    EXPECT_TRUE(IsError(call({}, "POST", "/api/v1/session", R"({"username": "root"})"), 400,
                        "invalid_input", "username"));
    EXPECT_TRUE(IsError(
        call({}, "POST", "/api/v1/session", R"({"username": "root", "password": 12345678})"), 400,
        "invalid_input", "password"));
    EXPECT_TRUE(IsError(call({}, "POST", "/api/v1/session", "username=root&password=x",
                             {{"Content-Type", "application/x-www-form-urlencoded"}}),
                        400, "invalid_input", "content-type"));
}

TEST_F(SessionApi, AfterFiveFreeFailuresTheAccountWaitsEvenForTheRightPassword) {
    create_user("bob");
    create_user("carol");

    for (int i = 0; i < 6; ++i)
        EXPECT_TRUE(
            IsError(sign_in_request("bob", "guess-" + std::to_string(i)), 401, "unauthenticated"))
            << "attempt " << i + 1;
    const auto waiting = sign_in_request("bob", password_for("bob"));

    ASSERT_TRUE(IsError(waiting, 429, "too_many_requests", "username"));
    EXPECT_NE(json_of(waiting)["error"]["message"].get<std::string>().find("too many"),
              std::string::npos)
        << waiting.body;
    EXPECT_EQ(waiting.header("retry-after"), "1");
    EXPECT_FALSE(waiting.has_header("set-cookie"));
    EXPECT_TRUE(HasStatus(sign_in_request("carol", password_for("carol")), 201))
        << "the wait is per account: others still sign in";
}

TEST_F(SessionApi, AUserNameNoAccountCanHaveIs400BeforeThePasswordIsChecked) {
    // A name of 60,000 characters used to become a key of the sign-in limiter as it was.
    const auto huge = sign_in_request(std::string(60000, 'x'), "whatever-password");
    const auto odd = sign_in_request("root\n; drop", password_for("root"));

    EXPECT_TRUE(IsError(huge, 400, "invalid_input", "username"));
    EXPECT_TRUE(IsError(odd, 400, "invalid_input", "username"));
    EXPECT_TRUE(HasStatus(sign_in_request("root", password_for("root")), 201));
}

TEST_F(SessionApi, SigningOutClearsTheCookieAndEndsTheSession) {
    const Caller root = sign_in("root", password_for("root"));
    ASSERT_TRUE(HasStatus(get(root, "/api/v1/session"), 200));

    const auto r = call(root, "DELETE", "/api/v1/session");

    ASSERT_TRUE(HasStatus(r, 204));
    const std::string cookie = r.header("set-cookie");
    EXPECT_EQ(cookie.rfind("cdcwb_session=;", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("Max-Age=0"), std::string::npos) << cookie;
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
    EXPECT_TRUE(IsError(get(root, "/api/v1/session"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(get(root, "/api/v1/orgs"), 401, "unauthenticated"));
}

TEST_F(SessionApi, SigningOutNeedsTheCsrfToken) {
    const Caller root = sign_in("root", password_for("root"));
    Caller without_token = root;
    without_token.csrf.clear();

    EXPECT_TRUE(IsError(call(without_token, "DELETE", "/api/v1/session"), 403, "forbidden",
                        "x-csrf-token"));
    EXPECT_TRUE(HasStatus(get(root, "/api/v1/session"), 200)) << "the session must still work";
}

TEST_F(SessionApi, AUserAddedWithTheCliWhileTheServerRunsCanSignIn) {
    const auto added =
        server().cli({"user", "add", "gina", "--password-stdin"}, password_for("gina") + "\n");

    ASSERT_EQ(added.exit_code, 0) << added.output;
    const auto r = sign_in_request("gina", password_for("gina"));
    EXPECT_TRUE(HasStatus(r, 201));
}

TEST_F(SessionApi, ADisabledUserIsRefusedEverywhereUntilEnabledAgain) {
    const Caller erin = create_user("erin");
    const Caller erin_token = with_token(erin);

    ASSERT_TRUE(HasStatus(
        call(admin(), "PATCH", "/api/v1/users/erin", Json{{"disabled", true}}.dump()), 200));

    EXPECT_TRUE(IsError(get(erin, "/api/v1/session"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(get(erin_token, "/api/v1/session"), 401, "unauthenticated"));
    const auto refused = sign_in_request("erin", password_for("erin"));
    EXPECT_TRUE(IsError(refused, 401, "unauthenticated"));
    EXPECT_EQ(without_request_id(refused.body),
              without_request_id(sign_in_request("erin", "wrong-password").body))
        << "a disabled account answers like a wrong password";
    ASSERT_TRUE(HasStatus(
        call(admin(), "PATCH", "/api/v1/users/erin", Json{{"disabled", false}}.dump()), 200));
    EXPECT_TRUE(HasStatus(sign_in_request("erin", password_for("erin")), 201));
}

TEST_F(SessionApi, SignInRefusesABodyNotSentAsJson) {
    // The body a form with one field named {"username":"mallory","password":"pass and the
    // value word-long-enough"} sends: browsers join name and value with '='.
    ASSERT_TRUE(
        HasStatus(post(admin(), "/api/v1/users",
                       Json{{"username", "mallory"}, {"password", "pass=word-long-enough"}}),
                  201));
    const std::string form = R"({"username":"mallory","password":"pass=word-long-enough"})"
                             "\r\n";

    const auto r = call({}, "POST", "/api/v1/session", form, {{"Content-Type", "text/plain"}});

    EXPECT_TRUE(IsError(r, 400, "invalid_input")) << "got status " << r.status;
    EXPECT_FALSE(r.has_header("set-cookie"));
}

TEST_F(SessionApi, AnEndedSessionCookieDoesNotStopTheUserSigningInAgain) {
    const Caller dave = create_user("dave");
    // An administrator sets a new password: that ends dave's sessions, but his browser still
    // sends the old cookie.
    ASSERT_TRUE(HasStatus(call(admin(), "PATCH", "/api/v1/users/dave",
                               Json{{"password", "his-new-password-long"}}.dump()),
                          200));
    ASSERT_TRUE(IsError(get(dave, "/api/v1/session"), 401, "unauthenticated"));

    const auto again = sign_in_request("dave", "his-new-password-long",
                                       {{"Cookie", "cdcwb_session=" + dave.session}});
    const auto health = get(dave, "/healthz");

    EXPECT_TRUE(HasStatus(again, 201));
    EXPECT_TRUE(HasStatus(health, 200));
}

} // namespace
} // namespace cdcwb::testing
