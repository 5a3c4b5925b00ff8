// The audit log: everything for site administrators, one organisation's for its administrators.
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"

#include <limits>

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

namespace {

Response audit_page(ApiContext& ctx, const Request& request, const std::string& org) {
    store::AuditQuery q;
    q.org = org;
    const auto text = [&](const char* name) { return query(request, name).value_or(""); };
    if (org.empty()) q.org = text("org");
    q.entity = text("entity");
    q.entity_id = text("entity_id");
    q.actor = text("actor");
    q.since = text("since");
    q.until = text("until");
    auto limit = query_integer(request, "limit", 100, 1, 1000);
    if (!limit) return error_response(limit.error());
    auto before = query_integer(request, "before", 0, 0, std::numeric_limits<long long>::max());
    if (!before) return error_response(before.error());
    q.limit = static_cast<int>(*limit);
    q.before_id = *before;
    // An organisation's view is by its internal id: a deleted namesake's records stay out.
    auto found =
        org.empty() ? ctx.store.audit.query(q) : ctx.store.audit.organisation_records(org, q);
    return respond(found, [&](const auto& records) {
        Json page = list_json("records", records);
        // The next page: records older than the last one here.
        page["next_before"] = static_cast<int>(records.size()) == q.limit && !records.empty()
                                  ? Json(records.back().id)
                                  : Json(nullptr);
        return page;
    });
}

Json audit_page_schema() {
    return object(
        {{"records", array_of(ref("AuditRecord"))}, {"next_before", nullable(integer())}});
}

} // namespace

void add_audit_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/audit", Access::site_admin, Permission::read,
                operation("listAuditRecords", nullptr, audit_page_schema()),
                "The audit log, newest first: ?org, entity, entity_id, actor, since, until, "
                "limit (1–1000), before (paging)",
                [&ctx](const Request& request, const Params&, const Caller&) {
                    return audit_page(ctx, request, "");
                }});
    router.add({"GET", "/api/v1/orgs/{org}/audit", Access::organisation, Permission::manage_members,
                operation("listOrganisationAuditRecords", nullptr, audit_page_schema()),
                "The organisation's audit log, newest first (same filters as /api/v1/audit)",
                [&ctx](const Request& request, const Params& p, const Caller&) {
                    return audit_page(ctx, request, p["org"]);
                }});
    router.add({"GET", "/api/v1/audit/verify", Access::site_admin, Permission::read,
                operation("verifyAuditChains", nullptr, ref("AuditVerification")),
                "Checks every audit chain (the site-wide one and each organisation's, deleted "
                "ones included) and names the first record of each that is not as written",
                [&ctx](const Request&, const Params&, const Caller&) {
                    return respond(ctx.store.audit.verify_all(),
                                   [](const auto& reports) { return to_json(reports); });
                }});
    router.add({"GET", "/api/v1/orgs/{org}/audit/verify", Access::organisation,
                Permission::manage_members,
                operation("verifyOrganisationAuditChain", nullptr, ref("AuditChain")),
                "Checks the organisation's audit chain and names the first record that is not "
                "as written",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.audit.verify_organisation(p["org"]),
                                   [](const auto& report) { return to_json(report); });
                }});
}

} // namespace cdcwb::http
