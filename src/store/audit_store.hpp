// The audit log: every change, who made it, when, and the record before and after.
#pragma once

#include "store/store_core.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace cdcwb::store {

struct AuditRecord {
    std::int64_t id = 0;
    std::string at;
    std::string actor;
    std::string org; ///< the organisation's slug at the time; empty for site-wide changes
    std::string entity;
    std::string entity_id;
    std::string operation; ///< create | update | delete | import | approve | …
    std::string before;    ///< JSON, empty when there was nothing
    std::string after;     ///< JSON, empty when nothing is left
};

struct AuditQuery {
    std::string org;    ///< slug; empty: every organisation and site-wide records
    std::string entity; ///< e.g. "service", "action"; empty: all
    std::string entity_id;
    std::string actor;
    std::string since;          ///< inclusive, ISO date or time
    std::string until;          ///< exclusive
    std::int64_t before_id = 0; ///< paging: only records older than this id; 0: from the newest
    int limit = 100;            ///< 1–1000
};

class AuditStore {
  public:
    explicit AuditStore(StoreCore& core) : core_(core) {}

    /// Newest first.
    Result<std::vector<AuditRecord>> query(const AuditQuery& query);

  private:
    StoreCore& core_;
};
} // namespace cdcwb::store
