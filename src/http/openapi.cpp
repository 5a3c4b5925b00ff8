// The OpenAPI 3.1 document, generated from the router itself so that it cannot drift from the
// routes: every route is described, and nothing is described that is not routed.
#include "http/api.hpp"

#include <algorithm>

namespace cdcwb::http {

namespace {

std::vector<std::string> path_parameters(const std::string& pattern) {
    std::vector<std::string> out;
    for (std::size_t at = pattern.find('{'); at != std::string::npos;
         at = pattern.find('{', at + 1)) {
        const auto end = pattern.find('}', at);
        out.push_back(pattern.substr(at + 1, end - at - 1));
    }
    return out;
}

std::string access_text(const Route& route) {
    switch (route.access) {
    case Access::public_: return "anyone";
    case Access::signed_in: return "any signed-in user";
    case Access::site_admin: return "site administrators";
    case Access::organisation:
        switch (route.permission) {
        case domain::Permission::read: return "members of the organisation (any role)";
        case domain::Permission::edit: return "the organisation's admins and assessors";
        case domain::Permission::approve: return "the organisation's admins and approvers";
        case domain::Permission::manage_members: return "the organisation's admins";
        }
    }
    return "";
}

/// Every code the product can answer, from the one list (domain::kErrorCodes).
Json error_codes() {
    Json codes = Json::array();
    for (const auto code : domain::kErrorCodes) codes.push_back(domain::to_string(code));
    return codes;
}

Json error_schema_ref() {
    return Json{{"$ref", "#/components/schemas/Error"}};
}

} // namespace

Json openapi_document(const Router& router) {
    Json paths = Json::object();
    for (const auto& route : router.routes()) {
        std::string method = route.method;
        std::transform(method.begin(), method.end(), method.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        Json parameters = Json::array();
        for (const auto& name : path_parameters(route.pattern))
            parameters.push_back({{"name", name},
                                  {"in", "path"},
                                  {"required", true},
                                  {"schema", {{"type", "string"}}}});
        Json responses = Json::object();
        const bool creates = route.method == "POST" && route.pattern != "/api/v1/session" &&
                             route.pattern.find("/approval") == std::string::npos &&
                             route.pattern.find("/escalation") == std::string::npos;
        if (route.method == "DELETE")
            responses["204"] = {{"description", "Done"}};
        else
            responses[creates ? "201" : "200"] = {
                {"description", "Done"},
                {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
        const auto error = [&](const char* status, const char* text) {
            responses[status] = {
                {"description", text},
                {"content", {{"application/json", {{"schema", error_schema_ref()}}}}}};
        };
        error("400", "Invalid input: the error names the field and what is allowed");
        if (route.access != Access::public_) {
            error("401", "Not signed in, or the session or token is no longer valid");
            error("403", "Not allowed for the caller's role, or a missing CSRF token");
        }
        error("404", "No such resource (or not visible to the caller)");
        if (route.method != "GET") error("409", "Conflict: changed by someone else, or exists");
        Json operation{{"summary", route.summary},
                       {"operationId", method + route.pattern},
                       {"x-cdcwb-access", access_text(route)},
                       {"responses", responses}};
        if (!parameters.empty()) operation["parameters"] = parameters;
        if (route.access == Access::public_) operation["security"] = Json::array();
        paths[route.pattern][method] = operation;
    }
    return Json{
        {"openapi", "3.1.0"},
        {"info",
         {{"title", "CDC Workbench API"},
          {"version", "1"},
          {"description",
           "Build, run and evaluate a cyber defence centre (ITU-T X.1060). Sign in with POST "
           "/api/v1/session (cookie; send X-CSRF-Token on writes) or send an API token as "
           "Authorization: Bearer. Errors share one shape."}}},
        {"paths", paths},
        {"security", Json::array({{{"session", Json::array()}}, {{"token", Json::array()}}})},
        {"components",
         {{"securitySchemes",
           {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "cdcwb_session"}}},
            {"token", {{"type", "http"}, {"scheme", "bearer"}}}}},
          {"schemas",
           {{"Error",
             {{"type", "object"},
              {"required", {"error"}},
              {"properties",
               {{"error",
                 {{"type", "object"},
                  {"required", {"code", "message"}},
                  {"properties",
                   {{"code", {{"type", "string"}, {"enum", error_codes()}}},
                    {"message", {{"type", "string"}}},
                    {"field", {{"type", "string"}}}}}}}}}}}}}}}};
}

} // namespace cdcwb::http
