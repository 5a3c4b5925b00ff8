#include "http/auth.hpp"

#include "domain/user.hpp"

#include <algorithm>
#include <sodium.h>

namespace cdcwb::http {

using domain::Error;
using domain::ErrorCode;

bool FailureLimiter::blocked(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = failures_.find(key);
    if (it == failures_.end()) return false;
    prune(it->second);
    if (it->second.empty()) {
        failures_.erase(it);
        return false;
    }
    return static_cast<int>(it->second.size()) >= max_;
}

void FailureLimiter::failed(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = failures_.find(key);
    if (it == failures_.end()) {
        make_room();
        it = failures_.emplace(key, std::deque<Clock::time_point>{}).first;
    }
    prune(it->second);
    it->second.push_back(Clock::now());
    // More than max_ failures in the window change nothing: keep no more.
    while (it->second.size() > static_cast<std::size_t>(std::max(max_, 1))) it->second.pop_front();
}

void FailureLimiter::succeeded(const std::string& key) {
    std::lock_guard lock(mutex_);
    failures_.erase(key);
}

std::size_t FailureLimiter::size() {
    std::lock_guard lock(mutex_);
    return failures_.size();
}

void FailureLimiter::prune(std::deque<Clock::time_point>& times) const {
    const auto cutoff = Clock::now() - window_;
    while (!times.empty() && times.front() < cutoff) times.pop_front();
}

void FailureLimiter::make_room() {
    if (failures_.size() < max_keys_) return;
    for (auto it = failures_.begin(); it != failures_.end();) {
        prune(it->second);
        it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
    if (failures_.size() < max_keys_) return;
    // The key whose last failure is oldest gives way, one that blocks only when all of them do.
    const auto blocks = [&](const auto& entry) {
        return static_cast<int>(entry.second.size()) >= max_;
    };
    auto stalest = std::min_element(failures_.begin(), failures_.end(), [&](auto& a, auto& b) {
        if (blocks(a) != blocks(b)) return !blocks(a);
        return a.second.back() < b.second.back();
    });
    failures_.erase(stalest);
}

Authenticator::Authenticator(store::Store& store, AuthOptions options)
    : store_(store), options_(options),
      by_account_(options.max_failures_per_account, options.failure_window,
                  options.max_limited_keys),
      by_address_(options.max_failures_per_address, options.failure_window,
                  options.max_limited_keys) {}

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
    const std::string cookie = request.cookie(kSessionCookie);
    if (cookie.empty()) return caller;
    auto session = store_.credentials.session(cookie);
    if (!session) return session.error();
    caller.user = session->user;
    caller.via = Caller::Via::session;
    caller.session_token = cookie;
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
    const std::string origin = "addr:" + address;
    const std::string account = "user:" + user.username;
    if (by_account_.blocked(account) || by_address_.blocked(origin))
        return domain::forbidden("too many failed sign-ins; wait 15 minutes and try again",
                                 "password");
    auto checked = store_.users.check_password(user.username, password);
    if (checked) return {};
    if (checked.error().code != ErrorCode::unauthenticated) return checked.error();
    by_account_.failed(account);
    by_address_.failed(origin);
    return domain::forbidden("the password is wrong: send your current password", "password");
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

domain::Result<store::IssuedSession> Authenticator::sign_in(const std::string& username,
                                                            const std::string& password,
                                                            const std::optional<std::string>& code,
                                                            const std::string& address) {
    const std::string origin = "addr:" + address;
    // A name no account can have never becomes a key (it counts for the address alone).
    const auto valid = domain::validate_username(username, "username");
    const std::string account = valid ? "user:" + username : std::string();
    if ((valid && by_account_.blocked(account)) || by_address_.blocked(origin))
        return domain::forbidden("too many failed sign-ins; wait 15 minutes and try again",
                                 "username");
    if (!valid) {
        by_address_.failed(origin);
        return valid.error();
    }
    auto user = store_.users.check_password(username, password);
    if (!user) {
        if (user.error().code == ErrorCode::unauthenticated) {
            by_account_.failed(account);
            by_address_.failed(origin);
        }
        return user.error();
    }
    auto second = store_.two_factor.status(user->id);
    if (!second) return second.error();
    if (second->enabled) {
        if (!code || code->empty())
            return domain::unauthenticated(
                "this account signs in with two factors: send the 6-digit code of the "
                "authenticator app (or a recovery code) as \"code\" with the password",
                "code");
        if (auto verified = store_.two_factor.verify(*user, *code); !verified) {
            if (verified.error().code == ErrorCode::unauthenticated) {
                by_account_.failed(account);
                by_address_.failed(origin);
            }
            return verified.error();
        }
    }
    by_account_.succeeded(account);
    return store_.credentials.create_session(user->id, options_.session_lifetime, address);
}

std::string Authenticator::session_cookie(const std::string& token) const {
    return std::string(kSessionCookie) + "=" + token +
           "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" +
           std::to_string(options_.session_lifetime.count()) +
           (options_.secure_cookies ? "; Secure" : "");
}

std::string Authenticator::expired_cookie() const {
    return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
           (options_.secure_cookies ? "; Secure" : "");
}

} // namespace cdcwb::http
