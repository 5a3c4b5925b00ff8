// What every part of the store shares: the database, the catalogue library, the clock, and the
// caches built from them. Each resource's store (organisation_store.hpp, service_entry_store.hpp,
// …) works through one StoreCore; store.hpp bundles them.
#pragma once

#include "catalogue/library.hpp"
#include "domain/date.hpp"
#include "domain/service_entry.hpp"
#include "store/database.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cdcwb::store {

/// Who makes a change, as written to the audit log.
struct Actor {
    std::string name;                    ///< a username, or e.g. "cli:root"
    std::optional<std::int64_t> user_id; ///< set for signed-in users
};

using Clock = std::function<std::chrono::system_clock::time_point()>;

class StoreCore {
  public:
    StoreCore(Database& db, const catalogue::Library& library, Clock clock = {});

    Database& db;
    const catalogue::Library& library;
    Clock clock;

    /// The clock's time as stored: "2026-11-22T05:30:25.123Z".
    std::string now() const;
    /// The clock's day (UTC).
    domain::Date today() const;
    /// The day (UTC) of a time as now() writes it: a change dated by the same reading of the
    /// clock as its audit record.
    static domain::Date day_of(const std::string& time);
    /// The directory of a catalogue plus custom services; built once and shared while the
    /// custom services stay the same.
    Result<std::shared_ptr<const domain::ServiceDirectory>>
    directory(const std::string& catalogue_id, const std::vector<domain::CustomService>& custom);

    struct DirectoryCache;
    struct TokenCache;
    std::shared_ptr<DirectoryCache> directories;
    std::shared_ptr<TokenCache> tokens; ///< API tokens recently found good (token_cache.hpp)
};

} // namespace cdcwb::store
