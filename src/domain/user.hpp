// Rules for people's accounts: user names, passwords and the interface language.
#pragma once

#include "domain/result.hpp"
#include "domain/text.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cdcwb::domain {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordBytes = 1024;
inline constexpr std::size_t kMaxUsernameLength = 64;
/// A user name as an ECMAScript pattern (validate_username applies it; GET /vocabulary sends it).
inline constexpr std::string_view kUsernamePattern = "^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$";

/// 1–64 of letters, digits, ".", "_", "-" and "@" (an e-mail address works), starting with a
/// letter or digit.
Status validate_username(std::string_view username, const std::string& field);

/// At least 12 characters (counted as Unicode code points), at most 1024 bytes, valid UTF-8.
Status validate_password(std::string_view password, const std::string& field);

/// Passwords too common to use (the product ships a list: data/common-passwords.txt), compared
/// ignoring ASCII case.
class PasswordList {
  public:
    PasswordList() = default;
    /// One password a line; blank lines and lines starting with '#' are skipped.
    static PasswordList parse(std::string_view text);
    bool contains(std::string_view password) const;
    std::size_t size() const { return sorted_.size(); }

  private:
    std::vector<std::string> sorted_; ///< lowercased
};

/// User names this long or longer may not appear anywhere in their password; shorter ones only
/// may not be the whole password (a two-letter name is in too many good passwords).
inline constexpr std::size_t kMinUsernameInPassword = 4;

/// A password being set (a new account, an administrator's reset, one's own change):
/// validate_password, not in `common`, and not the user name nor containing it (ignoring case;
/// see kMinUsernameInPassword).
Status validate_new_password(std::string_view password, std::string_view username,
                             const PasswordList& common, const std::string& field);

/// An API token lives 1 to 365 days; 90 when no lifetime is asked. Every token expires.
inline constexpr long long kMinTokenDays = 1;
inline constexpr long long kDefaultTokenDays = 90;
inline constexpr long long kMaxTokenDays = 365;
Result<std::chrono::seconds> token_lifetime(std::optional<long long> days,
                                            const std::string& field);

/// What an API token may do: `read` only reads (GET and HEAD), `read_write` everything its user
/// may. A session is not limited by a scope.
enum class TokenScope { read, read_write };
std::string_view to_string(TokenScope scope);
std::optional<TokenScope> parse_token_scope(std::string_view text);
/// Whether a request with this method may be made with a token of this scope.
bool scope_allows(TokenScope scope, std::string_view method);

/// Whom the site requires to sign in with a second factor: nobody, site administrators, or
/// everyone. Stored as a site setting; a site administrator changes it.
enum class TwoFactorRequirement { none, admins, everyone };
std::string_view to_string(TwoFactorRequirement requirement);
std::optional<TwoFactorRequirement> parse_two_factor_requirement(std::string_view text);
/// Whether a user (a site administrator or not) must use two-factor sign-in.
bool two_factor_required(TwoFactorRequirement requirement, bool is_admin);

/// "en" or "ja".
Status validate_lang(std::string_view lang, const std::string& field);

} // namespace cdcwb::domain
