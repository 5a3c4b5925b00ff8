// People: accounts (site administrators manage them) and each user's own API tokens.
#include "domain/user.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"
#include "store/secrets.hpp"

#include <charconv>

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

namespace {

/// A token for the caller, once their password is confirmed (a wrong one counts as a failed
/// sign-in).
domain::Result<store::IssuedToken> create_token(ApiContext& ctx, const Request& request,
                                                const Caller& caller, NewToken& token) {
    const store::secrets::WipeOnExit wipe(token.password);
    // Input first: a request refused for its lifetime costs no password attempt.
    if (auto lifetime = domain::token_lifetime(token.days, "days"); !lifetime)
        return lifetime.error();
    if (auto confirmed =
            ctx.auth.confirm_password(*caller.user, token.password, request.remote_address);
        !confirmed)
        return confirmed.error();
    return ctx.store.credentials.create_token(caller.actor(), caller.user->username, token.name,
                                              token.days, token.scope);
}

} // namespace

void add_user_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/users", Access::site_admin, Permission::read,
                operation("listUsers", nullptr, list_of("users", ref("User"))), "Every user",
                [&ctx](const Request&, const Params&, const Caller&) {
                    return respond(ctx.store.users.list(),
                                   [](const auto& users) { return list_json("users", users); });
                }});
    router.add({"POST", "/api/v1/users", Access::site_admin, Permission::edit,
                operation("createUser", ref("UserInput"), ref("User")),
                "Create a user: {\"username\", \"password\", \"display_name\", \"lang\", "
                "\"is_admin\"}",
                [&ctx](const Request& request, const Params&, const Caller& caller) {
                    auto user = decoded_body(request, new_user_from_json);
                    if (!user) return error_response(user.error());
                    const store::secrets::WipeOnExit wipe(user->password);
                    return respond(
                        ctx.store.users.create_user(caller.actor(), *user),
                        [](const auto& u) { return to_json(u); }, 201);
                }});
    router.add({"GET", "/api/v1/users/{user}", Access::site_admin, Permission::read,
                operation("getUser", nullptr,
                          extended(ref("User"), {{"memberships", array_of(ref("Membership"))}})),
                "One user and their memberships",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto user = ctx.store.users.user(p["user"]);
                    if (!user) return error_response(user.error());
                    auto memberships = ctx.store.users.memberships(p["user"]);
                    if (!memberships) return error_response(memberships.error());
                    Json out = to_json(*user);
                    out.update(list_json("memberships", *memberships));
                    return json_response(out);
                }});
    router.add({"PATCH", "/api/v1/users/{user}", Access::site_admin, Permission::edit,
                operation("updateUser", ref("UserChangeInput"), ref("User")),
                "Disable or enable an account, or set its password: {\"disabled\", \"password\"}",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto change = decoded_body(request, [](const Json& body) {
                        return account_change_from_json(body, AccountChangeBy::site_admin);
                    });
                    if (!change) return error_response(change.error());
                    const store::secrets::WipeOnExit wipe(change->password);
                    return respond(
                        ctx.store.users.update_account(caller.actor(), p["user"], *change),
                        [](const auto& u) { return to_json(u); });
                }});

    router.add({"GET", "/api/v1/tokens", Access::signed_in, Permission::read,
                operation("listTokens", nullptr, list_of("tokens", ref("Token"))),
                "The caller's API tokens (never the tokens themselves)",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    return respond(ctx.store.credentials.tokens(caller.user->username),
                                   [](const auto& tokens) { return list_json("tokens", tokens); });
                }});
    router.add(
        {"POST", "/api/v1/tokens", Access::signed_in, Permission::read,
         operation("createToken", ref("TokenInput"), extended(ref("Token"), {{"token", string()}})),
         "Create an API token for the caller: {\"name\", \"scope\": \"read\" | "
         "\"read_write\", \"password\" (the caller's, again), \"days\" (default 90, at "
         "most 365)}; the token is shown once",
         [&ctx](const Request& request, const Params&, const Caller& caller) {
             auto token = decoded_body(request, new_token_from_json);
             if (!token) return error_response(token.error());
             return respond(
                 create_token(ctx, request, caller, *token),
                 [](const auto& issued) { return to_json(issued); }, 201);
         }});
    router.add({"DELETE", "/api/v1/tokens/{token}", Access::signed_in, Permission::read,
                operation("revokeToken"), "Revoke one of the caller's API tokens",
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
