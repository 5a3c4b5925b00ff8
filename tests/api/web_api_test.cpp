// What the browser UI relies on from the real binary: the embedded web UI (index.html for every
// page, hashed assets with long caching and gzip), the vocabulary the UI shows rules from, the
// quadrant advice on service entries, and the language a user keeps.
#include "api/api_fixture.hpp"

#include <map>
#include <regex>
#include <set>
#include <tuple>
#include <vector>

namespace cdcwb::testing {
namespace {

class WebApi : public ApiTest {};

std::string first_script(const std::string& html) {
    std::smatch m;
    if (!std::regex_search(html, m, std::regex(R"re(src="(/assets/[^"]+\.js)")re"))) return {};
    return m[1];
}

TEST_F(WebApi, TheRootAndEveryPageOfTheAppAnswerTheEmbeddedIndexPage) {
    const auto root = get({}, "/");
    ASSERT_TRUE(HasStatus(root, 200));
    EXPECT_EQ(root.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(root.body.find("<div id=\"app\">"), std::string::npos) << root.body;
    EXPECT_EQ(root.header("cache-control"), "no-cache");
    EXPECT_FALSE(first_script(root.body).empty()) << "index.html loads a hashed bundle";
    EXPECT_NE(root.header("content-security-policy").find("default-src 'self'"), std::string::npos);

    for (const auto* page : {"/orgs/kasumi-logistics/matrix", "/signin", "/catalogues"}) {
        const auto r = get({}, page);
        ASSERT_TRUE(HasStatus(r, 200)) << page;
        EXPECT_EQ(r.body, root.body) << page;
    }
}

TEST_F(WebApi, HashedAssetsAreCachedForAYearAndSentGzippedWhenAccepted) {
    const auto script = first_script(get({}, "/").body);
    ASSERT_FALSE(script.empty());
    const auto plain = get({}, script);
    ASSERT_TRUE(HasStatus(plain, 200));
    EXPECT_EQ(plain.header("content-type"), "text/javascript; charset=utf-8");
    EXPECT_EQ(plain.header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_FALSE(plain.has_header("content-encoding"));
    EXPECT_GT(plain.body.size(), 10000u);

    const auto packed = get({}, script, {{"Accept-Encoding", "gzip"}});
    ASSERT_TRUE(HasStatus(packed, 200));
    EXPECT_EQ(packed.header("content-encoding"), "gzip");
    EXPECT_LT(packed.body.size(), plain.body.size() / 2);
    EXPECT_EQ(gunzip(packed.body), plain.body);

    const auto again = get({}, script, {{"If-None-Match", plain.header("etag")}});
    EXPECT_EQ(again.status, 304);
    EXPECT_TRUE(again.body.empty());
}

TEST_F(WebApi, AMissingAssetIs404NeverTheIndexPage) {
    const auto r = get({}, "/assets/index-doesnotexist.js");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.body.find("<div id=\"app\">"), std::string::npos);
}

TEST_F(WebApi, ApiPathsStayTheApisEvenWhenUnknown) {
    EXPECT_TRUE(IsError(get(admin(), "/api/v1/no-such-thing"), 404, "not_found"));
    EXPECT_TRUE(IsError(call(admin(), "POST", "/", "{}", {{"Content-Type", "application/json"}}),
                        404, "not_found"));
}

TEST_F(WebApi, TheVocabularyGivesEveryNameAndRubricTextInBothLanguages) {
    EXPECT_TRUE(IsError(get({}, "/api/v1/vocabulary"), 401, "unauthenticated"));
    const auto r = get(member("viewer"), "/api/v1/vocabulary");
    ASSERT_TRUE(HasStatus(r, 200));
    const auto v = json_of(r);
    const auto ids = [](const Json& list) {
        std::vector<std::string> out;
        for (const auto& item : list) {
            EXPECT_FALSE(item.at("name").at("en").get<std::string>().empty()) << item;
            EXPECT_FALSE(item.at("name").at("ja").get<std::string>().empty()) << item;
            out.push_back(item.at("id"));
        }
        return out;
    };
    EXPECT_EQ(ids(v.at("levels")), (std::vector<std::string>{"not_required", "basic", "standard",
                                                             "advanced", "optional"}));
    EXPECT_EQ(ids(v.at("assignments")),
              (std::vector<std::string>{"insource", "outsource", "both", "unassigned"}));
    // What each assignment is scored with and which names it needs, from the domain.
    std::map<std::string, std::tuple<Json, bool, bool>> rules;
    for (const auto& a : v.at("assignments"))
        rules[a.at("id").get<std::string>()] = {a.at("score_pairs"),
                                                a.at("needs_owner").get<bool>(),
                                                a.at("needs_provider").get<bool>()};
    EXPECT_EQ(rules["insource"], std::tuple(Json::array({"insource"}), true, false));
    EXPECT_EQ(rules["outsource"], std::tuple(Json::array({"outsource"}), false, true));
    EXPECT_EQ(rules["both"], std::tuple(Json::array({"insource", "outsource"}), true, true));
    EXPECT_EQ(rules["unassigned"], std::tuple(Json::array({"unassigned"}), false, false));
    EXPECT_EQ(ids(v.at("phases")),
              (std::vector<std::string>{"strategic", "operation", "response"}));
    EXPECT_EQ(ids(v.at("cycles")), (std::vector<std::string>{"short", "long"}));
    EXPECT_EQ(ids(v.at("evaluation_kinds")).size(), 3u);
    EXPECT_EQ(ids(v.at("trigger_kinds")).size(), 5u);
    for (const auto* rubric : {"insource", "outsource"}) {
        const auto& levels = v.at("rubrics").at(rubric).at("levels");
        ASSERT_EQ(levels.size(), 6u) << rubric;
        for (const auto* score : {"1", "2", "3", "4", "5", "n/a"}) {
            EXPECT_FALSE(levels.at(score).at("en").get<std::string>().empty()) << rubric << score;
            EXPECT_FALSE(levels.at(score).at("ja").get<std::string>().empty()) << rubric << score;
        }
    }
    EXPECT_NE(v["rubrics"]["insource"]["levels"]["3"], v["rubrics"]["outsource"]["levels"]["3"])
        << "the two rubrics describe scores differently";
    ASSERT_EQ(v.at("quadrants").size(), 4u);
    for (const auto& q : v.at("quadrants")) {
        EXPECT_FALSE(q.at("guidance").at("ja").get<std::string>().empty());
        EXPECT_TRUE(q.at("mismatch").at("unassigned").is_null())
            << "unassigned is reported by the profile evaluation, not as a mismatch";
    }
    ASSERT_EQ(v.at("quadrant_of").size(), 4u);
    std::set<std::string> quadrants;
    for (const auto& a : v.at("quadrant_of")) quadrants.insert(a.at("quadrant"));
    EXPECT_EQ(quadrants, (std::set<std::string>{"I", "II", "III", "IV"}))
        << "the two questions reach every quadrant";
}

TEST_F(WebApi, ServiceEntriesCarryTheQuadrantAndAnyMismatchFromTheDomain) {
    const auto r = get(member("viewer"), "/api/v1/orgs/" + std::string(kOrg) + "/services");
    ASSERT_TRUE(HasStatus(r, 200));
    int with_quadrant = 0;
    int mismatched = 0;
    const auto services = json_of(r);
    for (const auto& e : services.at("services")) {
        ASSERT_TRUE(e.contains("quadrant")) << e;
        ASSERT_TRUE(e.contains("quadrant_mismatch")) << e;
        if (!e["quadrant"].is_null()) ++with_quadrant;
        if (!e["quadrant_mismatch"].is_null()) {
            ++mismatched;
            EXPECT_FALSE(e["quadrant_mismatch"]["ja"].get<std::string>().empty());
            EXPECT_NE(e["assignment"], "unassigned");
        }
    }
    EXPECT_GT(with_quadrant, 50) << "the catalogue answers the advisor's questions for most";
    // The example has quadrant mismatches the profile evaluation reports; the entries show them.
    const auto review =
        json_of(get(member("viewer"), "/api/v1/orgs/" + std::string(kOrg) + "/review"));
    int reported = 0;
    for (const auto& f : review.at("findings"))
        if (f.at("code") == "quadrant_mismatch") ++reported;
    EXPECT_EQ(mismatched, reported);
}

TEST_F(WebApi, AUserKeepsTheirLanguageAndOnlyEnOrJaIsAccepted) {
    const auto alice = create_user(unique_id("lang"));
    EXPECT_EQ(json_of(get(alice, "/api/v1/session"))["user"]["lang"], "en");

    const auto set = call(alice, "PATCH", "/api/v1/me", R"({"lang":"ja"})",
                          {{"Content-Type", "application/json"}});
    ASSERT_TRUE(HasStatus(set, 200));
    EXPECT_EQ(json_of(set)["user"]["lang"], "ja");
    EXPECT_EQ(json_of(get(alice, "/api/v1/session"))["user"]["lang"], "ja");
    // Signing in again (another browser) starts in the language kept.
    const auto again = sign_in(alice.username, password_for(alice.username));
    EXPECT_EQ(json_of(get(again, "/api/v1/session"))["user"]["lang"], "ja");

    const Headers json{{"Content-Type", "application/json"}};
    EXPECT_TRUE(IsError(call(alice, "PATCH", "/api/v1/me", R"({"lang":"fr"})", json), 400,
                        "invalid_input", "lang"));
    EXPECT_TRUE(IsError(call(alice, "PATCH", "/api/v1/me", R"({"lang":"en","admin":true})", json),
                        400, "invalid_input"));
    EXPECT_TRUE(
        IsError(call(alice, "PATCH", "/api/v1/me", R"({})", json), 400, "invalid_input", "lang"));
    EXPECT_TRUE(IsError(call(Caller{alice.username, alice.session, "", ""}, "PATCH", "/api/v1/me",
                             R"({"lang":"en"})", json),
                        403, "forbidden"))
        << "a cookie write without the CSRF token";
    EXPECT_TRUE(
        IsError(call({}, "PATCH", "/api/v1/me", R"({"lang":"en"})", json), 401, "unauthenticated"));
    EXPECT_EQ(json_of(get(alice, "/api/v1/session"))["user"]["lang"], "ja")
        << "refused changes changed nothing";
}

TEST_F(WebApi, CustomServicesAreListedWithTheirDescriptionsInBothLanguages) {
    const std::string base = "/api/v1/orgs/" + std::string(kOrg) + "/custom-services";
    const auto r = get(member("viewer"), base);
    ASSERT_TRUE(HasStatus(r, 200));
    const auto list = json_of(r).at("custom_services");
    ASSERT_EQ(list.size(), 1u) << "the example has one custom service";
    EXPECT_EQ(list[0].at("id"), "X-1");
    EXPECT_FALSE(list[0].at("description").at("en").get<std::string>().empty());
    EXPECT_FALSE(list[0].at("description").at("ja").get<std::string>().empty());
    EXPECT_TRUE(IsError(get(outsider(), base), 404, "not_found"));
}

TEST_F(WebApi, WritesAnswerTheEntryAsAReadDoesWithNameAndQuadrantAdvice) {
    const std::string base = "/api/v1/orgs/" + std::string(kOrg) + "/services/";
    const auto& assessor = member("assessor");
    auto entry = json_of(get(assessor, base + "A-2"));
    EXPECT_EQ(entry.at("name").at("en"), "Risk assessment") << "a read names the service";
    EXPECT_EQ(entry.at("quadrant"), "I");
    const Headers json{{"Content-Type", "application/json"}};
    // Outsourcing a quadrant I service: the answer carries the mismatch the advisor warns of.
    entry["assignment"] = "outsource";
    entry["provider"] = "Aozora Security";
    entry["insource"] = {{"as_is", nullptr}, {"to_be", nullptr}};
    entry["unassigned"] = {{"as_is", nullptr}, {"to_be", nullptr}};
    const auto written = call(assessor, "PUT", base + "A-2", entry.dump(), json);
    ASSERT_TRUE(HasStatus(written, 200));
    const auto answer = json_of(written);
    EXPECT_EQ(answer.at("name").at("ja"), entry.at("name").at("ja"));
    EXPECT_EQ(answer.at("category"), "A");
    EXPECT_EQ(answer.at("quadrant"), "I");
    EXPECT_FALSE(answer.at("quadrant_mismatch").is_null());
    // A stale write: the current entry in the 409 is complete too.
    const auto stale = call(assessor, "PUT", base + "A-2", entry.dump(), json);
    ASSERT_TRUE(IsError(stale, 409, "conflict"));
    EXPECT_EQ(json_of(stale).at("current").at("name").at("en"), "Risk assessment");
    EXPECT_FALSE(json_of(stale).at("current").at("quadrant_mismatch").is_null());
}

} // namespace
} // namespace cdcwb::testing
