// Liveness, readiness, the OpenAPI document, and signing in and out.
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"
#include "store/secrets.hpp"

namespace cdcwb::http {

using namespace report::schema;

namespace {

/// What signing in and GET /api/v1/session answer (csrf_token is null for an API token).
Json session_schema() {
    return object({{"user", ref("User")},
                   {"csrf_token", nullable(string())},
                   {"expires_at", string()},
                   {"memberships", array_of(ref("Membership"))},
                   {"two_factor", object({{"enabled", boolean()}, {"must_enrol", boolean()}})}},
                  {"expires_at"});
}

/// The signed-in user with their memberships and the CSRF token (null when signed in by token).
Json session_json(ApiContext& ctx, const store::UserRecord& user, const Json& csrf_token) {
    Json memberships = Json::array();
    if (auto mine = ctx.store.users.memberships(user.username))
        for (const auto& m : *mine) memberships.push_back(to_json(m));
    // Whether two-factor sign-in is on, and whether the site requires it of this user who has
    // not set it up (then the web UI shows only its setup).
    const auto status = ctx.store.two_factor.status(user.id);
    const auto must_enrol = ctx.auth.must_enrol(user);
    const Json two_factor{{"enabled", status && status->enabled},
                          {"must_enrol", must_enrol && *must_enrol}};
    return Json{{"user", to_json(user)},
                {"memberships", memberships},
                {"csrf_token", csrf_token},
                {"two_factor", two_factor}};
}

/// POST /api/v1/session: the password (slowed down per account and address) and the second
/// factor checked, a session.
Response sign_in(ApiContext& ctx, const Request& request) {
    auto body = parse_body(request);
    if (!body) return error_response(body.error());
    auto credentials = credentials_from_json(*body);
    wipe_passwords(*body);
    if (!credentials) return error_response(credentials.error());
    const store::secrets::WipeOnExit wipe(credentials->password);
    std::chrono::seconds retry_after{0};
    auto issued = ctx.auth.sign_in(credentials->username, credentials->password, credentials->code,
                                   request.remote_address, retry_after);
    if (!issued) return refusal(issued.error(), retry_after);
    auto out = session_json(ctx, issued->record.user, issued->record.csrf_token);
    out["expires_at"] = issued->record.expires_at;
    auto r = json_response(out, 201);
    r.set_header("Set-Cookie", ctx.auth.session_cookie(issued->token));
    r.set_header("X-Cdcwb-User", issued->record.user.username);
    return r;
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
                    if (!version) {
                        auto down = domain::unavailable("the database does not answer");
                        down.cause = version.error().message + " " + version.error().cause;
                        return error_response(down);
                    }
                    return json_response(Json{{"status", "ready"}, {"schema_version", *version}});
                }});
    router.add({"GET", "/api/v1/openapi.json", Access::public_, domain::Permission::read,
                operation("getOpenApiDocument", nullptr,
                          object({{"openapi", string()}, {"paths", any()}})),
                "This API's OpenAPI 3.1 document",
                [&ctx](const Request&, const Params&, const Caller&) {
                    return json_response(openapi_document(*ctx.router));
                }});

    router.add(
        {"POST", "/api/v1/session", Access::public_, domain::Permission::read,
         operation("signIn", ref("Credentials"), session_schema()),
         "Sign in with a user name and password, and \"code\" (a TOTP or recovery code) "
         "when the account has two-factor sign-in; sets the session cookie. After a few "
         "failures for the account or from the address, attempts wait (429 with Retry-After)",
         [&ctx](const Request& request, const Params&, const Caller&) {
             return sign_in(ctx, request);
         }});
    router.add({"GET", "/api/v1/session", Access::signed_in, domain::Permission::read,
                operation("getSession", nullptr, session_schema()),
                "The signed-in user, their memberships and the CSRF token",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    return json_response(session_json(
                        ctx, *caller.user,
                        caller.via == Caller::Via::session ? Json(caller.csrf_token) : Json()));
                }});
    router.add(
        {"PATCH", "/api/v1/me", Access::signed_in, domain::Permission::read,
         operation("updateMyPreferences", ref("PreferencesInput"), object({{"user", ref("User")}})),
         "Change the caller's own preferences: {\"lang\": \"ja\" | \"en\"}",
         [&ctx](const Request& request, const Params&, const Caller& caller) {
             auto body = parse_body(request);
             if (!body) return error_response(body.error());
             auto change = account_change_from_json(*body, AccountChangeBy::self);
             if (!change) return error_response(change.error());
             return respond(
                 ctx.store.users.update_account(caller.actor(), caller.user->username, *change),
                 [](const auto& u) {
                     return Json{{"user", to_json(u)}};
                 });
         }});
    router.add({"DELETE", "/api/v1/session", Access::signed_in, domain::Permission::read,
                operation("signOut"), "Sign out: ends the session and clears the cookie",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    if (caller.via == Caller::Via::session)
                        if (auto ended = ctx.store.credentials.end_session(caller.session_token);
                            !ended)
                            return error_response(ended.error());
                    Response r;
                    r.status = 204;
                    r.set_header("Set-Cookie", ctx.auth.expired_cookie());
                    return r;
                }});
}

} // namespace cdcwb::http
