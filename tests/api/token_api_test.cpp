// API tokens for automation: created by a signed-in user, shown once, sent as
// Authorization: Bearer, revocable by their owner only.
#include "api/api_fixture.hpp"

namespace cdcwb::testing {
namespace {

class TokenApi : public ApiTest {
  protected:
    Json create_token(const Caller& who, const Json& body) {
        const auto r = post(who, "/api/v1/tokens", body);
        EXPECT_TRUE(HasStatus(r, 201));
        return json_of(r);
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

    EXPECT_TRUE(
        IsError(post(viewer, "/api/v1/tokens", Json{{"days", 0}}), 400, "invalid_input", "days"));
    EXPECT_TRUE(IsError(post(viewer, "/api/v1/tokens", Json{{"days", 3661}}), 400, "invalid_input",
                        "days"));
    EXPECT_TRUE(IsError(post(viewer, "/api/v1/tokens", Json{{"days", "30"}}), 400, "invalid_input",
                        "days"));
    EXPECT_TRUE(IsError(post(viewer, "/api/v1/tokens", Json{{"name", "x"}, {"scope", "all"}}), 400,
                        "invalid_input", "scope"));
    EXPECT_TRUE(
        IsError(call(viewer, "DELETE", "/api/v1/tokens/abc"), 400, "invalid_input", "token"));
    EXPECT_EQ(tokens_of(viewer), before);
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
