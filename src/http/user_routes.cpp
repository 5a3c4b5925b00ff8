// People: accounts (site administrators manage them) and each user's own API tokens.
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"

#include <charconv>

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

void add_user_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/users", Access::site_admin, Permission::read,
                operation("listUsers", nullptr, list_of("users", ref("User"))), "Every user",
                [&ctx](const Request&, const Params&, const Caller&) {
                    return respond(ctx.store.users(), [](const auto& users) {
                        Json out = Json::array();
                        for (const auto& u : users) out.push_back(to_json(u));
                        return Json{{"users", out}};
                    });
                }});
    router.add({"POST", "/api/v1/users", Access::site_admin, Permission::edit,
                operation("createUser",
                          object({{"username", string()},
                                  {"password", string()},
                                  {"display_name", string()},
                                  {"lang", ref("Lang")},
                                  {"is_admin", boolean()}},
                                 {"display_name", "lang", "is_admin"}),
                          ref("User")),
                "Create a user: {\"username\", \"password\", \"display_name\", \"lang\", "
                "\"is_admin\"}",
                [&ctx](const Request& request, const Params&, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    Fields f(*body);
                    f.only({"username", "password", "display_name", "lang", "is_admin"});
                    store::NewUser user{
                        f.text("username").value_or(""), f.text("display_name").value_or(""),
                        f.text("password").value_or(""), f.boolean("is_admin").value_or(false),
                        f.text("lang").value_or("en")};
                    if (f.error()) return error_response(*f.error());
                    return respond(
                        ctx.store.create_user(caller.actor(), user),
                        [](const auto& u) { return to_json(u); }, 201);
                }});
    router.add({"GET", "/api/v1/users/{user}", Access::site_admin, Permission::read,
                operation("getUser", nullptr,
                          extended(ref("User"), {{"memberships", array_of(ref("Membership"))}})),
                "One user and their memberships",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto user = ctx.store.user(p["user"]);
                    if (!user) return error_response(user.error());
                    auto memberships = ctx.store.memberships(p["user"]);
                    if (!memberships) return error_response(memberships.error());
                    Json out = to_json(*user);
                    Json list = Json::array();
                    for (const auto& m : *memberships) list.push_back(to_json(m));
                    out["memberships"] = list;
                    return json_response(out);
                }});
    router.add(
        {"PATCH", "/api/v1/users/{user}", Access::site_admin, Permission::edit,
         operation("updateUser", optional_object({{"disabled", boolean()}, {"password", string()}}),
                   ref("User")),
         "Disable or enable an account, or set its password: {\"disabled\", \"password\"}",
         [&ctx](const Request& request, const Params& p, const Caller& caller) {
             auto body = parse_body(request);
             if (!body) return error_response(body.error());
             Fields f(*body);
             f.only({"disabled", "password"});
             auto disabled = f.boolean("disabled");
             auto password = f.text("password");
             if (f.error()) return error_response(*f.error());
             if (password)
                 if (auto done = ctx.store.set_password(caller.actor(), p["user"], *password);
                     !done)
                     return error_response(done.error());
             if (disabled)
                 if (auto done = ctx.store.set_user_disabled(caller.actor(), p["user"], *disabled);
                     !done)
                     return error_response(done.error());
             return respond(ctx.store.user(p["user"]), [](const auto& u) { return to_json(u); });
         }});

    router.add({"GET", "/api/v1/tokens", Access::signed_in, Permission::read,
                operation("listTokens", nullptr, list_of("tokens", ref("Token"))),
                "The caller's API tokens (never the tokens themselves)",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    return respond(ctx.store.tokens(caller.user->username), [](const auto& tokens) {
                        Json out = Json::array();
                        for (const auto& t : tokens) out.push_back(to_json(t));
                        return Json{{"tokens", out}};
                    });
                }});
    router.add(
        {"POST", "/api/v1/tokens", Access::signed_in, Permission::read,
         operation("createToken",
                   optional_object(
                       {{"name", string()},
                        {"days", Json{{"type", "integer"}, {"minimum", 1}, {"maximum", 3660}}}}),
                   extended(ref("Token"), {{"token", string()}})),
         "Create an API token for the caller: {\"name\", \"days\"}; the token is shown "
         "once",
         [&ctx](const Request& request, const Params&, const Caller& caller) {
             auto body = parse_body(request);
             if (!body) return error_response(body.error());
             Fields f(*body);
             f.only({"name", "days"});
             auto name = f.text("name").value_or("");
             auto days = f.integer("days");
             if (f.error()) return error_response(*f.error());
             if (days && (*days < 1 || *days > 3660))
                 return error_response(400, "invalid_input", "days must be 1 to 3660", "days");
             std::optional<std::chrono::seconds> lifetime;
             if (days) lifetime = std::chrono::hours(24) * *days;
             return respond(
                 ctx.store.create_token(caller.actor(), caller.user->username, name, lifetime),
                 [](const auto& issued) {
                     Json out = to_json(issued.record);
                     out["token"] = issued.token;
                     return out;
                 },
                 201);
         }});
    router.add(
        {"DELETE", "/api/v1/tokens/{token}", Access::signed_in, Permission::read,
         operation("revokeToken"), "Revoke one of the caller's API tokens",
         [&ctx](const Request&, const Params& p, const Caller& caller) {
             std::int64_t id = 0;
             const auto& text = p["token"];
             const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
             if (ec != std::errc() || end != text.data() + text.size())
                 return error_response(400, "invalid_input", "a token id is a number", "token");
             if (auto done = ctx.store.revoke_token(caller.actor(), caller.user->username, id);
                 !done)
                 return error_response(done.error());
             Response r;
             r.status = 204;
             return r;
         }});
}

} // namespace cdcwb::http
