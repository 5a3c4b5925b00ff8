// Improvement actions: the board, create, edit, escalate short → long, delete, and the drafts
// proposed for findings no action answers yet.
#include "domain/review.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/json.hpp"
#include "report/schema.hpp"

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

namespace {

/// Answers one action (or a 409 with the action as it is now), named through the organisation's
/// directory.
template <class Write>
Response action_answer(ApiContext& ctx, const std::string& org, const std::string& id,
                       Write&& write, int ok_status = 200) {
    auto dir = ctx.store.organisations.directory_of(org);
    if (!dir) return error_response(dir.error());
    return record_answer(
        write(), [&] { return ctx.store.actions.action(org, id); },
        [&](const store::ActionRecord& a) { return to_json(a, **dir, ctx.today()); }, ok_status);
}

} // namespace

void add_action_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/orgs/{org}/actions", Access::organisation, Permission::read,
                operation("listActions", nullptr, list_of("actions", ref("Action"))),
                "Every improvement action, with its phase, cycle, status and history",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto state = ctx.store.organisations.load(p["org"], store::History::summaries);
                    if (!state) return error_response(state.error());
                    auto dir = ctx.store.organisations.directory_of(p["org"]);
                    if (!dir) return error_response(dir.error());
                    return json_response(list_json("actions", state->actions, [&](const auto& a) {
                        return to_json(a, **dir, ctx.today());
                    }));
                }});
    router.add(
        {"POST", "/api/v1/orgs/{org}/actions", Access::organisation, Permission::edit,
         operation("createAction", ref("ActionInput"), ref("Action")),
         "Create an action (an empty id is numbered A-<n>)",
         [&ctx](const Request& request, const Params& p, const Caller& caller) {
             auto action =
                 decoded_body(request, [](const Json& body) { return action_from_json(body, ""); });
             if (!action) return error_response(action.error());
             return action_answer(
                 ctx, p["org"], action->id,
                 [&] { return ctx.store.actions.create_action(caller.actor(), p["org"], *action); },
                 201);
         }});
    router.add(
        {"GET", "/api/v1/orgs/{org}/actions/{action}", Access::organisation, Permission::read,
         operation("getAction", nullptr, ref("Action")), "One action; its ETag is its revision",
         [&ctx](const Request&, const Params& p, const Caller&) {
             return action_answer(ctx, p["org"], p["action"],
                                  [&] { return ctx.store.actions.action(p["org"], p["action"]); });
         }});
    router.add({"PUT", "/api/v1/orgs/{org}/actions/{action}", Access::organisation,
                Permission::edit, operation("updateAction", ref("ActionInput"), ref("Action")),
                "Replace an action (If-Match or \"revision\")",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    auto revision = expected_revision(request, &*body);
                    if (!revision) return error_response(revision.error());
                    auto action = action_from_json(*body, p["action"]);
                    if (!action) return error_response(action.error());
                    return action_answer(ctx, p["org"], p["action"], [&] {
                        return ctx.store.actions.update_action(caller.actor(), p["org"], *action,
                                                               *revision);
                    });
                }});
    router.add({"POST", "/api/v1/orgs/{org}/actions/{action}/escalation", Access::organisation,
                Permission::edit,
                operation("escalateAction", ref("EscalationInput"), ref("Action")),
                "Move a short-cycle action into the long cycle: {\"note\", \"date\", \"revision\"}",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    auto escalation = escalation_from_json(*body, ctx.today());
                    if (!escalation) return error_response(escalation.error());
                    auto revision = expected_revision(request, &*body);
                    if (!revision) return error_response(revision.error());
                    return action_answer(ctx, p["org"], p["action"], [&] {
                        return ctx.store.actions.escalate_action(caller.actor(), p["org"],
                                                                 p["action"], escalation->date,
                                                                 escalation->note, *revision);
                    });
                }});
    router.add({"DELETE", "/api/v1/orgs/{org}/actions/{action}", Access::organisation,
                Permission::edit, operation("deleteAction"),
                "Delete an action (If-Match: its revision)",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto revision = expected_revision(request, nullptr);
                    if (!revision) return error_response(revision.error());
                    return done_answer(ctx.store.actions.delete_action(caller.actor(), p["org"],
                                                                       p["action"], *revision));
                }});
    router.add({"GET", "/api/v1/orgs/{org}/action-drafts", Access::organisation, Permission::read,
                operation("listActionDrafts", nullptr, list_of("drafts", ref("DraftAction"))),
                "Draft actions for the current findings no open action answers (not saved)",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto drafts = ctx.store.evaluations.action_drafts(p["org"], ctx.today());
                    if (!drafts) return error_response(drafts.error());
                    auto dir = ctx.store.organisations.directory_of(p["org"]);
                    if (!dir) return error_response(dir.error());
                    return json_response(list_json("drafts", *drafts, [&](const auto& a) {
                        return report::to_json(a, **dir, ctx.today());
                    }));
                }});
}

} // namespace cdcwb::http
