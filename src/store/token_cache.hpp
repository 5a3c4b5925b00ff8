// Inside the store: API tokens recently found good, so that a burst of requests with one token
// does not ask the database each time. Entries live 2 seconds; revocations through this store
// remove them at once.
#pragma once

#include "store/store_core.hpp"
#include "store/user_store.hpp"

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace cdcwb::store {

struct StoreCore::TokenCache {
    struct Entry {
        UserRecord user;
        domain::TokenScope scope = domain::TokenScope::read;
        std::chrono::steady_clock::time_point checked;
        std::optional<std::string> expires_at;
    };
    std::mutex mutex;
    std::map<std::string, Entry, std::less<>> entries; ///< by token hash
};

inline constexpr std::chrono::seconds kTokenTrust{2};

} // namespace cdcwb::store
