// Liveness, readiness, the OpenAPI document, and signing in and out.
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"

namespace cdcwb::http {

using namespace report::schema;

namespace {

/// What signing in and GET /api/v1/session answer (csrf_token is null for an API token).
Json session_schema() {
    return object({{"user", ref("User")},
                   {"csrf_token", nullable(string())},
                   {"expires_at", string()},
                   {"memberships", array_of(ref("Membership"))}},
                  {"expires_at"});
}

} // namespace

void add_system_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/healthz", Access::public_, domain::Permission::read,
                operation("getHealth", nullptr, object({{"status", tokens({"ok"})}})),
                "Liveness: the process answers", [](const Request&, const Params&, const Caller&) {
                    return json_response(Json{{"status", "ok"}});
                }});
    router.add({"GET", "/readyz", Access::public_, domain::Permission::read,
                operation("getReadiness", nullptr,
                          object({{"status", tokens({"ready"})}, {"schema_version", integer()}})),
                "Readiness: the database answers",
                [&ctx](const Request&, const Params&, const Caller&) {
                    auto version = ctx.store.database().schema_version();
                    if (!version)
                        return error_response(503, "unavailable", "the database does not answer");
                    return json_response(Json{{"status", "ready"}, {"schema_version", *version}});
                }});
    router.add({"GET", "/api/v1/openapi.json", Access::public_, domain::Permission::read,
                operation("getOpenApiDocument", nullptr,
                          object({{"openapi", string()}, {"paths", any()}})),
                "This API's OpenAPI 3.1 document",
                [&ctx](const Request&, const Params&, const Caller&) {
                    return json_response(openapi_document(*ctx.router));
                }});

    router.add({"POST", "/api/v1/session", Access::public_, domain::Permission::read,
                operation("signIn", object({{"username", string()}, {"password", string()}}),
                          session_schema()),
                "Sign in with a user name and password; sets the session cookie",
                [&ctx](const Request& request, const Params&, const Caller&) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    Fields f(*body);
                    f.only({"username", "password"});
                    auto username = f.text("username");
                    auto password = f.text("password");
                    if (f.error()) return error_response(*f.error());
                    if (!username || !password)
                        return error_response(400, "invalid_input",
                                              "send a username and a password", "username");
                    auto issued = ctx.auth.sign_in(*username, *password, request.remote_address);
                    if (!issued) return error_response(issued.error());
                    auto memberships = ctx.store.memberships(issued->record.user.username);
                    Json orgs = Json::array();
                    if (memberships)
                        for (const auto& m : *memberships) orgs.push_back(to_json(m));
                    auto r = json_response(Json{{"user", to_json(issued->record.user)},
                                                {"csrf_token", issued->record.csrf_token},
                                                {"expires_at", issued->record.expires_at},
                                                {"memberships", orgs}},
                                           201);
                    r.set_header("Set-Cookie", ctx.auth.session_cookie(issued->token));
                    r.set_header("X-Cdcwb-User", issued->record.user.username);
                    return r;
                }});
    router.add({"GET", "/api/v1/session", Access::signed_in, domain::Permission::read,
                operation("getSession", nullptr, session_schema()),
                "The signed-in user, their memberships and the CSRF token",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    auto memberships = ctx.store.memberships(caller.user->username);
                    if (!memberships) return error_response(memberships.error());
                    Json orgs = Json::array();
                    for (const auto& m : *memberships) orgs.push_back(to_json(m));
                    Json out{{"user", to_json(*caller.user)}, {"memberships", orgs}};
                    out["csrf_token"] = caller.via == Caller::Via::session ? Json(caller.csrf_token)
                                                                           : Json(nullptr);
                    return json_response(out);
                }});
    router.add({"PATCH", "/api/v1/me", Access::signed_in, domain::Permission::read,
                operation("updateMyPreferences", object({{"lang", ref("Lang")}}),
                          object({{"user", ref("User")}})),
                "Change the caller's own preferences: {\"lang\": \"ja\" | \"en\"}",
                [&ctx](const Request& request, const Params&, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    Fields f(*body);
                    f.only({"lang"});
                    auto lang = f.text("lang");
                    if (f.error()) return error_response(*f.error());
                    if (!lang) return error_response(400, "invalid_input", "send a lang", "lang");
                    if (auto done =
                            ctx.store.set_user_lang(caller.actor(), caller.user->username, *lang);
                        !done)
                        return error_response(done.error());
                    return respond(ctx.store.user(caller.user->username), [](const auto& u) {
                        return Json{{"user", to_json(u)}};
                    });
                }});
    router.add({"DELETE", "/api/v1/session", Access::signed_in, domain::Permission::read,
                operation("signOut"), "Sign out: ends the session and clears the cookie",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    if (caller.via == Caller::Via::session)
                        if (auto ended = ctx.store.end_session(caller.session_token); !ended)
                            return error_response(ended.error());
                    Response r;
                    r.status = 204;
                    r.set_header("Set-Cookie", ctx.auth.expired_cookie());
                    return r;
                }});
}

} // namespace cdcwb::http
