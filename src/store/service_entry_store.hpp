// The matrix of one organisation: every service's entry (catalogue level, profile, portfolio
// scores), one at a time or in bulk, and the organisation's own (custom) services.
#pragma once

#include "domain/service_entry.hpp"
#include "store/store_core.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::store {

struct ServiceEntryRecord {
    domain::ServiceEntry entry;
    std::int64_t revision = 0;
    std::string updated_at;
    std::string updated_by;
};

struct ServiceEntryUpdate {
    domain::ServiceEntry entry;
    std::int64_t expected_revision = 0;
};

class ServiceEntryStore {
  public:
    explicit ServiceEntryStore(StoreCore& core) : core_(core) {}

    Result<ServiceEntryRecord> entry(std::string_view slug, std::string_view service_id);
    Result<ServiceEntryRecord> update_entry(const Actor& actor, std::string_view slug,
                                            const domain::ServiceEntry& entry,
                                            std::int64_t expected_revision);
    /// All or nothing: any invalid entry or stale revision fails the whole batch.
    Result<std::vector<ServiceEntryRecord>>
    update_entries(const Actor& actor, std::string_view slug,
                   const std::vector<ServiceEntryUpdate>& updates);
    /// Adds an organisation-specific service and its (empty) entry.
    Result<ServiceEntryRecord> add_custom_service(const Actor& actor, std::string_view slug,
                                                  const domain::CustomService& service);
    /// Refused while an action still refers to the service.
    Status remove_custom_service(const Actor& actor, std::string_view slug,
                                 std::string_view service_id);

  private:
    StoreCore& core_;
};
} // namespace cdcwb::store
