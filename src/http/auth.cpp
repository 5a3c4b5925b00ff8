#include "http/auth.hpp"

#include "domain/user.hpp"

#include <algorithm>
#include <sodium.h>

namespace cdcwb::http {

using domain::Error;
using domain::ErrorCode;

namespace {

std::chrono::seconds whole_seconds_until(FailureLimiter::Clock::time_point until,
                                         FailureLimiter::Clock::time_point now) {
    if (until <= now) return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(until - now);
}

} // namespace

bool FailureLimiter::forgotten(const Entry& e, Clock::time_point now) const {
    return now >= e.until && now - e.last >= forget_after_;
}

std::chrono::seconds FailureLimiter::wait(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto now = now_();
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::chrono::seconds(0);
    if (forgotten(it->second, now)) {
        entries_.erase(it);
        return std::chrono::seconds(0);
    }
    return whole_seconds_until(it->second.until, now);
}

std::chrono::seconds FailureLimiter::failed(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto now = now_();
    auto it = entries_.find(key);
    if (it != entries_.end() && forgotten(it->second, now)) it->second = Entry{};
    if (it == entries_.end()) {
        make_room(now);
        it = entries_.emplace(key, Entry{}).first;
    }
    auto& e = it->second;
    // Counting stops where the wait reaches its cap: the count cannot overflow.
    if (e.failures < free_ + 32) ++e.failures;
    e.last = now;
    const int beyond = e.failures - free_;
    if (beyond <= 0) return std::chrono::seconds(0);
    auto delay = first_delay_;
    for (int i = 1; i < beyond && delay < max_delay_; ++i) delay *= 2;
    delay = std::min(delay, max_delay_);
    e.until = now + delay;
    return delay;
}

void FailureLimiter::succeeded(const std::string& key) {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
}

int FailureLimiter::failures(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || forgotten(it->second, now_())) return 0;
    return it->second.failures;
}

std::size_t FailureLimiter::size() {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

void FailureLimiter::make_room(Clock::time_point now) {
    if (entries_.size() < max_keys_) return;
    for (auto it = entries_.begin(); it != entries_.end();)
        it = forgotten(it->second, now) ? entries_.erase(it) : std::next(it);
    if (entries_.size() < max_keys_) return;
    // The key whose last failure is oldest gives way, one that waits only when all of them do.
    const auto waits = [&](const auto& entry) { return entry.second.until > now; };
    auto stalest = std::min_element(entries_.begin(), entries_.end(), [&](auto& a, auto& b) {
        if (waits(a) != waits(b)) return !waits(a);
        return a.second.last < b.second.last;
    });
    entries_.erase(stalest);
}

Authenticator::Authenticator(store::Store& store, AuthOptions options)
    : store_(store), options_(options),
      by_account_(options.free_failures_per_account, options.first_delay, options.max_delay,
                  options.failure_window, options.max_limited_keys),
      by_address_(options.free_failures_per_address, options.first_delay, options.max_delay,
                  options.failure_window, options.max_limited_keys) {}

domain::Result<Caller> Authenticator::identify(const Request& request) {
    Caller caller;
    const std::string_view authorization = request.header("authorization");
    if (!authorization.empty()) {
        constexpr std::string_view bearer = "Bearer ";
        if (authorization.substr(0, bearer.size()) != bearer)
            return domain::unauthenticated("use 'Authorization: Bearer <API token>' or sign in",
                                           "authorization");
        auto identity = store_.credentials.authenticate_token(authorization.substr(bearer.size()));
        if (!identity) return identity.error();
        caller.user = identity->user;
        caller.via = Caller::Via::token;
        caller.scope = identity->scope;
        return caller;
    }
    const std::string cookie = request.cookie(cookie_name());
    if (cookie.empty()) return caller;
    auto session = store_.credentials.session(cookie, options_.session_idle_timeout);
    if (!session) return session.error();
    caller.user = session->user;
    caller.via = Caller::Via::session;
    caller.session_token = cookie;
    caller.session_id = session->public_id;
    caller.csrf_token = session->csrf_token;
    return caller;
}

domain::Status Authenticator::check_csrf(const Request& request, const Caller& caller) const {
    if (caller.via != Caller::Via::session) return {};
    if (request.method == "GET" || request.method == "HEAD") return {};
    const std::string_view sent = request.header(kCsrfHeader);
    if (sent.empty() || sent.size() != caller.csrf_token.size() ||
        sodium_memcmp(sent.data(), caller.csrf_token.data(), sent.size()) != 0)
        return domain::forbidden(
            "missing or wrong CSRF token: send the session's csrf_token in the "
            "X-CSRF-Token header",
            "x-csrf-token");
    return {};
}

domain::Status Authenticator::check_scope(const Request& request, const Caller& caller) const {
    if (caller.via != Caller::Via::token || domain::scope_allows(caller.scope, request.method))
        return {};
    return domain::forbidden("this API token's scope is 'read': it may only read (GET and "
                             "HEAD); make a token with scope 'read_write' to change things",
                             "scope");
}

domain::Status Authenticator::confirm_password(const store::UserRecord& user,
                                               const std::string& password,
                                               const std::string& address) {
    std::chrono::seconds retry_after{0};
    auto checked = check_password(user.username, password, address, retry_after);
    if (checked) return {};
    auto error = checked.error();
    if (error.code == ErrorCode::unauthenticated)
        return domain::forbidden("the password is wrong: send your current password", "password");
    if (error.code == ErrorCode::too_many_requests) error.field = "password";
    return error;
}

void Authenticator::forget_requirement() {
    std::lock_guard lock(requirement_mutex_);
    requirement_.reset();
}

domain::Result<bool> Authenticator::must_enrol(const store::UserRecord& user) {
    domain::TwoFactorRequirement requirement{};
    {
        std::lock_guard lock(requirement_mutex_);
        const auto now = std::chrono::steady_clock::now();
        if (!requirement_ || now - requirement_read_ > std::chrono::seconds(2)) {
            auto read = store_.two_factor.requirement();
            if (!read) return read.error();
            requirement_ = *read;
            requirement_read_ = now;
        }
        requirement = *requirement_;
    }
    if (!domain::two_factor_required(requirement, user.is_admin)) return false;
    auto status = store_.two_factor.status(user.id);
    if (!status) return status.error();
    return !status->enabled;
}

domain::Result<store::UserRecord> Authenticator::check_password(const std::string& username,
                                                                const std::string& password,
                                                                const std::string& address,
                                                                std::chrono::seconds& retry_after,
                                                                bool settle) {
    retry_after = std::chrono::seconds(0);
    const std::string origin = "addr:" + address;
    const auto wait_error = [&](std::chrono::seconds wait, const std::string& whose) {
        retry_after = wait;
        const auto n = wait.count();
        return domain::too_many_requests("too many failed sign-ins " + whose + "; try again in " +
                                             std::to_string(n) + (n == 1 ? " second" : " seconds"),
                                         "username");
    };
    if (const auto wait = by_address_.wait(origin); wait.count() > 0)
        return wait_error(wait, "from this address");
    // A name no account can have never becomes a key (it counts for the address alone).
    const auto valid = domain::validate_username(username, "username");
    if (!valid) {
        failed({}, {}, origin);
        return valid.error();
    }
    const std::string account = "user:" + username;
    // An account's wait holds only addresses that have failed lately: whoever guesses at an
    // account from elsewhere cannot keep its owner out (their own address waits instead).
    if (const auto wait = by_account_.wait(account);
        wait.count() > 0 && by_address_.failures(origin) > 0)
        return wait_error(wait, "for this account");
    auto user = store_.users.check_password(username, password);
    if (!user) {
        if (user.error().code == ErrorCode::unauthenticated) failed(username, account, origin);
        return user.error();
    }
    // The right password clears the account's count, unless it is waiting: the owner signing in
    // from elsewhere must not lift the wait of whoever is guessing.
    if (settle && by_account_.wait(account).count() == 0) by_account_.succeeded(account);
    return user;
}

void Authenticator::failed(const std::string& username, const std::string& account,
                           const std::string& origin) {
    const std::string address = origin.substr(5);
    // The audit log grows by one record per password checked (which the waits slow down) and
    // one when a wait begins; attempts refused while waiting write nothing. Failing to record is
    // not a reason to let the attempt pass, nor to answer differently.
    bool exists = false;
    if (!username.empty()) {
        auto recorded = store_.credentials.record_failed_sign_in(username, address);
        exists = recorded.ok() && *recorded;
        const auto delay = by_account_.failed(account);
        if (exists && delay.count() > 0 &&
            by_account_.failures(account) == options_.free_failures_per_account + 1)
            (void)store_.credentials.record_sign_in_delay("account", username,
                                                          by_account_.failures(account), delay);
    }
    const auto delay = by_address_.failed(origin);
    if (delay.count() > 0 && by_address_.failures(origin) == options_.free_failures_per_address + 1)
        (void)store_.credentials.record_sign_in_delay("address", address,
                                                      by_address_.failures(origin), delay);
}

domain::Result<store::IssuedSession> Authenticator::sign_in(const std::string& username,
                                                            const std::string& password,
                                                            const std::optional<std::string>& code,
                                                            const std::string& address,
                                                            std::chrono::seconds& retry_after) {
    auto user = check_password(username, password, address, retry_after, false);
    if (!user) return user.error();
    const std::string account = "user:" + username;
    auto second = store_.two_factor.status(user->id);
    if (!second) return second.error();
    if (second->enabled) {
        if (!code || code->empty())
            return domain::unauthenticated(
                "this account signs in with two factors: send the 6-digit code of the "
                "authenticator app (or a recovery code) as \"code\" with the password",
                "code");
        if (auto verified = store_.two_factor.verify(*user, *code); !verified) {
            if (verified.error().code == ErrorCode::unauthenticated)
                failed(username, account, "addr:" + address);
            return verified.error();
        }
    }
    if (by_account_.wait(account).count() == 0) by_account_.succeeded(account);
    return store_.credentials.create_session(user->id, options_.session_lifetime, address);
}

std::string_view Authenticator::cookie_name() const {
    return options_.secure_cookies ? kSecureSessionCookie : kSessionCookie;
}

std::string Authenticator::session_cookie(const std::string& token) const {
    return std::string(cookie_name()) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
           std::to_string(options_.session_lifetime.count()) +
           (options_.secure_cookies ? "; Secure" : "");
}

std::string Authenticator::expired_cookie() const {
    return std::string(cookie_name()) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
           (options_.secure_cookies ? "; Secure" : "");
}

} // namespace cdcwb::http
