// The matrix: one service entry (catalogue level, profile, portfolio scores, rationale, evidence)
// at a time or in bulk, with revision checks; and the organisation's custom services.
#include "store/rows.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <set>

namespace cdcwb::store {

using namespace domain;
using codec::Json;

namespace {

constexpr std::string_view kEvidencePrefix = "evidence:sha256:";

/// A new reference to a stored file must name a file of this organisation. References the entry
/// already had are kept as they are: an imported file may name evidence this database lacks.
Status check_evidence(soci::session& sql, long long org_id, const ServiceEntry& entry,
                      const std::vector<std::string>& existing, const std::string& field) {
    for (std::size_t i = 0; i < entry.evidence.size(); ++i) {
        const auto& ref = entry.evidence[i];
        const std::string f = field + ".evidence[" + std::to_string(i) + "]";
        if (ref.rfind(kEvidencePrefix, 0) != 0) continue;
        if (std::find(existing.begin(), existing.end(), ref) != existing.end()) continue;
        std::string sha = ref.substr(kEvidencePrefix.size());
        int count = 0;
        sql << "select count(*) from evidence_files where org_id = :org and sha256 = :sha",
            soci::use(org_id), soci::use(sha), soci::into(count);
        if (count == 0)
            return invalid("no evidence file " + sha + " in this organisation; upload it first", f);
    }
    return {};
}

/// Validates and writes one entry inside an open write unit. On any error nothing of this entry
/// has been written (the caller rolls the unit back).
Result<ServiceEntryRecord> write_entry(Session& sql, const OrganisationRecord& org,
                                       const ServiceDirectory& dir, const Actor& actor,
                                       const ServiceEntry& entry, long long expected_revision,
                                       const std::string& at) {
    const std::string field = "services." + entry.service_id;
    if (!dir.find(entry.service_id))
        return rows::not_found(
            "the organisation's catalogue has no service '" + entry.service_id + "'", "service");
    if (auto s = validate_entry(entry, dir, field); !s) return s.error();
    auto before = rows::entry(sql, org.id, entry.service_id);
    if (auto s =
            check_evidence(sql, org.id, entry,
                           before ? before->entry.evidence : std::vector<std::string>{}, field);
        !s)
        return s.error();
    if (!before) {
        if (expected_revision != 0)
            return rows::conflict("service '" + entry.service_id +
                                      "' has no entry yet; create it with revision 0",
                                  "revision");
        rows::insert_entry(sql, org.id, rows::next_position(sql, "service_entries", org.id), entry,
                           at, actor.name);
    } else if (!rows::update_entry(sql, org.id, entry, expected_revision, at, actor.name)) {
        return rows::conflict(
            "service '" + entry.service_id + "' was changed by " + before->updated_by + " at " +
                before->updated_at + " (now revision " + std::to_string(before->revision) +
                ", you had " + std::to_string(expected_revision) + "); reload and retry",
            "revision");
    }
    // What was written, without reading it back.
    ServiceEntryRecord after{entry, before ? before->revision + 1 : 1, at, actor.name};
    rows::audit(sql, at, actor, &org, "service", entry.service_id, before ? "update" : "create",
                before ? codec::to_json(before->entry) : Json(nullptr), codec::to_json(entry));
    return after;
}

} // namespace

Result<ServiceEntryRecord> ServiceEntryStore::entry(std::string_view slug,
                                                    std::string_view service_id) {
    return rows::read_organisation(
        core_, slug,
        [&](Session& sql, const OrganisationRecord& org) -> Result<ServiceEntryRecord> {
            return rows::found(rows::entry(sql, org.id, std::string(service_id)),
                               rows::not_found("organisation '" + org.slug + "' has no service '" +
                                                   std::string(service_id) + "'",
                                               "service"));
        });
}

Result<ServiceEntryRecord> ServiceEntryStore::update_entry(const Actor& actor,
                                                           std::string_view slug,
                                                           const ServiceEntry& entry,
                                                           std::int64_t expected_revision) {
    auto result = update_entries(actor, slug, {ServiceEntryUpdate{entry, expected_revision}});
    if (!result) return result.error();
    return result->front();
}

Result<std::vector<ServiceEntryRecord>>
ServiceEntryStore::update_entries(const Actor& actor, std::string_view slug,
                                  const std::vector<ServiceEntryUpdate>& updates) {
    if (updates.empty()) return invalid("no services to update", "services");
    std::set<std::string> seen;
    for (const auto& u : updates)
        if (!seen.insert(u.entry.service_id).second)
            return invalid("service '" + u.entry.service_id + "' appears twice in one update",
                           "services." + u.entry.service_id);
    return rows::change_organisation(
        core_, slug,
        [&](Session& sql,
            const OrganisationRecord& org) -> Result<std::vector<ServiceEntryRecord>> {
            auto dir = core_.directory(org.catalogue_id, rows::custom_services(sql, org));
            if (!dir) return dir.error();
            const std::string at = core_.now();
            std::vector<ServiceEntryRecord> out;
            for (const auto& u : updates) {
                auto written =
                    write_entry(sql, org, **dir, actor, u.entry, u.expected_revision, at);
                if (!written) return written.error();
                out.push_back(std::move(*written));
            }
            return out;
        });
}

Result<ServiceEntryRecord> ServiceEntryStore::add_custom_service(const Actor& actor,
                                                                 std::string_view slug,
                                                                 const CustomService& service) {
    return rows::change_organisation(
        core_, slug,
        [&](Session& sql, const OrganisationRecord& org) -> Result<ServiceEntryRecord> {
            auto custom = rows::custom_services(sql, org);
            for (const auto& c : custom)
                if (c.id == service.id)
                    return rows::conflict("the custom service '" + service.id + "' already exists",
                                          "id");
            custom.push_back(service);
            auto dir = core_.directory(org.catalogue_id, custom);
            if (!dir) {
                // The directory names the field within its list; here there is one service.
                auto error = dir.error();
                if (const auto dot = error.field.find("].");
                    error.field.rfind("custom_services[", 0) == 0 && dot != std::string::npos)
                    error.field = error.field.substr(dot + 2);
                return error;
            }
            const std::string at = core_.now();
            rows::insert_custom_service(
                sql, org.id, rows::next_position(sql, "custom_services", org.id), service);
            ServiceEntry entry;
            entry.service_id = service.id;
            rows::insert_entry(sql, org.id, rows::next_position(sql, "service_entries", org.id),
                               entry, at, actor.name);
            rows::audit(sql, at, actor, &org, "custom_service", service.id, "create", nullptr,
                        codec::to_json(service));
            auto record = rows::entry(sql, org.id, service.id);
            return *record;
        });
}

Status ServiceEntryStore::remove_custom_service(const Actor& actor, std::string_view slug,
                                                std::string_view service_id) {
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Status {
            const std::string id(service_id);
            auto custom = rows::custom_services(sql, org);
            auto it = std::find_if(custom.begin(), custom.end(),
                                   [&](const CustomService& c) { return c.id == id; });
            if (it == custom.end())
                return rows::not_found("no custom service '" + id + "'", "service");
            int used = 0;
            sql << "select count(*) from action_services where org_id = :org and service_id = :id",
                soci::use(org.id), soci::use(id), soci::into(used);
            if (used > 0)
                return rows::conflict("the custom service '" + id + "' is linked to " +
                                          std::to_string(used) +
                                          " action(s); unlink them before removing it",
                                      "service");
            auto entry = rows::entry(sql, org.id, id);
            Json before = codec::to_json(*it);
            if (entry) before["entry"] = codec::to_json(entry->entry);
            sql << "delete from service_entries where org_id = :org and service_id = :id",
                soci::use(org.id), soci::use(id);
            sql << "delete from custom_services where org_id = :org and service_id = :id",
                soci::use(org.id), soci::use(id);
            rows::audit(sql, core_.now(), actor, &org, "custom_service", id, "delete", before,
                        nullptr);
            return {};
        });
}

} // namespace cdcwb::store
