// The authorisation matrix: every operation of the OpenAPI document, called by every kind of
// caller, with real ids and valid bodies. Anonymous callers get 401; members of another
// organisation cannot tell ours exists (404); each role gets exactly what the document's
// x-cdcwb-access says, else 403; only site administrators reach site-wide administration. A
// refused write changes nothing: the organisation's export, its members and the audit log stay
// as they were.
#include "api/operations.hpp"

namespace cdcwb::testing {
namespace {

const std::vector<std::string> kRoles{"viewer", "assessor", "approver", "admin"};

class AuthorisationApi : public WalkTest {
  protected:
    void SetUp() override {
        WalkTest::SetUp();
        if (HasFatalFailure()) return;
        operations_ = walk_order(operations());
        ids_ = ids_in(std::string(kOrg), member("viewer").username);
    }

    /// Calls every operation decided by the role in {org} as a member with `role`: the reads
    /// the role may make answer 200 (as do the reads for any signed-in user), everything it may
    /// not do is 403, and nothing changes. Writes the role may make are left to the tests that
    /// check their effect.
    void expect_matrix_for(const std::string& role) {
        const Caller& who = member(role);
        const auto before = fingerprint();
        int refused = 0;
        for (const auto& op : operations_) {
            SCOPED_TRACE(role + ": " + op.name() + " (" + op.access + ")");
            if (op.for_signed_in() && op.reads()) {
                EXPECT_TRUE(HasStatus(send(who, op, ids_), 200));
                continue;
            }
            if (!op.by_role()) continue;
            if (op.allows(role)) {
                if (!op.reads()) continue;
                EXPECT_TRUE(HasStatus(send(who, op, ids_), 200));
            } else {
                EXPECT_TRUE(IsError(send(who, op, ids_), 403, "forbidden", "org"));
                ++refused;
            }
        }
        expect_unchanged(before, "the writes refused to a " + role);
        if (role != "admin") {
            EXPECT_GT(refused, 0);
        }
    }

    std::string service_ = "/api/v1/orgs/" + std::string(kOrg) + "/services/D-2";
    std::vector<Operation> operations_;
    Ids ids_;
};

TEST_F(AuthorisationApi, AnonymousCallersGet401OnEveryOperationButThePublicOnes) {
    const auto before = fingerprint();
    int public_ones = 0;

    for (const auto& op : operations_) {
        const auto r = send({}, op, ids_);
        if (op.is_public()) {
            EXPECT_NE(r.status, 401) << op.name() << " is public";
            ++public_ones;
        } else {
            EXPECT_TRUE(IsError(r, 401, "unauthenticated")) << op.name();
        }
    }
    expect_unchanged(before, "anonymous calls");
    EXPECT_EQ(public_ones, 4) << "/healthz, /readyz, the OpenAPI document and signing in";
}

TEST_F(AuthorisationApi, AMemberOfAnotherOrganisationCannotTellOursExists) {
    const Caller& stranger = outsider();
    Ids ghost = ids_;
    ghost.path["org"] = "no-such-org";
    const auto before = fingerprint();
    int checked = 0;

    for (const auto& op : operations_) {
        if (op.pattern.rfind("/api/v1/orgs/{org}", 0) != 0) continue;
        SCOPED_TRACE(op.name() + " (" + op.access + ")");
        const auto ours = send(stranger, op, ids_);
        const auto none = send(stranger, op, ghost);
        if (op.by_role()) {
            EXPECT_TRUE(IsError(ours, 404, "not_found", "org"));
        } else {
            EXPECT_TRUE(IsError(ours, 403, "forbidden")) << "site administrators only";
        }
        // The same answer as for an organisation that does not exist, but for its id.
        std::string expected = without_request_id(none.body);
        for (auto at = expected.find("no-such-org"); at != std::string::npos;
             at = expected.find("no-such-org", at))
            expected.replace(at, 11, kOrg);
        EXPECT_EQ(ours.status, none.status);
        EXPECT_EQ(without_request_id(ours.body), expected);
        ++checked;
    }
    const auto listed = get(stranger, "/api/v1/orgs");
    ASSERT_TRUE(HasStatus(listed, 200));
    EXPECT_EQ(listed.body.find(std::string(kOrg)), std::string::npos) << listed.body;
    EXPECT_EQ(json_of(listed)["organisations"].size(), 1u) << "only their own";
    expect_unchanged(before, "a stranger's calls");
    EXPECT_GE(checked, 30);
}

TEST_F(AuthorisationApi, AViewerReadsEveryOrganisationRouteAndWritesNothing) {
    expect_matrix_for("viewer");
}

TEST_F(AuthorisationApi, AnAssessorEditsButCannotApproveOrManageMembers) {
    expect_matrix_for("assessor");

    auto entry = json_of(get(admin(), service_));
    entry["rationale"] = "assessed";
    const auto edited = put(member("assessor"), service_, entry);
    ASSERT_TRUE(HasStatus(edited, 200));
    EXPECT_EQ(json_of(edited)["updated_by"], member("assessor").username);
}

TEST_F(AuthorisationApi, AnApproverApprovesButCannotEdit) {
    expect_matrix_for("approver");

    const auto run = post(admin(), "/api/v1/orgs/" + std::string(kOrg) + "/evaluations",
                          Json{{"date", "2026-07-01"}});
    ASSERT_TRUE(HasStatus(run, 201));
    const std::string id = json_of(run)["id"];
    EXPECT_TRUE(json_of(run)["approved_by"].is_null());
    const auto approved = post(
        member("approver"),
        "/api/v1/orgs/" + std::string(kOrg) + "/evaluations/" + id + "/approval", Json::object());
    ASSERT_TRUE(HasStatus(approved, 200));
    EXPECT_EQ(json_of(approved)["approved_by"], member("approver").username);
    EXPECT_FALSE(json_of(approved)["approved_on"].is_null());
}

TEST_F(AuthorisationApi, AnOrganisationAdminReadsEverythingAndManagesMembers) {
    expect_matrix_for("admin");

    create_user("newcomer");
    const std::string members = "/api/v1/orgs/" + std::string(kOrg) + "/members/newcomer";
    EXPECT_TRUE(HasStatus(put(member("admin"), members, Json{{"role", "viewer"}}), 200));
    EXPECT_TRUE(HasStatus(call(member("admin"), "DELETE", members), 204));
    EXPECT_TRUE(
        HasStatus(get(member("admin"), "/api/v1/orgs/" + std::string(kOrg) + "/audit"), 200));
}

TEST_F(AuthorisationApi, OnlySiteAdministratorsReachSiteAdministration) {
    std::vector<const Caller*> callers{&outsider()};
    for (const auto& role : kRoles) callers.push_back(&member(role));
    const auto before = fingerprint();
    int checked = 0;

    for (const Caller* who : callers)
        for (const auto& op : operations_) {
            if (!op.for_site_admins()) continue;
            EXPECT_TRUE(IsError(send(*who, op, ids_), 403, "forbidden"))
                << who->username << ": " << op.name();
            ++checked;
        }
    expect_unchanged(before, "site administration by non-administrators");
    EXPECT_GE(checked, 5 * 7);
}

TEST_F(AuthorisationApi, AMemberSeesOnlyTheirOwnOrganisationsAndAccount) {
    const Caller& viewer = member("viewer");

    const auto orgs = get(viewer, "/api/v1/orgs");
    const auto session = get(viewer, "/api/v1/session");

    ASSERT_TRUE(HasStatus(orgs, 200));
    const auto list = json_of(orgs)["organisations"];
    ASSERT_EQ(list.size(), 1u) << orgs.body;
    EXPECT_EQ(list[0]["id"], kOrg);
    EXPECT_EQ(list[0]["role"], "viewer");
    ASSERT_TRUE(HasStatus(session, 200));
    EXPECT_EQ(json_of(session)["memberships"].size(), 1u);
    EXPECT_TRUE(IsError(get(viewer, "/api/v1/users/root"), 403, "forbidden"));
}

} // namespace
} // namespace cdcwb::testing
