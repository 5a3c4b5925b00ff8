// Evaluations (run, list, read, approve, compare two, trends) and the trigger events that make
// them due.
#include "domain/trigger.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/json.hpp"
#include "report/schema.hpp"

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

namespace {

std::optional<std::string> query(const Request& request, const std::string& name) {
    auto it = request.query.find(name);
    if (it == request.query.end()) return std::nullopt;
    return it->second;
}

/// What GET …/trends answers (built below).
Json trends_schema() {
    const auto point =
        object({{"evaluation", string()}, {"date", string()}, {"value", ref("Aggregate")}});
    return list_of("trends", object({{"scope", string()}, {"points", array_of(point)}}));
}

} // namespace

void add_evaluation_routes(Router& router, ApiContext& ctx) {
    router.add(
        {"GET", "/api/v1/orgs/{org}/evaluations", Access::organisation, Permission::read,
         operation("listEvaluations", nullptr, list_of("evaluations", ref("EvaluationSummary"))),
         "Every recorded evaluation, oldest first, with finding counts and approval",
         [&ctx](const Request&, const Params& p, const Caller&) {
             auto state = ctx.store.load(p["org"], store::History::summaries);
             if (!state) return error_response(state.error());
             Json out = Json::array();
             for (const auto& e : state->evaluations) out.push_back(to_json(e, false));
             return json_response(Json{{"evaluations", out}});
         }});
    router.add({"POST", "/api/v1/orgs/{org}/evaluations", Access::organisation, Permission::edit,
                operation("runEvaluation",
                          optional_object({{"id", string()},
                                           {"date", string()},
                                           {"kinds", array_of(ref("EvaluationKind"))},
                                           {"note", string()}}),
                          ref("Evaluation")),
                "Run the evaluations on the current matrix and record them: {\"date\", \"kinds\", "
                "\"note\", \"id\"} (all optional)",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    Json body = Json::object();
                    if (!request.body.empty()) {
                        auto parsed = parse_body(request);
                        if (!parsed) return error_response(parsed.error());
                        body = *parsed;
                    }
                    Fields f(body);
                    f.only({"id", "date", "kinds", "note"});
                    store::NewEvaluation e;
                    e.id = f.text("id").value_or("");
                    e.note = f.text("note").value_or("");
                    auto date = f.text("date");
                    auto kinds = f.texts("kinds");
                    if (f.error()) return error_response(*f.error());
                    auto day = date_from(date, "date", ctx.today());
                    if (!day) return error_response(day.error());
                    e.date = *day;
                    for (const auto& k : kinds.value_or(std::vector<std::string>{})) {
                        auto kind = domain::parse_evaluation_kind(k);
                        if (!kind)
                            return error_response(400, "invalid_input",
                                                  "unknown kind '" + k +
                                                      "'; use catalogue, profile or portfolio",
                                                  "kinds");
                        e.kinds.push_back(*kind);
                    }
                    return respond(
                        ctx.store.run_evaluation(caller.actor(), p["org"], e),
                        [](const auto& r) { return to_json(r, true); }, 201);
                }});
    router.add({"GET", "/api/v1/orgs/{org}/evaluations/{evaluation}", Access::organisation,
                Permission::read, operation("getEvaluation", nullptr, ref("Evaluation")),
                "One evaluation: the matrix it judged and its findings",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.evaluation(p["org"], p["evaluation"]),
                                   [](const auto& r) { return to_json(r, true); });
                }});
    router.add({"POST", "/api/v1/orgs/{org}/evaluations/{evaluation}/approval",
                Access::organisation, Permission::approve,
                operation("approveEvaluation", optional_object({{"date", string()}}),
                          ref("EvaluationSummary")),
                "Sign off an evaluation (once): {\"date\"} optional, default today",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    std::optional<std::string> date;
                    if (!request.body.empty()) {
                        auto body = parse_body(request);
                        if (!body) return error_response(body.error());
                        Fields f(*body);
                        f.only({"date"});
                        date = f.text("date");
                        if (f.error()) return error_response(*f.error());
                    }
                    auto day = date_from(date, "date", ctx.today());
                    if (!day) return error_response(day.error());
                    return respond(ctx.store.approve_evaluation(caller.actor(), p["org"],
                                                                p["evaluation"], *day),
                                   [](const auto& r) { return to_json(r, false); });
                }});
    router.add(
        {"GET", "/api/v1/orgs/{org}/changes", Access::organisation, Permission::read,
         operation(
             "listChanges", nullptr,
             object({{"from", string()}, {"to", string()}, {"changes", array_of(ref("Change"))}})),
         "What changed between two evaluations: ?from=ID&to=ID (to omitted: the current "
         "matrix)",
         [&ctx](const Request& request, const Params& p, const Caller&) {
             auto from_id = query(request, "from");
             if (!from_id)
                 return error_response(400, "invalid_input",
                                       "give the earlier evaluation as ?from=ID", "from");
             auto state = ctx.store.load(p["org"]);
             if (!state) return error_response(state.error());
             auto dir = directory_for(ctx, *state);
             if (!dir) return error_response(dir.error());
             const auto find = [&](const std::string& id) -> const domain::Snapshot* {
                 for (const auto& e : state->evaluations)
                     if (e.snapshot.id == id) return &e.snapshot;
                 return nullptr;
             };
             const auto* from = find(*from_id);
             if (!from)
                 return error_response(404, "not_found", "no evaluation '" + *from_id + "'",
                                       "from");
             domain::Snapshot now_snapshot;
             const domain::Snapshot* to = nullptr;
             if (auto to_id = query(request, "to")) {
                 to = find(*to_id);
                 if (!to)
                     return error_response(404, "not_found", "no evaluation '" + *to_id + "'",
                                           "to");
             } else {
                 std::vector<domain::ServiceEntry> entries;
                 for (const auto& e : state->entries) entries.push_back(e.entry);
                 now_snapshot = domain::take_snapshot("current", ctx.today(), entries);
                 to = &now_snapshot;
             }
             Json changes = Json::array();
             for (const auto& c : domain::diff(*dir, *from, *to))
                 changes.push_back(report::to_json(c));
             return json_response(Json{{"from", from->id}, {"to", to->id}, {"changes", changes}});
         }});
    router.add({"GET", "/api/v1/orgs/{org}/trends", Access::organisation, Permission::read,
                operation("listTrends", nullptr, trends_schema()),
                "Overall and per-category scores over every recorded evaluation",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto state = ctx.store.load(p["org"]);
                    if (!state) return error_response(state.error());
                    auto dir = directory_for(ctx, *state);
                    if (!dir) return error_response(dir.error());
                    std::vector<domain::Snapshot> snapshots;
                    for (const auto& e : state->evaluations) snapshots.push_back(e.snapshot);
                    Json out = Json::array();
                    for (const auto& t : domain::trends(*dir, snapshots)) {
                        Json points = Json::array();
                        for (const auto& point : t.points)
                            points.push_back({{"evaluation", point.snapshot_id},
                                              {"date", point.date.to_string()},
                                              {"value", report::to_json(point.value)}});
                        out.push_back({{"scope", t.scope}, {"points", points}});
                    }
                    return json_response(Json{{"trends", out}});
                }});

    router.add({"GET", "/api/v1/orgs/{org}/events", Access::organisation, Permission::read,
                operation("listEvents", nullptr, list_of("events", ref("Event"))),
                "The trigger events recorded",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto state = ctx.store.load(p["org"], store::History::summaries);
                    if (!state) return error_response(state.error());
                    Json out = Json::array();
                    for (const auto& e : state->events) out.push_back(to_json(e));
                    return json_response(Json{{"events", out}});
                }});
    router.add({"POST", "/api/v1/orgs/{org}/events", Access::organisation, Permission::edit,
                operation("recordEvent", ref("EventInput"), ref("Event")),
                "Record a trigger event: {\"date\", \"kind\", \"note\"}",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    auto event = event_from_json(*body);
                    if (!event) return error_response(event.error());
                    return respond(
                        ctx.store.add_event(caller.actor(), p["org"], *event),
                        [](const auto& e) { return to_json(e); }, 201);
                }});
    router.add({"GET", "/api/v1/orgs/{org}/due", Access::organisation, Permission::read,
                operation("listDueEvaluations", nullptr,
                          object({{"date", string()}, {"due", array_of(ref("DueEvaluation"))}})),
                "The evaluations due and why (?date=YYYY-MM-DD, default today)",
                [&ctx](const Request& request, const Params& p, const Caller&) {
                    auto day = date_from(query(request, "date"), "date", ctx.today());
                    if (!day) return error_response(day.error());
                    auto state = ctx.store.load(p["org"], store::History::summaries);
                    if (!state) return error_response(state.error());
                    const auto assessment = state->assessment();
                    Json out = Json::array();
                    for (const auto& d :
                         domain::due_evaluations(assessment.events, assessment.evaluations, *day,
                                                 assessment.evaluation_interval_days))
                        out.push_back(report::to_json(d));
                    return json_response(Json{{"date", day->to_string()}, {"due", out}});
                }});
}

} // namespace cdcwb::http
