// What the HTTP server adds to every answer: gzip when asked for, security headers and a request
// id, ETags with 304 for unchanged GETs, and the error shape for unknown paths and methods.
#include "api/api_fixture.hpp"

#include <set>

namespace cdcwb::testing {
namespace {

class ServerApi : public ApiTest {
  protected:
    const std::string services_ = "/api/v1/orgs/" + std::string(kOrg) + "/services";
};

TEST_F(ServerApi, ALargeJsonAnswerIsGzippedWhenTheClientAcceptsGzip) {
    const auto plain = get(admin(), services_);
    ASSERT_TRUE(HasStatus(plain, 200));
    ASSERT_GT(plain.body.size(), 10000u);

    const auto packed = get(admin(), services_, {{"Accept-Encoding", "gzip, deflate"}});

    ASSERT_TRUE(HasStatus(packed, 200));
    EXPECT_EQ(packed.header("content-encoding"), "gzip");
    EXPECT_NE(packed.header("vary").find("Accept-Encoding"), std::string::npos);
    EXPECT_LT(packed.body.size(), plain.body.size() / 2);
    const std::string unpacked = gunzip(packed.body);
    EXPECT_EQ(unpacked, plain.body);
    EXPECT_EQ(json_of(plain)["services"].size(), 65u);
    EXPECT_FALSE(plain.has_header("content-encoding"));
}

TEST_F(ServerApi, GzipIsNotUsedWhenRefusedOrForSmallAnswers) {
    const auto refused = get(admin(), services_, {{"Accept-Encoding", "gzip;q=0, identity"}});
    const auto small = get(admin(), "/healthz", {{"Accept-Encoding", "gzip"}});

    ASSERT_TRUE(HasStatus(refused, 200));
    EXPECT_FALSE(refused.has_header("content-encoding"));
    EXPECT_NO_THROW(json_of(refused));
    ASSERT_TRUE(HasStatus(small, 200));
    EXPECT_FALSE(small.has_header("content-encoding"));
    EXPECT_EQ(json_of(small)["status"], "ok");
}

TEST_F(ServerApi, EveryAnswerCarriesTheSecurityHeadersAndItsOwnRequestId) {
    const auto ok = get(admin(), services_);
    const Caller second_session = sign_in("root", password_for("root"));
    std::vector<std::pair<std::string, HttpResponse>> answers{
        {"200", ok},
        {"200 gzip", get(admin(), services_, {{"Accept-Encoding", "gzip"}})},
        {"201", call({}, "POST", "/api/v1/session",
                     Json{{"username", "root"}, {"password", password_for("root")}}.dump())},
        {"204", call(second_session, "DELETE", "/api/v1/session")},
        {"304", get(member("viewer"), services_, {{"If-None-Match", ok.header("etag")}})},
        {"400", call(member("viewer"), "POST", "/api/v1/tokens", "{")},
        {"401", get({}, services_)},
        {"403", get(member("viewer"), "/api/v1/users")},
        {"404", get({}, "/no/such/path")},
        {"405", call({}, "PUT", "/healthz")},
        {"409",
         call(member("assessor"), "PUT", services_ + "/D-2", Json{{"revision", 999}}.dump())},
        {"413", call({}, "POST", "/api/v1/session", std::string(13 * 1024 * 1024, ' '))},
        {"public", get({}, "/api/v1/openapi.json")},
        {"HEAD", call({}, "HEAD", "/readyz")},
    };
    std::set<std::string> request_ids;
    for (const auto& [what, r] : answers) {
        SCOPED_TRACE(what + " (status " + std::to_string(r.status) + ")");
        const std::string csp = r.header("content-security-policy");
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
        EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
        EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
        EXPECT_EQ(r.header("x-frame-options"), "DENY");
        EXPECT_FALSE(r.has_header("x-cdcwb-user")) << "kept for the access log, never sent";
        const std::string id = r.header("x-request-id");
        EXPECT_FALSE(id.empty());
        EXPECT_TRUE(request_ids.insert(id).second) << "request id " << id << " seen before";
    }
}

TEST_F(ServerApi, JsonAnswersAreDownloadsNamedApiJsonAndOtherFilesKeepTheirOwnName) {
    // A JSON answer opened in a browser tab is offered as a file, never rendered (ASVS 14.4.2).
    const std::vector<std::pair<std::string, HttpResponse>> json{
        {"200", get(admin(), services_)},
        {"200 gzip", get(admin(), services_, {{"Accept-Encoding", "gzip"}})},
        {"201", post(admin(), "/api/v1/orgs",
                     Json{{"id", unique_id("cd")}, {"name", "CD"}, {"template", "small-company"}})},
        {"400", call(member("viewer"), "POST", "/api/v1/tokens", "{")},
        {"401", get({}, services_)},
        {"404", get(admin(), "/api/v1/no/such/resource")},
        {"413", call({}, "POST", "/api/v1/session", std::string(13 * 1024 * 1024, ' '))},
        {"public", get({}, "/api/v1/openapi.json")},
    };
    for (const auto& [what, r] : json) {
        SCOPED_TRACE(what + " (status " + std::to_string(r.status) + ")");
        EXPECT_EQ(r.header("content-type").rfind("application/json", 0), 0u)
            << r.header("content-type");
        EXPECT_EQ(r.header("content-disposition"), "attachment; filename=\"api.json\"");
    }
    const auto exported = get(admin(), "/api/v1/orgs/" + std::string(kOrg) + "/export");
    ASSERT_TRUE(HasStatus(exported, 200));
    EXPECT_EQ(exported.header("content-disposition"),
              "attachment; filename=\"" + std::string(kOrg) + ".yaml\"");
    const auto page = get({}, "/");
    ASSERT_TRUE(HasStatus(page, 200));
    EXPECT_FALSE(page.has_header("content-disposition")) << "the web UI is shown, not downloaded";
}

TEST_F(ServerApi, AGetAnswersWithAnEtagThatIfNoneMatchTurnsInto304) {
    const auto first = get(member("viewer"), services_);
    ASSERT_TRUE(HasStatus(first, 200));
    const std::string etag = first.header("etag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(etag.front(), '"');

    const auto same = get(member("viewer"), services_, {{"If-None-Match", etag}});
    const auto weak = get(member("viewer"), services_, {{"If-None-Match", "W/" + etag}});
    const auto listed = get(member("viewer"), services_, {{"If-None-Match", "\"x\", " + etag}});
    const auto other = get(member("viewer"), services_, {{"If-None-Match", "\"not-it\""}});

    EXPECT_EQ(same.status, 304);
    EXPECT_TRUE(same.body.empty());
    EXPECT_EQ(same.header("etag"), etag);
    EXPECT_EQ(weak.status, 304);
    EXPECT_EQ(listed.status, 304);
    EXPECT_TRUE(HasStatus(other, 200));
    EXPECT_EQ(other.body, first.body);
}

TEST_F(ServerApi, AChangeGivesTheResourceANewEtag) {
    const auto first = get(admin(), services_);
    auto entry = json_of(get(admin(), services_ + "/D-2"));
    entry["rationale"] = "changed";
    ASSERT_TRUE(HasStatus(put(admin(), services_ + "/D-2", entry), 200));

    const auto after = get(admin(), services_, {{"If-None-Match", first.header("etag")}});

    ASSERT_TRUE(HasStatus(after, 200));
    EXPECT_NE(after.header("etag"), first.header("etag"));
}

TEST_F(ServerApi, AQueryParameterCannotPoisonAnotherRequestsCachedAnswer) {
    const std::string review = "/api/v1/orgs/" + std::string(kOrg) + "/review";
    // The same bytes once the pairs are joined: ?date=…&zz=1, and a date that contains "&zz=1".
    ASSERT_TRUE(HasStatus(get(member("viewer"), review + "?date=2026-01-01&zz=1"), 200));

    const auto odd = get(member("viewer"), review + "?date=2026-01-01%26zz%3D1");

    EXPECT_TRUE(IsError(odd, 400, "invalid_input", "date"));
}

TEST_F(ServerApi, OnlyTheQueryParametersARouteReadsChangeItsAnswer) {
    const std::string review = "/api/v1/orgs/" + std::string(kOrg) + "/review";
    const auto plain = get(member("viewer"), review + "?date=2026-01-01");
    const auto extra = get(member("viewer"), review + "?date=2026-01-01&utm=x");
    const auto other_day = get(member("viewer"), review + "?date=2027-06-01");

    ASSERT_TRUE(HasStatus(plain, 200));
    EXPECT_EQ(extra.body, plain.body);
    ASSERT_TRUE(HasStatus(other_day, 200));
    EXPECT_NE(other_day.body, plain.body);
    const auto openapi = json_of(get({}, "/api/v1/openapi.json"));
    const auto& parameters = openapi["paths"]["/api/v1/orgs/{org}/review"]["get"]["parameters"];
    EXPECT_NE(parameters.dump().find("\"date\""), std::string::npos) << parameters.dump();
}

TEST_F(ServerApi, AnUnknownPathIs404AndAnUnknownMethodIs405WithAllow) {
    const auto unknown = get(admin(), "/api/v1/nothing-here");
    const auto wrong_method = call(admin(), "PATCH", "/api/v1/tokens", "{}");
    const auto bad_encoding = get(admin(), "/api/v1/orgs/%zz/services");

    ASSERT_TRUE(IsError(unknown, 404, "not_found"));
    EXPECT_EQ(json_of(unknown)["error"]["message"].get<std::string>().rfind("no such resource", 0),
              0u);
    ASSERT_TRUE(IsError(wrong_method, 405, "method_not_allowed"));
    EXPECT_EQ(wrong_method.header("allow"), "GET, POST");
    EXPECT_TRUE(IsError(bad_encoding, 400, "invalid_input"));
}

TEST_F(ServerApi, HeadersOver16KiBAre431) {
    const auto r = get(admin(), "/healthz", {{"X-Padding", std::string(17 * 1024, 'a')}});

    EXPECT_TRUE(IsError(r, 431, "headers_too_large"));
    EXPECT_TRUE(HasStatus(get(admin(), "/healthz"), 200)) << "the server still answers";
}

TEST_F(ServerApi, HeadAnswersLikeGetWithoutABody) {
    const auto got = get(admin(), services_);
    const auto head = call(admin(), "HEAD", services_);

    ASSERT_TRUE(HasStatus(head, 200));
    EXPECT_TRUE(head.body.empty());
    EXPECT_EQ(head.header("etag"), got.header("etag"));
    EXPECT_EQ(head.header("content-type"), "application/json");
}

TEST_F(ServerApi, ServerErrorsAreNotAnsweredWhereInputIsBad) {
    // A sample of hostile inputs: none may reach a 5xx.
    const std::vector<std::pair<std::string, std::string>> targets{
        {"GET", "/api/v1/orgs/" + std::string(kOrg) + "/review?date=2026-02-30"},
        {"GET", "/api/v1/orgs/" + std::string(kOrg) + "/due?date=yesterday"},
        {"GET", "/api/v1/audit?limit=0"},
        {"GET", "/api/v1/audit?limit=99999999999999999999"},
        {"GET", "/api/v1/audit?before=-1"},
        {"GET", "/api/v1/orgs/" + std::string(kOrg) + "/changes?from=nope"},
        {"GET", "/api/v1/orgs/%00/services"},
        {"GET", "/api/v1/catalogs/..%2F..%2Fetc%2Fpasswd"},
        {"GET", "/api/v1/orgs/" + std::string(kOrg) + "/evidence/..%2F..%2Fx"},
    };
    for (const auto& [method, target] : targets) {
        const auto r = call(admin(), method, target);
        EXPECT_GE(r.status, 400) << method << " " << target << ": " << r.body;
        EXPECT_LT(r.status, 500) << method << " " << target << ": " << r.body;
    }
}

} // namespace
} // namespace cdcwb::testing
