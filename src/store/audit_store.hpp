// The audit log: every change, who made it, when, and the record before and after.
#pragma once

#include "store/store_core.hpp"

#include <cstdint>
#include <optional>
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
    std::string hash;      ///< SHA-256 over the record and its chain (docs/storage.md)
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

/// Where a chain first stops being what cdcwb wrote.
struct AuditChainBreak {
    /// The first record found not as written: edited, or out of order, or the one after a gap;
    /// for records removed from the end, the id the last of them had.
    std::int64_t record_id = 0;
    std::string kind; ///< edited | removed | reordered | truncated | head
    std::string message;
};

/// The outcome of checking one chain.
struct AuditChainReport {
    std::string chain;        ///< "site" or "org:<internal id>"
    std::string org;          ///< the organisation's slug (its records' latest); empty: site
    std::int64_t records = 0; ///< records checked
    std::int64_t head_id = 0; ///< the last record's id, as the chain's head says
    std::string head_hash;    ///< the last record's hash: keep it elsewhere to anchor the chain
    std::optional<AuditChainBreak> broken;
    bool verified() const { return !broken; }
};

class AuditStore {
  public:
    explicit AuditStore(StoreCore& core) : core_(core) {}

    /// Newest first. `query.org` matches the slug a record was written under, so a site
    /// administrator also sees the records of deleted organisations.
    Result<std::vector<AuditRecord>> query(const AuditQuery& query);
    /// The records of the organisation that has the slug `org` now (by its internal id: never
    /// those of a deleted organisation that had the same slug). `query.org` is ignored.
    Result<std::vector<AuditRecord>> organisation_records(std::string_view org, AuditQuery query);

    /// Checks the chain of the organisation that has the slug `org` now.
    Result<AuditChainReport> verify_organisation(std::string_view org);
    /// Checks every chain: the site-wide one and each organisation's, deleted ones included.
    Result<std::vector<AuditChainReport>> verify_all();

  private:
    StoreCore& core_;
};
} // namespace cdcwb::store
