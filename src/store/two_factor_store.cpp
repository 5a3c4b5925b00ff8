// Two-factor sign-in: TOTP secrets, recovery codes and the site's requirement.
#include "store/two_factor_store.hpp"

#include "domain/totp.hpp"
#include "store/rows.hpp"
#include "store/secrets.hpp"
#include "store/sql.hpp"
#include "store/totp_codes.hpp"

#include <algorithm>
#include <cctype>

namespace cdcwb::store {

using namespace domain;
using codec::Json;

namespace {

constexpr std::string_view kRequirementSetting = "two_factor_required";

const Error& wrong_code() {
    static const Error e =
        domain::unauthenticated("the two-factor code is wrong or was already used", "code");
    return e;
}

struct Secret {
    bool found = false;
    std::string secret; ///< raw bytes
    bool enabled = false;
    long long last_step = 0;
};

Secret secret_of(Session& sql, long long user_id) {
    Secret s;
    std::string b32;
    int enabled = 0;
    sql << "select secret, enabled, last_step from two_factor where user_id = :id",
        soci::use(user_id), soci::into(b32), soci::into(enabled), soci::into(s.last_step);
    if (!sql.got_data()) return s;
    auto raw = totp::base32_decode(b32);
    if (!raw) throw std::runtime_error("stored data is damaged: two-factor secret");
    s.found = true;
    s.secret = std::move(*raw);
    s.enabled = enabled != 0;
    return s;
}

/// A recovery code as typed, the way it is hashed: lower case, without dashes or spaces.
std::string normalised(std::string_view code) {
    std::string out;
    for (const char c : code)
        if (c != '-' && c != ' ')
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Characters of a recovery code (base32, 5 bits each): 125 random bits, more than the 112 that
/// ASVS 2.6.2 asks of a look-up secret stored under an unsalted hash.
constexpr std::size_t kRecoveryCodeLength = 25;

/// "abcde-fghij-klmno-pqrst-uvwxy": kRecoveryCodeLength base32 characters in groups of five,
/// lower case.
std::string new_recovery_code() {
    const std::string text =
        normalised(totp::base32_encode(secrets::random_bytes(16)).substr(0, kRecoveryCodeLength));
    std::string out;
    for (std::size_t i = 0; i < text.size(); i += 5) {
        if (!out.empty()) out += '-';
        out += text.substr(i, 5);
    }
    return out;
}

/// Accepts a TOTP code (recording its step) or spends a recovery code, inside the caller's write
/// unit; false when neither.
bool accept_code(Session& sql, const StoreCore& core, long long user_id, const Secret& s,
                 std::string_view code) {
    if (totp::looks_like_code(code)) {
        const auto step = totp_codes::match(s.secret, code, core.clock(), s.last_step);
        if (!step) return false;
        long long matched = *step;
        // Only forward: a concurrent sign-in with the same code finds the step taken.
        soci::statement st = (sql.prepare << "update two_factor set last_step = :step where "
                                             "user_id = :id and last_step < :step2",
                              soci::use(matched), soci::use(user_id), soci::use(matched));
        st.execute(true);
        return st.get_affected_rows() == 1;
    }
    const std::string typed = normalised(code);
    if (typed.size() != kRecoveryCodeLength) return false;
    const std::string hash = secrets::sha256_hex(typed);
    const std::string at = core.now();
    soci::statement st =
        (sql.prepare << "update recovery_codes set used_at = :at where user_id = :id and "
                        "code_hash = :hash and used_at is null",
         soci::use(at), soci::use(user_id), soci::use(hash));
    st.execute(true);
    return st.get_affected_rows() == 1;
}

int recovery_codes_left(Session& sql, long long user_id) {
    long long n = 0;
    sql << "select count(*) from recovery_codes where user_id = :id and used_at is null",
        soci::use(user_id), soci::into(n);
    return static_cast<int>(n);
}

} // namespace

Result<TwoFactorStatus> TwoFactorStore::status(std::int64_t user_id) {
    return guarded([&]() -> Result<TwoFactorStatus> {
        Unit unit(core_.db, Unit::Mode::read);
        const auto s = secret_of(unit.sql(), user_id);
        TwoFactorStatus out;
        out.enabled = s.found && s.enabled;
        out.pending = s.found && !s.enabled;
        if (out.enabled) out.recovery_codes_left = recovery_codes_left(unit.sql(), user_id);
        return out;
    });
}

Result<TwoFactorEnrolment> TwoFactorStore::start(const Actor& actor, const UserRecord& user) {
    return guarded([&]() -> Result<TwoFactorEnrolment> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        long long id = user.id;
        if (secret_of(sql, id).enabled)
            return domain::conflict(
                "two-factor sign-in is already on; turn it off first to set up a new device",
                "two_factor");
        TwoFactorEnrolment out;
        out.secret = totp::base32_encode(secrets::random_bytes(totp::kSecretBytes));
        out.uri = totp::otpauth_uri(kIssuer, user.username, out.secret);
        const std::string at = core_.now();
        sql << "delete from two_factor where user_id = :id", soci::use(id);
        sql << "insert into two_factor (user_id, secret, enabled, last_step, created_at) values "
               "(:id, :secret, 0, 0, :at)",
            soci::use(id), soci::use(out.secret), soci::use(at);
        rows::audit(sql, at, actor, nullptr, "two_factor", user.username, "start", nullptr,
                    Json{{"enabled", false}});
        unit.commit();
        return out;
    });
}

Result<std::vector<std::string>> TwoFactorStore::confirm(const Actor& actor, const UserRecord& user,
                                                         std::string_view code) {
    if (!totp::looks_like_code(code))
        return domain::invalid("send the 6-digit code your authenticator app shows", "code");
    return guarded([&]() -> Result<std::vector<std::string>> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        long long id = user.id;
        const auto s = secret_of(sql, id);
        if (!s.found)
            return domain::conflict("start setting up two-factor sign-in first", "two_factor");
        if (s.enabled) return domain::conflict("two-factor sign-in is already on", "two_factor");
        if (!accept_code(sql, core_, id, s, code))
            return domain::invalid("the code is wrong: check the device's clock and try the "
                                   "code it shows now",
                                   "code");
        const std::string at = core_.now();
        sql << "update two_factor set enabled = 1, enabled_at = :at where user_id = :id",
            soci::use(at), soci::use(id);
        sql << "delete from recovery_codes where user_id = :id", soci::use(id);
        std::vector<std::string> codes;
        for (int i = 0; i < kRecoveryCodes; ++i) {
            codes.push_back(new_recovery_code());
            const std::string hash = secrets::sha256_hex(normalised(codes.back()));
            sql << "insert into recovery_codes (user_id, code_hash) values (:id, :hash)",
                soci::use(id), soci::use(hash);
        }
        rows::audit(sql, at, actor, nullptr, "two_factor", user.username, "enable",
                    Json{{"enabled", false}},
                    Json{{"enabled", true}, {"recovery_codes", kRecoveryCodes}});
        unit.commit();
        return codes;
    });
}

Status TwoFactorStore::disable(const Actor& actor, const UserRecord& user, std::string_view code) {
    return guarded([&]() -> Status {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        long long id = user.id;
        const auto s = secret_of(sql, id);
        if (!s.found || !s.enabled)
            return domain::conflict("two-factor sign-in is not on", "two_factor");
        if (!accept_code(sql, core_, id, s, code))
            return domain::forbidden("the two-factor code is wrong or was already used", "code");
        sql << "delete from recovery_codes where user_id = :id", soci::use(id);
        sql << "delete from two_factor where user_id = :id", soci::use(id);
        rows::audit(sql, core_.now(), actor, nullptr, "two_factor", user.username, "disable",
                    Json{{"enabled", true}}, Json{{"enabled", false}});
        unit.commit();
        return {};
    });
}

Status TwoFactorStore::verify(const UserRecord& user, std::string_view code) {
    if (code.empty() || code.size() > 64) return wrong_code();
    return guarded([&]() -> Status {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        long long id = user.id;
        const auto s = secret_of(sql, id);
        if (!s.found || !s.enabled) return {};
        const bool totp_code = totp::looks_like_code(code);
        if (!accept_code(sql, core_, id, s, code)) return wrong_code();
        if (!totp_code)
            rows::audit(sql, core_.now(), Actor{user.username, user.id}, nullptr, "two_factor",
                        user.username, "recovery_code_used", nullptr,
                        Json{{"recovery_codes_left", recovery_codes_left(sql, id)}});
        unit.commit();
        return {};
    });
}

Result<long long> TwoFactorStore::reset(const Actor& actor, std::string_view username) {
    return guarded([&]() -> Result<long long> {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        const std::string name(username);
        long long id = 0;
        sql << "select id from users where username = :name", soci::use(name), soci::into(id);
        if (!sql.got_data()) return domain::not_found("no user named " + name, "user");
        const auto s = secret_of(sql, id);
        if (!s.found)
            return domain::conflict(name + " has no two-factor sign-in to reset", "two_factor");
        sql << "delete from recovery_codes where user_id = :id", soci::use(id);
        sql << "delete from two_factor where user_id = :id", soci::use(id);
        soci::statement st =
            (sql.prepare << "delete from sessions where user_id = :id", soci::use(id));
        st.execute(true);
        const long long ended = st.get_affected_rows();
        rows::audit(sql, core_.now(), actor, nullptr, "two_factor", name, "reset",
                    Json{{"enabled", s.enabled}},
                    Json{{"enabled", false}, {"sessions_ended", ended}});
        unit.commit();
        return ended;
    });
}

Result<TwoFactorRequirement> TwoFactorStore::requirement() {
    return guarded([&]() -> Result<TwoFactorRequirement> {
        Unit unit(core_.db, Unit::Mode::single);
        std::string name(kRequirementSetting), value;
        unit.sql() << "select value from site_settings where name = :name", soci::use(name),
            soci::into(value);
        if (!unit.sql().got_data()) return TwoFactorRequirement::none;
        auto parsed = parse_two_factor_requirement(value);
        if (!parsed) throw std::runtime_error("stored data is damaged: two_factor_required");
        return *parsed;
    });
}

Status TwoFactorStore::set_requirement(const Actor& actor, TwoFactorRequirement requirement) {
    return guarded([&]() -> Status {
        Unit unit(core_.db, Unit::Mode::write);
        auto& sql = unit.sql();
        // An administrator requiring it of administrators has it on: no one locks the site out.
        if (two_factor_required(requirement, true) && actor.user_id) {
            long long id = *actor.user_id;
            if (!secret_of(sql, id).enabled)
                return domain::conflict("turn on your own two-factor sign-in first: requiring it "
                                        "of administrators would otherwise lock you out",
                                        "two_factor_required");
        }
        std::string name(kRequirementSetting), before = "none";
        sql << "select value from site_settings where name = :name", soci::use(name),
            soci::into(before);
        std::string value(to_string(requirement));
        sql << "delete from site_settings where name = :name", soci::use(name);
        sql << "insert into site_settings (name, value) values (:name, :value)", soci::use(name),
            soci::use(value);
        rows::audit(sql, core_.now(), actor, nullptr, "site_settings", name, "update",
                    Json{{name, before}}, Json{{name, value}});
        unit.commit();
        return {};
    });
}

} // namespace cdcwb::store
