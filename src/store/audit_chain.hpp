// Inside the store: the hash chains that make the audit log tamper-evident. Each record's hash
// covers its canonical bytes (docs/storage.md), which include its chain, its position in it and
// the hash of the record before; audit_chains keeps each chain's head. Appending, chaining the
// records of a database older than the chains, and checking a chain. Not used outside src/store.
#pragma once

#include "store/audit_store.hpp"
#include "store/sql.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cdcwb::store::audit_chain {

/// The "previous hash" of a chain's first record.
inline constexpr std::string_view kGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// What a record says, as stored: the fields its hash covers besides its place in the chain.
struct Content {
    std::string at;
    std::string actor;
    std::optional<long long> org_id;
    std::string org_slug;
    std::string entity;
    std::string entity_id;
    std::string operation;
    std::optional<std::string> before;
    std::optional<std::string> after;
};

/// A record's place: its chain, its position there (1, 2, …) and the hash of the one before.
struct Link {
    std::string chain;
    long long position = 0;
    std::string prev_hash;
};

/// "site" for records without an organisation, else "org:<internal id>".
std::string chain_key(std::optional<long long> org_id);

/// The bytes a record's hash covers (version 1 of the form in docs/storage.md).
std::string canonical(const Link& link, const Content& content);
/// Lowercase hex SHA-256 of canonical(link, content).
std::string record_hash(const Link& link, const Content& content);

/// Appends to `content`'s chain inside the caller's write transaction: takes the chain's head
/// (locking it on PostgreSQL until the transaction ends, so concurrent writers queue), returns
/// the link and hash to store with the record; advance_head() must follow once its id is known.
struct Appended {
    Link link;
    std::string hash;
};
Appended append(Session& sql, const Content& content);
void advance_head(Session& sql, const Appended& appended, long long record_id);

/// Chains every record that has no hash yet, oldest first, and writes the heads (run by the
/// migration that introduced the chains).
void chain_unchained(Session& sql);

/// Every chain that has a head or a record, by the organisation it belongs to (none: the
/// site-wide chain, always there), organisations first.
std::vector<std::optional<long long>> chains(Session& sql);
/// Checks one chain: every record's hash, its position and previous hash in id order, and the
/// head. `org_id` is the organisation the chain belongs to (none: the site-wide chain).
AuditChainReport verify(Session& sql, std::optional<long long> org_id);

} // namespace cdcwb::store::audit_chain
