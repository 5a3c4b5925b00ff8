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
    return respond(ctx.store.audit.query(q), [&](const auto& records) {
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
}

} // namespace cdcwb::http
