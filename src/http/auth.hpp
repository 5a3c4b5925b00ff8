// Who is calling: a session cookie (browsers) or a bearer API token (automation). Sign-in with a
// password, slowed down per account and per client address by growing delays (never a lock that
// others can hold shut); CSRF protection for writes made with a cookie.
#pragma once

#include "domain/result.hpp"
#include "domain/user.hpp"
#include "http/message.hpp"
#include "store/store.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace cdcwb::http {

struct Caller {
    std::optional<store::UserRecord> user;
    enum class Via { none, session, token } via = Via::none;
    std::string session_token; ///< the cookie's value, when signed in by cookie
    std::string session_id;    ///< the session's public id, when signed in by cookie
    std::string csrf_token;
    /// What an API token may do (a session may do whatever its user may).
    domain::TokenScope scope = domain::TokenScope::read_write;

    bool signed_in() const { return user.has_value(); }
    bool site_admin() const { return user && user->is_admin; }
    store::Actor actor() const {
        return user ? store::Actor{user->username, user->id} : store::Actor{"anonymous", {}};
    }
};

struct AuthOptions {
    std::chrono::seconds session_lifetime{12 * 3600};
    /// A session unused this long ends (OWASP ASVS 3.3.2 asks for at most 30 minutes at L2).
    std::chrono::seconds session_idle_timeout{30 * 60};
    bool secure_cookies = false; ///< set when served over TLS (behind a proxy that terminates it)
    /// Failed sign-ins that cost nothing; each one after them makes the next attempt wait.
    int free_failures_per_account = 5;
    int free_failures_per_address = 20;
    /// The first wait; each further failure doubles it, up to max_delay.
    std::chrono::seconds first_delay{1};
    std::chrono::seconds max_delay{60};
    /// A key's failures are forgotten this long after its last one.
    std::chrono::seconds failure_window{15 * 60};
    std::size_t max_limited_keys = 10000; ///< accounts (and as many addresses) counted at once
};

inline constexpr std::string_view kSessionCookie = "cdcwb_session";
/// The session cookie's name with secure cookies: the __Host- prefix makes browsers take it only
/// over HTTPS, for the whole site (Path=/) and from this host alone (no Domain).
inline constexpr std::string_view kSecureSessionCookie = "__Host-cdcwb_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

/// Counts failed attempts per key (an account, a client address) and makes a key wait after
/// `free_failures` of them: the n-th failure beyond them starts a wait of first_delay·2^(n-1),
/// at most `max_delay`. Attempts refused while a key waits are not failures (they neither count
/// nor extend the wait). A key is forgotten `forget_after` its last failure, or when it
/// succeeds. In memory, per process: with several servers each enforces its own. At most
/// `max_keys` are kept: when full, forgotten keys go first, then the one whose last failure is
/// oldest among those not waiting (a flood of new keys cannot lift a wait until every key
/// waits).
class FailureLimiter {
  public:
    using Clock = std::chrono::steady_clock;
    using Now = std::function<Clock::time_point()>;
    FailureLimiter(int free_failures, std::chrono::seconds first_delay,
                   std::chrono::seconds max_delay, std::chrono::seconds forget_after,
                   std::size_t max_keys = 10000, Now now = &Clock::now)
        : free_(free_failures), first_delay_(first_delay), max_delay_(max_delay),
          forget_after_(forget_after), max_keys_(max_keys), now_(std::move(now)) {}
    /// How long the key must still wait before its next attempt (zero: it may try now), in
    /// whole seconds rounded up.
    std::chrono::seconds wait(const std::string& key);
    /// Counts a failure; returns the wait it starts (zero while failures are free).
    std::chrono::seconds failed(const std::string& key);
    void succeeded(const std::string& key);
    /// Failures counted for the key now (0 when unknown or forgotten).
    int failures(const std::string& key);
    /// Keys kept now.
    std::size_t size();

  private:
    struct Entry {
        int failures = 0;
        Clock::time_point last;  ///< the last failure
        Clock::time_point until; ///< no attempt before this
    };
    bool forgotten(const Entry& e, Clock::time_point now) const;
    void make_room(Clock::time_point now);
    int free_;
    std::chrono::seconds first_delay_, max_delay_, forget_after_;
    std::size_t max_keys_;
    Now now_;
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;
};

class Authenticator {
  public:
    Authenticator(store::Store& store, AuthOptions options);

    /// The caller behind the request's credentials. No credentials: an anonymous caller. Bad or
    /// expired credentials: unauthenticated.
    domain::Result<Caller> identify(const Request& request);

    /// Writes by a cookie-authenticated caller need the session's CSRF token in X-CSRF-Token.
    domain::Status check_csrf(const Request& request, const Caller& caller) const;

    /// The account, when the password is right: slowed down per account and per client
    /// address (see FailureLimiter), failures of existing accounts and the start of each wait
    /// audited. A wrong password is unauthenticated; an attempt that must wait is
    /// too_many_requests with `retry_after` set to the seconds left. With `settle`, the right
    /// password clears the account's count of failures; sign_in settles only once the second
    /// factor is right too, so that codes cannot be guessed behind a known password.
    domain::Result<store::UserRecord> check_password(const std::string& username,
                                                     const std::string& password,
                                                     const std::string& address,
                                                     std::chrono::seconds& retry_after,
                                                     bool settle = true);

    /// A token's scope allows the request's method (always so for a session): a read token
    /// writing is forbidden, naming "scope".
    domain::Status check_scope(const Request& request, const Caller& caller) const;

    /// The signed-in user's password again, before something that needs it (making an API
    /// token): check_password, but a wrong one is forbidden (not unauthenticated: the session
    /// itself is fine), naming "password".
    domain::Status confirm_password(const store::UserRecord& user, const std::string& password,
                                    const std::string& address);

    /// check_password and, for an account with two-factor sign-in, the code (a TOTP code or a
    /// recovery code; none: unauthenticated naming "code", not counted as a failure; a wrong
    /// one counts as a failed sign-in), then a new session.
    domain::Result<store::IssuedSession> sign_in(const std::string& username,
                                                 const std::string& password,
                                                 const std::optional<std::string>& code,
                                                 const std::string& address,
                                                 std::chrono::seconds& retry_after);

    /// Whether the site requires two-factor sign-in of `user` and they have not turned it on:
    /// then they may do nothing but set it up. The site's setting is read at most every 2
    /// seconds.
    domain::Result<bool> must_enrol(const store::UserRecord& user);
    /// Reads the site's setting again on the next request (after this server changed it).
    void forget_requirement();

    /// The session cookie's name: kSecureSessionCookie with secure cookies, else kSessionCookie.
    std::string_view cookie_name() const;
    std::string session_cookie(const std::string& token) const;
    std::string expired_cookie() const;
    const AuthOptions& options() const { return options_; }

  private:
    void failed(const std::string& username, const std::string& account,
                const std::string& address);
    store::Store& store_;
    AuthOptions options_;
    FailureLimiter by_account_;
    FailureLimiter by_address_;
    std::mutex requirement_mutex_;
    std::optional<domain::TwoFactorRequirement> requirement_;
    std::chrono::steady_clock::time_point requirement_read_;
};

} // namespace cdcwb::http
