// The store's shared pieces: the clock, the directory cache, and the assessment view of a state.
#include "store/store_core.hpp"

#include "store/organisation_store.hpp"
#include "store/rows.hpp"
#include "store/token_cache.hpp"

#include <map>
#include <mutex>

namespace cdcwb::store {

struct StoreCore::DirectoryCache {
    static constexpr std::size_t kMaxEntries = 256;
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const domain::ServiceDirectory>> entries;
};

StoreCore::StoreCore(Database& database, const catalogue::Library& catalogues, Clock time)
    : db(database), library(catalogues), clock(std::move(time)),
      directories(std::make_shared<DirectoryCache>()), tokens(std::make_shared<TokenCache>()) {
    if (!clock) clock = [] { return std::chrono::system_clock::now(); };
}

Result<std::shared_ptr<const domain::ServiceDirectory>>
StoreCore::directory(const std::string& catalogue_id,
                     const std::vector<domain::CustomService>& custom) {
    // Keyed by the catalogue and the exact custom services, so any change builds a new one.
    std::string key = catalogue_id;
    // Invalid UTF-8 is replaced here (the key only needs to be distinct); build() rejects it.
    for (const auto& c : custom)
        key += "\n" + codec::to_json(c).dump(-1, ' ', false, codec::Json::error_handler_t::replace);
    {
        std::lock_guard lock(directories->mutex);
        if (auto it = directories->entries.find(key); it != directories->entries.end())
            return it->second;
    }
    auto built = rows::directory(library, catalogue_id, custom);
    if (!built) return built.error();
    auto shared = std::make_shared<const domain::ServiceDirectory>(std::move(*built));
    std::lock_guard lock(directories->mutex);
    if (directories->entries.size() >= DirectoryCache::kMaxEntries) directories->entries.clear();
    directories->entries.emplace(std::move(key), shared);
    return shared;
}

std::string StoreCore::now() const {
    return rows::format_time(clock());
}

domain::Date StoreCore::today() const {
    return day_of(now());
}

domain::Date StoreCore::day_of(const std::string& time) {
    return *domain::Date::parse(time.substr(0, 10));
}

domain::Assessment OrganisationState::assessment() const {
    domain::Assessment a;
    a.organisation = {organisation.slug, organisation.name};
    a.catalogue_id = organisation.catalogue_id;
    a.reference_template = organisation.reference_template;
    a.evaluation_interval_days = organisation.evaluation_interval_days;
    a.separate_approver = organisation.separate_approver;
    a.custom_services = custom_services;
    for (const auto& e : entries) a.services.push_back(e.entry);
    for (const auto& r : actions) a.actions.push_back(r.action);
    for (const auto& e : events) a.events.push_back(e.event);
    for (const auto& e : evaluations) a.evaluations.push_back(e.evaluation);
    return a;
}

} // namespace cdcwb::store
