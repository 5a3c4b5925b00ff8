// People and roles: accounts (password, language, disabled), and who is a member of which
// organisation with which role.
#pragma once

#include "domain/role.hpp"
#include "store/organisation_store.hpp"
#include "store/store_core.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::store {

struct UserRecord {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    bool is_admin = false; ///< site administrator: every organisation, every permission
    bool disabled = false;
    std::string lang = "en";
    std::string created_at;
};

struct NewUser {
    std::string username;
    std::string display_name;
    std::string password;
    bool is_admin = false;
    std::string lang = "en";
};

struct Membership {
    std::string org_slug;
    std::string org_name;
    std::string username;
    domain::Role role = domain::Role::viewer;
};

/// A change to an account: only the fields given change.
struct AccountChange {
    std::optional<std::string> password;
    std::optional<bool> disabled;
    std::optional<std::string> lang;
    /// With a password: the session (public id) that stays open; every other one ends.
    std::optional<std::string> keep_session;
};

/// An organisation as one user sees it: with their role there (none for a site administrator who
/// is not a member).
struct VisibleOrganisation {
    OrganisationRecord organisation;
    std::optional<domain::Role> role;
};

class UserStore {
  public:
    explicit UserStore(StoreCore& core) : core_(core) {}

    Result<UserRecord> create_user(const Actor& actor, const NewUser& user);
    Result<std::vector<UserRecord>> list();
    Result<UserRecord> user(std::string_view username);
    /// Changes an account in one write: the password (checked against the common passwords and
    /// the user name; ending its sessions but `keep_session`, and revoking its API tokens),
    /// disabled (ending its sessions and revoking its tokens) and the language, each when given.
    /// Returns the account after.
    Result<UserRecord> update_account(const Actor& actor, std::string_view username,
                                      const AccountChange& change);
    Status set_password(const Actor& actor, std::string_view username, std::string_view password);
    Status set_user_disabled(const Actor& actor, std::string_view username, bool disabled);
    /// The user, when the password is right and the account enabled; otherwise unauthenticated,
    /// with the same message whether the name or the password was wrong.
    Result<UserRecord> check_password(std::string_view username, std::string_view password);
    Status set_role(const Actor& actor, std::string_view slug, std::string_view username,
                    domain::Role role);
    Status remove_member(const Actor& actor, std::string_view slug, std::string_view username);
    Result<std::vector<Membership>> members(std::string_view slug);
    /// The user's role in the organisation; nullopt when not a member (or no such organisation).
    Result<std::optional<domain::Role>> role_in(std::int64_t user_id, std::string_view slug);
    Result<std::vector<Membership>> memberships(std::string_view username);
    /// The organisations `username` belongs to, with the role there; every organisation when
    /// `site_admin` (the role where they have one). In id order.
    Result<std::vector<VisibleOrganisation>> organisations_of(std::string_view username,
                                                              bool site_admin);

  private:
    StoreCore& core_;
};
} // namespace cdcwb::store
