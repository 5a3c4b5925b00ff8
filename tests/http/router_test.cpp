// The router: path patterns with parameters, 404 versus 405, percent-decoding.
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::http;

Router sample() {
    Router r;
    const auto h = [](const Request&, const Params&, const Caller&) { return Response{}; };
    r.add({"GET",
           "/api/v1/orgs",
           Access::signed_in,
           cdcwb::domain::Permission::read,
           {"op1"},
           "",
           h});
    r.add({"GET",
           "/api/v1/orgs/{org}",
           Access::organisation,
           cdcwb::domain::Permission::read,
           {"op2"},
           "",
           h});
    r.add({"PATCH",
           "/api/v1/orgs/{org}",
           Access::organisation,
           cdcwb::domain::Permission::edit,
           {"op3"},
           "",
           h});
    r.add({"PUT",
           "/api/v1/orgs/{org}/services/{service}",
           Access::organisation,
           cdcwb::domain::Permission::edit,
           {"op4"},
           "",
           h});
    return r;
}

TEST(Router, MatchesPatternsAndExtractsDecodedParameters) {
    const auto r = sample();
    auto m = r.match("PUT", "/api/v1/orgs/kasumi/services/D-2");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.route->pattern, "/api/v1/orgs/{org}/services/{service}");
    EXPECT_EQ(m.params["org"], "kasumi");
    EXPECT_EQ(m.params["service"], "D-2");
    auto encoded = r.match("GET", "/api/v1/orgs/a%2Fb");
    ASSERT_NE(encoded.route, nullptr);
    EXPECT_EQ(encoded.params["org"], "a/b");
    EXPECT_EQ(r.match("GET", "/api/v1/orgs/").route->pattern, "/api/v1/orgs"); // trailing slash
}

TEST(Router, AKnownPathWithAnotherMethodIs405WithTheAllowedMethods) {
    const auto r = sample();
    auto m = r.match("DELETE", "/api/v1/orgs/kasumi");
    EXPECT_EQ(m.route, nullptr);
    EXPECT_TRUE(m.path_known);
    EXPECT_EQ(m.allowed, "GET, PATCH");
}

TEST(Router, AnUnknownPathIsNotKnown) {
    const auto r = sample();
    for (const char* path : {"/api/v1/nope", "/api/v1/orgs/a/b", "/", "/api/v1/orgs/a/services"}) {
        auto m = r.match("GET", path);
        EXPECT_EQ(m.route, nullptr) << path;
        EXPECT_FALSE(m.path_known) << path;
    }
}

TEST(Router, BrokenPercentEncodingIsReported) {
    const auto r = sample();
    auto m = r.match("GET", "/api/v1/orgs/%zz");
    EXPECT_EQ(m.route, nullptr);
    EXPECT_TRUE(m.bad_encoding);
}

} // namespace
