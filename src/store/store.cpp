// The Store's shared pieces: construction, the clock, and the assessment view of a state.
#include "store/store.hpp"

#include "store/rows.hpp"
#include "store/token_cache.hpp"

#include <map>
#include <mutex>

namespace cdcwb::store {

struct Store::DirectoryCache {
    static constexpr std::size_t kMaxEntries = 256;
    std::mutex mutex;
    std::map<std::string, std::shared_ptr<const domain::ServiceDirectory>> entries;
};

Store::Store(Database& db, const catalog::Library& library, Clock clock)
    : db_(db), library_(library), clock_(std::move(clock)),
      directories_(std::make_shared<DirectoryCache>()), tokens_(std::make_shared<TokenCache>()) {
    if (!clock_) clock_ = [] { return std::chrono::system_clock::now(); };
}

Result<std::shared_ptr<const domain::ServiceDirectory>>
Store::directory(const std::string& catalog_id, const std::vector<domain::CustomService>& custom) {
    // Keyed by the catalogue and the exact custom services, so any change builds a new one.
    std::string key = catalog_id;
    // Invalid UTF-8 is replaced here (the key only needs to be distinct); build() rejects it.
    for (const auto& c : custom)
        key += "\n" + codec::to_json(c).dump(-1, ' ', false, codec::Json::error_handler_t::replace);
    {
        std::lock_guard lock(directories_->mutex);
        if (auto it = directories_->entries.find(key); it != directories_->entries.end())
            return it->second;
    }
    auto built = rows::directory(library_, catalog_id, custom);
    if (!built) return built.error();
    auto shared = std::make_shared<const domain::ServiceDirectory>(std::move(*built));
    std::lock_guard lock(directories_->mutex);
    if (directories_->entries.size() >= DirectoryCache::kMaxEntries) directories_->entries.clear();
    directories_->entries.emplace(std::move(key), shared);
    return shared;
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
