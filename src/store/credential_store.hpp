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
    std::string public_id;    ///< names the session in lists; not a secret, never the token
    std::string last_seen_at; ///< recorded at most once a minute (see session())
    std::string address;      ///< the client address it was opened from
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
    /// The session, when known, not expired, used within `idle_timeout` and its user enabled.
    /// Records the use, at most once a minute (or every half of `idle_timeout` when shorter).
    Result<SessionRecord> session(std::string_view token,
                                  std::chrono::seconds idle_timeout = std::chrono::minutes(30));
    Status end_session(std::string_view token);
    /// The user's sessions that have not expired, newest first (without CSRF tokens).
    Result<std::vector<SessionRecord>> sessions_of(std::int64_t user_id,
                                                   std::chrono::seconds idle_timeout);
    /// Ends the user's session with this public id; not_found when they have none by that id.
    Status end_session_by_id(const Actor& actor, std::int64_t user_id, std::string_view public_id);
    /// Ends every session of the user except `keep` (a public id; none: all of them). Returns
    /// how many ended.
    Result<long long> end_sessions(const Actor& actor, std::int64_t user_id,
                                   const std::optional<std::string>& keep);

    /// Audits a failed sign-in when `username` names an account (site-wide chain); a name that
    /// is no account's writes nothing. Answers whether the account exists.
    Result<bool> record_failed_sign_in(std::string_view username, std::string_view address);
    /// Audits that sign-ins for an account or from an address are delayed (site-wide chain).
    Status record_sign_in_delay(std::string_view subject_kind, std::string_view subject,
                                int failures, std::chrono::seconds delay);

  private:
    StoreCore& core_;
};
} // namespace cdcwb::store
