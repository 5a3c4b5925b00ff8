// Cross-site request forgery: a write made with the session cookie needs the session's own token
// in X-CSRF-Token; a write made with an API token needs none (no browser sends it by itself).
#include "api/api_fixture.hpp"

namespace cdcwb::testing {
namespace {

class CsrfApi : public ApiTest {
  protected:
    const std::string service_ = "/api/v1/orgs/" + std::string(kOrg) + "/services/D-2";

    /// D-2's entry with a new rationale, from the revision it is at now.
    Json edited_entry(const std::string& rationale) {
        auto entry = json_of(get(admin(), service_));
        entry["rationale"] = rationale;
        return entry;
    }

    /// Three writes a forged request could try, each valid apart from its CSRF token.
    void expect_writes_refused(const Caller& who, const std::string& what) {
        const auto before = fingerprint();
        const std::string org = "/api/v1/orgs/" + std::string(kOrg);
        const auto put_service = put(who, service_, edited_entry("forged"));
        const auto post_event =
            post(who, org + "/events", Json{{"date", "2026-05-01"}, {"kind", "new_threat"}});
        const auto delete_action =
            call(who, "DELETE", org + "/actions/ACT-2025-01", {}, {{"If-Match", "\"1\""}});
        EXPECT_TRUE(IsError(put_service, 403, "forbidden", "x-csrf-token")) << what;
        EXPECT_TRUE(IsError(post_event, 403, "forbidden", "x-csrf-token")) << what;
        EXPECT_TRUE(IsError(delete_action, 403, "forbidden", "x-csrf-token")) << what;
        expect_unchanged(before, what);
    }
};

TEST_F(CsrfApi, CookieWritesWithoutTheCsrfTokenAre403AndChangeNothing) {
    Caller no_token = member("assessor");
    no_token.csrf.clear();

    expect_writes_refused(no_token, "writes without X-CSRF-Token");
}

TEST_F(CsrfApi, CookieWritesWithAForgedCsrfTokenAre403AndChangeNothing) {
    const Caller& assessor = member("assessor");
    Caller guessed = assessor;
    guessed.csrf = std::string(assessor.csrf.size(), 'A');
    Caller someone_elses = assessor;
    someone_elses.csrf = admin().csrf; // a real token, of another session
    Caller prefix = assessor;
    prefix.csrf = assessor.csrf.substr(0, assessor.csrf.size() - 1);

    expect_writes_refused(guessed, "writes with a guessed X-CSRF-Token");
    expect_writes_refused(someone_elses, "writes with another session's X-CSRF-Token");
    expect_writes_refused(prefix, "writes with a truncated X-CSRF-Token");
}

TEST_F(CsrfApi, CookieWritesWithTheSessionsCsrfTokenWork) {
    const Caller& assessor = member("assessor");
    const auto entry = edited_entry("with the right token");

    const auto r = put(assessor, service_, entry);

    ASSERT_TRUE(HasStatus(r, 200));
    EXPECT_EQ(json_of(r)["revision"], entry["revision"].get<int>() + 1);
    const auto now = json_of(get(assessor, service_));
    EXPECT_EQ(now["rationale"], "with the right token");
    EXPECT_EQ(now["updated_by"], assessor.username);
}

TEST_F(CsrfApi, CookieReadsNeedNoCsrfToken) {
    Caller no_token = member("viewer");
    no_token.csrf.clear();

    EXPECT_TRUE(HasStatus(get(no_token, service_), 200));
    EXPECT_TRUE(HasStatus(call(no_token, "HEAD", service_), 200));
}

TEST_F(CsrfApi, BearerTokenWritesNeedNoCsrfToken) {
    const Caller token_only = with_token(member("assessor"));
    ASSERT_TRUE(token_only.session.empty());

    const auto r = put(token_only, service_, edited_entry("by API token"));

    ASSERT_TRUE(HasStatus(r, 200));
    EXPECT_EQ(json_of(get(token_only, service_))["rationale"], "by API token");
}

} // namespace
} // namespace cdcwb::testing
