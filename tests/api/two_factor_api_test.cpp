// Two-factor sign-in over real HTTP, with codes from an independent TOTP generator (Debian's
// oathtool): setting it up (QR code, a first code, recovery codes shown once), signing in with a
// code (none, wrong, replayed, a recovery code twice), turning it off, and the site setting
// requiring it (a user who must but has not set it up may only set it up).
#include "api/api_fixture.hpp"

#include <array>
#include <cstdio>
#include <ctime>
#include <memory>
#include <regex>
#include <set>

namespace cdcwb::testing {
namespace {

/// oathtool's TOTP code for a base32 secret at `offset` seconds from now.
std::string oathtool(const std::string& secret, int offset = 0) {
    const std::string command = "oathtool --totp -b " + secret + " -N @" +
                                std::to_string(std::time(nullptr) + offset) + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) throw std::runtime_error("cannot run oathtool");
    std::array<char, 128> buffer{};
    std::string out;
    while (std::fgets(buffer.data(), buffer.size(), pipe.get())) out += buffer.data();
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    if (out.size() != 6) throw std::runtime_error("oathtool said: " + out);
    return out;
}

/// A 6-digit code that is none of the codes of the steps around now.
std::string wrong_code(const std::string& secret) {
    const std::set<std::string> near{oathtool(secret, -60), oathtool(secret, -30), oathtool(secret),
                                     oathtool(secret, 30), oathtool(secret, 60)};
    for (int n = 0;; ++n) {
        char text[8];
        std::snprintf(text, sizeof text, "%06d", (n * 137 + 13) % 1000000);
        if (!near.count(text)) return text;
    }
}

class TwoFactorApi : public ApiTest {
  protected:
    HttpResponse sign_in_with(const std::string& user, const std::optional<std::string>& code,
                              const std::string& password = {}) {
        Json body{{"username", user},
                  {"password", password.empty() ? password_for(user) : password}};
        if (code) body["code"] = *code;
        return call({}, "POST", "/api/v1/session", body.dump());
    }
    /// Sets up two-factor sign-in for `who`: the secret and the recovery codes. The step of
    /// now is used up by the confirmation.
    std::pair<std::string, Json> enrol(const Caller& who) {
        const auto started = post(who, "/api/v1/me/two-factor", Json::object());
        EXPECT_TRUE(HasStatus(started, 201));
        const std::string secret = json_of(started)["secret"];
        const auto confirmed =
            post(who, "/api/v1/me/two-factor/confirmation", Json{{"code", oathtool(secret)}});
        EXPECT_TRUE(HasStatus(confirmed, 200));
        return {secret, json_of(confirmed)["recovery_codes"]};
    }
    Caller caller_of(const HttpResponse& r, const std::string& user) {
        Caller c;
        c.username = user;
        const std::string cookie = r.header("set-cookie");
        const auto at = cookie.find("cdcwb_session=") + 14;
        c.session = cookie.substr(at, cookie.find(';', at) - at);
        c.csrf = json_of(r)["csrf_token"];
        return c;
    }
};

TEST_F(TwoFactorApi, SettingUpShowsASecretAUriAndAQrCodeAndAFirstCodeTurnsItOn) {
    const Caller ada = create_user("ada");
    ASSERT_FALSE(json_of(get(ada, "/api/v1/me/two-factor"))["enabled"].get<bool>());

    const auto started = post(ada, "/api/v1/me/two-factor", Json::object());

    ASSERT_TRUE(HasStatus(started, 201));
    const auto s = json_of(started);
    const std::string secret = s["secret"];
    EXPECT_TRUE(std::regex_match(secret, std::regex("[A-Z2-7]{32}"))) << secret;
    EXPECT_EQ(s["uri"], "otpauth://totp/CDC%20Workbench:ada?secret=" + secret +
                            "&issuer=CDC%20Workbench&algorithm=SHA1&digits=6&period=30");
    EXPECT_GE(s["qr"]["size"].get<int>(), 21);
    EXPECT_TRUE(std::regex_match(s["qr"]["path"].get<std::string>(),
                                 std::regex("(M\\d+ \\d+h\\d+v1h-\\d+z)+")));
    EXPECT_TRUE(json_of(get(ada, "/api/v1/me/two-factor"))["pending"].get<bool>());
    // A wrong first code turns nothing on.
    EXPECT_TRUE(
        IsError(post(ada, "/api/v1/me/two-factor/confirmation", Json{{"code", wrong_code(secret)}}),
                400, "invalid_input", "code"));
    EXPECT_TRUE(IsError(post(ada, "/api/v1/me/two-factor/confirmation", Json{{"code", "12ab"}}),
                        400, "invalid_input", "code"));
    EXPECT_TRUE(IsError(post(ada, "/api/v1/me/two-factor/confirmation", Json::object()), 400,
                        "invalid_input", "code"));
    EXPECT_FALSE(json_of(get(ada, "/api/v1/me/two-factor"))["enabled"].get<bool>());
    EXPECT_TRUE(HasStatus(sign_in_with("ada", std::nullopt), 201)) << "still one factor";

    const auto confirmed =
        post(ada, "/api/v1/me/two-factor/confirmation", Json{{"code", oathtool(secret)}});

    ASSERT_TRUE(HasStatus(confirmed, 200));
    const auto codes = json_of(confirmed)["recovery_codes"];
    ASSERT_EQ(codes.size(), 10u);
    std::set<std::string> distinct;
    for (const auto& c : codes) {
        EXPECT_TRUE(
            std::regex_match(c.get<std::string>(), std::regex("[a-z2-7]{5}(-[a-z2-7]{5}){4}")));
        distinct.insert(c);
    }
    EXPECT_EQ(distinct.size(), 10u);
    const auto status = json_of(get(ada, "/api/v1/me/two-factor"));
    EXPECT_TRUE(status["enabled"].get<bool>());
    EXPECT_EQ(status["recovery_codes_left"], 10);
    EXPECT_TRUE(json_of(get(ada, "/api/v1/session"))["two_factor"]["enabled"].get<bool>());
    EXPECT_TRUE(IsError(post(ada, "/api/v1/me/two-factor", Json::object()), 409, "conflict"))
        << "no new secret while it is on";
}

TEST_F(TwoFactorApi, SignInAsksForTheCodeAndRefusesAWrongOrReplayedOne) {
    const Caller bo = create_user("bo");
    const auto [secret, codes] = enrol(bo);

    const auto no_code = sign_in_with("bo", std::nullopt);
    EXPECT_TRUE(IsError(no_code, 401, "unauthenticated", "code"));
    EXPECT_NE(json_of(no_code)["error"]["message"].get<std::string>().find("code"),
              std::string::npos);
    EXPECT_TRUE(no_code.header("set-cookie").empty());
    EXPECT_TRUE(IsError(sign_in_with("bo", wrong_code(secret)), 401, "unauthenticated", "code"));
    EXPECT_TRUE(IsError(sign_in_with("bo", oathtool(secret), "a-wrong-password-here"), 401,
                        "unauthenticated"))
        << "a right code does not stand for the password";
    // The step of now was used by the confirmation: its code is a replay.
    EXPECT_TRUE(IsError(sign_in_with("bo", oathtool(secret, -30)), 401, "unauthenticated", "code"));

    const std::string next = oathtool(secret, 30);
    const auto signed_in = sign_in_with("bo", next);

    ASSERT_TRUE(HasStatus(signed_in, 201));
    EXPECT_TRUE(HasStatus(get(caller_of(signed_in, "bo"), "/api/v1/orgs"), 200));
    EXPECT_TRUE(IsError(sign_in_with("bo", next), 401, "unauthenticated", "code"))
        << "the same code twice";
    EXPECT_TRUE(IsError(sign_in_with("bo", oathtool(secret)), 401, "unauthenticated", "code"))
        << "an earlier step than one used";
}

TEST_F(TwoFactorApi, ARecoveryCodeWorksOnce) {
    const Caller cy = create_user("cy");
    const auto [secret, codes] = enrol(cy);
    const std::string recovery = codes[3];

    ASSERT_TRUE(HasStatus(sign_in_with("cy", recovery), 201));
    EXPECT_TRUE(IsError(sign_in_with("cy", recovery), 401, "unauthenticated", "code"));
    std::string shouted = recovery;
    for (auto& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_TRUE(HasStatus(sign_in_with("cy", std::string(codes[4]).erase(5, 1)), 201))
        << "typed without the dash";
    EXPECT_TRUE(IsError(sign_in_with("cy", shouted), 401, "unauthenticated", "code"))
        << "nor in capitals";
    EXPECT_EQ(json_of(get(cy, "/api/v1/me/two-factor"))["recovery_codes_left"], 8);
    const auto audit = json_of(get(admin(), "/api/v1/audit?entity=two_factor&entity_id=cy"));
    int used = 0;
    for (const auto& r : audit["records"]) used += r["operation"] == "recovery_code_used";
    EXPECT_EQ(used, 2);
}

TEST_F(TwoFactorApi, WrongCodesCountAsFailedSignIns) {
    const Caller di = create_user("di");
    const auto [secret, codes] = enrol(di);
    // The right password does not clear the count while the code is wrong: past the 5 free
    // failures the account waits, even with the right password and a right code.
    for (int i = 0; i < 6; ++i)
        EXPECT_TRUE(IsError(sign_in_with("di", wrong_code(secret)), 401, "unauthenticated", "code"))
            << "attempt " << i + 1;

    EXPECT_TRUE(IsError(sign_in_with("di", oathtool(secret, 30)), 429, "too_many_requests"))
        << "waits like six wrong passwords";
}

TEST_F(TwoFactorApi, TurningItOffNeedsThePasswordAndACode) {
    const Caller ed = create_user("ed");
    const auto [secret, codes] = enrol(ed);
    const auto off = [&](const Json& body) {
        return post(ed, "/api/v1/me/two-factor/removal", body);
    };

    EXPECT_TRUE(
        IsError(off(Json{{"code", oathtool(secret, 30)}}), 400, "invalid_input", "password"));
    EXPECT_TRUE(IsError(off(Json{{"password", password_for("ed")}}), 400, "invalid_input", "code"));
    EXPECT_TRUE(IsError(off(Json{{"password", "not-the-password"}, {"code", oathtool(secret, 30)}}),
                        403, "forbidden", "password"));
    EXPECT_TRUE(IsError(off(Json{{"password", password_for("ed")}, {"code", wrong_code(secret)}}),
                        403, "forbidden", "code"));
    EXPECT_TRUE(json_of(get(ed, "/api/v1/me/two-factor"))["enabled"].get<bool>());

    EXPECT_TRUE(HasStatus(off(Json{{"password", password_for("ed")}, {"code", codes[0]}}), 204));

    EXPECT_FALSE(json_of(get(ed, "/api/v1/me/two-factor"))["enabled"].get<bool>());
    EXPECT_TRUE(HasStatus(sign_in_with("ed", std::nullopt), 201));
}

TEST_F(TwoFactorApi, AnAdministratorResetsAnotherUsersTwoFactorEndingTheirSessionsNotTokens) {
    const Caller flo = create_user("flo");
    const auto [secret, codes] = enrol(flo);
    const auto second = sign_in_with("flo", oathtool(secret, 30));
    ASSERT_TRUE(HasStatus(second, 201));
    const Caller flo_again = caller_of(second, "flo");
    const Caller flo_token = with_token(flo_again);
    const Caller gus = create_user("gus", true);
    const auto reset = [&](const Caller& who, const std::string& user, const Json& body) {
        return post(who, "/api/v1/users/" + user + "/two-factor/removal", body);
    };
    const Json gus_password{{"password", password_for("gus")}};

    EXPECT_TRUE(IsError(reset(member("viewer"), "flo", Json{{"password", password_for("viewer")}}),
                        403, "forbidden"))
        << "site administrators only";
    EXPECT_TRUE(IsError(reset(gus, "flo", Json::object()), 400, "invalid_input", "password"));
    EXPECT_TRUE(IsError(reset(gus, "flo", Json{{"password", "not-the-password"}}), 403, "forbidden",
                        "password"));
    EXPECT_TRUE(IsError(reset(gus, "nobody-here", gus_password), 404, "not_found", "user"));
    EXPECT_TRUE(IsError(reset(gus, "gus", gus_password), 409, "conflict", "user"))
        << "their own goes through their account, with a code";
    EXPECT_TRUE(json_of(get(flo, "/api/v1/me/two-factor"))["enabled"].get<bool>())
        << "the refused resets changed nothing";

    const auto done = reset(gus, "flo", gus_password);

    ASSERT_TRUE(HasStatus(done, 200));
    EXPECT_EQ(json_of(done)["sessions_ended"], 2);
    const auto audit = json_of(get(gus, "/api/v1/audit?entity=two_factor&entity_id=flo"));
    ASSERT_FALSE(audit["records"].empty());
    EXPECT_EQ(audit["records"][0]["operation"], "reset");
    EXPECT_EQ(audit["records"][0]["actor"], "gus");
    EXPECT_EQ(audit["records"][0]["after"]["sessions_ended"], 2);
    EXPECT_TRUE(IsError(get(flo, "/api/v1/orgs"), 401, "unauthenticated"));
    EXPECT_TRUE(IsError(get(flo_again, "/api/v1/orgs"), 401, "unauthenticated"));
    EXPECT_TRUE(HasStatus(get(flo_token, "/api/v1/orgs"), 200)) << "tokens stay";
    EXPECT_TRUE(IsError(reset(gus, "flo", gus_password), 409, "conflict", "two_factor"))
        << "nothing left to reset";
    const auto signed_in = sign_in_with("flo", std::nullopt);
    ASSERT_TRUE(HasStatus(signed_in, 201)) << "no second factor any more";
    EXPECT_FALSE(
        json_of(get(caller_of(signed_in, "flo"), "/api/v1/me/two-factor"))["enabled"].get<bool>());
    EXPECT_TRUE(
        HasStatus(post(caller_of(signed_in, "flo"), "/api/v1/me/two-factor", Json::object()), 201))
        << "and may set it up again on a new device";
}

/// The site setting, on a server of its own: requiring it changes every other test's sign-in.
class TwoFactorSiteApi : public TwoFactorApi {};

TEST_F(TwoFactorSiteApi, TheSiteRequiresItAndAUserWhoHasNotSetItUpMaySetItUpOnly) {
    const Caller& viewer = member("viewer");
    const Caller viewer_token = with_token(viewer);
    const Caller boss = create_user("boss", true);
    EXPECT_EQ(json_of(get(boss, "/api/v1/site-settings"))["two_factor_required"], "none");
    EXPECT_TRUE(IsError(call(viewer, "PATCH", "/api/v1/site-settings",
                             Json{{"two_factor_required", "everyone"}}.dump()),
                        403, "forbidden"));
    EXPECT_TRUE(IsError(
        call(boss, "PATCH", "/api/v1/site-settings", Json{{"two_factor_required", "all"}}.dump()),
        400, "invalid_input", "two_factor_required"));
    EXPECT_TRUE(IsError(call(boss, "PATCH", "/api/v1/site-settings",
                             Json{{"two_factor_required", "everyone"}}.dump()),
                        409, "conflict", "two_factor_required"))
        << "an administrator without it would lock themselves out";
    const auto [secret, codes] = enrol(boss);

    const auto set = call(boss, "PATCH", "/api/v1/site-settings",
                          Json{{"two_factor_required", "everyone"}}.dump());

    ASSERT_TRUE(HasStatus(set, 200));
    EXPECT_EQ(json_of(set)["two_factor_required"], "everyone");
    const auto audit = json_of(get(boss, "/api/v1/audit?entity=site_settings"));
    ASSERT_FALSE(audit["records"].empty());
    EXPECT_EQ(audit["records"][0]["after"]["two_factor_required"], "everyone");
    // The viewer has not set it up: signing in works, then only the setup does.
    const auto signed_in = sign_in_with(viewer.username, std::nullopt);
    ASSERT_TRUE(HasStatus(signed_in, 201));
    EXPECT_TRUE(json_of(signed_in)["two_factor"]["must_enrol"].get<bool>());
    const Caller fresh = caller_of(signed_in, viewer.username);
    const std::string evaluations = "/api/v1/orgs/" + std::string(kOrg) + "/evaluations";
    const auto evaluations_before = json_of(get(boss, evaluations))["evaluations"].size();
    for (const auto& r : {get(fresh, "/api/v1/orgs"), get(fresh, "/api/v1/tokens"),
                          get(viewer_token, "/api/v1/orgs"),
                          call(fresh, "PATCH", "/api/v1/me", Json{{"lang", "ja"}}.dump()),
                          post(fresh, evaluations, Json::object())}) {
        EXPECT_TRUE(IsError(r, 403, "forbidden", "two_factor"));
    }
    EXPECT_TRUE(HasStatus(get(fresh, "/api/v1/session"), 200));
    EXPECT_EQ(json_of(get(boss, evaluations))["evaluations"].size(), evaluations_before)
        << "the refused run wrote nothing";
    enrol(fresh);
    EXPECT_TRUE(HasStatus(get(fresh, "/api/v1/orgs"), 200));
    EXPECT_FALSE(json_of(get(fresh, "/api/v1/session"))["two_factor"]["must_enrol"].get<bool>());

    // Back to none, for nobody else's sake.
    ASSERT_TRUE(HasStatus(
        call(boss, "PATCH", "/api/v1/site-settings", Json{{"two_factor_required", "none"}}.dump()),
        200));
}

} // namespace
} // namespace cdcwb::testing
