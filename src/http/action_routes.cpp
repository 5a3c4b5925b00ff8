// Improvement actions: the board, create, edit, escalate short → long, delete, and the drafts
// proposed for findings no action answers yet.
#include "domain/review.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/json.hpp"

namespace cdcwb::http {

using domain::Permission;

namespace {

Response action_response(ApiContext& ctx, const std::string& org,
                         const domain::Result<store::ActionRecord>& result, int status,
                         const std::string& action_id = {}) {
    if (!result) {
        // A conflict answers with the action as it is now, so the client can show both.
        if (result.error().code != domain::ErrorCode::conflict || action_id.empty())
            return error_response(result.error());
        auto body = Json::parse(error_response(result.error()).body);
        auto state = ctx.store.load(org, store::History::summaries);
        if (state)
            if (auto dir = directory_for(ctx, *state))
                for (const auto& a : state->actions)
                    if (a.action.id == action_id) body["current"] = to_json(a, *dir, ctx.today());
        return json_response(body, 409);
    }
    auto state = ctx.store.load(org, store::History::summaries);
    if (!state) return error_response(state.error());
    auto dir = directory_for(ctx, *state);
    if (!dir) return error_response(dir.error());
    auto r = json_response(to_json(*result, *dir, ctx.today()), status);
    r.set_header("ETag", "\"" + std::to_string(result->revision) + "\"");
    return r;
}

} // namespace

void add_action_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/orgs/{org}/actions", Access::organisation, Permission::read,
                "Every improvement action, with its phase, cycle, status and history",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto state = ctx.store.load(p["org"], store::History::summaries);
                    if (!state) return error_response(state.error());
                    auto dir = directory_for(ctx, *state);
                    if (!dir) return error_response(dir.error());
                    Json out = Json::array();
                    for (const auto& a : state->actions)
                        out.push_back(to_json(a, *dir, ctx.today()));
                    return json_response(Json{{"actions", out}});
                }});
    router.add({"POST", "/api/v1/orgs/{org}/actions", Access::organisation, Permission::edit,
                "Create an action (an empty id is numbered A-<n>)",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    auto action = action_from_json(*body, "");
                    if (!action) return error_response(action.error());
                    return action_response(
                        ctx, p["org"], ctx.store.create_action(caller.actor(), p["org"], *action),
                        201);
                }});
    router.add({"GET", "/api/v1/orgs/{org}/actions/{action}", Access::organisation,
                Permission::read, "One action; its ETag is its revision",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto state = ctx.store.load(p["org"], store::History::summaries);
                    if (!state) return error_response(state.error());
                    for (const auto& a : state->actions)
                        if (a.action.id == p["action"])
                            return action_response(ctx, p["org"], a, 200);
                    return error_response(404, "not_found", "no action '" + p["action"] + "'",
                                          "action");
                }});
    router.add({"PUT", "/api/v1/orgs/{org}/actions/{action}", Access::organisation,
                Permission::edit, "Replace an action (If-Match or \"revision\")",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    auto revision = expected_revision(request, &*body);
                    if (!revision) return error_response(revision.error());
                    auto action = action_from_json(*body, p["action"]);
                    if (!action) return error_response(action.error());
                    return action_response(
                        ctx, p["org"],
                        ctx.store.update_action(caller.actor(), p["org"], *action, *revision), 200,
                        p["action"]);
                }});
    router.add({"POST", "/api/v1/orgs/{org}/actions/{action}/escalation", Access::organisation,
                Permission::edit,
                "Move a short-cycle action into the long cycle: {\"note\", \"date\", \"revision\"}",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    Fields f(*body);
                    f.only({"note", "date", "revision"});
                    auto note = f.text("note").value_or("");
                    auto date = f.text("date");
                    if (f.error()) return error_response(*f.error());
                    auto revision = expected_revision(request, &*body);
                    if (!revision) return error_response(revision.error());
                    auto day = date_from(date, "date", ctx.today());
                    if (!day) return error_response(day.error());
                    return action_response(ctx, p["org"],
                                           ctx.store.escalate_action(caller.actor(), p["org"],
                                                                     p["action"], *day, note,
                                                                     *revision),
                                           200, p["action"]);
                }});
    router.add({"DELETE", "/api/v1/orgs/{org}/actions/{action}", Access::organisation,
                Permission::edit, "Delete an action (If-Match: its revision)",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto revision = expected_revision(request, nullptr);
                    if (!revision) return error_response(revision.error());
                    if (auto done = ctx.store.delete_action(caller.actor(), p["org"], p["action"],
                                                            *revision);
                        !done)
                        return error_response(done.error());
                    Response r;
                    r.status = 204;
                    return r;
                }});
    router.add({"GET", "/api/v1/orgs/{org}/action-drafts", Access::organisation, Permission::read,
                "Draft actions for the current findings no open action answers (not saved)",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto state = ctx.store.load(p["org"], store::History::summaries);
                    if (!state) return error_response(state.error());
                    auto dir = directory_for(ctx, *state);
                    if (!dir) return error_response(dir.error());
                    const auto assessment = state->assessment();
                    const auto* tmpl =
                        assessment.reference_template.empty()
                            ? nullptr
                            : ctx.library.find_template(assessment.reference_template);
                    const auto evaluation =
                        domain::evaluate(*dir, assessment.services, tmpl ? &tmpl->tmpl : nullptr);
                    Json out = Json::array();
                    for (const auto& a :
                         domain::draft_actions(evaluation, *dir, assessment.actions, ctx.today()))
                        out.push_back(report::to_json(a, *dir, ctx.today()));
                    return json_response(Json{{"drafts", out}});
                }});
}

} // namespace cdcwb::http
