// The Store's shared pieces: construction, the clock, and the assessment view of a state.
#include "store/store.hpp"

#include "store/rows.hpp"

namespace cdcwb::store {

Store::Store(Database& db, const catalog::Library& library, Clock clock)
    : db_(db), library_(library), clock_(std::move(clock)) {
    if (!clock_) clock_ = [] { return std::chrono::system_clock::now(); };
}

std::string Store::now() const {
    return rows::format_time(clock_());
}

domain::Assessment OrganisationState::assessment() const {
    domain::Assessment a;
    a.organisation = {organisation.slug, organisation.name};
    a.catalog_id = organisation.catalog_id;
    a.reference_template = organisation.reference_template;
    a.evaluation_interval_days = organisation.evaluation_interval_days;
    a.custom_services = custom_services;
    for (const auto& e : entries) a.services.push_back(e.entry);
    for (const auto& r : actions) a.actions.push_back(r.action);
    for (const auto& e : events) a.events.push_back(e.event);
    for (const auto& e : evaluations) a.evaluations.push_back(e.snapshot);
    return a;
}

} // namespace cdcwb::store
