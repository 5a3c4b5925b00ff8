// The audit log over HTTP: an organisation's view holds only its own records (never those of a
// deleted organisation that had the same id), and the chains' check answers whether they hold.
#include "api/api_fixture.hpp"

namespace cdcwb::testing {
namespace {

using AuditApi = ApiTest;

TEST_F(AuditApi, ANewOrganisationWithADeletedOnesIdSeesOnlyItsOwnRecords) {
    const std::string org = create_org("reused");
    const std::string base = "/api/v1/orgs/" + org;
    auto patched =
        call(admin(), "PATCH", base, Json{{"name", "Secret name"}, {"revision", 1}}.dump());
    ASSERT_TRUE(HasStatus(patched, 200));
    ASSERT_TRUE(HasStatus(call(admin(), "DELETE", base), 204));
    ASSERT_TRUE(HasStatus(
        post(admin(), "/api/v1/orgs", Json{{"id", org}, {"name", "Fresh"}, {"template", ""}}),
        201));

    const auto audit = get(admin(), base + "/audit");
    ASSERT_TRUE(HasStatus(audit, 200));
    const auto records = json_of(audit)["records"];
    ASSERT_EQ(records.size(), 1u) << audit.body;
    EXPECT_EQ(records[0]["operation"], "create");
    EXPECT_EQ(audit.body.find("Secret name"), std::string::npos)
        << "the deleted organisation's state leaked into the new one's audit view";

    const auto site = get(admin(), "/api/v1/audit?org=" + org);
    ASSERT_TRUE(HasStatus(site, 200));
    EXPECT_EQ(json_of(site)["records"].size(), 4u)
        << "site administrators keep the deleted organisation's history: " << site.body;

    const auto chain = get(admin(), base + "/audit/verify");
    ASSERT_TRUE(HasStatus(chain, 200));
    EXPECT_EQ(json_of(chain)["records"], 1) << chain.body;
    EXPECT_EQ(json_of(chain)["verified"], true) << chain.body;
}

TEST_F(AuditApi, TheOrganisationsChainVerifies) {
    const auto r = get(member("admin"), "/api/v1/orgs/" + std::string(kOrg) + "/audit/verify");
    ASSERT_TRUE(HasStatus(r, 200));
    const auto report = json_of(r);
    EXPECT_EQ(report["verified"], true) << r.body;
    EXPECT_EQ(report["org"], kOrg);
    EXPECT_TRUE(report["broken"].is_null());
    EXPECT_GT(report["records"].get<int>(), 0);
    EXPECT_EQ(report["head_hash"].get<std::string>().size(), 64u);
}

TEST_F(AuditApi, EveryChainVerifiesForSiteAdministrators) {
    const auto r = get(admin(), "/api/v1/audit/verify");
    ASSERT_TRUE(HasStatus(r, 200));
    const auto report = json_of(r);
    EXPECT_EQ(report["verified"], true) << r.body;
    bool site = false, org = false;
    for (const auto& chain : report["chains"]) {
        EXPECT_EQ(chain["verified"], true) << chain.dump();
        site = site || chain["chain"] == "site";
        org = org || chain["org"] == kOrg;
    }
    EXPECT_TRUE(site && org) << r.body;
    EXPECT_TRUE(IsError(get(member("admin"), "/api/v1/audit/verify"), 403, "forbidden"));
}

} // namespace
} // namespace cdcwb::testing
