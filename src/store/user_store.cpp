// People: accounts with argon2id password hashes, and their roles in organisations.
#include "domain/user.hpp"
#include "store/common_passwords.hpp"
#include "store/rows.hpp"
#include "store/secrets.hpp"
#include "store/store.hpp"
#include "store/token_cache.hpp"

namespace cdcwb::store {

using namespace domain;
using codec::Json;

namespace {

constexpr const char* kUserSelect =
    "select id, username, display_name, is_admin, disabled, lang, created_at from users";

struct UserColumns {
    long long id = 0;
    std::string username, display_name, lang, created_at;
    int is_admin = 0;
    int disabled = 0;
    UserRecord get() const {
        return {id, username, display_name, is_admin != 0, disabled != 0, lang, created_at};
    }
};

void bind_into(soci::details::prepare_temp_type& p, UserColumns& c) {
    p, soci::into(c.id), soci::into(c.username), soci::into(c.display_name), soci::into(c.is_admin),
        soci::into(c.disabled), soci::into(c.lang), soci::into(c.created_at);
}

std::optional<UserRecord> find_user(soci::session& sql, std::string_view username) {
    UserColumns c;
    std::string name(username);
    soci::details::prepare_temp_type p =
        (sql.prepare << std::string(kUserSelect) + " where username = :name", soci::use(name));
    bind_into(p, c);
    soci::statement st(p);
    st.execute();
    if (!st.fetch()) return std::nullopt;
    return c.get();
}

Result<UserRecord> require_user(soci::session& sql, std::string_view username) {
    auto user = find_user(sql, username);
    if (!user)
        return rows::not_found(
            "no user '" + std::string(username) + "'; `cdcwb user list` shows them", "user");
    return *user;
}

/// The role token a user holds in an organisation, if any.
std::optional<std::string> current_role(soci::session& sql, long long org_id, long long user_id) {
    std::string role;
    soci::indicator ind = soci::i_null;
    sql << "select role from memberships where org_id = :org and user_id = :user",
        soci::use(org_id), soci::use(user_id), soci::into(role, ind);
    if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
    return role;
}

Json user_json(const UserRecord& u) {
    return Json{{"username", u.username},
                {"display_name", u.display_name},
                {"is_admin", u.is_admin},
                {"disabled", u.disabled},
                {"lang", u.lang}};
}

std::vector<Membership> membership_rows(soci::session& sql, const std::string& where,
                                        const std::string& key) {
    std::string slug, name, username, role;
    std::string k = key;
    soci::statement st =
        (sql.prepare << "select o.slug, o.name, u.username, m.role from memberships m join "
                        "organisations o on o.id = m.org_id join users u on u.id = m.user_id "
                        "where " +
                            where + " = :key order by o.slug, u.username",
         soci::use(k), soci::into(slug), soci::into(name), soci::into(username), soci::into(role));
    st.execute();
    std::vector<Membership> out;
    while (st.fetch()) {
        auto r = parse_role(role);
        if (!r) throw std::runtime_error("stored data is damaged: role");
        out.push_back({slug, name, username, *r});
    }
    return out;
}

} // namespace

Result<UserRecord> UserStore::create_user(const Actor& actor, const NewUser& request) {
    if (auto s = validate_username(request.username, "username"); !s) return s.error();
    if (auto s = validate_new_password(request.password, request.username, common_passwords(),
                                       "password");
        !s)
        return s.error();
    if (auto s = validate_lang(request.lang, "lang"); !s) return s.error();
    if (auto s = validate_text(request.display_name, "display_name", 200); !s) return s.error();
    const std::string hash = secrets::hash_password(request.password);
    return guarded([&]() -> Result<UserRecord> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        if (find_user(sql, request.username))
            return rows::conflict("a user '" + request.username + "' already exists", "username");
        const std::string at = core_.now();
        int admin = request.is_admin ? 1 : 0;
        sql << "insert into users (username, display_name, password_hash, is_admin, lang, "
               "disabled, created_at, password_changed_at) values (:name, :display, :hash, "
               ":admin, :lang, 0, :at, :at2)",
            soci::use(request.username), soci::use(request.display_name), soci::use(hash),
            soci::use(admin), soci::use(request.lang), soci::use(at), soci::use(at);
        auto user = find_user(sql, request.username);
        rows::audit(sql, at, actor, nullptr, "user", user->username, "create", nullptr,
                    user_json(*user));
        unit.commit();
        return *user;
    });
}

Result<std::vector<UserRecord>> UserStore::list() {
    return guarded([&]() -> Result<std::vector<UserRecord>> {
        Unit unit(core_.db, Unit::Mode::read);
        UserColumns c;
        soci::details::prepare_temp_type p =
            (unit.sql().prepare << std::string(kUserSelect) + " order by username");
        bind_into(p, c);
        soci::statement st(p);
        st.execute();
        std::vector<UserRecord> out;
        while (st.fetch()) out.push_back(c.get());
        return out;
    });
}

Result<UserRecord> UserStore::user(std::string_view username) {
    return guarded([&]() -> Result<UserRecord> {
        Unit unit(core_.db, Unit::Mode::read);
        return require_user(unit.sql(), username);
    });
}

namespace {

/// Revokes every live API token of the user; how many were.
long long revoke_tokens(Session& sql, const std::string& at, long long user_id) {
    soci::statement st = (sql.prepare << "update api_tokens set revoked_at = :at where user_id = "
                                         ":id and revoked_at is null",
                          soci::use(at), soci::use(user_id));
    st.execute(true);
    return st.get_affected_rows();
}

/// The changes of an account, applied inside the caller's write unit; each is audited.
void apply_password(Session& sql, const std::string& at, const Actor& actor, const UserRecord& user,
                    const std::string& hash, const std::optional<std::string>& keep_session) {
    sql << "update users set password_hash = :hash, password_changed_at = :at where id = :id",
        soci::use(hash), soci::use(at), soci::use(user.id);
    // A new password ends every session of the account (but the one changing it, when asked)
    // and revokes its API tokens: whoever knew the old password may have made them.
    std::string kept = keep_session.value_or("");
    sql << "delete from sessions where user_id = :id and (public_id <> :kept or public_id = '')",
        soci::use(user.id), soci::use(kept);
    const long long revoked = revoke_tokens(sql, at, user.id);
    rows::audit(sql, at, actor, nullptr, "user", user.username, "password", nullptr,
                Json{{"password", "changed"}, {"tokens_revoked", revoked}});
}

UserRecord apply_disabled(Session& sql, const std::string& at, const Actor& actor,
                          const UserRecord& user, bool disabled) {
    int flag = disabled ? 1 : 0;
    sql << "update users set disabled = :flag where id = :id", soci::use(flag), soci::use(user.id);
    long long revoked = 0;
    if (disabled) {
        // Disabling ends the sessions and revokes the tokens: enabling again brings none back.
        sql << "delete from sessions where user_id = :id", soci::use(user.id);
        revoked = revoke_tokens(sql, at, user.id);
    }
    auto after = user;
    after.disabled = disabled;
    Json after_json = user_json(after);
    if (disabled) after_json["tokens_revoked"] = revoked;
    rows::audit(sql, at, actor, nullptr, "user", user.username, disabled ? "disable" : "enable",
                user_json(user), after_json);
    return after;
}

UserRecord apply_lang(Session& sql, const std::string& at, const Actor& actor,
                      const UserRecord& user, const std::string& lang) {
    if (user.lang == lang) return user;
    sql << "update users set lang = :lang where id = :id", soci::use(lang), soci::use(user.id);
    auto after = user;
    after.lang = lang;
    rows::audit(sql, at, actor, nullptr, "user", user.username, "lang", user_json(user),
                user_json(after));
    return after;
}

} // namespace

Result<UserRecord> UserStore::update_account(const Actor& actor, std::string_view username,
                                             const AccountChange& change) {
    if (change.password)
        if (auto s =
                validate_new_password(*change.password, username, common_passwords(), "password");
            !s)
            return s.error();
    if (change.lang)
        if (auto s = validate_lang(*change.lang, "lang"); !s) return s.error();
    const std::string hash = change.password ? secrets::hash_password(*change.password) : "";
    auto updated = guarded([&]() -> Result<UserRecord> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        auto user = require_user(sql, username);
        if (!user) return user.error();
        const std::string at = core_.now();
        if (change.password) apply_password(sql, at, actor, *user, hash, change.keep_session);
        if (change.disabled) *user = apply_disabled(sql, at, actor, *user, *change.disabled);
        if (change.lang) *user = apply_lang(sql, at, actor, *user, *change.lang);
        unit.commit();
        return *user;
    });
    if (updated && (change.disabled || change.password)) {
        std::lock_guard lock(core_.tokens->mutex);
        core_.tokens->entries.clear(); // the revoked tokens stop working here at once
    }
    return updated;
}

Status UserStore::set_password(const Actor& actor, std::string_view username,
                               std::string_view password) {
    AccountChange change{std::string(password), {}, {}, {}};
    const secrets::WipeOnExit wipe(change.password);
    auto done = update_account(actor, username, change);
    return done ? Status{} : Status{done.error()};
}

Status UserStore::set_user_disabled(const Actor& actor, std::string_view username, bool disabled) {
    auto done = update_account(actor, username, {{}, disabled, {}, {}});
    return done ? Status{} : Status{done.error()};
}

Result<UserRecord> UserStore::check_password(std::string_view username, std::string_view password) {
    const Error refused = domain::unauthenticated("wrong user name or password");
    auto found = guarded([&]() -> Result<std::pair<UserRecord, std::string>> {
        Unit unit(core_.db, Unit::Mode::read);
        auto user = find_user(unit.sql(), username);
        if (!user) return rows::not_found("no such user", "user");
        std::string hash;
        unit.sql() << "select password_hash from users where id = :id", soci::use(user->id),
            soci::into(hash);
        return std::pair{*user, hash};
    });
    if (!found) {
        if (found.error().code != ErrorCode::not_found) return found.error();
        secrets::dummy_verify(password);
        return refused;
    }
    if (!secrets::verify_password(found->second, password) || found->first.disabled) return refused;
    return found->first;
}

Status UserStore::set_role(const Actor& actor, std::string_view slug, std::string_view username,
                           Role role) {
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Status {
            auto user = require_user(sql, username);
            if (!user) return user.error();
            const auto held = current_role(sql, org.id, user->id);
            const bool existed = held.has_value();
            const std::string before = held.value_or("");
            std::string token(to_string(role));
            const std::string at = core_.now();
            if (existed)
                sql << "update memberships set role = :role where org_id = :org and user_id = "
                       ":user",
                    soci::use(token), soci::use(org.id), soci::use(user->id);
            else
                sql << "insert into memberships (org_id, user_id, role, created_at) values (:org, "
                       ":user, :role, :at)",
                    soci::use(org.id), soci::use(user->id), soci::use(token), soci::use(at);
            rows::audit(sql, at, actor, &org, "membership", user->username,
                        existed ? "update" : "create",
                        existed ? Json{{"role", before}} : Json(nullptr), Json{{"role", token}});
            return {};
        });
}

Status UserStore::remove_member(const Actor& actor, std::string_view slug,
                                std::string_view username) {
    return rows::change_organisation(
        core_, slug, [&](Session& sql, const OrganisationRecord& org) -> Status {
            auto user = require_user(sql, username);
            if (!user) return user.error();
            const auto before = current_role(sql, org.id, user->id);
            if (!before)
                return rows::not_found(
                    "'" + user->username + "' is not a member of '" + org.slug + "'", "user");
            sql << "delete from memberships where org_id = :org and user_id = :user",
                soci::use(org.id), soci::use(user->id);
            rows::audit(sql, core_.now(), actor, &org, "membership", user->username, "delete",
                        Json{{"role", *before}}, nullptr);
            return {};
        });
}

Result<std::vector<Membership>> UserStore::members(std::string_view slug) {
    return guarded([&]() -> Result<std::vector<Membership>> {
        Unit unit(core_.db, Unit::Mode::read);
        auto org = rows::organisation(unit.sql(), slug);
        if (!org) return org.error();
        return membership_rows(unit.sql(), "o.slug", org->slug);
    });
}

namespace {

/// Prepared once per connection: every request to an organisation checks the caller's role.
struct RoleLookup {
    long long user_id = 0;
    std::string slug;
    std::string role;
    soci::statement st;
    explicit RoleLookup(Session& sql)
        : st((sql.prepare << "select m.role from memberships m join organisations o on o.id = "
                             "m.org_id where m.user_id = :user and o.slug = :slug",
              soci::use(user_id), soci::use(slug), soci::into(role))) {}
};

} // namespace

Result<std::optional<Role>> UserStore::role_in(std::int64_t user_id, std::string_view slug) {
    return guarded([&]() -> Result<std::optional<Role>> {
        Unit unit(core_.db, Unit::Mode::single);
        auto& q = unit.sql().prepared<RoleLookup>();
        q.user_id = user_id;
        q.slug = std::string(slug);
        const bool found = fetch_one(q.st);
        if (!found) return std::optional<Role>();
        auto parsed = parse_role(q.role);
        if (!parsed) throw std::runtime_error("stored data is damaged: role");
        return std::optional<Role>(*parsed);
    });
}

Result<std::vector<Membership>> UserStore::memberships(std::string_view username) {
    return guarded([&]() -> Result<std::vector<Membership>> {
        Unit unit(core_.db, Unit::Mode::read);
        auto user = require_user(unit.sql(), username);
        if (!user) return user.error();
        return membership_rows(unit.sql(), "u.username", user->username);
    });
}

Result<std::vector<VisibleOrganisation>> UserStore::organisations_of(std::string_view username,
                                                                     bool site_admin) {
    return guarded([&]() -> Result<std::vector<VisibleOrganisation>> {
        Unit unit(core_.db, Unit::Mode::read);
        auto user = require_user(unit.sql(), username);
        if (!user) return user.error();
        const auto mine = membership_rows(unit.sql(), "u.username", user->username);
        std::vector<VisibleOrganisation> out;
        for (auto& org : rows::organisations(unit.sql())) {
            std::optional<domain::Role> role;
            for (const auto& m : mine)
                if (m.org_slug == org.slug) role = m.role;
            if (role || site_admin) out.push_back({std::move(org), role});
        }
        return out;
    });
}

} // namespace cdcwb::store
