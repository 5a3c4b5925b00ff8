// The matrix: every service's catalogue level, profile and portfolio scores, one at a time or in
// bulk; custom services; evidence files.
#include "http/api.hpp"
#include "http/json_mapping.hpp"
#include "report/schema.hpp"

namespace cdcwb::http {

using namespace report::schema;

using domain::Permission;

namespace {

/// A conflict answered with the record as it is now, so the client can show both versions.
Response conflict_with_current(const domain::Error& error, ApiContext& ctx, const std::string& org,
                               const std::string& service) {
    auto r = error_response(error);
    if (error.code != domain::ErrorCode::conflict) return r;
    auto current = ctx.store.entry(org, service);
    if (!current) return r;
    auto body = Json::parse(r.body);
    const auto dir = ctx.store.directory_of(org);
    body["current"] = to_json(*current, dir ? dir->get() : nullptr);
    return json_response(body, 409);
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
                    auto state = ctx.store.load(p["org"], store::History::summaries);
                    if (!state) return error_response(state.error());
                    auto dir = directory_for(ctx, *state);
                    if (!dir) return error_response(dir.error());
                    Json services = Json::array();
                    for (const auto& e : state->entries) services.push_back(to_json(e, &*dir));
                    return json_response(Json{{"org", p["org"]},
                                              {"catalog", state->organisation.catalog_id},
                                              {"services", services}});
                }});
    router.add({"GET", "/api/v1/orgs/{org}/services/{service}", Access::organisation,
                Permission::read, operation("getServiceEntry", nullptr, ref("ServiceEntry")),
                "One service's entry; its ETag is its revision",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    auto entry = ctx.store.entry(p["org"], p["service"]);
                    if (!entry) return error_response(entry.error());
                    const auto dir = ctx.store.directory_of(p["org"]);
                    auto r = json_response(to_json(*entry, dir ? dir->get() : nullptr));
                    r.set_header("ETag", "\"" + std::to_string(entry->revision) + "\"");
                    return r;
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
             auto written = ctx.store.update_entry(caller.actor(), p["org"], *entry, *revision);
             if (!written)
                 return conflict_with_current(written.error(), ctx, p["org"], p["service"]);
             // Answered like a GET of the entry: with its name, category and quadrant advice.
             const auto dir = ctx.store.directory_of(p["org"]);
             auto r = json_response(to_json(*written, dir ? dir->get() : nullptr));
             r.set_header("ETag", "\"" + std::to_string(written->revision) + "\"");
             return r;
         }});
    router.add({"PATCH", "/api/v1/orgs/{org}/services", Access::organisation, Permission::edit,
                operation("updateServiceEntries",
                          object({{"services", array_of(extended(ref("ServiceEntryInput"),
                                                                 {{"service", string()},
                                                                  {"revision", integer()}}))}}),
                          list_of("services", ref("ServiceEntry"))),
                "Replace many entries at once, all or nothing: {\"services\": [{\"service\", "
                "\"revision\", …}]}",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    Fields f(*body);
                    f.only({"services"});
                    if (f.error()) return error_response(*f.error());
                    const auto it = body->find("services");
                    if (it == body->end() || !it->is_array() || it->empty())
                        return error_response(400, "invalid_input",
                                              "send a non-empty list of services", "services");
                    std::vector<store::EntryUpdate> updates;
                    for (std::size_t i = 0; i < it->size(); ++i) {
                        const auto& item = (*it)[i];
                        const std::string prefix = "services[" + std::to_string(i) + "].";
                        if (!item.is_object())
                            return error_response(400, "invalid_input", "must be an object",
                                                  prefix.substr(0, prefix.size() - 1));
                        Fields one(item, prefix);
                        auto service = one.text("service");
                        auto revision = one.integer("revision");
                        if (one.error()) return error_response(*one.error());
                        if (!service || !revision)
                            return error_response(400, "invalid_input",
                                                  "each item needs \"service\" and \"revision\"",
                                                  prefix + "service");
                        auto entry = entry_from_json(item, *service, prefix);
                        if (!entry) return error_response(entry.error());
                        updates.push_back({*entry, *revision});
                    }
                    auto written = ctx.store.update_entries(caller.actor(), p["org"], updates);
                    if (!written) return error_response(written.error());
                    const auto dir = ctx.store.directory_of(p["org"]);
                    Json out = Json::array();
                    for (const auto& e : *written)
                        out.push_back(to_json(e, dir ? dir->get() : nullptr));
                    return json_response(Json{{"services", out}});
                }});

    router.add(
        {"GET", "/api/v1/orgs/{org}/custom-services", Access::organisation, Permission::read,
         operation("listCustomServices", nullptr, list_of("custom_services", ref("CustomService"))),
         "The organisation's own services: id, category, names, descriptions, sourcing",
         [&ctx](const Request&, const Params& p, const Caller&) {
             auto state = ctx.store.load(p["org"], store::History::summaries);
             if (!state) return error_response(state.error());
             Json out = Json::array();
             for (const auto& c : state->custom_services) out.push_back(to_json(c));
             return json_response(Json{{"custom_services", out}});
         }});
    router.add({"POST", "/api/v1/orgs/{org}/custom-services", Access::organisation,
                Permission::edit,
                operation("addCustomService", ref("CustomServiceInput"), ref("ServiceEntry")),
                "Add an organisation-specific service (and its empty entry)",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto body = parse_body(request);
                    if (!body) return error_response(body.error());
                    auto service = custom_service_from_json(*body);
                    if (!service) return error_response(service.error());
                    auto added = ctx.store.add_custom_service(caller.actor(), p["org"], *service);
                    if (!added) return error_response(added.error());
                    const auto dir = ctx.store.directory_of(p["org"]);
                    return json_response(to_json(*added, dir ? dir->get() : nullptr), 201);
                }});
    router.add({"DELETE", "/api/v1/orgs/{org}/custom-services/{service}", Access::organisation,
                Permission::edit, operation("removeCustomService"),
                "Remove a custom service (refused while an action links it)",
                [&ctx](const Request&, const Params& p, const Caller& caller) {
                    if (auto done =
                            ctx.store.remove_custom_service(caller.actor(), p["org"], p["service"]);
                        !done)
                        return error_response(done.error());
                    Response r;
                    r.status = 204;
                    return r;
                }});

    router.add({"POST", "/api/v1/orgs/{org}/evidence", Access::organisation, Permission::edit,
                operation("uploadEvidence", binary(), ref("Evidence"), "application/json",
                          "application/octet-stream"),
                "Upload an evidence file: the raw bytes as the body, its type as Content-Type, "
                "?filename=…",
                [&ctx](const Request& request, const Params& p, const Caller& caller) {
                    auto name = request.query.find("filename");
                    if (name == request.query.end())
                        return error_response(400, "invalid_input",
                                              "give the file's name as ?filename=…", "filename");
                    std::string media(request.header("content-type"));
                    media = media.substr(0, media.find(';'));
                    return respond(
                        ctx.store.add_evidence(caller.actor(), p["org"], name->second, media,
                                               request.body),
                        [](const auto& e) { return to_json(e); }, 201);
                }});
    router.add({"GET", "/api/v1/orgs/{org}/evidence", Access::organisation, Permission::read,
                operation("listEvidence", nullptr, list_of("evidence", ref("Evidence"))),
                "The organisation's evidence files",
                [&ctx](const Request&, const Params& p, const Caller&) {
                    return respond(ctx.store.evidence_files(p["org"]), [](const auto& files) {
                        Json out = Json::array();
                        for (const auto& e : files) out.push_back(to_json(e));
                        return Json{{"evidence", out}};
                    });
                }});
    router.add(
        {"GET", "/api/v1/orgs/{org}/evidence/{sha256}", Access::organisation, Permission::read,
         operation("downloadEvidence", nullptr, binary(), "application/octet-stream"),
         "Download one evidence file", [&ctx](const Request&, const Params& p, const Caller&) {
             auto file = ctx.store.evidence(p["org"], p["sha256"]);
             if (!file) return error_response(file.error());
             Response r;
             r.content_type = file->first.media_type;
             r.body = std::move(file->second);
             std::string safe;
             for (char c : file->first.filename) safe += (c == '"' || c == '\\') ? '_' : c;
             r.set_header("Content-Disposition", "attachment; filename=\"" + safe + "\"");
             return r;
         }});
}

} // namespace cdcwb::http
