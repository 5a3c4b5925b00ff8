// The caller's own account: their sessions (list, end one, end the others) and their password.
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"
#include "store/secrets.hpp"

namespace cdcwb::http {

using namespace report::schema;
using domain::Permission;

namespace {

/// The caller's session, when they call with one (an API token has none).
std::optional<std::string> own_session(const Caller& caller) {
    if (caller.via != Caller::Via::session) return std::nullopt;
    return caller.session_id;
}

/// GET /api/v1/me/sessions.
Response my_sessions(ApiContext& ctx, const Caller& caller) {
    auto sessions =
        ctx.store.credentials.sessions_of(caller.user->id, ctx.auth.options().session_idle_timeout);
    if (!sessions) return error_response(sessions.error());
    Json list = Json::array();
    for (const auto& s : *sessions)
        list.push_back(to_json(
            OwnSession{s, caller.via == Caller::Via::session && s.public_id == caller.session_id}));
    return json_response(Json{{"sessions", list}});
}

/// POST /api/v1/me/password: the current password checked like a sign-in (a wrong one counts as
/// a failed sign-in and waits the same), then the same store operation as an administrator's
/// reset, which ends every other session of the account.
Response change_my_password(ApiContext& ctx, const Request& request, const Caller& caller) {
    auto change = decoded_body(request, password_change_from_json);
    if (!change) return error_response(change.error());
    const store::secrets::WipeOnExit wipe_current(change->current_password);
    const store::secrets::WipeOnExit wipe_new(change->new_password);
    std::chrono::seconds retry_after{0};
    auto checked = ctx.auth.check_password(caller.user->username, change->current_password,
                                           request.remote_address, retry_after);
    if (!checked && checked.error().code == domain::ErrorCode::unauthenticated)
        return error_response(
            domain::forbidden("the current password is wrong", "current_password"));
    if (!checked) return refusal(checked.error(), retry_after);
    store::AccountChange account;
    account.password = change->new_password;
    const store::secrets::WipeOnExit wipe_copy(account.password);
    account.keep_session = own_session(caller);
    auto updated = ctx.store.users.update_account(caller.actor(), caller.user->username, account);
    if (!updated && updated.error().field == "password") {
        auto error = updated.error();
        error.field = "new_password";
        return error_response(error);
    }
    return done_answer(updated ? domain::Status{} : domain::Status{updated.error()});
}

} // namespace

void add_account_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/me/sessions", Access::signed_in, Permission::read,
                operation("listMySessions", nullptr, list_of("sessions", ref("SessionInfo"))),
                "The caller's open sessions: when each began and was last used, the address it "
                "was opened from, and which one is making this request (never the tokens)",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    return my_sessions(ctx, caller);
                }});
    router.add({"DELETE", "/api/v1/me/sessions/{session}", Access::signed_in, Permission::read,
                operation("endMySession"),
                "End one of the caller's sessions, by the id GET /api/v1/me/sessions gives",
                [&ctx](const Request&, const Params& p, const Caller& caller) {
                    return done_answer(ctx.store.credentials.end_session_by_id(
                        caller.actor(), caller.user->id, p["session"]));
                }});
    router.add({"DELETE", "/api/v1/me/sessions", Access::signed_in, Permission::read,
                operation("endMyOtherSessions", nullptr, object({{"ended", integer()}})),
                "Sign out everywhere else: ends every session of the caller except the one "
                "making this request (which must be a session, not an API token)",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    const auto kept = own_session(caller);
                    if (!kept)
                        return error_response(domain::invalid(
                            "sign out everywhere else from a signed-in session; an API token has "
                            "no session to keep",
                            "authorization"));
                    return respond(
                        ctx.store.credentials.end_sessions(caller.actor(), caller.user->id, kept),
                        [](long long n) {
                            return Json{{"ended", n}};
                        });
                }});
    router.add({"POST", "/api/v1/me/password", Access::signed_in, Permission::read,
                operation("changeMyPassword", ref("PasswordChangeInput")),
                "Change the caller's own password: {\"current_password\", \"new_password\"}; "
                "ends their other sessions",
                [&ctx](const Request& request, const Params&, const Caller& caller) {
                    return change_my_password(ctx, request, caller);
                }});
}

} // namespace cdcwb::http
