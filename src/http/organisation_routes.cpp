// Organisations, their members, the live review (scores, findings, what is due) and export.
#include "domain/review.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/assessment_file.hpp"
#include "report/json.hpp"
#include "report/schema.hpp"

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

void add_organisation_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/orgs", Access::signed_in, Permission::read,
                operation("listOrganisations", nullptr,
                          object({{"organisations",
                                   array_of(extended(ref("Organisation"),
                                                     {{"role", nullable(ref("Role"))}}))}})),
                "The organisations the caller belongs to (all, for site administrators)",
                [&ctx](const Request&, const Params&, const Caller& caller) {
                    auto all = ctx.store.organisations();
                    if (!all) return error_response(all.error());
                    auto mine = ctx.store.memberships(caller.user->username);
                    if (!mine) return error_response(mine.error());
                    Json out = Json::array();
                    for (const auto& org : *all) {
                        Json role = nullptr;
                        for (const auto& m : *mine)
                            if (m.org_slug == org.slug)
                                role = std::string(domain::to_string(m.role));
                        if (role.is_null() && !caller.site_admin()) continue;
                        Json item = to_json(org);
                        item["role"] = role;
                        out.push_back(item);
                    }
                    return json_response(Json{{"organisations", out}});
                }});
    router.add({"POST", "/api/v1/orgs", Access::site_admin, Permission::edit,
                operation("createOrganisation",
                          object({{"id", string()},
                                  {"name", string()},
                                  {"catalog", string()},
                                  {"template", string()}},
                                 {"catalog", "template"}),
                          ref("Organisation")),
                "Create an organisation, optionally starting from a template's levels",
                [&ctx](const Request& request, const Params&, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    Fields f(*body);
                    f.only({"id", "name", "catalog", "template"});
                    store::NewOrganisation org{
                        f.text("id").value_or(""), f.text("name").value_or(""),
                        f.text("catalog").value_or("x1060-2021"), f.text("template").value_or("")};
                    if (f.error()) return error_response(*f.error());
                    return respond(
                        ctx.store.create_organisation(caller.actor(), org),
                        [](const auto& o) { return to_json(o); }, 201);
                }});
    router.add({"GET", "/api/v1/orgs/{org}", Access::organisation, Permission::read,
                operation("getOrganisation", nullptr, ref("Organisation")),
                "One organisation's settings",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.organisation(p["org"]),
                                   [](const auto& o) { return to_json(o); });
                }});
    router.add(
        {"PATCH", "/api/v1/orgs/{org}", Access::organisation, Permission::manage_members,
         operation("updateOrganisation",
                   optional_object({{"name", string()},
                                    {"reference_template", string()},
                                    {"evaluation_interval_days", integer()},
                                    {"revision", integer()}}),
                   ref("Organisation")),
         "Change the name, reference template or evaluation interval (If-Match: revision)",
         [&ctx](const Request& request, const Params& p, const Caller& caller) {
             auto body = parse_body(request);
             if (!body) return error_response(body.error());
             auto current = ctx.store.organisation(p["org"]);
             if (!current) return error_response(current.error());
             Fields f(*body);
             f.only({"name", "reference_template", "evaluation_interval_days", "revision"});
             const auto interval =
                 f.integer("evaluation_interval_days").value_or(current->evaluation_interval_days);
             store::OrganisationSettings s{
                 f.text("name").value_or(current->name),
                 f.has("reference_template") ? f.text("reference_template").value_or("")
                                             : current->reference_template,
                 // Out of int's range: a value the domain rule refuses, never a wrapped one.
                 interval < 0 || interval > 100000 ? 0 : static_cast<int>(interval)};
             if (f.error()) return error_response(*f.error());
             auto revision = expected_revision(request, &*body);
             if (!revision) return error_response(revision.error());
             auto updated = ctx.store.update_organisation(caller.actor(), p["org"], s, *revision);
             if (!updated && updated.error().code == domain::ErrorCode::conflict) {
                 // The settings as they are now, so the client can show both.
                 auto conflict = Json::parse(error_response(updated.error()).body);
                 if (auto now = ctx.store.organisation(p["org"]))
                     conflict["current"] = to_json(*now);
                 return json_response(conflict, 409);
             }
             return respond(updated, [](const auto& o) { return to_json(o); });
         }});
    router.add({"DELETE", "/api/v1/orgs/{org}", Access::site_admin, Permission::edit,
                operation("deleteOrganisation"),
                "Delete an organisation and everything in it (the audit log keeps its history)",
                [&ctx](const Request&, const Params& p, const Caller& caller) {
                    if (auto done = ctx.store.delete_organisation(caller.actor(), p["org"]); !done)
                        return error_response(done.error());
                    Response r;
                    r.status = 204;
                    return r;
                }});

    router.add({"GET", "/api/v1/orgs/{org}/members", Access::organisation, Permission::read,
                operation("listMembers", nullptr, list_of("members", ref("Membership"))),
                "The organisation's members and their roles",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.members(p["org"]), [](const auto& members) {
                        Json out = Json::array();
                        for (const auto& m : members) out.push_back(to_json(m));
                        return Json{{"members", out}};
                    });
                }});
    router.add(
        {"PUT", "/api/v1/orgs/{org}/members/{user}", Access::organisation,
         Permission::manage_members,
         operation("setMemberRole", object({{"role", ref("Role")}}),
                   object({{"org", string()}, {"user", string()}, {"role", ref("Role")}})),
         "Give a user a role here: {\"role\": \"assessor\"}",
         [&ctx](const Request& request, const Params& p, const Caller& caller) {
             auto body = parse_body(request);
             if (!body) return error_response(body.error());
             Fields f(*body);
             f.only({"role"});
             auto role_text = f.text("role");
             if (f.error()) return error_response(*f.error());
             auto role = role_text ? domain::parse_role(*role_text) : std::nullopt;
             if (!role)
                 return error_response(400, "invalid_input",
                                       "role must be one of " + domain::allowed_roles(), "role");
             if (auto done = ctx.store.set_role(caller.actor(), p["org"], p["user"], *role); !done)
                 return error_response(done.error());
             return json_response(Json{{"org", p["org"]},
                                       {"user", p["user"]},
                                       {"role", std::string(domain::to_string(*role))}});
         }});
    router.add({"DELETE", "/api/v1/orgs/{org}/members/{user}", Access::organisation,
                Permission::manage_members, operation("removeMember"),
                "Remove a user from the organisation",
                [&ctx](const Request&, const Params& p, const Caller& caller) {
                    if (auto done = ctx.store.remove_member(caller.actor(), p["org"], p["user"]);
                        !done)
                        return error_response(done.error());
                    Response r;
                    r.status = 204;
                    return r;
                }});

    router.add({"GET", "/api/v1/orgs/{org}/review", Access::organisation, Permission::read,
                operation("getReview", nullptr, ref("Review")),
                "The live evaluation: scores, findings, changes since the last evaluation, "
                "trend, what is due, draft actions (?date=YYYY-MM-DD)",
                [&ctx](const Request& request, const Params& p, const Caller&) {
                    auto state = ctx.store.load(p["org"]);
                    if (!state) return error_response(state.error());
                    auto dir = directory_for(ctx, *state);
                    if (!dir) return error_response(dir.error());
                    auto date = date_from(request.query.count("date")
                                              ? std::optional<std::string>(request.query.at("date"))
                                              : std::nullopt,
                                          "date", ctx.today());
                    if (!date) return error_response(date.error());
                    const auto assessment = state->assessment();
                    const auto* tmpl =
                        assessment.reference_template.empty()
                            ? nullptr
                            : ctx.library.find_template(assessment.reference_template);
                    const auto review =
                        domain::review(assessment, *dir, tmpl ? &tmpl->tmpl : nullptr, *date);
                    return json_response(report::review_document(review));
                }});
    router.add({"GET", "/api/v1/orgs/{org}/export", Access::organisation, Permission::read,
                operation("exportOrganisation", nullptr, string(), "application/yaml"),
                "The organisation as a cdcwb/v1 assessment file (YAML)",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto state = ctx.store.load(p["org"]);
                    if (!state) return error_response(state.error());
                    auto dir = directory_for(ctx, *state);
                    if (!dir) return error_response(dir.error());
                    Response r;
                    r.content_type = "application/yaml; charset=utf-8";
                    r.body = report::write_assessment(state->assessment(), *dir);
                    r.set_header("Content-Disposition",
                                 "attachment; filename=\"" + p["org"] + ".yaml\"");
                    return r;
                }});
}

} // namespace cdcwb::http
