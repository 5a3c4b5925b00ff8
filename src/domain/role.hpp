// What each role (domain/vocabulary.hpp) may do in its organisation.
#pragma once

#include "domain/vocabulary.hpp"

namespace cdcwb::domain {

enum class Permission { read, edit, approve, manage_members };

/// Whether `role` grants `permission` in its organisation. Approvers sign off but do not edit;
/// admins may do everything.
bool allows(Role role, Permission permission);

} // namespace cdcwb::domain
