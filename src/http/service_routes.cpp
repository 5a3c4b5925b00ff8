// The matrix: every service's catalogue level, profile and portfolio scores, one at a time or in
// bulk; custom services; evidence files.
#include "http/answers.hpp"
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

namespace {

/// Every entry of a large matrix with long rationales at once.
constexpr std::size_t kBulkBodyLimit = 2 * 1024 * 1024;

/// Answers one service entry like a GET of it (name, category, quadrant advice), or a 409 with
/// the entry as it is now.
template <class Write>
Response entry_answer(ApiContext& ctx, const std::string& org, const std::string& service,
                      Write&& write, int ok_status = 200) {
    auto written = write();
    // Read after the write: a new custom service is in the directory only from now on.
    const auto dir = ctx.store.organisations.directory_of(org);
    const auto* directory = dir ? dir->get() : nullptr;
    return record_answer(
        written, [&] { return ctx.store.entries.entry(org, service); },
        [&](const store::ServiceEntryRecord& e) { return to_json(e, directory); }, ok_status);
}

/// Entries as a list `{"services": [...]}`, named through the organisation's directory.
Json entries_json(ApiContext& ctx, const std::string& org,
                  const std::vector<store::ServiceEntryRecord>& entries) {
    const auto dir = ctx.store.organisations.directory_of(org);
    return list_json("services", entries,
                     [&](const auto& e) { return to_json(e, dir ? dir->get() : nullptr); });
}

} // namespace

void add_service_routes(Router& router, ApiContext& ctx) {
    router.add({"GET", "/api/v1/orgs/{org}/services", Access::organisation, Permission::read,
                operation("listServiceEntries", nullptr,
                          object({{"org", string()},
                                  {"catalog", string()},
                                  {"services", array_of(ref("ServiceEntry"))}})),
                "Every service of the organisation's matrix (figure 4), in catalogue order",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto state = ctx.store.organisations.load(p["org"], store::History::summaries);
                    if (!state) return error_response(state.error());
                    Json out = entries_json(ctx, p["org"], state->entries);
                    out["org"] = p["org"];
                    out["catalog"] = state->organisation.catalogue_id;
                    return json_response(out);
                }});
    router.add({"GET", "/api/v1/orgs/{org}/services/{service}", Access::organisation,
                Permission::read, operation("getServiceEntry", nullptr, ref("ServiceEntry")),
                "One service's entry; its ETag is its revision",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return entry_answer(ctx, p["org"], p["service"], [&] {
                        return ctx.store.entries.entry(p["org"], p["service"]);
                    });
                }});
    router.add(
        {"PUT", "/api/v1/orgs/{org}/services/{service}", Access::organisation, Permission::edit,
         operation("updateServiceEntry", ref("ServiceEntryInput"), ref("ServiceEntry")),
         "Replace one service's entry (If-Match or \"revision\": the revision edited); a "
         "stale revision is a 409 with the current entry",
         [&ctx](const Request& request, const Params& p, const Caller& caller) {
             auto body = parse_body(request);
             if (!body) return error_response(body.error());
             auto revision = expected_revision(request, &*body);
             if (!revision) return error_response(revision.error());
             auto entry = entry_from_json(*body, p["service"]);
             if (!entry) return error_response(entry.error());
             return entry_answer(ctx, p["org"], p["service"], [&] {
                 return ctx.store.entries.update_entry(caller.actor(), p["org"], *entry, *revision);
             });
         }});
    router.add({"PATCH", "/api/v1/orgs/{org}/services", Access::organisation, Permission::edit,
                operation("updateServiceEntries", ref("ServiceEntriesInput"),
                          list_of("services", ref("ServiceEntry")))
                    .with_body_limit(kBulkBodyLimit),
                "Replace many entries at once, all or nothing: {\"services\": [{\"service\", "
                "\"revision\", …}]}",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto updates = decoded_body(request, entry_updates_from_json);
                    if (!updates) return error_response(updates.error());
                    return respond(
                        ctx.store.entries.update_entries(caller.actor(), p["org"], *updates),
                        [&](const auto& written) { return entries_json(ctx, p["org"], written); });
                }});

    router.add(
        {"GET", "/api/v1/orgs/{org}/custom-services", Access::organisation, Permission::read,
         operation("listCustomServices", nullptr, list_of("custom_services", ref("CustomService"))),
         "The organisation's own services: id, category, names, descriptions, sourcing",
         [&ctx](const Request&, const Params& p, const Caller&) {
             return state_list(ctx, p["org"], "custom_services",
                               &store::OrganisationState::custom_services);
         }});
    router.add({"POST", "/api/v1/orgs/{org}/custom-services", Access::organisation,
                Permission::edit,
                operation("addCustomService", ref("CustomServiceInput"), ref("ServiceEntry")),
                "Add an organisation-specific service (and its empty entry)",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto service = decoded_body(request, custom_service_from_json);
                    if (!service) return error_response(service.error());
                    return entry_answer(
                        ctx, p["org"], service->id,
                        [&] {
                            return ctx.store.entries.add_custom_service(caller.actor(), p["org"],
                                                                        *service);
                        },
                        201);
                }});
    router.add({"DELETE", "/api/v1/orgs/{org}/custom-services/{service}", Access::organisation,
                Permission::edit, operation("removeCustomService"),
                "Remove a custom service (refused while an action links it)",
                [&ctx](const Request&, const Params& p, const Caller& caller) {
                    return done_answer(ctx.store.entries.remove_custom_service(
                        caller.actor(), p["org"], p["service"]));
                }});

    router.add({"POST", "/api/v1/orgs/{org}/evidence", Access::organisation, Permission::edit,
                operation("uploadEvidence", binary(), ref("Evidence"), "application/json",
                          "application/octet-stream")
                    .with_query({"filename"})
                    .with_body_limit(store::EvidenceLimits{}.max_bytes),
                "Upload an evidence file: the raw bytes as the body, its type as Content-Type, "
                "?filename=…",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto name = query(request, "filename");
                    if (!name)
                        return error_response(
                            domain::invalid("give the file's name as ?filename=…", "filename"));
                    std::string media(request.header("content-type"));
                    media = media.substr(0, media.find(';'));
                    return respond(
                        ctx.store.evidence.add_evidence(caller.actor(), p["org"], *name, media,
                                                        request.body),
                        [](const auto& e) { return to_json(e); }, 201);
                }});
    router.add({"GET", "/api/v1/orgs/{org}/evidence", Access::organisation, Permission::read,
                operation("listEvidence", nullptr, list_of("evidence", ref("Evidence"))),
                "The organisation's evidence files",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.evidence.evidence_files(p["org"]),
                                   [](const auto& files) { return list_json("evidence", files); });
                }});
    router.add(
        {"GET", "/api/v1/orgs/{org}/evidence/{sha256}", Access::organisation, Permission::read,
         operation("downloadEvidence", nullptr, binary(), "application/octet-stream"),
         "Download one evidence file", [&ctx](const Request&, const Params& p, const Caller&) {
             auto file = ctx.store.evidence.file(p["org"], p["sha256"]);
             if (!file) return error_response(file.error());
             return attachment(std::move(file->second), file->first.media_type,
                               file->first.filename);
         }});
}

} // namespace cdcwb::http
