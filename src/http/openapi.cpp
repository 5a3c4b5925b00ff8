// The OpenAPI 3.1 document, generated from the router itself so that it cannot drift from the
// routes: every route is described, and nothing is described that is not routed.
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"

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

/// The error answers every operation shares, each the one error shape.
Json error_responses() {
    Json out = Json::object();
    for (const auto& [name, text] :
         {std::pair{"InvalidInput", "Invalid input: the error names the field and what is allowed"},
          std::pair{"Unauthenticated", "Not signed in, or the session or token is no longer valid"},
          std::pair{"Forbidden", "Not allowed for the caller's role, or a missing CSRF token"},
          std::pair{"NotFound", "No such resource (or not visible to the caller)"},
          std::pair{"Conflict", "Conflict: changed by someone else, or exists (with \"current\": "
                                "the record as it is now)"}})
        out[name] = {
            {"description", text},
            {"content",
             {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
    return out;
}

/// Every code the product can answer, from the one list (domain::kErrorCodes).
std::vector<std::string> error_codes() {
    std::vector<std::string> codes;
    for (const auto code : domain::kErrorCodes) codes.push_back(domain::to_string(code));
    return codes;
}

/// The one error shape, with the request's id (as in X-Request-Id and the server's log); a 409
/// adds the record as it is now ("current").
Json error_schema() {
    using namespace report::schema;
    return object({{"error", object({{"request_id", string()},
                                     {"code", tokens(error_codes())},
                                     {"message", string()},
                                     {"field", string()}},
                                    {"field"})},
                   {"current", any()}},
                  {"current"});
}

/// Every schema the routes name: the encoders' and decoders' (json_mapping.cpp, report/json.cpp)
/// and the one error shape.
Json schemas_with_error() {
    Json out = schemas();
    out["Error"] = error_schema();
    return out;
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
        const auto& doc = route.operation;
        for (const auto& name : doc.query)
            parameters.push_back({{"name", name},
                                  {"in", "query"},
                                  {"required", false},
                                  {"schema", {{"type", "string"}}}});
        Json responses = Json::object();
        const bool creates = route.method == "POST" &&
                             route.pattern.find("/approval") == std::string::npos &&
                             route.pattern.find("/escalation") == std::string::npos;
        if (doc.answer.is_null())
            responses["204"] = {{"description", "Done"}};
        else
            responses[creates ? "201" : "200"] = {
                {"description", "Done"},
                {"content", {{doc.answer_media, {{"schema", doc.answer}}}}}};
        const auto error = [&](const char* status, const char* name) {
            responses[status] = {{"$ref", std::string("#/components/responses/") + name}};
        };
        error("400", "InvalidInput");
        if (route.access != Access::public_) {
            error("401", "Unauthenticated");
            error("403", "Forbidden");
        }
        error("404", "NotFound");
        if (route.method != "GET") error("409", "Conflict");
        Json operation{{"summary", route.summary},
                       {"operationId", doc.id},
                       {"x-cdcwb-access", access_text(route)}};
        if (!doc.request.is_null())
            operation["requestBody"] = {
                {"content", {{doc.request_media, {{"schema", doc.request}}}}},
                {"x-cdcwb-max-bytes", doc.body_limit}};
        operation["responses"] = responses;
        if (!parameters.empty()) operation["parameters"] = parameters;
        if (route.access == Access::public_) operation["security"] = Json::array();
        paths[route.pattern][method] = operation;
    }
    return Json{
        {"openapi", "3.1.0"},
        {"info",
         {{"title", "CDC Workbench API"},
          {"version", "1"},
          {"license", {{"name", "Proprietary"}, {"identifier", "LicenseRef-Proprietary"}}},
          {"description",
           "Build, run and evaluate a cyber defence centre (ITU-T X.1060). Sign in with POST "
           "/api/v1/session (cookie; send X-CSRF-Token on writes) or send an API token as "
           "Authorization: Bearer. Errors share one shape."}}},
        {"servers",
         Json::array({{{"url", "http://127.0.0.1:8080"},
                       {"description", "cdcwb serve on its default address (--listen)"}}})},
        {"paths", paths},
        {"security", Json::array({{{"session", Json::array()}}, {{"token", Json::array()}}})},
        {"components",
         {{"securitySchemes",
           {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "cdcwb_session"}}},
            {"token", {{"type", "http"}, {"scheme", "bearer"}}}}},
          {"responses", error_responses()},
          {"schemas", schemas_with_error()}}}};
}

} // namespace cdcwb::http
