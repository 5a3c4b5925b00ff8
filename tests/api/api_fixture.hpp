// The fixture every API test uses: one real `cdcwb serve` per test suite, over HTTP on a loopback
// port, on a fresh database of the engine under test (CDCWB_TEST_ENGINE=sqlite, the default, or
// postgresql), seeded with a site administrator and the example organisation. People with each
// role are made on first use and kept for the suite (a password hash costs ~0.1 s). Helpers call
// the API as them and check the one error shape and that a refused write changed nothing.
#pragma once

#include "support/cdcwb_server.hpp"
#include "support/http_client.hpp"

#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::testing {

using Json = nlohmann::ordered_json;

/// The example organisation (examples/example-corp.yaml) every suite starts with.
inline constexpr std::string_view kOrg = "kasumi-logistics";
inline constexpr std::string_view kAdmin = "root";

/// Who calls: nobody (all empty), a session cookie with its CSRF token, or an API token.
struct Caller {
    std::string username;
    std::string session; ///< the cdcwb_session cookie's value
    std::string csrf;    ///< the session's CSRF token, sent on writes
    std::string token;   ///< an API token, sent as Authorization: Bearer

    /// The headers that carry these credentials; `write` adds X-CSRF-Token for a session.
    Headers headers(bool write) const;
    /// The same user with only the API token (no cookie).
    Caller bearer(std::string api_token) const { return {username, {}, {}, std::move(api_token)}; }
};

/// What a refused write must leave exactly as it was: the organisation's export (its whole
/// state as a cdcwb/v1 file), its member list and the newest record of the whole audit log.
struct Fingerprint {
    std::string export_yaml;
    std::string members;
    std::string newest_audit;
};

/// The body as JSON; throws (failing the test) when it is not JSON.
Json json_of(const HttpResponse& response);

/// `status`, with the body in the failure message.
::testing::AssertionResult HasStatus(const HttpResponse& response, int status);

/// The one error shape: `status`, a JSON body {"error": {"code": `code`, "message": non-empty,
/// "field": `field` when given, "request_id": the X-Request-Id header}} (a "field", when present,
/// is a string).
::testing::AssertionResult IsError(const HttpResponse& response, int status, std::string_view code,
                                   std::optional<std::string_view> field = std::nullopt);

/// `body` without the error's "request_id" (which differs on every request): for comparing two
/// error answers.
std::string without_request_id(std::string body);

/// The path of `pattern` ("/api/v1/orgs/{org}") with each {name} replaced by `values[name]`.
std::string fill_path(const std::string& pattern,
                      const std::map<std::string, std::string, std::less<>>& values);

/// The data of a gzip stream; throws when it is not a complete one.
std::string gunzip(const std::string& data);

/// A tiny valid PNG (1×1 pixel).
std::string tiny_png();

/// Whether CDCWB_TEST_KNOWN_BUGS=1 asks to run the tests that show reported, unfixed bugs.
bool run_known_bugs();

/// Skips a test that shows a reported bug in src (see the message), unless
/// CDCWB_TEST_KNOWN_BUGS=1. Remove the line once the bug is fixed.
#define SKIP_KNOWN_BUG(text)                                                                       \
    if (!::cdcwb::testing::run_known_bugs()) GTEST_SKIP() << "BUG: " << text

class ApiTest : public ::testing::Test {
  public:
    static void SetUpTestSuite();
    static void TearDownTestSuite();

  protected:
    void SetUp() override;

    /// One request to the suite's server.
    HttpResponse call(const Caller& who, std::string_view method, std::string_view target,
                      std::string_view body = {}, const Headers& extra = {});
    HttpResponse get(const Caller& who, std::string_view target, const Headers& extra = {}) {
        return call(who, "GET", target, {}, extra);
    }
    HttpResponse put(const Caller& who, std::string_view target, const Json& body,
                     const Headers& extra = {}) {
        return call(who, "PUT", target, body.dump(), extra);
    }
    HttpResponse post(const Caller& who, std::string_view target, const Json& body,
                      const Headers& extra = {}) {
        return call(who, "POST", target, body.dump(), extra);
    }

    /// The site administrator, signed in with a cookie.
    const Caller& admin();
    /// A user with `role` (admin, assessor, approver, viewer) in kOrg and nothing else.
    const Caller& member(const std::string& role);
    /// A user who administers another organisation and has no role in kOrg.
    const Caller& outsider();

    /// Creates a user (as the site administrator) and signs in with a cookie.
    Caller create_user(const std::string& username, bool is_admin = false);
    /// Signs in with a cookie; throws unless the server answers 201.
    Caller sign_in(const std::string& username, const std::string& password);
    /// A read_write API token for `who` (made with their password_for).
    Caller with_token(const Caller& who);
    /// A password for `username` that does not contain the name (new passwords may not).
    static std::string password_for(const std::string& username) {
        std::string shifted = username;
        for (auto& c : shifted) c = static_cast<char>(c + 1);
        return "pw-" + shifted + "-correct-horse";
    }

    /// Creates an organisation with a fresh id (`prefix-<n>`) from the small-company template,
    /// as the site administrator; `roles` maps usernames to the roles they get there.
    std::string create_org(const std::string& prefix,
                           const std::map<std::string, std::string>& roles = {});
    /// An id no other test in this process uses: `prefix-<n>`.
    static std::string unique_id(const std::string& prefix);

    Fingerprint fingerprint(std::string_view org = kOrg);
    /// Expects `org` to be as it was at `before`; `what` names the refused requests.
    void expect_unchanged(const Fingerprint& before, std::string_view what,
                          std::string_view org = kOrg);

    /// The suite's server and its database (a second server may share it).
    static CdcwbServer& server() { return *suite_->server; }
    static const std::string& db_url() { return suite_->db_url; }
    HttpClient& client() { return *client_; }

  private:
    struct Suite {
        std::string db_url;
        std::string drop; ///< the PostgreSQL database, or the SQLite folder, to delete
        std::unique_ptr<CdcwbServer> server;
        std::map<std::string, Caller> users;
        std::string error;
    };
    static Suite* suite_;
    std::unique_ptr<HttpClient> client_;
};

} // namespace cdcwb::testing
