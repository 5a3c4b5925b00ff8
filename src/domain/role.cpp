#include "domain/role.hpp"

#include <array>

namespace cdcwb::domain {

namespace {

struct RoleInfo {
    Role role;
    std::string_view token;
    LocalizedText name;
};

const std::array<RoleInfo, 4>& roles() {
    static const std::array<RoleInfo, 4> all{{
        {Role::admin, "admin", {"Administrator", "管理者"}},
        {Role::assessor, "assessor", {"Assessor", "評価者"}},
        {Role::approver, "approver", {"Approver", "承認者"}},
        {Role::viewer, "viewer", {"Viewer", "閲覧者"}},
    }};
    return all;
}

} // namespace

std::string_view to_string(Role role) {
    for (const auto& info : roles())
        if (info.role == role) return info.token;
    return "viewer";
}

std::optional<Role> parse_role(std::string_view token) {
    for (const auto& info : roles())
        if (info.token == token) return info.role;
    return std::nullopt;
}

const LocalizedText& display_name(Role role) {
    for (const auto& info : roles())
        if (info.role == role) return info.name;
    return roles().back().name;
}

std::string allowed_roles() {
    return "admin, assessor, approver, viewer";
}

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
