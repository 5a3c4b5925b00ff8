// Organisations, their members, the live review (scores, findings, what is due) and export.
#include "domain/review.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/export.hpp"
#include "report/json.hpp"
#include "report/schema.hpp"

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

void add_organisation_routes(Router& router, ApiContext& ctx) {
    router.add(
        {"GET", "/api/v1/orgs", Access::signed_in, Permission::read,
         operation(
             "listOrganisations", nullptr,
             object({{"organisations", array_of(extended(ref("Organisation"),
                                                         {{"role", nullable(ref("Role"))}}))}})),
         "The organisations the caller belongs to (all, for site administrators)",
         [&ctx](const Request&, const Params&, const Caller& caller) {
             return respond(
                 ctx.store.users.organisations_of(caller.user->username, caller.site_admin()),
                 [](const auto& visible) { return list_json("organisations", visible); });
         }});
    router.add({"POST", "/api/v1/orgs", Access::site_admin, Permission::edit,
                operation("createOrganisation", ref("OrganisationInput"), ref("Organisation")),
                "Create an organisation, optionally starting from a template's levels",
                [&ctx](const Request& request, const Params&, const Caller& caller) {
                    auto org = decoded_body(request, new_organisation_from_json);
                    if (!org) return error_response(org.error());
                    return respond(
                        ctx.store.organisations.create_organisation(caller.actor(), *org),
                        [](const auto& o) { return to_json(o); }, 201);
                }});
    router.add({"GET", "/api/v1/orgs/{org}", Access::organisation, Permission::read,
                operation("getOrganisation", nullptr, ref("Organisation")),
                "One organisation's settings",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.organisations.organisation(p["org"]),
                                   [](const auto& o) { return to_json(o); });
                }});
    router.add(
        {"PATCH", "/api/v1/orgs/{org}", Access::organisation, Permission::manage_members,
         operation("updateOrganisation", ref("OrganisationSettingsInput"), ref("Organisation")),
         "Change the name, reference template, evaluation interval or whether approvals "
         "need someone other than who recorded the evaluation (If-Match: revision)",
         [&ctx](const Request& request, const Params& p, const Caller& caller) {
             auto body = parse_body(request);
             if (!body) return error_response(body.error());
             auto settings = settings_from_json(*body);
             if (!settings) return error_response(settings.error());
             auto revision = expected_revision(request, &*body);
             if (!revision) return error_response(revision.error());
             return record_answer(
                 ctx.store.organisations.update_organisation(caller.actor(), p["org"], *settings,
                                                             *revision),
                 [&] { return ctx.store.organisations.organisation(p["org"]); },
                 [](const store::OrganisationRecord& o) { return to_json(o); });
         }});
    router.add({"DELETE", "/api/v1/orgs/{org}", Access::site_admin, Permission::edit,
                operation("deleteOrganisation"),
                "Delete an organisation and everything in it (the audit log keeps its history)",
                [&ctx](const Request&, const Params& p, const Caller& caller) {
                    return done_answer(
                        ctx.store.organisations.delete_organisation(caller.actor(), p["org"]));
                }});

    router.add({"GET", "/api/v1/orgs/{org}/members", Access::organisation, Permission::read,
                operation("listMembers", nullptr, list_of("members", ref("Membership"))),
                "The organisation's members and their roles",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.users.members(p["org"]), [](const auto& members) {
                        return list_json("members", members);
                    });
                }});
    router.add({"PUT", "/api/v1/orgs/{org}/members/{user}", Access::organisation,
                Permission::manage_members,
                operation("setMemberRole", ref("MembershipInput"),
                          object({{"org", string()}, {"user", string()}, {"role", ref("Role")}})),
                "Give a user a role here: {\"role\": \"assessor\"}",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto role = decoded_body(request, role_from_json);
                    if (!role) return error_response(role.error());
                    if (auto done =
                            ctx.store.users.set_role(caller.actor(), p["org"], p["user"], *role);
                        !done)
                        return error_response(done.error());
                    return json_response(Json{{"org", p["org"]},
                                              {"user", p["user"]},
                                              {"role", std::string(domain::to_string(*role))}});
                }});
    router.add({"DELETE", "/api/v1/orgs/{org}/members/{user}", Access::organisation,
                Permission::manage_members, operation("removeMember"),
                "Remove a user from the organisation",
                [&ctx](const Request&, const Params& p, const Caller& caller) {
                    return done_answer(
                        ctx.store.users.remove_member(caller.actor(), p["org"], p["user"]));
                }});

    router.add({"GET", "/api/v1/orgs/{org}/review", Access::organisation, Permission::read,
                operation("getReview", nullptr, ref("Review")).with_query({"date"}),
                "The live evaluation: scores, findings, changes since the last evaluation, "
                "trend, what is due, draft actions (?date=YYYY-MM-DD)",
                [&ctx](const Request& request, const Params& p, const Caller&) {
                    auto date = date_from(query(request, "date"), "date", ctx.today());
                    if (!date) return error_response(date.error());
                    return respond(
                        ctx.store.evaluations.review(p["org"], *date),
                        [](const auto& live) { return report::review_document(live->review); });
                }});
    router.add({"GET", "/api/v1/orgs/{org}/export", Access::organisation, Permission::read,
                operation("exportOrganisation", nullptr, string(), "application/yaml"),
                "The organisation as a cdcwb/v1 assessment file (YAML)",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto text = report::export_organisation(ctx.store, p["org"]);
                    if (!text) return error_response(text.error());
                    return attachment(std::move(*text), "application/yaml; charset=utf-8",
                                      p["org"] + ".yaml");
                }});
}

} // namespace cdcwb::http
