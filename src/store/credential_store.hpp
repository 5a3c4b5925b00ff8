// Credentials other than passwords: API tokens for automation and sign-in sessions. Only a
// SHA-256 of each token is stored, so a copy of the database cannot be used to sign in.
#pragma once

#include "domain/user.hpp"
#include "store/store_core.hpp"
#include "store/user_store.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::store {

struct TokenRecord {
    std::int64_t id = 0;
    std::string username;
    std::string name;
    std::string prefix; ///< the token's first characters, to recognise it in a list
    domain::TokenScope scope = domain::TokenScope::read;
    std::string created_at;
    /// Always set for tokens made now; null only for a token made before every token expired
    /// (it keeps working until revoked).
    std::optional<std::string> expires_at;
    std::optional<std::string> last_used_at;
    std::optional<std::string> revoked_at;
};

/// Who a good API token acts as, and what it may do.
struct TokenIdentity {
    UserRecord user;
    domain::TokenScope scope = domain::TokenScope::read;
};

struct IssuedToken {
    std::string token; ///< shown once; only its hash is stored
    TokenRecord record;
};

struct SessionRecord {
    UserRecord user;
    std::string csrf_token;
    std::string created_at;
    std::string expires_at;
};

struct IssuedSession {
    std::string token; ///< the cookie value; only its hash is stored
    SessionRecord record;
};

class CredentialStore {
  public:
    explicit CredentialStore(StoreCore& core) : core_(core) {}

    /// A new token for `username` with `scope`, living `days` (1–365; 90 when nullopt). The
    /// caller checks the user's password first.
    Result<IssuedToken> create_token(const Actor& actor, std::string_view username,
                                     std::string_view name, std::optional<long long> days,
                                     domain::TokenScope scope);
    Result<std::vector<TokenRecord>> tokens(std::string_view username);
    Status revoke_token(const Actor& actor, std::string_view username, std::int64_t token_id);
    /// The token's user and scope, when the token is known, not revoked or expired, and the user
    /// enabled.
    /// A token found good is trusted for up to 2 seconds without asking the database again;
    /// revoking it or disabling its user through this store takes effect at once, through
    /// another server within those 2 seconds.
    Result<TokenIdentity> authenticate_token(std::string_view token);
    Result<IssuedSession> create_session(std::int64_t user_id, std::chrono::seconds lifetime,
                                         std::string_view address);
    Result<SessionRecord> session(std::string_view token);
    Status end_session(std::string_view token);

  private:
    StoreCore& core_;
};
} // namespace cdcwb::store
