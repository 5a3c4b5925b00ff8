// Two-factor sign-in: each user's TOTP secret (enrolment started, then confirmed with a first
// code), their one-time recovery codes (kept as SHA-256 only), the last time step a code was
// accepted for (so no code works twice), and the site setting saying whom it is required of.
#pragma once

#include "domain/user.hpp"
#include "store/store_core.hpp"
#include "store/user_store.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::store {

struct TwoFactorStatus {
    bool enabled = false;
    bool pending = false; ///< enrolment started, not yet confirmed with a code
    int recovery_codes_left = 0;
};

struct TwoFactorEnrolment {
    std::string secret; ///< base32, as an authenticator app takes it
    std::string uri;    ///< otpauth://totp/…
};

class TwoFactorStore {
  public:
    explicit TwoFactorStore(StoreCore& core) : core_(core) {}

    inline static constexpr int kRecoveryCodes = 10;
    inline static constexpr std::string_view kIssuer = "CDC Workbench";

    Result<TwoFactorStatus> status(std::int64_t user_id);
    /// A new secret for `user` (replacing one not yet confirmed). Conflict when two-factor
    /// sign-in is already on.
    Result<TwoFactorEnrolment> start(const Actor& actor, const UserRecord& user);
    /// Turns two-factor sign-in on with a first code of the started secret; returns the
    /// recovery codes, shown this once.
    Result<std::vector<std::string>> confirm(const Actor& actor, const UserRecord& user,
                                             std::string_view code);
    /// Turns it off (the caller has checked the password) given a current code or a recovery
    /// code; forgets the secret and the recovery codes.
    Status disable(const Actor& actor, const UserRecord& user, std::string_view code);
    /// A second factor at sign-in: a TOTP code of a step later than the last one used, or an
    /// unused recovery code (then spent). Wrong, replayed or spent: unauthenticated naming
    /// "code".
    Status verify(const UserRecord& user, std::string_view code);
    /// A site administrator's reset for a user who lost their device: forgets the secret (set
    /// up or only started) and the recovery codes and ends every session of the user, in one
    /// transaction; API tokens stay (they were made with the password, which did not change).
    /// Returns how many sessions ended. not_found naming "user" for an unknown user, conflict
    /// naming "two_factor" when it is neither on nor being set up.
    Result<long long> reset(const Actor& actor, std::string_view username);

    Result<domain::TwoFactorRequirement> requirement();
    /// Changes whom it is required of (audited). Requiring it of administrators is a conflict
    /// while the acting user has not turned it on (they would lock themselves out).
    Status set_requirement(const Actor& actor, domain::TwoFactorRequirement requirement);

  private:
    StoreCore& core_;
};

} // namespace cdcwb::store
