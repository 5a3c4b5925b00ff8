// Credentials other than passwords: API tokens for automation and sign-in sessions. Only a
// SHA-256 of each token is stored, so a copy of the database cannot be used to sign in.
#include "domain/user.hpp"
#include "store/rows.hpp"
#include "store/secrets.hpp"
#include "store/store.hpp"
#include "store/token_cache.hpp"

namespace cdcwb::store {

using namespace domain;
using codec::Json;

namespace {

constexpr std::string_view kTokenPrefix = "cdcwb_";
constexpr std::size_t kTokenBytes = 32;
constexpr auto kSessionTouchInterval = std::chrono::minutes(5);
/// A session's last use is written at most this often (or every half of its idle timeout).
constexpr std::chrono::seconds kSessionSeenInterval{60};

Result<long long> user_id_of(soci::session& sql, std::string_view username) {
    long long id = 0;
    std::string name(username);
    sql << "select id from users where username = :name", soci::use(name), soci::into(id);
    if (!sql.got_data())
        return rows::not_found("no user '" + name + "'; `cdcwb user list` shows them", "user");
    return id;
}

struct UserColumns {
    long long id = 0;
    std::string username, display_name, lang, created_at;
    int is_admin = 0, disabled = 0;
    UserRecord get() const {
        return {id, username, display_name, is_admin != 0, disabled != 0, lang, created_at};
    }
};

/// Prepared once per connection: every request with an API token looks it up.
struct TokenLookup {
    std::string hash;
    long long token_id = 0;
    NullableText expires, used, revoked;
    std::string scope;
    UserColumns c;
    soci::statement st;
    explicit TokenLookup(Session& sql)
        : st((sql.prepare << "select t.id, t.expires_at, t.last_used_at, t.revoked_at, t.scope, "
                             "u.id, "
                             "u.username, u.display_name, u.is_admin, u.disabled, u.lang, "
                             "u.created_at from api_tokens t join users u on u.id = t.user_id "
                             "where t.token_hash = :hash",
              soci::use(hash), soci::into(token_id), soci::into(expires.value, expires.ind),
              soci::into(used.value, used.ind), soci::into(revoked.value, revoked.ind),
              soci::into(scope), soci::into(c.id), soci::into(c.username),
              soci::into(c.display_name), soci::into(c.is_admin), soci::into(c.disabled),
              soci::into(c.lang), soci::into(c.created_at))) {}
};

domain::TokenScope stored_scope(const std::string& text) {
    auto scope = domain::parse_token_scope(text);
    if (!scope) throw std::runtime_error("stored data is damaged: token scope");
    return *scope;
}

/// Prepared once per connection: every request with a session cookie looks it up.
struct SessionLookup {
    std::string hash;
    SessionRecord r;
    UserColumns c;
    soci::statement st;
    explicit SessionLookup(Session& sql)
        : st((sql.prepare << "select s.csrf_token, s.created_at, s.expires_at, s.public_id, "
                             "s.last_seen_at, s.address, u.id, u.username, u.display_name, "
                             "u.is_admin, u.disabled, u.lang, u.created_at from sessions s join "
                             "users u on u.id = s.user_id where s.token_hash = :hash",
              soci::use(hash), soci::into(r.csrf_token), soci::into(r.created_at),
              soci::into(r.expires_at), soci::into(r.public_id), soci::into(r.last_seen_at),
              soci::into(r.address), soci::into(c.id), soci::into(c.username),
              soci::into(c.display_name), soci::into(c.is_admin), soci::into(c.disabled),
              soci::into(c.lang), soci::into(c.created_at))) {}
};

/// How often a session's last use is written: once a minute, or every half of a shorter idle
/// timeout (so a session in use never times out between two writes).
std::chrono::seconds seen_interval(std::chrono::seconds idle_timeout) {
    return std::min(kSessionSeenInterval, idle_timeout / 2);
}

} // namespace

Result<IssuedToken> CredentialStore::create_token(const Actor& actor, std::string_view username,
                                                  std::string_view name,
                                                  std::optional<long long> days,
                                                  domain::TokenScope scope) {
    auto lifetime = domain::token_lifetime(days, "days");
    if (!lifetime) return lifetime.error();
    if (name.empty()) return invalid("a token needs a name saying what uses it", "name");
    if (auto s = validate_text(name, "name", 100); !s) return s.error();
    return guarded([&]() -> Result<IssuedToken> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        auto user_id = user_id_of(sql, username);
        if (!user_id) return user_id.error();
        IssuedToken issued;
        issued.token = std::string(kTokenPrefix) + secrets::random_token(kTokenBytes);
        auto& r = issued.record;
        r.username = std::string(username);
        r.name = std::string(name);
        r.prefix = issued.token.substr(0, kTokenPrefix.size() + 6);
        r.scope = scope;
        r.created_at = core_.now();
        r.expires_at = rows::format_time(core_.clock() + *lifetime);
        const std::string hash = secrets::sha256_hex(issued.token);
        std::string scope_text(domain::to_string(scope));
        long long id = 0;
        sql << "insert into api_tokens (user_id, name, token_hash, prefix, scope, created_at, "
               "expires_at) values (:user, :name, :hash, :prefix, :scope, :at, :expires) "
               "returning id",
            soci::use(*user_id), soci::use(r.name), soci::use(hash), soci::use(r.prefix),
            soci::use(scope_text), soci::use(r.created_at), soci::use(*r.expires_at),
            soci::into(id);
        r.id = id;
        Json after{{"id", id},           {"user", r.username},  {"name", r.name},
                   {"prefix", r.prefix}, {"scope", scope_text}, {"expires_at", *r.expires_at}};
        rows::audit(sql, r.created_at, actor, nullptr, "token", std::to_string(id), "create",
                    nullptr, after);
        unit.commit();
        return issued;
    });
}

Result<std::vector<TokenRecord>> CredentialStore::tokens(std::string_view username) {
    return guarded([&]() -> Result<std::vector<TokenRecord>> {
        Unit unit(core_.db, Unit::Mode::read);
        auto& sql = unit.sql();
        auto user_id = user_id_of(sql, username);
        if (!user_id) return user_id.error();
        TokenRecord r;
        NullableText expires, used, revoked;
        std::string scope;
        soci::statement st =
            (sql.prepare << "select id, name, prefix, scope, created_at, expires_at, last_used_at, "
                            "revoked_at from api_tokens where user_id = :user order by id",
             soci::use(*user_id), soci::into(r.id), soci::into(r.name), soci::into(r.prefix),
             soci::into(scope), soci::into(r.created_at), soci::into(expires.value, expires.ind),
             soci::into(used.value, used.ind), soci::into(revoked.value, revoked.ind));
        st.execute();
        std::vector<TokenRecord> out;
        while (st.fetch()) {
            r.username = std::string(username);
            r.scope = stored_scope(scope);
            r.expires_at = expires.get();
            r.last_used_at = used.get();
            r.revoked_at = revoked.get();
            out.push_back(r);
        }
        return out;
    });
}

Status CredentialStore::revoke_token(const Actor& actor, std::string_view username,
                                     std::int64_t token_id) {
    return guarded([&]() -> Status {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        auto user_id = user_id_of(sql, username);
        if (!user_id) return user_id.error();
        const std::string at = core_.now();
        long long id = token_id;
        soci::statement st =
            (sql.prepare << "update api_tokens set revoked_at = :at where id = :id and user_id = "
                            ":user and revoked_at is null",
             soci::use(at), soci::use(id), soci::use(*user_id));
        st.execute(true);
        if (st.get_affected_rows() != 1)
            return rows::not_found("user '" + std::string(username) + "' has no active token " +
                                       std::to_string(token_id),
                                   "token");
        rows::audit(sql, at, actor, nullptr, "token", std::to_string(id), "revoke", nullptr,
                    Json{{"revoked_at", at}});
        unit.commit();
        std::lock_guard lock(core_.tokens->mutex);
        core_.tokens->entries.clear(); // the revoked token is no longer trusted, here at once
        return {};
    });
}

Result<TokenIdentity> CredentialStore::authenticate_token(std::string_view token) {
    const Error refused = domain::unauthenticated("the API token is unknown, expired or revoked");
    if (token.substr(0, kTokenPrefix.size()) != kTokenPrefix) return refused;
    const std::string hash = secrets::sha256_hex(token);
    const auto now_steady = std::chrono::steady_clock::now();
    {
        std::lock_guard lock(core_.tokens->mutex);
        auto it = core_.tokens->entries.find(hash);
        if (it != core_.tokens->entries.end() && now_steady - it->second.checked < kTokenTrust &&
            (!it->second.expires_at || *it->second.expires_at > core_.now()))
            return TokenIdentity{it->second.user, it->second.scope};
    }
    return guarded([&]() -> Result<TokenIdentity> {
        long long token_id = 0;
        bool touch = false;
        TokenIdentity identity;
        std::optional<std::string> expires_at;
        {
            // Every API request does this: one statement, kept prepared.
            Unit unit(core_.db, Unit::Mode::single);
            auto& q = unit.sql().prepared<TokenLookup>();
            q.hash = hash;
            const bool found = fetch_one(q.st);
            if (!found) return refused;
            const std::string at = core_.now();
            if (q.revoked.get() || (q.expires.get() && *q.expires.get() <= at) || q.c.disabled)
                return refused;
            // Record use at most every few minutes: a read should rarely cost a write.
            const std::string touch_before =
                rows::format_time(core_.clock() - kSessionTouchInterval);
            touch = !q.used.get() || *q.used.get() < touch_before;
            token_id = q.token_id;
            identity = {q.c.get(), stored_scope(q.scope)};
            expires_at = q.expires.get();
        }
        {
            std::lock_guard lock(core_.tokens->mutex);
            if (core_.tokens->entries.size() > 10000) core_.tokens->entries.clear();
            core_.tokens->entries[hash] =
                StoreCore::TokenCache::Entry{identity.user, identity.scope, now_steady, expires_at};
        }
        if (touch) {
            Unit unit(core_.db, Unit::Mode::write);
            const std::string at = core_.now();
            unit.sql() << "update api_tokens set last_used_at = :at where id = :id", soci::use(at),
                soci::use(token_id);
            unit.commit();
        }
        return identity;
    });
}

Result<IssuedSession> CredentialStore::create_session(std::int64_t user_id,
                                                      std::chrono::seconds lifetime,
                                                      std::string_view address) {
    if (lifetime.count() <= 0) return invalid("a session's lifetime must be positive", "lifetime");
    return guarded([&]() -> Result<IssuedSession> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        UserColumns c;
        long long id = user_id;
        sql << "select id, username, display_name, is_admin, disabled, lang, created_at from "
               "users where id = :id",
            soci::use(id), soci::into(c.id), soci::into(c.username), soci::into(c.display_name),
            soci::into(c.is_admin), soci::into(c.disabled), soci::into(c.lang),
            soci::into(c.created_at);
        if (!sql.got_data()) return rows::not_found("no user " + std::to_string(id), "user");
        if (c.disabled) return domain::forbidden("the account is disabled", "user");
        IssuedSession issued;
        issued.token = secrets::random_token(kTokenBytes);
        auto& r = issued.record;
        r.user = c.get();
        r.csrf_token = secrets::random_token(kTokenBytes);
        r.created_at = core_.now();
        r.expires_at = rows::format_time(core_.clock() + lifetime);
        r.public_id = secrets::random_token(12);
        r.last_seen_at = r.created_at;
        const std::string hash = secrets::sha256_hex(issued.token);
        std::string addr(address.substr(0, 100));
        r.address = addr;
        sql << "insert into sessions (token_hash, user_id, csrf_token, address, created_at, "
               "expires_at, last_seen_at, public_id) values (:hash, :user, :csrf, :addr, :at, "
               ":expires, :seen, :public_id)",
            soci::use(hash), soci::use(id), soci::use(r.csrf_token), soci::use(addr),
            soci::use(r.created_at), soci::use(r.expires_at), soci::use(r.created_at),
            soci::use(r.public_id);
        // Expired sessions of anyone are cleared as new ones are made.
        sql << "delete from sessions where expires_at <= :at", soci::use(r.created_at);
        rows::audit(sql, r.created_at, Actor{c.username, c.id}, nullptr, "session", c.username,
                    "sign_in", nullptr, Json{{"address", addr}, {"expires_at", r.expires_at}});
        unit.commit();
        return issued;
    });
}

Result<SessionRecord> CredentialStore::session(std::string_view token,
                                               std::chrono::seconds idle_timeout) {
    const Error refused = domain::unauthenticated("the session has ended; sign in again");
    if (token.empty() || token.size() > 200) return refused;
    const std::string hash = secrets::sha256_hex(token);
    return guarded([&]() -> Result<SessionRecord> {
        SessionRecord r;
        const auto now = core_.clock();
        {
            Unit unit(core_.db, Unit::Mode::single);
            auto& q = unit.sql().prepared<SessionLookup>();
            q.hash = hash;
            const bool found = fetch_one(q.st);
            if (!found || q.r.expires_at <= rows::format_time(now) || q.c.disabled ||
                q.r.last_seen_at <= rows::format_time(now - idle_timeout))
                return refused;
            r = q.r;
            r.user = q.c.get();
        }
        // Record the use when the last record is older than the interval: most requests read.
        if (r.last_seen_at <= rows::format_time(now - seen_interval(idle_timeout))) {
            Unit unit(core_.db, Unit::Mode::write);
            r.last_seen_at = rows::format_time(now);
            unit.sql() << "update sessions set last_seen_at = :at where token_hash = :hash",
                soci::use(r.last_seen_at), soci::use(hash);
            unit.commit();
        }
        return r;
    });
}

Result<std::vector<SessionRecord>> CredentialStore::sessions_of(std::int64_t user_id,
                                                                std::chrono::seconds idle_timeout) {
    return guarded(
        [&]() -> Result<std::vector<SessionRecord>> {
            Unit unit(core_.db, Unit::Mode::read);
            const auto now = core_.clock();
            const std::string at = rows::format_time(now);
            const std::string idle_before = rows::format_time(now - idle_timeout);
            long long id = user_id;
            SessionRecord r;
            soci::statement st =
                (unit.sql().prepare
                     << "select public_id, created_at, expires_at, last_seen_at, address from "
                        "sessions where user_id = :user and expires_at > :at and last_seen_at > "
                        ":idle order by created_at desc, public_id",
                 soci::use(id), soci::use(at), soci::use(idle_before), soci::into(r.public_id),
                 soci::into(r.created_at), soci::into(r.expires_at), soci::into(r.last_seen_at),
                 soci::into(r.address));
            st.execute();
            std::vector<SessionRecord> out;
            while (st.fetch()) out.push_back(r);
            return out;
        });
}

Status CredentialStore::end_session_by_id(const Actor& actor, std::int64_t user_id,
                                          std::string_view public_id) {
    return guarded([&]() -> Status {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        long long id = user_id;
        std::string pid(public_id.substr(0, 100));
        soci::statement st = (sql.prepare << "delete from sessions where user_id = :user and "
                                             "public_id = :pid and public_id <> ''",
                              soci::use(id), soci::use(pid));
        st.execute(true);
        if (st.get_affected_rows() != 1)
            return rows::not_found("you have no session '" + pid + "'", "id");
        rows::audit(sql, core_.now(), actor, nullptr, "session", actor.name, "end", nullptr,
                    Json{{"session", pid}});
        unit.commit();
        return {};
    });
}

Result<long long> CredentialStore::end_sessions(const Actor& actor, std::int64_t user_id,
                                                const std::optional<std::string>& keep) {
    return guarded([&]() -> Result<long long> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        long long id = user_id;
        std::string kept = keep.value_or("");
        soci::statement st = (sql.prepare << "delete from sessions where user_id = :user and "
                                             "(public_id <> :kept or public_id = '')",
                              soci::use(id), soci::use(kept));
        st.execute(true);
        const long long ended = st.get_affected_rows();
        rows::audit(sql, core_.now(), actor, nullptr, "session", actor.name, "end_all", nullptr,
                    Json{{"ended", ended}, {"kept", keep ? Json(*keep) : Json(nullptr)}});
        unit.commit();
        return ended;
    });
}

Result<bool> CredentialStore::record_failed_sign_in(std::string_view username,
                                                    std::string_view address) {
    return guarded([&]() -> Result<bool> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        auto user_id = user_id_of(sql, username);
        if (!user_id) return false; // no such account: nothing to record
        const std::string name(username);
        rows::audit(sql, core_.now(), Actor{"anonymous", {}}, nullptr, "session", name,
                    "sign_in_failed", nullptr,
                    Json{{"address", std::string(address.substr(0, 100))}});
        unit.commit();
        return true;
    });
}

Status CredentialStore::record_sign_in_delay(std::string_view subject_kind,
                                             std::string_view subject, int failures,
                                             std::chrono::seconds delay) {
    return guarded([&]() -> Status {
        Unit unit(core_.db, Unit::Mode::write);
        rows::audit(unit.sql(), core_.now(), Actor{"anonymous", {}}, nullptr, "session",
                    std::string(subject.substr(0, 100)), "sign_in_delayed", nullptr,
                    Json{{"subject", std::string(subject_kind)},
                         {"failures", failures},
                         {"delay_seconds", delay.count()}});
        unit.commit();
        return {};
    });
}

Status CredentialStore::end_session(std::string_view token) {
    const std::string hash = secrets::sha256_hex(token);
    return guarded([&]() -> Status {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        std::string username;
        long long user_id = 0;
        sql << "select u.username, u.id from sessions s join users u on u.id = s.user_id where "
               "s.token_hash = :hash",
            soci::use(hash), soci::into(username), soci::into(user_id);
        if (!sql.got_data()) return {}; // already ended: signing out twice is not an error
        sql << "delete from sessions where token_hash = :hash", soci::use(hash);
        rows::audit(sql, core_.now(), Actor{username, user_id}, nullptr, "session", username,
                    "sign_out", nullptr, nullptr);
        unit.commit();
        return {};
    });
}

} // namespace cdcwb::store
