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
#include <utility>
#include <vector>

namespace cdcwb::store::rows {

using domain::Error;
using domain::ErrorCode;

/// "2026-11-22T05:30:25.123Z"
std::string format_time(std::chrono::system_clock::time_point at);

using domain::conflict;
using domain::not_found;

/// The row read, or `missing` when there is none.
template <class T> Result<T> found(std::optional<T> row, Error missing) {
    if (!row) return missing;
    return std::move(*row);
}

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

/// The position after the last row of the organisation in `table` (a table of ours with a
/// `position` column: actions, service_entries, custom_services), 0 for its first row.
int next_position(Session& sql, std::string_view table, long long org_id);
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

/// Holds the organisation for the rest of the write unit, so that a change that reads what the
/// organisation has and writes what follows from it (the next action number, the evidence quota)
/// cannot interleave with another: SQLite's write unit already holds the whole database, and on
/// PostgreSQL this locks the organisation's row until the transaction ends.
void lock_organisation(Session& sql, long long org_id);

/// The opening every read or change of one organisation shares: database faults become errors
/// (guarded), one transaction (`mode` read or write), the organisation found by its slug
/// (not_found naming it otherwise). `work(sql, org)` returns a Result; a write commits only when
/// it succeeds, so a failed change writes nothing.
template <class Work>
auto in_organisation(StoreCore& core, std::string_view slug, Unit::Mode mode, Work&& work)
    -> std::invoke_result_t<Work, Session&, const OrganisationRecord&> {
    using Answer = std::invoke_result_t<Work, Session&, const OrganisationRecord&>;
    return guarded([&]() -> Answer {
        Unit unit(core.db, mode);
        auto org = organisation(unit.sql(), slug);
        if (!org) return org.error();
        // Every change of an organisation holds it first, so that changes of one organisation
        // queue in one order (the organisation, then its rows and its audit chain) instead of
        // deadlocking on PostgreSQL; SQLite's write unit already holds the whole database.
        if (mode == Unit::Mode::write) lock_organisation(unit.sql(), org->id);
        Answer answer = work(unit.sql(), *org);
        if (mode == Unit::Mode::write && answer.ok()) unit.commit();
        return answer;
    });
}

/// A change of one organisation, in one write transaction (in_organisation).
template <class Change>
auto change_organisation(StoreCore& core, std::string_view slug, Change&& change) {
    return in_organisation(core, slug, Unit::Mode::write, std::forward<Change>(change));
}

/// A read of one organisation, in one read transaction (in_organisation).
template <class Read> auto read_organisation(StoreCore& core, std::string_view slug, Read&& read) {
    return in_organisation(core, slug, Unit::Mode::read, std::forward<Read>(read));
}

} // namespace cdcwb::store::rows
