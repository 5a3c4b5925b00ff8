// Roles in an organisation and what each may do.
#include "domain/role.hpp"

#include <gtest/gtest.h>

namespace {

using namespace cdcwb::domain;

TEST(Role, TokensRoundTripAndUnknownOnesAreRejected) {
    for (auto role : {Role::admin, Role::assessor, Role::approver, Role::viewer}) {
        EXPECT_EQ(parse_role(to_string(role)), role);
        EXPECT_TRUE(display_name(role).complete());
    }
    EXPECT_FALSE(parse_role("owner"));
    EXPECT_FALSE(parse_role("Admin"));
    EXPECT_FALSE(parse_role(""));
    EXPECT_EQ(allowed_roles(), "admin, assessor, approver, viewer");
}

TEST(Role, EveryoneReadsOnlyAdminsAndAssessorsEditOnlyAdminsAndApproversApprove) {
    EXPECT_TRUE(allows(Role::viewer, Permission::read));
    EXPECT_FALSE(allows(Role::viewer, Permission::edit));
    EXPECT_FALSE(allows(Role::viewer, Permission::approve));
    EXPECT_FALSE(allows(Role::viewer, Permission::manage_members));
    EXPECT_TRUE(allows(Role::assessor, Permission::edit));
    EXPECT_FALSE(allows(Role::assessor, Permission::approve));
    EXPECT_FALSE(allows(Role::assessor, Permission::manage_members));
    EXPECT_TRUE(allows(Role::approver, Permission::approve));
    EXPECT_FALSE(allows(Role::approver, Permission::edit));
    EXPECT_FALSE(allows(Role::approver, Permission::manage_members));
    for (auto p :
         {Permission::read, Permission::edit, Permission::approve, Permission::manage_members})
        EXPECT_TRUE(allows(Role::admin, p));
}

} // namespace
