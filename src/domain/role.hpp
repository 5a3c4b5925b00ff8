// The roles a person can hold in an organisation, and what each may do there.
#pragma once

#include "domain/text.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::domain {

/// admin: everything in the organisation, including its members; assessor: edits the
/// catalogue, profile, portfolio, actions and runs evaluations; approver: signs off evaluations;
/// viewer: reads. Site administrators (a user flag, not a role) may do everything everywhere.
enum class Role { admin, assessor, approver, viewer };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view token);
const LocalizedText& display_name(Role role);
std::string allowed_roles(); ///< "admin, assessor, approver, viewer"

enum class Permission { read, edit, approve, manage_members };

/// Whether `role` grants `permission` in its organisation. Approvers sign off but do not edit;
/// admins may do everything.
bool allows(Role role, Permission permission);

} // namespace cdcwb::domain
