// Who is calling: a session cookie (browsers) or a bearer API token (automation). Sign-in with a
// password, limited per account and per address; CSRF protection for writes made with a cookie.
#pragma once

#include "domain/result.hpp"
#include "domain/user.hpp"
#include "http/message.hpp"
#include "store/store.hpp"

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace cdcwb::http {

struct Caller {
    std::optional<store::UserRecord> user;
    enum class Via { none, session, token } via = Via::none;
    std::string session_token; ///< the cookie's value, when signed in by cookie
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
    bool secure_cookies = false; ///< set when served over TLS (behind a proxy that terminates it)
    int max_failures_per_account = 5;
    int max_failures_per_address = 20;
    std::chrono::seconds failure_window{15 * 60};
    std::size_t max_limited_keys = 10000; ///< accounts (and as many addresses) counted at once
};

inline constexpr std::string_view kSessionCookie = "cdcwb_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

/// Counts failures per key in a sliding window. In memory, per process: with several servers
/// each enforces its own limit. Keys whose failures have all left the window are dropped, and at
/// most `max_keys` are kept: when that many have recent failures, the one whose last failure is
/// oldest gives way, a key that blocks only when every key does (so a flood of new names cannot
/// lift a lock).
class FailureLimiter {
  public:
    using Clock = std::chrono::steady_clock;
    FailureLimiter(int max, std::chrono::seconds window, std::size_t max_keys = 10000)
        : max_(max), window_(window), max_keys_(max_keys) {}
    bool blocked(const std::string& key);
    void failed(const std::string& key);
    void succeeded(const std::string& key);
    /// Keys kept now.
    std::size_t size();

  private:
    void prune(std::deque<Clock::time_point>& times) const;
    void make_room();
    int max_;
    std::chrono::seconds window_;
    std::size_t max_keys_;
    std::mutex mutex_;
    std::map<std::string, std::deque<Clock::time_point>> failures_;
};

class Authenticator {
  public:
    Authenticator(store::Store& store, AuthOptions options);

    /// The caller behind the request's credentials. No credentials: an anonymous caller. Bad or
    /// expired credentials: unauthenticated.
    domain::Result<Caller> identify(const Request& request);

    /// Writes by a cookie-authenticated caller need the session's CSRF token in X-CSRF-Token.
    domain::Status check_csrf(const Request& request, const Caller& caller) const;

    /// A token's scope allows the request's method (always so for a session): a read token
    /// writing is forbidden, naming "scope".
    domain::Status check_scope(const Request& request, const Caller& caller) const;

    /// The signed-in user's password again, before something that needs it (making an API
    /// token): rate-limited like sign-in, a wrong one counts as a failed sign-in and is
    /// forbidden (not unauthenticated: the session itself is fine), naming "password".
    domain::Status confirm_password(const store::UserRecord& user, const std::string& password,
                                    const std::string& address);

    /// Checks the password (rate-limited) and, for an account with two-factor sign-in, the
    /// code (a TOTP code or a recovery code; none: unauthenticated naming "code", not counted as
    /// a failure; a wrong one counts), then opens a session.
    domain::Result<store::IssuedSession> sign_in(const std::string& username,
                                                 const std::string& password,
                                                 const std::optional<std::string>& code,
                                                 const std::string& address);

    /// Whether the site requires two-factor sign-in of `user` and they have not turned it on:
    /// then they may do nothing but set it up. The site's setting is read at most every 2
    /// seconds.
    domain::Result<bool> must_enrol(const store::UserRecord& user);
    /// Reads the site's setting again on the next request (after this server changed it).
    void forget_requirement();

    std::string session_cookie(const std::string& token) const;
    std::string expired_cookie() const;
    const AuthOptions& options() const { return options_; }

  private:
    store::Store& store_;
    AuthOptions options_;
    FailureLimiter by_account_;
    FailureLimiter by_address_;
    std::mutex requirement_mutex_;
    std::optional<domain::TwoFactorRequirement> requirement_;
    std::chrono::steady_clock::time_point requirement_read_;
};

} // namespace cdcwb::http
