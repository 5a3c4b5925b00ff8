// Organisations: created and deleted by site administrators, their settings edited by their
// admins with revision checks, their members managed.
#include "api/api_fixture.hpp"

#include <chrono>
#include <cstdio>
#include <regex>

namespace cdcwb::testing {
namespace {

class OrganisationApi : public ApiTest {
  protected:
    Json settings(const std::string& org) {
        const auto r = get(admin(), "/api/v1/orgs/" + org);
        EXPECT_TRUE(HasStatus(r, 200));
        return json_of(r);
    }
};

TEST_F(OrganisationApi, ASiteAdministratorCreatesAnOrganisationFromATemplate) {
    const auto r = post(admin(), "/api/v1/orgs",
                        Json{{"id", "fresh-co"}, {"name", "Fresh Co"}, {"template", "basic-only"}});

    ASSERT_TRUE(HasStatus(r, 201));
    const auto org = json_of(r);
    EXPECT_EQ(org["id"], "fresh-co");
    EXPECT_EQ(org["catalog"], "x1060-2021");
    EXPECT_EQ(org["revision"], 1);
    const auto services = get(admin(), "/api/v1/orgs/fresh-co/services");
    ASSERT_TRUE(HasStatus(services, 200));
    EXPECT_EQ(json_of(services)["services"].size(), 64u);
}

TEST_F(OrganisationApi, ADuplicateOrganisationIs409AndChangesNothing) {
    const auto before = fingerprint();

    const auto r = post(admin(), "/api/v1/orgs", Json{{"id", kOrg}, {"name", "Impostor"}});

    EXPECT_TRUE(IsError(r, 409, "conflict"));
    expect_unchanged(before, "a duplicate organisation");
    EXPECT_NE(settings(std::string(kOrg))["name"], "Impostor");
}

TEST_F(OrganisationApi, ABadOrganisationIdIs400NamingTheIdField) {
    const auto r = post(admin(), "/api/v1/orgs", Json{{"id", "Bad Id!"}, {"name", "Bad"}});

    EXPECT_TRUE(IsError(r, 400, "invalid_input", "id"));
}

TEST_F(OrganisationApi, TheVocabularysLimitsAreTheRulesTheServerApplies) {
    const auto vocabulary = json_of(get(admin(), "/api/v1/vocabulary"));
    const auto& limits = vocabulary["limits"];
    const std::regex pattern(limits["organisation_id"]["pattern"].get<std::string>());
    const auto max_length = limits["organisation_id"]["max_length"].get<std::size_t>();
    const auto& days = limits["evaluation_interval_days"];
    EXPECT_EQ(days["default"], 182);

    const std::string good = unique_id("limits");
    for (const std::string& id :
         {std::string("Bad Id!"), std::string("-lead"), std::string("_lead"), std::string("UPPER"),
          std::string(max_length + 1, 'a'), good}) {
        const bool fits = std::regex_match(id, pattern);
        const auto r = post(admin(), "/api/v1/orgs", Json{{"id", id}, {"name", "Limits"}});
        if (fits) {
            EXPECT_TRUE(HasStatus(r, 201)) << id;
        } else {
            EXPECT_TRUE(IsError(r, 400, "invalid_input", "id")) << id;
        }
    }
    EXPECT_TRUE(std::regex_match(good, pattern));

    const auto revision = settings(good)["revision"].get<int>();
    const std::string path = "/api/v1/orgs/" + good;
    for (const int n : {days["min"].get<int>() - 1, days["max"].get<int>() + 1})
        EXPECT_TRUE(
            IsError(call(admin(), "PATCH", path,
                         Json{{"evaluation_interval_days", n}, {"revision", revision}}.dump()),
                    400, "invalid_input", "evaluation_interval_days"))
            << n;
    const auto at_max =
        call(admin(), "PATCH", path,
             Json{{"evaluation_interval_days", days["max"]}, {"revision", revision}}.dump());
    ASSERT_TRUE(HasStatus(at_max, 200));
    EXPECT_EQ(json_of(at_max)["evaluation_interval_days"], days["max"]);
}

TEST_F(OrganisationApi, TheVocabularysAccountLimitsAreTheRulesTheServerApplies) {
    const auto vocabulary = json_of(get(admin(), "/api/v1/vocabulary"));
    const auto& limits = vocabulary["limits"];
    const std::regex pattern(limits["username"]["pattern"].get<std::string>());
    const auto max_length = limits["username"]["max_length"].get<std::size_t>();
    const auto min_password = limits["password"]["min_length"].get<std::size_t>();
    const std::string good_password(min_password, 'p');
    const std::string good = unique_id("limits.user@example");
    for (const std::string& name :
         {std::string("bad name"), std::string(".lead"), std::string(max_length + 1, 'u'), good}) {
        const auto r =
            post(admin(), "/api/v1/users", Json{{"username", name}, {"password", good_password}});
        if (std::regex_match(name, pattern)) {
            EXPECT_TRUE(HasStatus(r, 201)) << name;
        } else {
            EXPECT_TRUE(IsError(r, 400, "invalid_input", "username")) << name;
        }
    }
    EXPECT_TRUE(std::regex_match(good, pattern));
    EXPECT_TRUE(IsError(post(admin(), "/api/v1/users",
                             Json{{"username", unique_id("short")},
                                  {"password", std::string(min_password - 1, 'p')}}),
                        400, "invalid_input", "password"));

    const auto& days = limits["token_lifetime_days"];
    const auto token = [&](const Json& n) {
        Json body{
            {"name", "limits"}, {"scope", "read"}, {"password", password_for(std::string(kAdmin))}};
        if (!n.is_null()) body["days"] = n;
        return post(admin(), "/api/v1/tokens", body);
    };
    for (const int n : {days["min"].get<int>() - 1, days["max"].get<int>() + 1})
        EXPECT_TRUE(IsError(token(n), 400, "invalid_input", "days")) << n;
    EXPECT_TRUE(HasStatus(token(days["max"]), 201));
    const auto unasked = token(nullptr);
    ASSERT_TRUE(HasStatus(unasked, 201));
    const auto made = std::chrono::sys_days(
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
    const std::string expires = json_of(unasked)["expires_at"];
    // The default the vocabulary names is the lifetime a token gets when none is asked (give or
    // take the day the test runs across).
    const int default_days = days["default"];
    bool matches = false;
    for (int d = default_days - 1; d <= default_days; ++d) {
        const auto date = std::chrono::year_month_day(made + std::chrono::days(d));
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
        matches = matches || expires.rfind(text, 0) == 0;
    }
    EXPECT_TRUE(matches) << expires << " is not " << default_days << " days from now";

    EXPECT_EQ(vocabulary["whole_pair_scores"], Json::array({"n/a"}))
        << "n/a is the one score that applies to both sides of a pair";
}

TEST_F(OrganisationApi, AnAdminRenamesTheOrganisationNamingTheRevision) {
    const std::string org = create_org("settings", {{member("admin").username, "admin"}});
    const auto current = settings(org);

    const auto r = call(member("admin"), "PATCH", "/api/v1/orgs/" + org,
                        Json{{"name", "Renamed"}, {"revision", current["revision"]}}.dump());

    ASSERT_TRUE(HasStatus(r, 200));
    EXPECT_EQ(json_of(r)["name"], "Renamed");
    EXPECT_EQ(json_of(r)["revision"], current["revision"].get<int>() + 1);
    EXPECT_EQ(settings(org)["name"], "Renamed");
}

TEST_F(OrganisationApi, AStaleOrganisationRevisionIs409AndChangesNothing) {
    const std::string org = create_org("stale");
    const auto current = settings(org);
    ASSERT_TRUE(HasStatus(call(admin(), "PATCH", "/api/v1/orgs/" + org,
                               Json{{"name", "First"}, {"revision", current["revision"]}}.dump()),
                          200));
    const auto before = fingerprint(org);

    const auto r = call(admin(), "PATCH", "/api/v1/orgs/" + org,
                        Json{{"name", "Lost"}, {"revision", current["revision"]}}.dump());

    EXPECT_TRUE(IsError(r, 409, "conflict", "revision"));
    expect_unchanged(before, "a stale organisation revision", org);
}

TEST_F(OrganisationApi, AStaleOrganisationRevisionAnswersTheCurrentSettings) {
    const std::string org = create_org("current");
    const auto current = settings(org);
    ASSERT_TRUE(HasStatus(call(admin(), "PATCH", "/api/v1/orgs/" + org,
                               Json{{"name", "First"}, {"revision", current["revision"]}}.dump()),
                          200));

    const auto r = call(admin(), "PATCH", "/api/v1/orgs/" + org,
                        Json{{"name", "Lost"}, {"revision", current["revision"]}}.dump());

    ASSERT_TRUE(IsError(r, 409, "conflict", "revision"));
    EXPECT_EQ(json_of(r)["current"]["name"], "First");
}

TEST_F(OrganisationApi, AnEvaluationIntervalOutOfRangeIs400) {
    const std::string org = create_org("interval");
    const auto revision = settings(org)["revision"];
    const auto before = fingerprint(org);

    for (const Json& days : {Json(0), Json(-7), Json("182"), Json(2.5)}) {
        const auto r =
            call(admin(), "PATCH", "/api/v1/orgs/" + org,
                 Json{{"evaluation_interval_days", days}, {"revision", revision}}.dump());
        EXPECT_TRUE(IsError(r, 400, "invalid_input")) << "days " << days.dump();
    }
    expect_unchanged(before, "intervals out of range", org);
}

TEST_F(OrganisationApi, AHugeEvaluationIntervalIsRefusedNotWrapped) {
    const std::string org = create_org("wrap");
    const auto revision = settings(org)["revision"];
    const auto before = fingerprint(org);

    const auto r =
        call(admin(), "PATCH", "/api/v1/orgs/" + org,
             Json{{"evaluation_interval_days", 4294967297LL}, {"revision", revision}}.dump());

    EXPECT_TRUE(IsError(r, 400, "invalid_input", "evaluation_interval_days"));
    expect_unchanged(before, "an interval of 2^32 + 1 days", org);
}

TEST_F(OrganisationApi, MembersAreListedWithTheirRolesAndCanBeRemoved) {
    const std::string org = create_org("members", {{member("viewer").username, "viewer"}});
    const std::string path = "/api/v1/orgs/" + org + "/members";

    ASSERT_TRUE(HasStatus(
        put(admin(), path + "/" + member("viewer").username, Json{{"role", "assessor"}}), 200));
    const auto listed = get(member("viewer"), path);
    ASSERT_TRUE(HasStatus(listed, 200));
    const auto members = json_of(listed)["members"];
    ASSERT_EQ(members.size(), 1u);
    EXPECT_EQ(members[0]["role"], "assessor");
    EXPECT_TRUE(IsError(put(admin(), path + "/nobody-here", Json{{"role", "viewer"}}), 404,
                        "not_found", "user"));
    EXPECT_TRUE(
        IsError(put(admin(), path + "/" + member("viewer").username, Json{{"role", "owner"}}), 400,
                "invalid_input", "role"));

    ASSERT_TRUE(HasStatus(call(admin(), "DELETE", path + "/" + member("viewer").username), 204));

    EXPECT_TRUE(IsError(get(member("viewer"), path), 404, "not_found", "org"));
}

TEST_F(OrganisationApi, AnOrganisationCreatedUnderADeletedOnesIdAnswersWithItsOwnData) {
    const std::string id = unique_id("reborn");
    const auto create = [&](const std::string& name) {
        return post(admin(), "/api/v1/orgs",
                    Json{{"id", id}, {"name", name}, {"template", "small-company"}});
    };
    ASSERT_TRUE(HasStatus(create("The first one"), 201));
    ASSERT_EQ(settings(id)["name"], "The first one"); // now a cached answer
    const auto services = get(admin(), "/api/v1/orgs/" + id + "/services");
    ASSERT_TRUE(HasStatus(services, 200));
    ASSERT_TRUE(HasStatus(call(admin(), "DELETE", "/api/v1/orgs/" + id), 204));

    ASSERT_TRUE(HasStatus(create("The second one"), 201));

    EXPECT_EQ(settings(id)["name"], "The second one");
    const auto again = get(admin(), "/api/v1/orgs/" + id + "/services");
    ASSERT_TRUE(HasStatus(again, 200));
    EXPECT_NE(again.header("etag"), services.header("etag"))
        << "the deleted organisation's answer, computed at the same state version";
}

TEST_F(OrganisationApi, DeletingAnOrganisationRemovesItForEveryone) {
    const std::string org = create_org("doomed", {{member("viewer").username, "viewer"}});
    ASSERT_TRUE(HasStatus(get(member("viewer"), "/api/v1/orgs/" + org), 200));

    const auto r = call(admin(), "DELETE", "/api/v1/orgs/" + org);

    ASSERT_TRUE(HasStatus(r, 204));
    EXPECT_TRUE(r.body.empty());
    EXPECT_FALSE(r.has_header("content-type")) << "a 204 has no body, so it names no type";
    EXPECT_TRUE(IsError(get(admin(), "/api/v1/orgs/" + org), 404, "not_found"));
    EXPECT_TRUE(IsError(get(member("viewer"), "/api/v1/orgs/" + org), 404, "not_found", "org"));
    const auto listed = get(member("viewer"), "/api/v1/orgs");
    EXPECT_EQ(listed.body.find(org), std::string::npos) << listed.body;
    const auto audit = get(admin(), "/api/v1/audit?org=" + org);
    ASSERT_TRUE(HasStatus(audit, 200));
    EXPECT_FALSE(json_of(audit)["records"].empty()) << "the audit log keeps its history";
}

} // namespace
} // namespace cdcwb::testing
