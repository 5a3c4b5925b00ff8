// People: accounts (site administrators manage them) and each user's own API tokens.
#include "http/api.hpp"
#include "http/json_mapping.hpp"

#include <charconv>

namespace cdcwb::http {

using domain::Permission;

void add_user_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/users", Access::site_admin, Permission::read, "Every user",
                [&ctx](const Request&, const Params&, const Caller&) {
                    return respond(ctx.store.users.list(), [](const auto& users) {
                        Json out = Json::array();
                        for (const auto& u : users) out.push_back(to_json(u));
                        return Json{{"users", out}};
                    });
                }});
    router.add({"POST", "/api/v1/users", Access::site_admin, Permission::edit,
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
                        ctx.store.users.create_user(caller.actor(), user),
                        [](const auto& u) { return to_json(u); }, 201);
                }});
    router.add({"GET", "/api/v1/users/{user}", Access::site_admin, Permission::read,
                "One user and their memberships",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto user = ctx.store.users.user(p["user"]);
                    if (!user) return error_response(user.error());
                    auto memberships = ctx.store.users.memberships(p["user"]);
                    if (!memberships) return error_response(memberships.error());
                    Json out = to_json(*user);
                    Json list = Json::array();
                    for (const auto& m : *memberships) list.push_back(to_json(m));
                    out["memberships"] = list;
                    return json_response(out);
                }});
    router.add({"PATCH", "/api/v1/users/{user}", Access::site_admin, Permission::edit,
                "Disable or enable an account, or set its password: {\"disabled\", \"password\"}",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    auto change = account_change_from_json(*body, {"disabled", "password"});
                    if (!change) return error_response(change.error());
                    return respond(
                        ctx.store.users.update_account(caller.actor(), p["user"], *change),
                        [](const auto& u) { return to_json(u); });
                }});

    router.add({"GET", "/api/v1/tokens", Access::signed_in, Permission::read,
                "The caller's API tokens (never the tokens themselves)",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    return respond(ctx.store.credentials.tokens(caller.user->username),
                                   [](const auto& tokens) {
                                       Json out = Json::array();
                                       for (const auto& t : tokens) out.push_back(to_json(t));
                                       return Json{{"tokens", out}};
                                   });
                }});
    router.add({"POST", "/api/v1/tokens", Access::signed_in, Permission::read,
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
                    return respond(
                        ctx.store.credentials.create_token(caller.actor(), caller.user->username,
                                                           name, days),
                        [](const auto& issued) {
                            Json out = to_json(issued.record);
                            out["token"] = issued.token;
                            return out;
                        },
                        201);
                }});
    router.add({"DELETE", "/api/v1/tokens/{token}", Access::signed_in, Permission::read,
                "Revoke one of the caller's API tokens",
                [&ctx](const Request&, const Params& p, const Caller& caller) {
                    std::int64_t id = 0;
                    const auto& text = p["token"];
                    const auto [end, ec] =
                        std::from_chars(text.data(), text.data() + text.size(), id);
                    if (ec != std::errc() || end != text.data() + text.size())
                        return error_response(domain::invalid("a token id is a number", "token"));
                    return done_answer(ctx.store.credentials.revoke_token(
                        caller.actor(), caller.user->username, id));
                }});
}

} // namespace cdcwb::http
