// Evaluations (run, list, read, approve, compare two, trends) and the trigger events that make
// them due.
#include "domain/trigger.hpp"
#include "http/answers.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/json.hpp"
#include "report/schema.hpp"

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

namespace {

/// What GET …/trends answers (built below).
Json trends_schema() {
    return list_of("trends", report::trend_schema());
}

} // namespace

void add_evaluation_routes(Router& router, ApiContext& ctx) {
    router.add(
        {"GET", "/api/v1/orgs/{org}/evaluations", Access::organisation, Permission::read,
         operation("listEvaluations", nullptr, list_of("evaluations", ref("EvaluationSummary"))),
         "Every recorded evaluation, oldest first, with finding counts and approval",
         [&ctx](const Request&, const Params& p, const Caller&) {
             return state_list(ctx, p["org"], "evaluations", &store::OrganisationState::evaluations,
                               [](const auto& e) { return to_json(e, false); });
         }});
    router.add({"POST", "/api/v1/orgs/{org}/evaluations", Access::organisation, Permission::edit,
                operation("runEvaluation", ref("EvaluationInput"), ref("Evaluation")),
                "Run the evaluations on the current matrix and record them: {\"date\", \"kinds\", "
                "\"note\", \"id\"} (all optional)",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto e = decoded_optional_body(request, [&](const Json& body) {
                        return new_evaluation_from_json(body, ctx.today());
                    });
                    if (!e) return error_response(e.error());
                    return respond(
                        ctx.store.evaluations.run_evaluation(caller.actor(), p["org"], *e),
                        [](const auto& r) { return to_json(r, true); }, 201);
                }});
    router.add({"GET", "/api/v1/orgs/{org}/evaluations/{evaluation}", Access::organisation,
                Permission::read, operation("getEvaluation", nullptr, ref("Evaluation")),
                "One evaluation: the matrix it judged and its findings",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.evaluations.evaluation(p["org"], p["evaluation"]),
                                   [](const auto& r) { return to_json(r, true); });
                }});
    router.add({"POST", "/api/v1/orgs/{org}/evaluations/{evaluation}/approval",
                Access::organisation, Permission::approve,
                operation("approveEvaluation", ref("ApprovalInput"), ref("EvaluationSummary")),
                "Sign off an evaluation (once), dated today; by someone other than who recorded "
                "it when the organisation separates the duties",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto date = decoded_optional_body(request, approval_from_json);
                    if (!date) return error_response(date.error());
                    return respond(ctx.store.evaluations.approve_evaluation(
                                       caller.actor(), p["org"], p["evaluation"], *date),
                                   [](const auto& r) { return to_json(r, false); });
                }});
    router.add({"GET", "/api/v1/orgs/{org}/changes", Access::organisation, Permission::read,
                operation("listChanges", nullptr, json_shape<store::ChangeSet>().schema())
                    .with_query({"from", "to"}),
                "What changed between two evaluations: ?from=ID&to=ID (to omitted: the current "
                "matrix)",
                [&ctx](const Request& request, const Params& p, const Caller&) {
                    auto from = query(request, "from");
                    if (!from)
                        return error_response(
                            domain::invalid("give the earlier evaluation as ?from=ID", "from"));
                    auto to = query(request, "to");
                    return respond(ctx.store.evaluations.changes(p["org"], *from, to, ctx.today()),
                                   [](const auto& c) { return to_json(c); });
                }});
    router.add({"GET", "/api/v1/orgs/{org}/trends", Access::organisation, Permission::read,
                operation("listTrends", nullptr, trends_schema()),
                "Overall and per-category scores over every recorded evaluation",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.evaluations.trends(p["org"]), [](const auto& trends) {
                        return list_json("trends", trends,
                                         [](const auto& t) { return report::to_json(t); });
                    });
                }});

    router.add({"GET", "/api/v1/orgs/{org}/events", Access::organisation, Permission::read,
                operation("listEvents", nullptr, list_of("events", ref("Event"))),
                "The trigger events recorded",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return state_list(ctx, p["org"], "events", &store::OrganisationState::events);
                }});
    router.add({"POST", "/api/v1/orgs/{org}/events", Access::organisation, Permission::edit,
                operation("recordEvent", ref("EventInput"), ref("Event")),
                "Record a trigger event: {\"date\", \"kind\", \"note\"}",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto event = decoded_body(request, event_from_json);
                    if (!event) return error_response(event.error());
                    return respond(
                        ctx.store.evaluations.add_event(caller.actor(), p["org"], *event),
                        [](const auto& e) { return to_json(e); }, 201);
                }});
    router.add({"GET", "/api/v1/orgs/{org}/due", Access::organisation, Permission::read,
                operation("listDueEvaluations", nullptr,
                          object({{"date", string()}, {"due", array_of(ref("DueEvaluation"))}}))
                    .with_query({"date"}),
                "The evaluations due and why (?date=YYYY-MM-DD, default today)",
                [&ctx](const Request& request, const Params& p, const Caller&) {
                    auto day = date_from(query(request, "date"), "date", ctx.today());
                    if (!day) return error_response(day.error());
                    auto state = ctx.store.organisations.load(p["org"], store::History::summaries);
                    if (!state) return error_response(state.error());
                    const auto assessment = state->assessment();
                    Json out{{"date", day->to_string()}};
                    out.update(list_json(
                        "due",
                        domain::due_evaluations(assessment.events, assessment.evaluations, *day,
                                                assessment.evaluation_interval_days),
                        [](const auto& d) { return report::to_json(d); }));
                    return json_response(out);
                }});
}

} // namespace cdcwb::http
