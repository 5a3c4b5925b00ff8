// Inside the store: reading and writing the rows behind the Store's records, shared by the
// per-resource files (organisation_store.cpp, service_entry_store.cpp …). Not used outside
// src/store.
#pragma once

#include "store/codec.hpp"
#include "store/sql.hpp"
#include "store/store.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace cdcwb::store::rows {

using domain::Error;
using domain::ErrorCode;

/// "2026-11-22T05:30:25.123Z"
std::string format_time(std::chrono::system_clock::time_point at);

using domain::conflict;
using domain::not_found;

/// Everything about one organisation (evaluations with their matrix and findings, or summaries).
OrganisationState load_state(Session& sql, const OrganisationRecord& org,
                             History history = History::full);

/// The organisation with this slug, or not_found naming it.
Result<OrganisationRecord> organisation(Session& sql, std::string_view slug);
std::vector<OrganisationRecord> organisations(soci::session& sql);

/// Writes one audit record; `before`/`after` may be null (nothing there).
void audit(Session& sql, const std::string& at, const Actor& actor, const OrganisationRecord* org,
           const std::string& entity, const std::string& entity_id, const std::string& operation,
           const codec::Json& before, const codec::Json& after);

std::vector<domain::CustomService> custom_services(soci::session& sql, long long org_id);
/// The same, without a query when the record says there are none.
std::vector<domain::CustomService> custom_services(soci::session& sql,
                                                   const OrganisationRecord& org);
void insert_custom_service(soci::session& sql, long long org_id, int position,
                           const domain::CustomService& service);

std::vector<ServiceEntryRecord> entries(soci::session& sql, long long org_id);
std::optional<ServiceEntryRecord> entry(Session& sql, long long org_id, const std::string& id);
void insert_entry(soci::session& sql, long long org_id, int position,
                  const domain::ServiceEntry& entry, const std::string& at, const std::string& by);
/// Overwrites the entry when its revision is still `expected_revision`; false otherwise.
bool update_entry(Session& sql, long long org_id, const domain::ServiceEntry& entry,
                  long long expected_revision, const std::string& at, const std::string& by);

std::vector<ActionRecord> actions(soci::session& sql, long long org_id);
std::optional<ActionRecord> action(soci::session& sql, long long org_id, const std::string& id);
void insert_action(soci::session& sql, long long org_id, int position, const domain::Action& action,
                   const std::string& at, const std::string& by);
bool update_action(soci::session& sql, long long org_id, const domain::Action& action,
                   long long expected_revision, const std::string& at, const std::string& by);

std::vector<EventRecord> events(soci::session& sql, long long org_id);
long long insert_event(soci::session& sql, long long org_id, const domain::TriggerEvent& event,
                       const std::string& at, const std::string& by);

/// `full`: with each evaluation's matrix and findings; otherwise summaries (see History).
std::vector<EvaluationRecord> evaluations(soci::session& sql, long long org_id, bool full);
std::optional<EvaluationRecord> evaluation(soci::session& sql, long long org_id,
                                           const std::string& id);
void insert_evaluation(soci::session& sql, long long org_id, const EvaluationRecord& record);

FindingCounts count_findings(const std::vector<domain::Finding>& findings);

/// The directory of an organisation's services: its catalogue's and its custom ones.
Result<domain::ServiceDirectory> directory(const catalogue::Library& library,
                                           const std::string& catalogue_id,
                                           const std::vector<domain::CustomService>& custom);

/// The opening every change to one organisation shares: database faults become errors
/// (guarded), one write transaction, the organisation found by its slug (not_found naming it
/// otherwise). `change(sql, org)` returns a Result; the transaction commits only when it
/// succeeds, and a failed change writes nothing.
template <class Change>
auto change_organisation(StoreCore& core, std::string_view slug, Change&& change)
    -> std::invoke_result_t<Change, Session&, const OrganisationRecord&> {
    using Answer = std::invoke_result_t<Change, Session&, const OrganisationRecord&>;
    return guarded([&]() -> Answer {
        Unit unit(core.db, Unit::Mode::write);
        auto org = organisation(unit.sql(), slug);
        if (!org) return org.error();
        Answer answer = change(unit.sql(), *org);
        if (answer.ok()) unit.commit();
        return answer;
    });
}

} // namespace cdcwb::store::rows
