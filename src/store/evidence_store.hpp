// Evidence files: stored in the database, deduplicated by content, checked by what they are.
#pragma once

#include "store/store_core.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdcwb::store {

struct EvidenceRecord {
    std::string sha256;
    std::string media_type;
    std::string filename;
    std::int64_t size = 0;
    std::string created_at;
    std::string created_by;
    /// How a service entry refers to this file: "evidence:sha256:<hex>".
    std::string reference() const { return "evidence:sha256:" + sha256; }
};

/// What one file may be, and how much evidence one organisation may keep in all (so that no
/// member can fill the database's disk: ASVS 12.1.3). `cdcwb serve --evidence-quota-bytes` and
/// `--evidence-quota-files` set the quota; docs/security.md gives the defaults.
struct EvidenceLimits {
    std::size_t max_bytes = 10 * 1024 * 1024;
    std::uint64_t quota_bytes = 1024ull * 1024 * 1024; ///< the organisation's files together
    std::uint64_t quota_files = 10000;
};

class EvidenceStore {
  public:
    explicit EvidenceStore(StoreCore& core) : core_(core) {}

    /// Stores a file (deduplicated by content). The media type must be one we accept and match
    /// what the content is. A new file that would take the organisation past its quota is
    /// payload_too_large naming "content", and nothing is written (the same content again is
    /// not new: it is answered as before).
    Result<EvidenceRecord> add_evidence(const Actor& actor, std::string_view slug,
                                        std::string_view filename, std::string_view media_type,
                                        std::string_view content);
    Result<std::vector<EvidenceRecord>> evidence_files(std::string_view slug);
    /// The record and the file's bytes.
    Result<std::pair<EvidenceRecord, std::string>> file(std::string_view slug,
                                                        std::string_view sha256);
    void set_evidence_limits(EvidenceLimits limits) { limits_ = limits; }

  private:
    EvidenceLimits limits_;
    StoreCore& core_;
};
} // namespace cdcwb::store
