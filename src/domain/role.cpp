#include "domain/role.hpp"

namespace cdcwb::domain {

bool allows(Role role, Permission permission) {
    switch (permission) {
    case Permission::read: return true;
    case Permission::edit: return role == Role::admin || role == Role::assessor;
    case Permission::approve: return role == Role::admin || role == Role::approver;
    case Permission::manage_members: return role == Role::admin;
    }
    return false;
}

} // namespace cdcwb::domain
