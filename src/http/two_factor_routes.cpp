// Two-factor sign-in from the caller's account: set it up (a secret shown as a QR code), confirm
// it with a first code (recovery codes, shown once), turn it off; a site administrator's reset
// of another user's (lost device); and the site setting saying whom it is required of.
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "http/qr.hpp"
#include "report/schema.hpp"
#include "store/secrets.hpp"

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

namespace {

Json status_json(ApiContext& ctx, const store::UserRecord& user,
                 const store::TwoFactorStatus& status) {
    const auto must_enrol = ctx.auth.must_enrol(user);
    return Json{{"enabled", status.enabled},
                {"pending", status.pending},
                {"must_enrol", must_enrol && *must_enrol},
                {"recovery_codes_left", status.recovery_codes_left}};
}

Json enrolment_json(const store::TwoFactorEnrolment& enrolment) {
    const auto qr = qr_code(enrolment.uri);
    return Json{{"secret", enrolment.secret},
                {"uri", enrolment.uri},
                {"qr", Json{{"size", qr.size}, {"path", qr.path}}}};
}

/// `{"code"}`, and `{"password"}` too when `with_password`.
Json code_schema(bool with_password) {
    return with_password ? object({{"password", string()}, {"code", string()}})
                         : object({{"code", string()}});
}

domain::Result<std::pair<std::string, std::string>> code_from_json(const Json& json,
                                                                   bool with_password) {
    static const Json with = code_schema(true), without = code_schema(false);
    Fields f(json, with_password ? with : without);
    auto code = f.text("code");
    auto password = with_password ? f.text("password") : std::optional<std::string>("");
    if (f.error()) return *f.error();
    if (!code || code->empty())
        return domain::invalid("send the 6-digit code of your authenticator app", "code");
    if (!password || (with_password && password->empty()))
        return domain::invalid("send your password again to turn two-factor sign-in off",
                               "password");
    return std::pair{std::move(*code), std::move(*password)};
}

domain::Status disable(ApiContext& ctx, const Request& request, const Caller& caller) {
    auto body = decoded_body(request, [](const Json& j) { return code_from_json(j, true); });
    if (!body) return body.error();
    const store::secrets::WipeOnExit wipe(body->second);
    if (auto confirmed =
            ctx.auth.confirm_password(*caller.user, body->second, request.remote_address);
        !confirmed)
        return confirmed.error();
    return ctx.store.two_factor.disable(caller.actor(), *caller.user, body->first);
}

/// `{"password"}`: the acting administrator's own, again.
Json password_schema() {
    return object({{"password", string()}});
}

domain::Result<std::string> password_from_json(const Json& json) {
    static const Json schema = password_schema();
    Fields f(json, schema);
    auto password = f.text("password");
    if (f.error()) return *f.error();
    if (!password || password->empty())
        return domain::invalid("send your own password again to reset another user's "
                               "two-factor sign-in",
                               "password");
    return std::move(*password);
}

/// A site administrator turns another user's two-factor sign-in off (lost device), with their
/// own password again; their own goes through their account, with a code.
domain::Result<long long> reset(ApiContext& ctx, const Request& request, const Params& p,
                                const Caller& caller) {
    auto password = decoded_body(request, password_from_json);
    if (!password) return password.error();
    const store::secrets::WipeOnExit wipe(*password);
    if (p["user"] == caller.user->username)
        return domain::conflict("turn off your own two-factor sign-in from your account, with a "
                                "code or a recovery code",
                                "user");
    if (auto confirmed = ctx.auth.confirm_password(*caller.user, *password, request.remote_address);
        !confirmed)
        return confirmed.error();
    return ctx.store.two_factor.reset(caller.actor(), p["user"]);
}

Json settings_schema() {
    return object({{"two_factor_required", tokens({"none", "admins", "everyone"})}});
}

domain::Result<domain::TwoFactorRequirement> requirement_from_json(const Json& json) {
    static const Json schema = settings_schema();
    Fields f(json, schema);
    auto text = f.text("two_factor_required");
    if (f.error()) return *f.error();
    auto parsed = text ? domain::parse_two_factor_requirement(*text) : std::nullopt;
    if (!parsed)
        return domain::invalid("two_factor_required must be none, admins or everyone",
                               "two_factor_required");
    return *parsed;
}

Json settings_json(domain::TwoFactorRequirement r) {
    return Json{{"two_factor_required", std::string(domain::to_string(r))}};
}

Json status_schema() {
    return object({{"enabled", boolean()},
                   {"pending", boolean()},
                   {"must_enrol", boolean()},
                   {"recovery_codes_left", integer()}});
}

} // namespace

void add_two_factor_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/me/two-factor", Access::signed_in, Permission::read,
                operation("getTwoFactor", nullptr, status_schema()),
                "Whether the caller's two-factor sign-in is on, required, and how many recovery "
                "codes are left",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    return respond(
                        ctx.store.two_factor.status(caller.user->id),
                        [&](const auto& s) { return status_json(ctx, *caller.user, s); });
                }});
    router.add({"POST", "/api/v1/me/two-factor", Access::signed_in, Permission::read,
                operation("startTwoFactor", optional_object(Json::object()),
                          object({{"secret", string()},
                                  {"uri", string()},
                                  {"qr", object({{"size", integer()}, {"path", string()}})}})),
                "Start setting up two-factor sign-in: a new secret, its otpauth:// URI and the "
                "URI as a QR code (an SVG path in module units); confirm with a code",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    return respond(ctx.store.two_factor.start(caller.actor(), *caller.user),
                                   enrolment_json, 201);
                }});
    router.add(
        {"POST", "/api/v1/me/two-factor/confirmation", Access::signed_in, Permission::read,
         operation("confirmTwoFactor", code_schema(false),
                   object({{"recovery_codes", array_of(string())}})),
         "Turn two-factor sign-in on with a first code: {\"code\"}; answers the 10 "
         "one-time recovery codes, shown this once",
         [&ctx](const Request& request, const Params&, const Caller& caller) {
             auto body =
                 decoded_body(request, [](const Json& j) { return code_from_json(j, false); });
             if (!body) return error_response(body.error());
             return respond(ctx.store.two_factor.confirm(caller.actor(), *caller.user, body->first),
                            [](const auto& codes) {
                                return Json{{"recovery_codes", codes}};
                            });
         }});
    router.add({"POST", "/api/v1/me/two-factor/removal", Access::signed_in, Permission::read,
                operation("disableTwoFactor", code_schema(true)),
                "Turn two-factor sign-in off: {\"password\", \"code\"} (a current code or a "
                "recovery code)",
                [&ctx](const Request& request, const Params&, const Caller& caller) {
                    return done_answer(disable(ctx, request, caller));
                }});
    router.add({"POST", "/api/v1/users/{user}/two-factor/removal", Access::site_admin,
                Permission::edit,
                operation("resetUserTwoFactor", password_schema(),
                          object({{"sessions_ended", integer()}})),
                "Turn another user's two-factor sign-in off when they lost their device: "
                "{\"password\"} (the administrator's own); ends the user's sessions, keeps "
                "their API tokens (audited)",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    return respond(reset(ctx, request, p, caller), [](long long ended) {
                        return Json{{"sessions_ended", ended}};
                    });
                }});
    router.add({"GET", "/api/v1/site-settings", Access::site_admin, Permission::read,
                operation("getSiteSettings", nullptr, settings_schema()),
                "The site's settings: whom two-factor sign-in is required of",
                [&ctx](const Request&, const Params&, const Caller&) {
                    return respond(ctx.store.two_factor.requirement(), settings_json);
                }});
    router.add({"PATCH", "/api/v1/site-settings", Access::site_admin, Permission::edit,
                operation("updateSiteSettings", settings_schema(), settings_schema()),
                "Change the site's settings: {\"two_factor_required\": \"none\" | \"admins\" | "
                "\"everyone\"} (audited)",
                [&ctx](const Request& request, const Params&, const Caller& caller) {
                    auto wanted = decoded_body(request, requirement_from_json);
                    if (!wanted) return error_response(wanted.error());
                    if (auto set = ctx.store.two_factor.set_requirement(caller.actor(), *wanted);
                        !set)
                        return error_response(set.error());
                    ctx.auth.forget_requirement();
                    return json_response(settings_json(*wanted));
                }});
}

} // namespace cdcwb::http
