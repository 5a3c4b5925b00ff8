// API tokens for automation: created by a signed-in user who gives their password again, shown
// once, sent as Authorization: Bearer, revocable by their owner only; scoped read or read_write;
// every one expires (90 days unless asked, at most 365); a new password or disabling the account
// revokes them all.
#include "api/api_fixture.hpp"

#include <ctime>

namespace cdcwb::testing {
namespace {

class TokenApi : public ApiTest {
  protected:
    /// `body` with the caller's password and scope read_write unless it says otherwise.
    Json create_token(const Caller& who, Json body) {
        if (!body.contains("password")) body["password"] = password_for(who.username);
        if (!body.contains("scope")) body["scope"] = "read_write";
        const auto r = post(who, "/api/v1/tokens", body);
        EXPECT_TRUE(HasStatus(r, 201));
        return json_of(r);
    }
    Json token_body(const Caller& who, const Json& extra = Json::object()) {
        Json body{{"name", "ci"}, {"scope", "read"}, {"password", password_for(who.username)}};
        for (const auto& [k, v] : extra.items()) body[k] = v;
        return body;
    }
    bool listed_revoked(const Caller& who, const Json& created) {
        for (const auto& t : tokens_of(who))
            if (t["id"] == created["id"]) return t["revoked_at"].is_string();
        return false;
    }
    Json tokens_of(const Caller& who) {
        const auto r = get(who, "/api/v1/tokens");
        EXPECT_TRUE(HasStatus(r, 200));
        return json_of(r)["tokens"];
    }
};

TEST_F(TokenApi, ANewTokenIsShownOnceAndActsAsItsUser) {
    const Caller& viewer = member("viewer");

    const auto created = create_token(viewer, Json{{"name", "ci"}, {"days", 30}});

    ASSERT_TRUE(created["token"].is_string());
    const std::string token = created["token"];
    EXPECT_EQ(token.rfind("cdcwb_", 0), 0u) << token;
    EXPECT_EQ(created["name"], "ci");
    EXPECT_EQ(created["user"], viewer.username);
    EXPECT_TRUE(created["expires_at"].is_string());
    const auto session = get(viewer.bearer(token), "/api/v1/session");
    ASSERT_TRUE(HasStatus(session, 200));
    EXPECT_EQ(json_of(session)["user"]["username"], viewer.username);
    EXPECT_TRUE(json_of(session)["csrf_token"].is_null()) << "a token has no CSRF token";
    const auto list = get(viewer, "/api/v1/tokens");
    ASSERT_TRUE(HasStatus(list, 200));
    EXPECT_EQ(list.body.find(token), std::string::npos) << "the list must not show the token";
    bool listed = false;
    const auto tokens = json_of(list)["tokens"];
    for (const auto& t : tokens) {
        EXPECT_FALSE(t.contains("token"));
        listed = listed || t["id"] == created["id"];
    }
    EXPECT_TRUE(listed);
}

TEST_F(TokenApi, ARevokedTokenIs401) {
    const Caller& viewer = member("viewer");
    const auto created = create_token(viewer, Json{{"name", "short-lived"}});
    const Caller by_token = viewer.bearer(created["token"]);
    ASSERT_TRUE(HasStatus(get(by_token, "/api/v1/orgs"), 200));

    const auto revoked =
        call(viewer, "DELETE", "/api/v1/tokens/" + std::to_string(created["id"].get<int>()));

    ASSERT_TRUE(HasStatus(revoked, 204));
    EXPECT_TRUE(IsError(get(by_token, "/api/v1/orgs"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(get(by_token, "/api/v1/session"), 401, "unauthenticated"));
    for (const auto& t : tokens_of(viewer))
        if (t["id"] == created["id"]) {
            EXPECT_TRUE(t["revoked_at"].is_string()) << t.dump();
        }
}

TEST_F(TokenApi, AGarbageOrMalformedAuthorizationIs401) {
    for (const std::string& value :
         std::vector<std::string>{"Bearer cdcwb_not-a-real-token", "Bearer ", "Bearer x",
                                  "Bearer " + std::string(600, 'z'), "Bearer\tcdcwb_x",
                                  "bearer cdcwb_x", "Basic cm9vdDpwYXNzd29yZA==", "cdcwb_x"}) {
        const auto r = call({}, "GET", "/api/v1/orgs", {}, {{"Authorization", value}});
        EXPECT_TRUE(IsError(r, 401, "unauthenticated")) << "Authorization: " << value;
    }
}

TEST_F(TokenApi, NobodyRevokesAnotherUsersToken) {
    const Caller& viewer = member("viewer");
    const Caller& assessor = member("assessor");
    const auto created = create_token(viewer, Json{{"name", "mine"}});
    const auto before = fingerprint();

    const auto r =
        call(assessor, "DELETE", "/api/v1/tokens/" + std::to_string(created["id"].get<int>()));

    EXPECT_TRUE(IsError(r, 404, "not_found"));
    EXPECT_TRUE(HasStatus(get(viewer.bearer(created["token"]), "/api/v1/orgs"), 200))
        << "the token must still work";
    expect_unchanged(before, "revoking another user's token");
}

TEST_F(TokenApi, InvalidTokenRequestsAre400AndCreateNothing) {
    const Caller& viewer = member("viewer");
    const auto before = tokens_of(viewer);
    const auto refused = [&](const Json& body, std::string_view field) {
        return IsError(post(viewer, "/api/v1/tokens", body), 400, "invalid_input", field);
    };

    EXPECT_TRUE(refused(token_body(viewer, {{"days", 0}}), "days"));
    EXPECT_TRUE(refused(token_body(viewer, {{"days", 366}}), "days")) << "at most 365 days";
    EXPECT_TRUE(refused(token_body(viewer, {{"days", 3660}}), "days"));
    EXPECT_TRUE(refused(token_body(viewer, {{"days", "30"}}), "days"));
    EXPECT_TRUE(refused(token_body(viewer, {{"scope", "all"}}), "scope"));
    EXPECT_TRUE(refused(token_body(viewer, {{"scope", "READ"}}), "scope"));
    EXPECT_TRUE(refused(token_body(viewer, {{"scope", 1}}), "scope"));
    EXPECT_TRUE(refused(Json{{"name", "x"}, {"password", password_for(viewer.username)}}, "scope"))
        << "the scope is required";
    EXPECT_TRUE(refused(Json{{"name", "x"}, {"scope", "read"}}, "password"))
        << "the password is required";
    EXPECT_TRUE(refused(token_body(viewer, {{"password", ""}}), "password"));
    EXPECT_TRUE(refused(token_body(viewer, {{"name", ""}}), "name"));
    EXPECT_TRUE(refused(token_body(viewer, {{"admin", true}}), "admin"));
    EXPECT_TRUE(
        IsError(call(viewer, "DELETE", "/api/v1/tokens/abc"), 400, "invalid_input", "token"));
    EXPECT_EQ(tokens_of(viewer), before);
}

TEST_F(TokenApi, MakingATokenNeedsThePasswordAgainAndAWrongOneCountsAsAFailedSignIn) {
    const Caller mia = create_user("mia");

    const auto wrong =
        post(mia, "/api/v1/tokens", token_body(mia, {{"password", "not-mine-at-all"}}));

    EXPECT_TRUE(IsError(wrong, 403, "forbidden", "password"));
    EXPECT_TRUE(tokens_of(mia).empty());
    const auto failed = json_of(get(admin(), "/api/v1/audit?entity=session&entity_id=mia"));
    ASSERT_FALSE(failed["records"].empty()) << failed.dump();
    EXPECT_EQ(failed["records"][0]["operation"], "sign_in_failed")
        << "the wrong password is audited as a failed sign-in";
    EXPECT_TRUE(HasStatus(get(mia, "/api/v1/session"), 200)) << "the session itself is fine";
    // Five more wrong passwords pass the sign-in limit (5 free failures): now even the right one
    // waits, and so does signing in from the same address.
    for (int i = 0; i < 5; ++i)
        EXPECT_TRUE(
            IsError(post(mia, "/api/v1/tokens", token_body(mia, {{"password", "nope-nope"}})), 403,
                    "forbidden", "password"));
    EXPECT_TRUE(IsError(post(mia, "/api/v1/tokens", token_body(mia)), 429, "too_many_requests",
                        "password"));
    const auto sign_in = call({}, "POST", "/api/v1/session",
                              Json{{"username", "mia"}, {"password", password_for("mia")}}.dump());
    EXPECT_TRUE(IsError(sign_in, 429, "too_many_requests"))
        << "the failures counted for sign-in too";
    EXPECT_TRUE(tokens_of(mia).empty());
}

TEST_F(TokenApi, EveryTokenExpiresIn90DaysUnlessAskedAndIsListedWithItsScope) {
    const Caller& viewer = member("viewer");

    const auto unasked = create_token(viewer, Json{{"name", "default"}, {"scope", "read"}});
    const auto longest = create_token(viewer, Json{{"name", "year"}, {"days", 365}});

    const auto days_until = [](const Json& token) {
        std::tm tm{};
        const std::string text = token["expires_at"];
        EXPECT_NE(strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm), nullptr) << text;
        const auto seconds = static_cast<double>(timegm(&tm) - std::time(nullptr));
        return seconds / 86400.0;
    };
    EXPECT_NEAR(days_until(unasked), 90, 0.01) << unasked.dump();
    EXPECT_NEAR(days_until(longest), 365, 0.01) << longest.dump();
    EXPECT_EQ(unasked["scope"], "read");
    EXPECT_EQ(longest["scope"], "read_write");
    int seen = 0;
    for (const auto& t : tokens_of(viewer)) {
        if (t["id"] == unasked["id"]) seen += t["scope"] == "read";
        if (t["id"] == longest["id"]) seen += t["scope"] == "read_write";
    }
    EXPECT_EQ(seen, 2);
}

TEST_F(TokenApi, AReadTokenReadsAndEveryWriteIsForbiddenNamingTheScope) {
    const Caller& assessor = member("assessor");
    const auto made = create_token(assessor, Json{{"name", "dashboard"}, {"scope", "read"}});
    const Caller reader = assessor.bearer(made["token"]);
    const std::string entry_path = "/api/v1/orgs/" + std::string(kOrg) + "/services/D-2";
    const auto entry = get(reader, entry_path);
    ASSERT_TRUE(HasStatus(entry, 200));
    EXPECT_TRUE(HasStatus(call(reader, "HEAD", entry_path), 200));
    const auto before = fingerprint();
    const auto tokens_before = tokens_of(assessor);

    auto changed = json_of(entry);
    changed["rationale"] = "written with a read token";
    for (const auto& r :
         {put(reader, entry_path, changed),
          post(reader, "/api/v1/orgs/" + std::string(kOrg) + "/evaluations", Json::object()),
          post(reader, "/api/v1/tokens", token_body(assessor)),
          call(reader, "DELETE", "/api/v1/tokens/" + std::to_string(made["id"].get<int>())),
          call(reader, "PATCH", "/api/v1/me", Json{{"lang", "ja"}}.dump())}) {
        EXPECT_TRUE(IsError(r, 403, "forbidden", "scope"));
        EXPECT_NE(json_of(r)["error"]["message"].get<std::string>().find("read_write"),
                  std::string::npos);
    }
    expect_unchanged(before, "writes with a read token");
    EXPECT_EQ(tokens_of(assessor), tokens_before);
    // The same user with a read_write token writes.
    const Caller writer = assessor.bearer(create_token(assessor, Json{{"name", "rw"}})["token"]);
    EXPECT_TRUE(HasStatus(put(writer, entry_path, changed), 200));
}

TEST_F(TokenApi, ANewPasswordRevokesEveryTokenOfTheUser) {
    const Caller noa = create_user("noa");
    const auto first = create_token(noa, Json{{"name", "one"}});
    const auto second = create_token(noa, Json{{"name", "two"}, {"scope", "read"}});
    ASSERT_TRUE(HasStatus(get(noa.bearer(first["token"]), "/api/v1/orgs"), 200));

    ASSERT_TRUE(HasStatus(call(admin(), "PATCH", "/api/v1/users/noa",
                               Json{{"password", "a-reset-password-for-noa"}}.dump()),
                          200));

    EXPECT_TRUE(IsError(get(noa.bearer(first["token"]), "/api/v1/orgs"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(get(noa.bearer(second["token"]), "/api/v1/orgs"), 401, "unauthenticated"));
    const Caller again = sign_in("noa", "a-reset-password-for-noa");
    EXPECT_TRUE(listed_revoked(again, first));
    EXPECT_TRUE(listed_revoked(again, second));
}

TEST_F(TokenApi, DisablingRevokesTheTokensAndEnablingBringsNoneBack) {
    const Caller oto = create_user("oto");
    const auto made = create_token(oto, Json{{"name", "cron"}});
    const Caller by_token = oto.bearer(made["token"]);
    ASSERT_TRUE(HasStatus(get(by_token, "/api/v1/orgs"), 200));

    ASSERT_TRUE(HasStatus(
        call(admin(), "PATCH", "/api/v1/users/oto", Json{{"disabled", true}}.dump()), 200));
    EXPECT_TRUE(IsError(get(by_token, "/api/v1/orgs"), 401, "unauthenticated"));
    ASSERT_TRUE(HasStatus(
        call(admin(), "PATCH", "/api/v1/users/oto", Json{{"disabled", false}}.dump()), 200));

    EXPECT_TRUE(IsError(get(by_token, "/api/v1/orgs"), 401, "unauthenticated"));
    EXPECT_TRUE(listed_revoked(sign_in("oto", password_for("oto")), made));
}

TEST_F(TokenApi, ATokenMadeWithATokenBelongsToTheSameUser) {
    const Caller by_token = with_token(member("viewer"));

    const auto created = create_token(by_token, Json{{"name", "from a token"}});

    EXPECT_EQ(created["user"], by_token.username);
    const auto session = get(by_token.bearer(created["token"]), "/api/v1/session");
    EXPECT_EQ(json_of(session)["user"]["username"], by_token.username);
}

} // namespace
} // namespace cdcwb::testing
